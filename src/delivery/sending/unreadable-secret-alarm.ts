import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/index.js';
import { passwordField, systemScopeId, type MailServer } from '../../scopes/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { Database } from '../../store/schema.js';

/** What a mail-server password that does not open sets off (see `createUnreadableSecretAlarm`). */
export interface UnreadableSecretAlarm {
  /** Logs the problem and appends its audit entry on its own (`OnUnreadableSecret`). */
  report(server: MailServer, problem: string): void;
  /** Waits for the audit entries still being written. */
  settled(): Promise<void>;
}

/**
 * What a mail-server password that does not open sets off: one security audit entry and one error
 * log line. Settings secrets call `report` once per (scope, version, ciphertext) and process,
 * often inside another transaction (the ingest's), so the entry is appended on its own afterwards;
 * `settled` waits for the entries still being written.
 *
 * @example
 * import { createSettingsSecrets } from '../../scopes/index.js';
 * const alarm = createUnreadableSecretAlarm({ db, clock, log }); const opened = createSettingsSecrets(box, alarm.report);
 */
export function createUnreadableSecretAlarm(deps: { db: Kysely<Database>; clock: Clock; log: Logger }): UnreadableSecretAlarm {
  const writing = new Set<Promise<unknown>>();
  return {
    report(server, problem) {
      const { scopeId, version } = server;
      const fields = { scope: scopeId, version, field: passwordField, problem };
      deps.log.error(
        fields,
        scopeId === systemScopeId
          ? 'the system mail server password cannot be decrypted: its mail, alerts to the system administrators included, is held until the password is entered again or the master key is restored'
          : 'a mail server password cannot be decrypted: the mail that uses it is held until the password is entered again or the master key is restored',
      );
      const entry = appendAudit(deps.db, deps.clock.now(), {
        actor: 'system',
        scopeId,
        action: 'security.secret_unreadable',
        target: `mail_server:${scopeId}:v${version}`,
        details: { version, field: passwordField, problem },
      }).catch((error: unknown) =>
        deps.log.error({ err: error, scope: scopeId }, 'could not write the audit entry of an unreadable secret'),
      );
      writing.add(entry);
      void entry.finally(() => writing.delete(entry));
    },
    async settled() {
      await Promise.all(writing);
    },
  };
}
