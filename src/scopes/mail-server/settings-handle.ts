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
import { effectiveSettingsRow, type EffectiveSettings } from './effective-settings.js';
import { currentSettings, passwordField, toSettingsView } from './settings-repository.js';

/**
 * The scopes' versioned mail-server settings, wired once with the database, the secret box that
 * seals passwords, the clock and the SSRF guard. The API and the CLI call it; they see views (no
 * secret, only whether one is set), never rows.
 *
 * @example await mailServers.save('system', { provider: 'smtp', host: 'mail.example.com', fromAddress: 'ops@example.com' });
 */
export interface MailServerSettings {
  /** Throws `tenant_not_found` unless the scope exists (the system's always does). */
  assertScope(scopeId: string): Promise<void>;
  /** The scope's own current settings, or undefined when it has none. */
  get(scopeId: string): Promise<MailServerSettingsView | undefined>;
  /** Which settings the scope's mail uses, and why. */
  effective(scopeId: string): Promise<{ source: EffectiveSettings['source']; reason: string; settings: MailServerSettingsView | null }>;
  /**
   * Stores a new version of a scope's settings and makes it current, in one transaction. The
   * password is sealed under (scope, field); an omitted password carries the old ciphertext over.
   * A tenant's host must pass the SSRF guard (checked again at connect time), before the
   * transaction opens; `along` gets the previous and the saved settings inside it.
   */
  save(
    scopeId: string,
    input: MailServerSettingsInput,
    along?: AlongWith<{ previous: MailServerSettingsView | undefined; saved: MailServerSettingsView }>,
  ): Promise<MailServerSettingsView>;
  /** Removes a tenant's own settings so it inherits the system's again (history is kept). */
  clear(tenantId: string, along?: AlongWith<void>): Promise<void>;
}

export function createMailServerSettings({
  db,
  box,
  clock,
  hosts,
}: {
  db: Kysely<Database>;
  box: SecretBox;
  clock: Clock;
  hosts: Pick<MailHostGuard, 'connectAddress'>;
}): MailServerSettings {
  return {
    assertScope: (scopeId) => assertScope(db, scopeId),
    async get(scopeId) {
      await assertScope(db, scopeId);
      const row = await currentSettings(db, scopeId);
      return row && toSettingsView(row);
    },
    async effective(scopeId) {
      await assertScope(db, scopeId);
      const { row, ...effective } = await effectiveSettingsRow(db, scopeId);
      return { ...effective, settings: row && toSettingsView(row) };
    },
    async save(scopeId, input, along) {
      await assertScope(db, scopeId);
      const checked = normalizeSettings(input, { isSystem: scopeId === systemScopeId, previous: await currentSettings(db, scopeId) });
      if (checked.provider !== 'builtin' && checked.host && checked.port !== null)
        await hosts.connectAddress(scopeId, checked.host, checked.port, 'save');
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
          password === 'keep'
            ? (previous?.password_enc ?? null)
            : password === null
              ? null
              : box.seal(password, { scopeId, field: passwordField });
        const row: MailServerSettingsRow = { ...fields, scope_id: scopeId, version, password_enc, created_at: clock.now() };
        await trx.insertInto('mail_server_settings').values(row).execute();
        await trx
          .updateTable('scopes')
          .set({ mail_server_version: version, updated_at: row.created_at })
          .where('id', '=', scopeId)
          .execute();
        const saved = toSettingsView(row);
        await along?.(trx, { previous: previous && toSettingsView(previous), saved });
        return saved;
      });
    },
    async clear(tenantId, along) {
      await assertScope(db, tenantId);
      if (tenantId === systemScopeId)
        throw new AppError('validation_failed', 'The system mail server cannot be removed; disable it instead.');
      await inTransaction(db, async (trx) => {
        await trx.updateTable('scopes').set({ mail_server_version: null, updated_at: clock.now() }).where('id', '=', tenantId).execute();
        await along?.(trx, undefined);
      });
    },
  };
}
