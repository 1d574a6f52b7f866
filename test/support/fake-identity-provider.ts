import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, exportPKCS8, exportSPKI, generateKeyPair, importSPKI, importX509, jwtVerify } from 'jose';
import type { Clock } from '../../src/shared/clock.js';

/** A Google-style service account the fake provider knows: its JSON key, as an administrator downloads it. */
export interface FakeServiceAccount {
  clientEmail: string;
  /** The JSON key file's text. */
  keyJson: string;
}

export interface FakeIdentityProviderOptions {
  /** Time for token expiry and JWT checks: the test's injected clock. */
  clock: Clock;
  /** Registered apps: client id → client secret. */
  clients?: Record<string, string>;
  /** Apps that authenticate with a certificate (private_key_jwt): client id → the certificate PEM uploaded to the app. */
  certificateClients?: Record<string, string>;
  /** Access-token lifetime in seconds (default 3600). */
  lifetimeSeconds?: number;
  /**
   * Show a consent page (app, scopes, account, Accept and Cancel) at authorize, as a browser test
   * clicks through; by default the provider consents at once and redirects back.
   */
  consentPage?: boolean;
}

/** An authorization request the consent page shows, until Accept or Cancel answers it. */
interface PendingConsent {
  provider: 'microsoft' | 'google';
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: string;
  scope: string;
  state: string;
}

interface IssuedAccess {
  /** The mailbox the token may send as; `*` for an app-only token. */
  user: string;
  expiresAt: number;
}

/**
 * A fake Microsoft and Google identity provider on 127.0.0.1 and a free port, with both providers'
 * paths (`/{tenant}/oauth2/v2.0/authorize|token`, `/o/oauth2/v2/auth`, `/token`): authorize (auto
 * consent, or with `consentPage` an HTML page whose Accept posts back and redirects with the code and
 * whose Cancel redirects with `access_denied`; PKCE S256 challenge kept), token with `authorization_code` (verifier checked),
 * `refresh_token` (rotated on every use; a used one is refused and counted), `client_credentials`
 * and the JWT bearer grant (RS256 signature checked against the service account's key). Clients
 * authenticate with their secret or, for apps given a certificate, a client assertion checked like
 * Entra's (thumbprint, signature, audience, expiry; refused with AADSTS700027). Failure
 * modes: `failRate` answers 503 to that share of token requests (deterministically spread), and
 * `revokeAll()` kills every refresh token (`invalid_grant`: AADSTS70008 at Microsoft, "Token has
 * been expired or revoked." at Google, as an app in "Testing" finds after 7 days), `disable(id)` an app
 * or a service account.
 *
 * @example
 * await using idp = await startFakeIdentityProvider({ clock, clients: { app: 'secret' } });
 */
export async function startFakeIdentityProvider(options: FakeIdentityProviderOptions) {
  const clients = { ...options.clients };
  const certificateClients = new Map(Object.entries(options.certificateClients ?? {}));
  /** Client assertions presented (decoded, for the tests to check what Herald signed). */
  const assertions: Array<{ header: Record<string, unknown>; payload: Record<string, unknown> }> = [];
  const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string; user: string; scope: string }>();
  const pending = new Map<string, PendingConsent>();
  const refreshTokens = new Map<string, { clientId: string; user: string; scope: string }>();
  const spentRefreshTokens = new Set<string>();
  const access = new Map<string, IssuedAccess>();
  const serviceAccounts = new Map<string, Awaited<ReturnType<typeof importSPKI>>>();
  /** Apps (client ids) and service accounts (client emails) an administrator disabled. */
  const disabled = new Set<string>();
  const requests: Array<{ grant: string; status: number; at: number }> = [];
  const state = { failRate: 0, lifetimeSeconds: options.lifetimeSeconds ?? 3600, served: 0, failed: 0, spentReused: 0, revoked: false };
  const knownClient = (id: string) => clients[id] !== undefined || certificateClients.has(id);
  const token = (prefix: string) => `${prefix}-${randomBytes(18).toString('base64url')}`;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'server_error', error_description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && (url.pathname.endsWith('/oauth2/v2.0/authorize') || url.pathname === '/o/oauth2/v2/auth'))
      return authorize(url, response);
    if (request.method === 'POST' && (url.pathname.endsWith('/oauth2/v2.0/token') || url.pathname === '/token'))
      return tokenEndpoint(url, await formOf(request), response);
    if (request.method === 'POST' && url.pathname === '/consent') return answerConsent(await formOf(request), response);
    response.writeHead(404).end();
  }

  function authorize(url: URL, response: ServerResponse) {
    const p = url.searchParams;
    const redirect = new URL(p.get('redirect_uri') ?? '');
    if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge') || !knownClient(p.get('client_id') ?? '')) {
      redirect.search = new URLSearchParams({ error: 'invalid_request', state: p.get('state') ?? '' }).toString();
      return response.writeHead(302, { location: redirect.toString() }).end();
    }
    const consent: PendingConsent = {
      provider: url.pathname === '/o/oauth2/v2/auth' ? 'google' : 'microsoft',
      clientId: p.get('client_id')!,
      redirectUri: p.get('redirect_uri')!,
      challenge: p.get('code_challenge')!,
      user: p.get('login_hint') ?? 'user@example.test',
      scope: p.get('scope') ?? '',
      state: p.get('state') ?? '',
    };
    if (!options.consentPage) return redirectWithCode(consent, response, 302);
    const id = token('consent');
    pending.set(id, consent);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(consentHtml(id, consent));
  }

  function redirectWithCode(consent: PendingConsent, response: ServerResponse, status: 302 | 303) {
    const code = token('code');
    codes.set(code, consent);
    const redirect = new URL(consent.redirectUri);
    redirect.search = new URLSearchParams({ code, state: consent.state }).toString();
    response.writeHead(status, { location: redirect.toString() }).end();
  }

  /** The consent page's form: Accept issues a code, Cancel refuses as the providers do (AADSTS65004 at Microsoft). */
  function answerConsent(form: URLSearchParams, response: ServerResponse) {
    const id = form.get('consent') ?? '';
    const consent = pending.get(id);
    pending.delete(id);
    if (!consent)
      return response.writeHead(400, { 'content-type': 'text/plain' }).end('This consent request is unknown or was answered already.');
    if (form.get('decision') === 'accept') return redirectWithCode(consent, response, 303);
    const redirect = new URL(consent.redirectUri);
    redirect.search = new URLSearchParams(
      consent.provider === 'microsoft'
        ? {
            error: 'access_denied',
            error_subcode: 'cancel',
            error_description: 'AADSTS65004: User declined to consent to access the app.',
            state: consent.state,
          }
        : { error: 'access_denied', state: consent.state },
    ).toString();
    response.writeHead(303, { location: redirect.toString() }).end();
  }

  async function tokenEndpoint(url: URL, body: URLSearchParams, response: ServerResponse) {
    const grant = body.get('grant_type') ?? '';
    const answer = (status: number, json: Record<string, unknown>) => {
      requests.push({ grant, status, at: options.clock.now() });
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(json));
    };
    const refuse = (error: string, description: string, status = 400) => answer(status, { error, error_description: description });
    state.served += 1;
    // 503 for `failRate` of the requests, spread evenly: request n fails when floor(n·rate) steps up.
    if (Math.floor(state.served * state.failRate) > Math.floor((state.served - 1) * state.failRate)) {
      state.failed += 1;
      requests.push({ grant, status: 503, at: options.clock.now() });
      return response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    }
    const issue = (user: string, scope: string, clientId: string | null) => {
      const accessToken = token('at');
      access.set(accessToken, { user, expiresAt: options.clock.now() + state.lifetimeSeconds * 1000 });
      const json: Record<string, unknown> = { token_type: 'Bearer', access_token: accessToken, expires_in: state.lifetimeSeconds, scope };
      if (clientId !== null) {
        const refresh = token('rt');
        refreshTokens.set(refresh, { clientId, user, scope });
        json.refresh_token = refresh;
      }
      answer(200, json);
    };
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const assertion = body.get('assertion') ?? '';
      const issuer = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}').iss as string;
      const key = serviceAccounts.get(issuer);
      if (!key) return refuse('invalid_client', 'unknown service account', 401);
      if (disabled.has(issuer)) return refuse('invalid_grant', 'Invalid grant: account not found');
      try {
        const { payload } = await jwtVerify(assertion, key, {
          algorithms: ['RS256'],
          audience: `${origin}${url.pathname}`,
          issuer,
          currentDate: new Date(options.clock.now()),
        });
        return issue(String(payload.sub), String(payload.scope), null);
      } catch (error) {
        return refuse('invalid_grant', `assertion refused: ${(error as Error).message}`);
      }
    }
    const clientId = body.get('client_id') ?? '';
    const refused = body.has('client_assertion')
      ? await assertionRefusal(clientId, body, `${origin}${url.pathname}`)
      : clients[clientId] === undefined || clients[clientId] !== body.get('client_secret')
        ? 'AADSTS7000215: Invalid client secret provided.'
        : null;
    if (refused !== null) return refuse('invalid_client', refused, 401);
    if (grant === 'client_credentials') {
      if (disabled.has(clientId)) return refuse('unauthorized_client', `AADSTS7000112: Application '${clientId}' is disabled.`);
      if (!(body.get('scope') ?? '').endsWith('/.default')) return refuse('invalid_scope', 'app-only scopes end in /.default');
      return issue('*', body.get('scope')!, null);
    }
    if (grant === 'authorization_code') {
      const code = codes.get(body.get('code') ?? '');
      codes.delete(body.get('code') ?? '');
      const verifier = body.get('code_verifier') ?? '';
      if (!code || code.clientId !== clientId || code.redirectUri !== body.get('redirect_uri'))
        return refuse('invalid_grant', 'AADSTS70008: The provided authorization code is invalid or has expired.');
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
        return refuse(
          'invalid_grant',
          'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      return issue(code.user, code.scope, clientId);
    }
    if (grant === 'refresh_token') {
      const presented = body.get('refresh_token') ?? '';
      if (spentRefreshTokens.has(presented)) state.spentReused += 1;
      const live = refreshTokens.get(presented);
      if (!live || state.revoked || live.clientId !== clientId)
        return url.pathname === '/token'
          ? refuse('invalid_grant', 'Token has been expired or revoked.')
          : refuse('invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
      refreshTokens.delete(presented);
      spentRefreshTokens.add(presented);
      return issue(live.user, live.scope, clientId);
    }
    return refuse('unsupported_grant_type', grant);
  }

  /**
   * Checks a client assertion as Entra does: the certificate named by the header's thumbprint
   * must be registered for the client; the RS256 signature must verify with its public key; `aud`
   * must be this token endpoint, `iss` = `sub` = the client id, a `jti` present; the certificate
   * and the assertion must be valid by the injected clock. Null when accepted, else the AADSTS text.
   */
  async function assertionRefusal(clientId: string, body: URLSearchParams, audience: string): Promise<string | null> {
    const assertion = body.get('client_assertion') ?? '';
    if (body.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return 'AADSTS700025: Client assertion type is not jwt-bearer.';
    const pem = certificateClients.get(clientId);
    if (pem === undefined)
      return `AADSTS700027: Client assertion failed signature validation. [Reason - The key was not found.] (no certificate for ${clientId})`;
    const certificate = new X509Certificate(pem);
    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    } catch {
      return 'AADSTS50027: JWT token is invalid or malformed.';
    }
    const thumbprint = (hex: string) => Buffer.from(hex.replaceAll(':', ''), 'hex').toString('base64url');
    if (header['x5t#S256'] !== thumbprint(certificate.fingerprint256) && header.x5t !== thumbprint(certificate.fingerprint))
      return 'AADSTS700027: Client assertion failed signature validation. [Reason - The key was not found.]';
    if (Date.parse(certificate.validTo) <= options.clock.now())
      return 'AADSTS700027: Client assertion failed signature validation. [Reason - The key used is expired.]';
    try {
      const { payload } = await jwtVerify(assertion, await importX509(pem, 'RS256'), {
        algorithms: ['RS256'],
        audience,
        issuer: clientId,
        subject: clientId,
        requiredClaims: ['jti', 'exp'],
        currentDate: new Date(options.clock.now()),
        // Entra allows five minutes of clock skew.
        clockTolerance: 300,
      });
      assertions.push({ header, payload: payload as Record<string, unknown> });
      return null;
    } catch (error) {
      return `AADSTS700027: Client assertion failed signature validation. [Reason - ${(error as Error).message}]`;
    }
  }

  return {
    origin,
    /** Client assertions accepted, decoded. */
    assertions,
    /** Registers (or replaces) the certificate an app authenticates with, as an admin uploads a .cer in Entra. */
    registerCertificate(clientId: string, certificatePem: string) {
      certificateClients.set(clientId, certificatePem);
    },
    /** Every token request answered, with its grant type and status. */
    requests,
    /** Adds a Google service account and returns its JSON key (made with a fresh RSA key pair). */
    async addServiceAccount(clientEmail: string): Promise<FakeServiceAccount> {
      const pair = await generateKeyPair('RS256', { extractable: true });
      serviceAccounts.set(clientEmail, await importSPKI(await exportSPKI(pair.publicKey), 'RS256'));
      const keyJson = JSON.stringify({
        type: 'service_account',
        client_email: clientEmail,
        private_key_id: randomBytes(8).toString('hex'),
        private_key: await exportPKCS8(pair.privateKey),
      });
      return { clientEmail, keyJson };
    },
    /** True when `accessToken` was issued, has not expired (by the injected clock) and may send as `user`. */
    accepts(user: string, accessToken: string): boolean {
      const issued = access.get(accessToken);
      return issued !== undefined && issued.expiresAt > options.clock.now() && (issued.user === '*' || issued.user === user);
    },
    /** Answers 503 to this share (0–1) of token requests from now on. */
    failTokenRequests(rate: number) {
      state.failRate = rate;
      state.served = 0;
    },
    /** Revokes every refresh token: each refresh is refused with `invalid_grant` until `restore()`. */
    revokeAll() {
      state.revoked = true;
    },
    restore() {
      state.revoked = false;
    },
    /**
     * Disables an app (client id) or a service account (client email), as an administrator does:
     * its client-credentials or JWT-bearer requests are refused (`unauthorized_client`
     * AADSTS7000112, `invalid_grant`), while access tokens already issued stay valid until they expire.
     */
    disable(clientIdOrEmail: string) {
      disabled.add(clientIdOrEmail);
    },
    /** The refresh tokens still live (the last one issued to each grant). */
    liveRefreshTokens: () => [...refreshTokens.keys()],
    /** How many times a refresh token that was already used (and rotated) came back. */
    spentReused: () => state.spentReused,
    /** Every access token issued, for the secrets test. */
    issuedTokens: () => [...access.keys(), ...refreshTokens.keys(), ...spentRefreshTokens],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await this.close();
    },
  };
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The consent page: which app asks, for which account, for what; Accept or Cancel post back to `/consent`. */
function consentHtml(id: string, consent: PendingConsent): string {
  const providerName = consent.provider === 'microsoft' ? 'Microsoft' : 'Google';
  const scopes = consent.scope
    .split(' ')
    .filter(Boolean)
    .map((scope) => `<li>${escapeHtml(scope)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Permissions requested – ${providerName} (fake)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.5 system-ui, sans-serif; background: #f3f3f3; margin: 0; }
main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
h1 { font-size: 1.4rem; margin: 0 0 1rem; } .account { color: #444; } ul { padding-left: 1.2rem; } code { word-break: break-all; }
.actions { display: flex; gap: .75rem; justify-content: flex-end; margin-top: 1.5rem; }
button { font: inherit; padding: .4rem 1.4rem; border: 1px solid #8a8886; background: #fff; cursor: pointer; }
button[value=accept] { background: #0067b8; border-color: #0067b8; color: #fff; }
</style></head>
<body><main>
<p>${providerName} · fake identity provider for tests</p>
<p class="account">${escapeHtml(consent.user)}</p>
<h1>Permissions requested</h1>
<p>The app <strong><code>${escapeHtml(consent.clientId)}</code></strong> would like to:</p>
<ul class="scopes">${scopes}</ul>
<p>Accepting lets it use these permissions for <strong>${escapeHtml(consent.user)}</strong>.</p>
<form method="post" action="/consent">
<input type="hidden" name="consent" value="${escapeHtml(id)}">
<div class="actions">
<button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="accept">Accept</button>
</div>
</form>
</main></body></html>`;
}

export type FakeIdentityProvider = Awaited<ReturnType<typeof startFakeIdentityProvider>>;
