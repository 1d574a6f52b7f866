import type { Kysely } from 'kysely';
import { rowsByScope } from '../../store/in-lists.js';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';
import type { MailServerSettingsView } from './mail-server-settings.js';

export const passwordField = 'mail_server.password';

/** Scopes joined to their current settings row (the version the scope points at). */
const currentRows = (db: Kysely<Database>) =>
  db
    .selectFrom('scopes')
    .innerJoin('mail_server_settings as s', (join) =>
      join.onRef('s.scope_id', '=', 'scopes.id').onRef('s.version', '=', 'scopes.mail_server_version'),
    )
    .selectAll('s');

/** The current settings row of a scope, or undefined when it has none of its own. */
export async function currentSettings(db: Kysely<Database>, scopeId: string): Promise<MailServerSettingsRow | undefined> {
  return currentRows(db).where('scopes.id', '=', scopeId).executeTakeFirst();
}

/** The current settings rows of these scopes (those that have their own), one query per `perQuery` scopes. */
export async function currentSettingsOf(
  db: Kysely<Database>,
  scopeIds: readonly string[],
  perQuery = 64,
): Promise<MailServerSettingsRow[]> {
  const rows = await rowsByScope(scopeIds, (ids) => currentRows(db).where('scopes.id', 'in', ids).execute(), perQuery);
  return [...rows.values()].flat();
}

/** The API's view of a settings row: the password only as `passwordSet`. */
export function toSettingsView(row: MailServerSettingsRow): MailServerSettingsView {
  return {
    scope: row.scope_id,
    version: row.version,
    provider: row.provider,
    host: row.host,
    port: row.port,
    security: row.security,
    allowInvalidCertificate: row.tls_verify === 0,
    tlsCa: row.tls_ca,
    auth: row.auth,
    username: row.username,
    passwordSet: row.password_enc !== null,
    domain: row.ntlm_domain,
    workstation: row.ntlm_workstation,
    smtpDomain: row.smtp_domain,
    fromAddress: row.from_address,
    fromName: row.from_name,
    replyTo: row.reply_to,
    enabled: row.enabled === 1,
    ...(row.scope_id === systemScopeId ? { applyToAllTenants: row.apply_to_all_tenants === 1 } : {}),
    poolSize: row.pool_size,
    rateLimitPerSecond: row.rate_limit_per_second,
    dailyLimit: row.daily_limit,
    api: row.api,
    updatedAt: new Date(row.created_at).toISOString(),
  };
}
