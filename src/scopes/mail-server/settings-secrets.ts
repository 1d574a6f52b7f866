import { AppError } from '../../shared/app-error.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import type { MailServer } from './mail-server.js';
import { serverName } from './server-name.js';
import { passwordField } from './settings-repository.js';

/**
 * Opens the sealed password of a mail server, and says whether it opens. A row's ciphertext can
 * change under the same version (a restored backup, a copied row, tampering), so everything
 * decided about it is keyed by `MailServer.key` (scope, version, digest of the ciphertext).
 *
 * @example
 * const secrets = createSettingsSecrets(box, (server, problem) => log.error({ scope: server.scopeId }, problem));
 * declare const server: MailServer;
 * secrets.unreadable(server) // null, or 'secret_unreadable: the password of … cannot be decrypted; …'
 */
export interface SettingsSecrets {
  /**
   * Why the server's password cannot be used, as a hold reason starting with `secret_unreadable`,
   * or null when it opens or the server uses none. Decided once per settings key and process.
   */
  unreadable(server: MailServer): string | null;
  /** The server's password in plain text (null when it uses none); throws AppError `secret_unreadable`. */
  password(server: MailServer): string | null;
}

/** Called once per settings key and process for a password that does not open; `problem` holds no secret. */
export type OnUnreadableSecret = (server: MailServer, problem: string) => void;

export function createSettingsSecrets(box: SecretBox, onUnreadable: OnUnreadableSecret): SettingsSecrets {
  /** Per settings key: null when the password opens, else what cannot be decrypted and what to do. */
  const checked = new Map<string, string | null>();
  const refusal = (problem: string) => new AppError('secret_unreadable', `The ${problem}.`);

  const open = (server: MailServer, sealed: string): string => {
    try {
      const password = box.open(sealed, { scopeId: server.scopeId, field: passwordField });
      checked.set(server.key, null);
      return password;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'secret_unreadable') throw error;
      const problem = `password of ${serverName(server.scopeId)} (settings version ${server.version}) cannot be decrypted; enter the password again or restore the master key`;
      checked.set(server.key, problem);
      onUnreadable(server, error.message);
      throw refusal(problem);
    }
  };

  return {
    unreadable(server) {
      const sealed = sealedPassword(server);
      if (sealed === null) return null;
      if (!checked.has(server.key)) {
        try {
          open(server, sealed);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
      const problem = checked.get(server.key);
      return problem ? `secret_unreadable: the ${problem}` : null;
    },
    password(server) {
      const sealed = sealedPassword(server);
      if (sealed === null) return null;
      const problem = checked.get(server.key);
      if (problem) throw refusal(problem);
      return open(server, sealed);
    },
  };
}

function sealedPassword(server: MailServer): string | null {
  return server.auth.kind === 'password' || server.auth.kind === 'ntlm' ? server.auth.sealedPassword : null;
}
