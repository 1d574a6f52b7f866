import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../shared/app-error.js';
import type { Keyring } from './keyring.js';

/** What a secret is bound to: decrypting it under any other scope or field fails. */
export interface SecretContext {
  scopeId: string;
  field: string;
}

/**
 * Authenticated encryption of credentials: AES-256-GCM with a random 96-bit IV, the scope and
 * field as associated data, and the key id in the sealed text so a rotation can find old ones.
 * Sealed form: `v1.<keyId>.<iv>.<ciphertext+tag>` (base64url).
 *
 * @example
 * const box = createSecretBox(keyring);
 * const sealed = box.seal('hunter2', { scopeId: 'system', field: 'mail_server.password' });
 */
export interface SecretBox {
  seal(plaintext: string, context: SecretContext): string;
  open(sealed: string, context: SecretContext): string;
  /** The key id a sealed value was made with. */
  keyIdOf(sealed: string): string;
  readonly keyring: Keyring;
}

export function createSecretBox(keyring: Keyring): SecretBox {
  const keyFor = (id: string): Buffer => {
    const key = keyring.key(id) ?? (keyring.reload() ? keyring.key(id) : undefined);
    if (!key) throw new AppError('secret_unreadable', `No master key with id ${id} is available.`);
    return key;
  };

  return {
    keyring,
    seal(plaintext, context) {
      const keyId = keyring.currentId;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(keyId), iv);
      cipher.setAAD(associatedData(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return ['v1', keyId, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const [version, keyId, iv, body] = sealed.split('.');
      if (version !== 'v1' || !keyId || !iv || !body) throw new AppError('secret_unreadable', 'A stored secret is malformed.');
      const bytes = Buffer.from(body, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyFor(keyId), Buffer.from(iv, 'base64url'));
        decipher.setAAD(associatedData(context));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('secret_unreadable', `A stored secret for ${context.field} does not authenticate.`);
      }
    },
    keyIdOf(sealed) {
      return sealed.split('.')[1] ?? '';
    },
  };
}

function associatedData(context: SecretContext): Buffer {
  return Buffer.from(`herald:${context.scopeId}:${context.field}`, 'utf8');
}
