import { createHash } from 'node:crypto';
import { AppError } from '../../shared/app-error.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { MailServerSettingsRow } from '../../store/schema.js';
import { serverName } from './server-name.js';
import { passwordField } from './settings-repository.js';

/**
 * Opens the sealed password of a settings row, and says whether it opens. A row's ciphertext can
 * change under the same version (a restored backup, a copied row, tampering), so everything
 * decided about it is keyed by (scope, version, digest of the ciphertext): see `settingsKey`.
 *
 * @example
 * const secrets = createSettingsSecrets(box, (row, problem) => log.error({ scope: row.scope_id }, problem));
 * secrets.unreadable(row) // null, or 'secret_unreadable: the password of … cannot be decrypted; …'
 */
export interface SettingsSecrets {
  /**
   * Why the row's password cannot be used, as a hold reason starting with `secret_unreadable`, or
   * null when it opens or the row uses none. Decided once per settings key and process.
   */
  unreadable(row: MailServerSettingsRow): string | null;
  /** The row's password in plain text (null when it uses none); throws AppError `secret_unreadable`. */
  password(row: MailServerSettingsRow): string | null;
}

/** Called once per settings key and process for a password that does not open; `problem` holds no secret. */
export type OnUnreadableSecret = (row: MailServerSettingsRow, problem: string) => void;

/** Identifies what a transport or a decision was made from: scope, version and the ciphertext's digest. */
export function settingsKey(row: MailServerSettingsRow): string {
  const digest = row.password_enc === null ? '-' : createHash('sha256').update(row.password_enc).digest('base64url').slice(0, 22);
  return `${row.scope_id}:${row.version}:${digest}`;
}

export function createSettingsSecrets(box: SecretBox, onUnreadable: OnUnreadableSecret): SettingsSecrets {
  /** Per settings key: null when the password opens, else what cannot be decrypted and what to do. */
  const checked = new Map<string, string | null>();
  const refusal = (problem: string) => new AppError('secret_unreadable', `The ${problem}.`);

  const open = (row: MailServerSettingsRow & { password_enc: string }, key: string): string => {
    try {
      const password = box.open(row.password_enc, { scopeId: row.scope_id, field: passwordField });
      checked.set(key, null);
      return password;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'secret_unreadable') throw error;
      const problem = `password of ${serverName(row.scope_id)} (settings version ${row.version}) cannot be decrypted; enter the password again or restore the master key`;
      checked.set(key, problem);
      onUnreadable(row, error.message);
      throw refusal(problem);
    }
  };

  return {
    unreadable(row) {
      if (!usesPassword(row)) return null;
      const key = settingsKey(row);
      if (!checked.has(key)) {
        try {
          open(row, key);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
      const problem = checked.get(key);
      return problem ? `secret_unreadable: the ${problem}` : null;
    },
    password(row) {
      if (!usesPassword(row)) return null;
      const key = settingsKey(row);
      const problem = checked.get(key);
      if (problem) throw refusal(problem);
      return open(row, key);
    },
  };
}

function usesPassword(row: MailServerSettingsRow): row is MailServerSettingsRow & { password_enc: string } {
  return row.auth === 'password' && row.password_enc !== null;
}
