import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { loadKeyring, newKeyFile, readKeyFileAt, writeKeyFile, type Keyring } from './keyring.js';
import { createSecretBox } from './secret-box.js';

/** Every column that holds a sealed secret, with the field name it is bound to. */
const sealedColumns = [{ table: 'mail_server_settings', column: 'password_enc', field: 'mail_server.password' }] as const;
/** The sealed columns of OAuth2 connections (src/oauth/modes.ts `oauthFields`), one row per scope. */
const oauthColumns = [
  { column: 'client_secret_enc', field: 'oauth.client_secret' },
  { column: 'service_key_enc', field: 'oauth.service_account_key' },
  { column: 'private_key_enc', field: 'oauth.private_key' },
  { column: 'access_token_enc', field: 'oauth.access_token' },
  { column: 'refresh_token_enc', field: 'oauth.refresh_token' },
] as const;

export interface RotationReport {
  newKeyId: string;
  reencrypted: number;
  retiredKeyIds: string[];
}

/**
 * Re-encrypts every stored secret under a new key. With a key file, a new key is generated and
 * added first, everything is re-encrypted in one transaction, then the old keys are removed from
 * the file. With HERALD_MASTER_KEY, the first key listed is the new one: everything is re-sealed
 * under it, and the operator then removes the old keys from the variable.
 *
 * @example const report = await rotateKeys(db, keyring);
 */
export async function rotateKeys(db: Kysely<Database>, keyring: Keyring): Promise<RotationReport> {
  const source = keyring.source;
  if (source.kind === 'file') {
    writeKeyFile(source.path, newKeyFile(readKeyFileAt(source.path)));
    keyring.reload();
  }
  const box = createSecretBox(keyring);
  let reencrypted = 0;
  await db.transaction().execute(async (trx) => {
    for (const { column, field } of sealedColumns) {
      const rows = await trx
        .selectFrom('mail_server_settings')
        .select(['scope_id', 'version', column])
        .where(column, 'is not', null)
        .execute();
      for (const row of rows) {
        const sealed = row[column]!;
        if (box.keyIdOf(sealed) === keyring.currentId) continue;
        const context = { scopeId: row.scope_id, field };
        await trx
          .updateTable('mail_server_settings')
          .set({ [column]: box.seal(box.open(sealed, context), context) })
          .where('scope_id', '=', row.scope_id)
          .where('version', '=', row.version)
          .execute();
        reencrypted += 1;
      }
    }
    for (const row of await trx.selectFrom('oauth_connections').selectAll().execute()) {
      for (const { column, field } of oauthColumns) {
        const sealed = row[column];
        if (sealed === null || box.keyIdOf(sealed) === keyring.currentId) continue;
        const context = { scopeId: row.scope_id, field };
        await trx
          .updateTable('oauth_connections')
          .set({ [column]: box.seal(box.open(sealed, context), context) })
          .where('scope_id', '=', row.scope_id)
          .execute();
        reencrypted += 1;
      }
    }
    // A sign-in under way keeps its verifier sealed under the old key, which is retired: it must start again.
    await trx.deleteFrom('oauth_states').execute();
  });
  const retired = keyring.ids().filter((id) => id !== keyring.currentId);
  if (source.kind === 'file') {
    const file = readKeyFileAt(source.path);
    writeKeyFile(source.path, { current: file.current, keys: { [file.current]: file.keys[file.current]! } });
    keyring.reload();
  }
  return { newKeyId: keyring.currentId, reencrypted, retiredKeyIds: retired };
}

/** Re-encrypting every stored secret under a new master key (`herald keys rotate`). */
export interface KeyRotation {
  /** Loads the master keys as configured now, then rotates as `rotateKeys` does. */
  rotate(): Promise<RotationReport>;
}

export function createKeyRotation({
  db,
  masterKeys,
  dataDir,
}: {
  db: Kysely<Database>;
  masterKeys: readonly string[];
  dataDir: string;
}): KeyRotation {
  return { rotate: () => rotateKeys(db, loadKeyring({ masterKeys, dataDir })) };
}
