import * as oauth from 'oauth4webapi';
import { SignJWT, importPKCS8 } from 'jose';
import type { CheckedCertificate } from './certificate.js';
import { certificateAuth } from './client-assertion.js';
import type { OAuthMode } from './modes.js';
import type { ProviderEndpoints } from './endpoints.js';
import { explainTokenError } from './token-errors.js';

/** A Google service account's JSON key, as the administrator downloads it (the fields Herald uses). */
export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
}

/** What a token request is made with: the mode, the app's credentials (opened), the mailbox and the endpoints. */
export interface GrantCredentials {
  mode: OAuthMode;
  clientId: string;
  clientSecret: string | null;
  /** A certificate instead of the secret (Microsoft): the client authenticates with a signed assertion. */
  certificate: CheckedCertificate | null;
  serviceKey: ServiceAccountKey | null;
  mailbox: string;
  endpoints: ProviderEndpoints;
  /** True only with HERALD_OAUTH_TEST_ENDPOINTS: the fake identity provider speaks plain HTTP on loopback. */
  insecureLoopback: boolean;
  timeoutMs: number;
}

/** A token endpoint's answer, reduced to what Herald keeps. */
export interface IssuedToken {
  accessToken: string;
  expiresInMs: number;
  /** A new refresh token when the provider rotated it (Microsoft does on every use). */
  refreshToken: string | null;
  scope: string | null;
}

/**
 * A token request that failed. `dead` means no retry can help (the grant was revoked or expired,
 * the client secret is wrong): the administrator must reconnect. Otherwise it is transient (5xx,
 * 429, network) and retried with backoff. `message` names the provider's error code and what to do,
 * never a token or secret.
 */
export class TokenRequestError extends Error {
  constructor(
    readonly dead: boolean,
    message: string,
    readonly providerError: string | null,
  ) {
    super(message);
  }
}

const defaultLifetimeMs = 3600_000;

/**
 * Asks the token endpoint for a new access token: client credentials (Microsoft app-only), the
 * refresh token (delegated, Google sign-in) or an RS256 JWT bearer assertion (Google service
 * account, subject = mailbox). Redirects are never followed (oauth4webapi sends `redirect: manual`).
 *
 * @example
 * declare const credentials: GrantCredentials;
 * const token = await requestAccessToken(credentials, null, Date.now());
 */
export async function requestAccessToken(credentials: GrantCredentials, refreshToken: string | null, now: number): Promise<IssuedToken> {
  const { as, client, auth, options } = await parties(credentials, now);
  return settle(async () => {
    if (credentials.mode === 'microsoft_app') {
      const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: credentials.endpoints.scope }, options);
      return oauth.processClientCredentialsResponse(as, client, response);
    }
    if (credentials.mode === 'google_service_account') {
      const assertion = await serviceAccountAssertion(credentials, now);
      const response = await oauth.genericTokenEndpointRequest(
        as,
        client,
        oauth.None(),
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
        { assertion },
        options,
      );
      return oauth.processGenericTokenEndpointResponse(as, client, response);
    }
    if (refreshToken === null) throw new TokenRequestError(true, 'No refresh token is stored: sign in again (Connect).', null);
    const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, options);
    return oauth.processRefreshTokenResponse(as, client, response);
  });
}

/**
 * Redeems an authorization code with its PKCE verifier (the sign-in modes). The callback's
 * parameters must carry the expected `state` (checked again by oauth4webapi).
 *
 * @example
 * declare const signIn: GrantCredentials;
 * await redeemCode(signIn, new URLSearchParams({ code: '…', state: 's' }), { state: 's', redirectUri: 'https://herald.example/oauth/callback/google', verifier: 'v', now: Date.now() });
 */
export async function redeemCode(
  credentials: GrantCredentials,
  callback: URLSearchParams,
  { state, redirectUri, verifier, now }: { state: string; redirectUri: string; verifier: string; now: number },
): Promise<IssuedToken> {
  const { as, client, auth, options } = await parties(credentials, now);
  return settle(async () => {
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, verifier, options);
    return oauth.processAuthorizationCodeResponse(as, client, response);
  });
}

async function parties(credentials: GrantCredentials, now: number) {
  const as: oauth.AuthorizationServer = {
    issuer: new URL(credentials.endpoints.token).origin,
    token_endpoint: credentials.endpoints.token,
    authorization_endpoint: credentials.endpoints.authorize,
  };
  const client: oauth.Client = { client_id: credentials.clientId };
  const auth =
    credentials.certificate !== null
      ? await certificateAuth(credentials.certificate, credentials.endpoints.token, now)
      : credentials.clientSecret !== null
        ? oauth.ClientSecretPost(credentials.clientSecret)
        : oauth.None();
  const options = {
    signal: AbortSignal.timeout(credentials.timeoutMs),
    ...(credentials.insecureLoopback ? { [oauth.allowInsecureRequests]: true } : {}),
  };
  return { as, client, auth, options };
}

async function settle(request: () => Promise<oauth.TokenEndpointResponse>): Promise<IssuedToken> {
  let answer: oauth.TokenEndpointResponse;
  try {
    answer = await request();
  } catch (error) {
    throw asTokenRequestError(error);
  }
  return {
    accessToken: answer.access_token,
    expiresInMs: typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in * 1000 : defaultLifetimeMs,
    refreshToken: answer.refresh_token ?? null,
    scope: answer.scope ?? null,
  };
}

function asTokenRequestError(error: unknown): TokenRequestError {
  if (error instanceof TokenRequestError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const transient = error.status >= 500 || error.status === 429 || error.error === 'temporarily_unavailable';
    const explained = explainTokenError(error.error, error.error_description);
    return new TokenRequestError(!transient, `The token endpoint answered ${error.status} ${error.error}: ${explained}`, error.error);
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new TokenRequestError(true, `The sign-in was refused: ${explainTokenError(error.error, error.error_description)}`, error.error);
  }
  const status = error instanceof oauth.OperationProcessingError ? (error.cause as Response | undefined)?.status : undefined;
  const what =
    typeof status === 'number' ? `answered ${status}` : `could not be reached (${error instanceof Error ? error.name : 'error'})`;
  return new TokenRequestError(false, `The token endpoint ${what}; retrying with backoff.`, null);
}

async function serviceAccountAssertion(credentials: GrantCredentials, now: number): Promise<string> {
  const key = credentials.serviceKey;
  if (!key) throw new TokenRequestError(true, 'No service account key is stored: upload the JSON key again.', null);
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ scope: credentials.endpoints.scope })
    .setProtectedHeader({ alg: 'RS256', ...(key.private_key_id ? { kid: key.private_key_id } : {}) })
    .setIssuer(key.client_email)
    .setSubject(credentials.mailbox)
    .setAudience(credentials.endpoints.token)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(await importPKCS8(key.private_key, 'RS256'));
}
