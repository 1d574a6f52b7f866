import type { Kysely } from 'kysely';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';

/**
 * Whether a mail server's OAuth2 connection (src/oauth) can send for it now. `version` is the
 * connection's token version as read with the settings: every replacement, sign-in and refresh
 * bumps it, so a node whose cached token is of another version knows it is stale.
 */
export type OAuthGrant = { status: 'none' } | { status: 'connected'; version: number } | { status: 'reconnect_required'; reason: string };

const providerOfMode: Record<string, string> = {
  microsoft_app: 'microsoft365',
  microsoft_delegated: 'microsoft365',
  google_signin: 'gmail',
  google_service_account: 'gmail',
};

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
    .select(['mode', 'mailbox', 'status', 'status_reason', 'refresh_token_enc', 'token_version'])
    .where('scope_id', '=', row.scope_id)
    .executeTakeFirst();
  if (!connection || providerOfMode[connection.mode] !== row.provider || connection.mailbox !== row.username) return { status: 'none' };
  if (connection.status === 'reconnect_required') return { status: 'reconnect_required', reason: connection.status_reason ?? '' };
  // App-only and service-account tokens need no person: delivery asks for them (and retries a
  // failed first request). A sign-in mode can send once it holds a refresh token.
  const unattended = connection.mode === 'microsoft_app' || connection.mode === 'google_service_account';
  return unattended || connection.refresh_token_enc !== null
    ? { status: 'connected', version: connection.token_version }
    : { status: 'none' };
}
