import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { sharedSystemApp, systemScopeId, type MailServerSettings } from '../scopes/index.js';
import type { Database, OAuthConnectionRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { checkConnection, type OAuthConnectionInput } from './connection-input.js';
import { appOf, grantCredentials, type GrantSettings } from './connection-secrets.js';
import { toConnectionView, type OAuthConnectionView } from './connection-view.js';
import { redeemCode, TokenRequestError } from './grants.js';
import { modeProvider, oauthFields, signInProvider, signInProviderNames, type SignInProvider } from './modes.js';
import { explainTokenError } from './token-errors.js';
import { beginSignIn, takeState, type SignInCaller } from './sign-in.js';
import type { TokenService } from './token-service.js';

/**
 * Each scope's OAuth2 connection as the API and the CLI manage it: configure the app's
 * credentials, sign in (start, callback), see the state, disconnect. Views never hold a token,
 * secret or key.
 *
 * @example
 * declare const connections: OAuthConnections;
 * await connections.save('system', { mode: 'microsoft_app', directoryId: 'contoso.example', clientId: 'app', clientSecret: 's' }, 'https://herald.example');
 */
export interface OAuthConnections {
  get(scopeId: string, origin: string): Promise<OAuthConnectionView | undefined>;
  /**
   * Stores the app's credentials (sealed). App-only and service-account connections ask for their
   * first token at once, so the answer says whether the provider accepts them; sign-in modes wait
   * for the sign-in (`start`, then `complete`). `along` gets the saved view inside the transaction.
   */
  save(scopeId: string, input: OAuthConnectionInput, origin: string, along?: AlongWith<OAuthConnectionView>): Promise<OAuthConnectionView>;
  /** Begins the sign-in: the provider's authorize URL and the redirect URI it will come back to. */
  start(scopeId: string, caller: SignInCaller, origin: string): Promise<{ authorizeUrl: string; redirectUri: string; expiresAt: string }>;
  /** Finishes the sign-in from the provider's callback parameters; returns the connected view. */
  complete(
    provider: SignInProvider,
    callback: { state: string; code?: string; error?: string; error_description?: string },
    caller: SignInCaller,
    origin: string,
    reaches: (scopeId: string) => boolean,
  ): Promise<OAuthConnectionView>;
  /** Removes the scope's connection and its tokens (the provider keeps its grant until revoked there). */
  disconnect(scopeId: string, along?: AlongWith<void>): Promise<void>;
  /** Whether a tenant may sign in with the system's app, and for which provider; nothing else of the system's app. */
  systemApp(scopeId: string): Promise<{ shared: boolean; provider: 'microsoft365' | 'gmail' | null }>;
}

export interface OAuthConnectionsDeps extends GrantSettings {
  db: Kysely<Database>;
  box: SecretBox;
  clock: Clock;
  tokens: TokenService;
  mailServers: Pick<MailServerSettings, 'get' | 'assertScope'>;
  /** HERALD_PUBLIC_URL: the origin redirect URIs use; null takes the request's. */
  publicUrl: string | null;
}

export function createOAuthConnections(deps: OAuthConnectionsDeps): OAuthConnections {
  const { db, box, clock } = deps;
  const rowOf = (scopeId: string) => db.selectFrom('oauth_connections').selectAll().where('scope_id', '=', scopeId).executeTakeFirst();
  const redirectUriOf = (row: Pick<OAuthConnectionRow, 'mode'>, origin: string) => {
    const provider = signInProvider[row.mode];
    return provider ? `${deps.publicUrl ?? origin}/oauth/callback/${provider}` : null;
  };
  const viewOf = (row: OAuthConnectionRow, origin: string, appWithdrawn: boolean) =>
    toConnectionView(row, { redirectUri: redirectUriOf(row, origin), now: clock.now(), appWithdrawn });
  const view = async (row: OAuthConnectionRow, origin: string) =>
    viewOf(row, origin, row.uses_system_app === 1 && !(await sharedSystemApp(db, row.mode)));

  return {
    async get(scopeId, origin) {
      await deps.mailServers.assertScope(scopeId);
      const row = await rowOf(scopeId);
      return row && (await view(row, origin));
    },
    async save(scopeId, input, origin, along) {
      await deps.mailServers.assertScope(scopeId);
      const checked = checkConnection(input, await deps.mailServers.get(scopeId), await rowOf(scopeId), {
        isSystem: scopeId === systemScopeId,
        systemApp: input.useSystemApp === true ? await sharedSystemApp(db, input.mode) : undefined,
        now: clock.now(),
      });
      const saved = await inTransaction(db, async (trx) => {
        const previous = await trx.selectFrom('oauth_connections').selectAll().where('scope_id', '=', scopeId).executeTakeFirst();
        const now = clock.now();
        const seal = (value: string, field: string) => box.seal(value, { scopeId, field });
        const row: OAuthConnectionRow = {
          scope_id: scopeId,
          mode: checked.mode,
          cloud: checked.cloud,
          directory_id: checked.directoryId,
          client_id: checked.clientId,
          client_secret_enc:
            checked.clientSecret === 'keep'
              ? (previous?.client_secret_enc ?? null)
              : checked.clientSecret === null
                ? null
                : seal(checked.clientSecret, oauthFields.clientSecret),
          service_key_enc: checked.serviceKey === null ? null : seal(checked.serviceKey, oauthFields.serviceKey),
          certificate_pem:
            checked.certificate === 'keep' ? (previous?.certificate_pem ?? null) : (checked.certificate?.certificatePem ?? null),
          private_key_enc:
            checked.certificate === 'keep'
              ? (previous?.private_key_enc ?? null)
              : checked.certificate === null
                ? null
                : seal(checked.certificate.privateKeyPem, oauthFields.privateKey),
          shares_app: checked.sharesApp ? 1 : 0,
          uses_system_app: checked.usesSystemApp ? 1 : 0,
          mailbox: checked.mailbox,
          status: 'pending',
          status_reason: null,
          account: null,
          granted_scopes: null,
          access_token_enc: null,
          refresh_token_enc: null,
          access_expires_at: null,
          // A new version: a refresh or sign-in that read the old credentials cannot write over these.
          token_version: (previous?.token_version ?? 0) + 1,
          last_refreshed_at: null,
          granted_at: null,
          lease_owner: null,
          lease_until: null,
          failures: 0,
          next_try_at: null,
          token_requests: previous?.token_requests ?? 0,
          created_at: previous?.created_at ?? now,
          updated_at: now,
        };
        await trx.deleteFrom('oauth_connections').where('scope_id', '=', scopeId).execute();
        await trx.insertInto('oauth_connections').values(row).execute();
        await trx.deleteFrom('oauth_states').where('scope_id', '=', scopeId).execute();
        // Just checked: a connection saved with the system's app found it shared.
        await along?.(trx, viewOf(row, origin, false));
        return row;
      });
      // The cached token belongs to the replaced connection (another app, account or provider).
      deps.tokens.forget(scopeId);
      if (signInProvider[saved.mode] === undefined) {
        // App-only and service accounts: the first token now, so the answer tells whether the provider accepts the credentials.
        await deps.tokens
          .source(scopeId)
          .accessToken()
          .catch((error: unknown) => {
            if (!(error instanceof AppError)) throw error;
          });
      }
      return view((await rowOf(scopeId))!, origin);
    },
    async systemApp(scopeId) {
      await deps.mailServers.assertScope(scopeId);
      const system = await db.selectFrom('oauth_connections').select('mode').where('scope_id', '=', systemScopeId).executeTakeFirst();
      const shared = system !== undefined && (await sharedSystemApp(db, system.mode)) !== undefined;
      return { shared, provider: shared ? modeProvider[system.mode] : null };
    },
    async start(scopeId, caller, origin) {
      await deps.mailServers.assertScope(scopeId);
      const row = await rowOf(scopeId);
      if (!row) throw new AppError('oauth_not_connected', 'Configure the OAuth2 connection first (PUT …/mail-server/oauth).');
      const provider = signInProvider[row.mode];
      if (!provider)
        throw new AppError('validation_failed', `/mode: ${row.mode} does not sign in; its token comes from the stored credentials`, [
          { field: '/mode', rule: 'sign_in', message: 'does not use a sign-in' },
        ]);
      const redirectUri = redirectUriOf(row, origin)!;
      const started = await beginSignIn(db, box, {
        row,
        app: await appOf(db, row),
        provider,
        caller,
        redirectUri,
        now: clock.now(),
        testEndpoints: deps.testEndpoints,
      });
      return { authorizeUrl: started.authorizeUrl, redirectUri, expiresAt: new Date(started.expiresAt).toISOString() };
    },
    async complete(provider, callback, caller, origin, reaches) {
      const taken = await takeState(db, box, { state: callback.state, provider, caller, now: clock.now() });
      if (!reaches(taken.scopeId)) throw new AppError('oauth_state_invalid', 'The sign-in state belongs to a scope outside yours.');
      const row = await rowOf(taken.scopeId);
      if (!row || signInProvider[row.mode] !== provider)
        throw new AppError('oauth_state_invalid', 'The connection changed since this sign-in started; start it again.');
      const params = new URLSearchParams(
        Object.entries(callback).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      let issued;
      try {
        issued = await redeemCode(grantCredentials(box, row, await appOf(db, row), deps), params, {
          state: callback.state,
          redirectUri: taken.redirectUri,
          verifier: taken.verifier,
          now: clock.now(),
        });
      } catch (error) {
        if (!(error instanceof TokenRequestError)) throw error;
        // The administrator (or the provider on their behalf) said no on the consent page: say so, not "refused".
        if (callback.error === 'access_denied')
          throw new AppError(
            'oauth_sign_in_failed',
            `Sign-in was cancelled at ${signInProviderNames[provider]}: ${explainTokenError('access_denied', callback.error_description)}.`,
          );
        throw new AppError('oauth_sign_in_failed', error.message);
      }
      if (issued.refreshToken === null)
        throw new AppError(
          'oauth_sign_in_failed',
          'The provider issued no refresh token: the app must ask for offline access (offline_access, access_type=offline).',
        );
      if (!(await deps.tokens.store(row.scope_id, row.token_version, issued, row.mailbox)))
        throw new AppError('oauth_state_invalid', 'The connection changed during the sign-in; start it again.');
      return view((await rowOf(row.scope_id))!, origin);
    },
    async disconnect(scopeId, along) {
      await deps.mailServers.assertScope(scopeId);
      await inTransaction(db, async (trx) => {
        const removed = await trx.deleteFrom('oauth_connections').where('scope_id', '=', scopeId).executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) throw new AppError('not_found', 'This scope has no OAuth2 connection.');
        await trx.deleteFrom('oauth_states').where('scope_id', '=', scopeId).execute();
        await along?.(trx, undefined);
      });
      deps.tokens.forget(scopeId);
    },
  };
}
