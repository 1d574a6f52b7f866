import type { Kysely } from 'kysely';
import { AppError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';
import { inTransaction, type AlongWith } from '../../store/transaction.js';
import { systemScopeId, assertScope } from '../tenants.js';
import type { MailServerSettingsInput, MailServerSettingsView } from './mail-server-settings.js';
import { normalizeSettings } from './normalize-settings.js';
import type { MailHostGuard } from './host-policy.js';

export const passwordField = 'mail_server.password';

/** The current settings row of a scope, or undefined when it has none of its own. */
export async function currentSettings(db: Kysely<Database>, scopeId: string): Promise<MailServerSettingsRow | undefined> {
  return db
    .selectFrom('scopes')
    .innerJoin('mail_server_settings as s', (join) => join.onRef('s.scope_id', '=', 'scopes.id').onRef('s.version', '=', 'scopes.mail_server_version'))
    .selectAll('s')
    .where('scopes.id', '=', scopeId)
    .executeTakeFirst();
}

/**
 * Stores a new version of a scope's settings and makes it current, in one transaction. The
 * password is sealed under (scope, field); an omitted password carries the old ciphertext over.
 * A tenant's host must pass the SSRF guard (checked again at connect time), before the
 * transaction opens; `along` gets the previous and the new row inside it.
 *
 * @example await saveSettings(db, box, clock, 'system', { provider: 'smtp', host: 'mail.example.com', fromAddress: 'ops@example.com' }, hostGuard);
 */
export async function saveSettings(
  db: Kysely<Database>,
  box: SecretBox,
  clock: Clock,
  scopeId: string,
  input: MailServerSettingsInput,
  hosts: Pick<MailHostGuard, 'connectAddress'>,
  along?: AlongWith<{ previous: MailServerSettingsRow | undefined; row: MailServerSettingsRow }>,
): Promise<MailServerSettingsRow> {
  await assertScope(db, scopeId);
  const checked = normalizeSettings(input, { isSystem: scopeId === systemScopeId, previous: await currentSettings(db, scopeId) });
  if (checked.provider !== 'builtin' && checked.host) await hosts.connectAddress(scopeId, checked.host, checked.port ?? 25, 'save');
  return inTransaction(db, async (trx) => {
    const previous = await currentSettings(trx, scopeId);
    const normalized = normalizeSettings(input, { isSystem: scopeId === systemScopeId, previous });
    const { password, ...fields } = normalized;
    const latest = await trx
      .selectFrom('mail_server_settings')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('scope_id', '=', scopeId)
      .executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    const password_enc =
      password === 'keep' ? (previous?.password_enc ?? null) : password === null ? null : box.seal(password, { scopeId, field: passwordField });
    const row: MailServerSettingsRow = { ...fields, scope_id: scopeId, version, password_enc, created_at: clock.now() };
    await trx.insertInto('mail_server_settings').values(row).execute();
    await trx.updateTable('scopes').set({ mail_server_version: version, updated_at: row.created_at }).where('id', '=', scopeId).execute();
    await along?.(trx, { previous, row });
    return row;
  });
}

/** Removes a tenant's own settings so it inherits the system's again (history is kept). */
export async function clearTenantSettings(db: Kysely<Database>, clock: Clock, tenantId: string, along?: AlongWith<void>): Promise<void> {
  await assertScope(db, tenantId);
  if (tenantId === systemScopeId) throw new AppError('validation_failed', 'The system mail server cannot be removed; disable it instead.');
  await inTransaction(db, async (trx) => {
    await trx.updateTable('scopes').set({ mail_server_version: null, updated_at: clock.now() }).where('id', '=', tenantId).execute();
    await along?.(trx, undefined);
  });
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
    smtpDomain: row.smtp_domain,
    fromAddress: row.from_address,
    fromName: row.from_name,
    replyTo: row.reply_to,
    enabled: row.enabled === 1,
    ...(row.scope_id === systemScopeId ? { applyToAllTenants: row.apply_to_all_tenants === 1 } : {}),
    poolSize: row.pool_size,
    rateLimitPerSecond: row.rate_limit_per_second,
    updatedAt: new Date(row.created_at).toISOString(),
  };
}
