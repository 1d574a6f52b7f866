import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/index.js';
import { passwordField, systemScopeId } from '../../scopes/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Database, MailServerSettingsRow } from '../../store/schema.js';

/**
 * What a mail-server password that does not open sets off: one security audit entry and one error
 * log line. Settings secrets call `report` once per (scope, version, ciphertext) and process,
 * often inside another transaction (the ingest's), so the entry is appended on its own afterwards;
 * `settled` waits for the entries still being written.
 *
 * @example const alarm = createUnreadableSecretAlarm({ db, clock, log }); const secrets = createSettingsSecrets(box, alarm.report);
 */
export function createUnreadableSecretAlarm(deps: { db: Kysely<Database>; clock: Clock; log: Logger }) {
  const writing = new Set<Promise<unknown>>();
  return {
    report(row: MailServerSettingsRow, problem: string): void {
      const fields = { scope: row.scope_id, version: row.version, field: passwordField, problem };
      deps.log.error(
        fields,
        row.scope_id === systemScopeId
          ? 'the system mail server password cannot be decrypted: its mail, alerts to the system administrators included, is held until the password is entered again or the master key is restored'
          : 'a mail server password cannot be decrypted: the mail that uses it is held until the password is entered again or the master key is restored',
      );
      const entry = appendAudit(deps.db, deps.clock.now(), {
        actor: 'system', scopeId: row.scope_id, action: 'security.secret_unreadable', target: `mail_server:${row.scope_id}:v${row.version}`,
        details: { version: row.version, field: passwordField, problem },
      }).catch((error: unknown) => deps.log.error({ err: error, scope: row.scope_id }, 'could not write the audit entry of an unreadable secret'));
      writing.add(entry);
      void entry.finally(() => writing.delete(entry));
    },
    async settled(): Promise<void> {
      await Promise.all(writing);
    },
  };
}

export type UnreadableSecretAlarm = ReturnType<typeof createUnreadableSecretAlarm>;
