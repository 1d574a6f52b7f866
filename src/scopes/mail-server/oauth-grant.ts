import type { Kysely } from 'kysely';
import type { Database, MailServerSettingsRow, OAuthConnectionRow } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';

/**
 * Whether a mail server's OAuth2 connection (src/oauth) can send for it now. `version` is the
 * connection's token version as read with the settings: every replacement, sign-in and refresh
 * bumps it, so a node whose cached token is of another version knows it is stale.
 */
export type OAuthGrant =
  | { status: 'none' }
  | { status: 'connected'; version: number }
  | { status: 'reconnect_required'; reason: string }
  /** A tenant signs in with the system's app, which the system no longer shares (for this provider). */
  | { status: 'app_withdrawn' };

const providerOfMode: Record<string, string> = {
  microsoft_app: 'microsoft365',
  microsoft_delegated: 'microsoft365',
  google_signin: 'gmail',
  google_service_account: 'gmail',
};

/**
 * The system's connection when it shares its app registration for a tenant's sign-in in `mode`:
 * marked shared, for the same provider, and an app with a client id (a service account is not
 * one). Read at every use, so withdrawing or replacing the system's app takes effect at once.
 */
export async function sharedSystemApp(db: Kysely<Database>, mode: string): Promise<OAuthConnectionRow | undefined> {
  const system = await db.selectFrom('oauth_connections').selectAll().where('scope_id', '=', systemScopeId).executeTakeFirst();
  const shares =
    system !== undefined &&
    system.shares_app === 1 &&
    system.mode !== 'google_service_account' &&
    providerOfMode[system.mode] === providerOfMode[mode];
  return shares ? system : undefined;
}

/**
 * The state of the OAuth2 connection of settings that use OAuth2: `none` unless a connection for
 * the same provider and mailbox exists and has been connected. Read with the settings, so every
 * node decides a hold from what the database says (a grant found dead on one node holds the
 * scope's mail on all of them).
 */
export async function oauthGrantOf(db: Kysely<Database>, row: MailServerSettingsRow): Promise<OAuthGrant | undefined> {
  if (row.auth !== 'oauth2') return undefined;
  const connection = await db
    .selectFrom('oauth_connections')
    .select(['mode', 'mailbox', 'status', 'status_reason', 'refresh_token_enc', 'token_version', 'uses_system_app'])
    .where('scope_id', '=', row.scope_id)
    .executeTakeFirst();
  if (!connection || providerOfMode[connection.mode] !== row.provider || connection.mailbox !== row.username) return { status: 'none' };
  if (connection.uses_system_app === 1 && !(await sharedSystemApp(db, connection.mode))) return { status: 'app_withdrawn' };
  if (connection.status === 'reconnect_required') return { status: 'reconnect_required', reason: connection.status_reason ?? '' };
  // App-only and service-account tokens need no person: delivery asks for them (and retries a
  // failed first request). A sign-in mode can send once it holds a refresh token.
  const unattended = connection.mode === 'microsoft_app' || connection.mode === 'google_service_account';
  return unattended || connection.refresh_token_enc !== null
    ? { status: 'connected', version: connection.token_version }
    : { status: 'none' };
}
