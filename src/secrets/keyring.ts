import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The master keys Herald can decrypt with; new secrets are sealed with `currentId`. */
export interface Keyring {
  readonly currentId: string;
  key(id: string): Buffer | undefined;
  ids(): string[];
  /** Where the keys came from: the environment, or a key file in the data directory. */
  readonly source: { kind: 'env' } | { kind: 'file'; path: string };
  /** Re-reads a key file (another process may have rotated); returns false for env keys. */
  reload(): boolean;
}

interface KeyFile {
  current: string;
  keys: Record<string, string>;
}

export const keyFileName = 'master.key';

/**
 * Loads the master keys: from HERALD_MASTER_KEY when given (newest first, the rest kept for
 * decryption during a rotation), otherwise from `<dataDir>/master.key`, created with mode 0600
 * on first start.
 *
 * @example const keyring = loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir });
 */
export function loadKeyring(options: { masterKeys: readonly string[]; dataDir: string }): Keyring {
  if (options.masterKeys.length > 0) return envKeyring(options.masterKeys);
  const path = join(options.dataDir, keyFileName);
  if (!existsSync(path)) writeKeyFile(path, newKeyFile());
  return fileKeyring(path);
}

function envKeyring(masterKeys: readonly string[]): Keyring {
  const keys = new Map(masterKeys.map((encoded) => [envKeyId(encoded), Buffer.from(encoded, 'base64')]));
  return {
    currentId: envKeyId(masterKeys[0]!),
    key: (id) => keys.get(id),
    ids: () => [...keys.keys()],
    source: { kind: 'env' },
    reload: () => false,
  };
}

/** An env key's id is derived from the key, so the same key always has the same id. */
function envKeyId(encoded: string): string {
  return `e${createHash('sha256').update(Buffer.from(encoded, 'base64')).digest('hex').slice(0, 10)}`;
}

function fileKeyring(path: string): Keyring {
  let file = readKeyFile(path);
  return {
    get currentId() {
      return file.current;
    },
    key: (id) => (file.keys[id] === undefined ? undefined : Buffer.from(file.keys[id], 'base64')),
    ids: () => Object.keys(file.keys),
    source: { kind: 'file', path },
    reload() {
      file = readKeyFile(path);
      return true;
    },
  };
}

function readKeyFile(path: string): KeyFile {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  if (typeof parsed.current !== 'string' || typeof parsed.keys?.[parsed.current] !== 'string') {
    throw new Error(`${path} is not a valid Herald key file`);
  }
  return parsed;
}

export function newKeyFile(previous?: KeyFile): KeyFile {
  const id = `k${randomBytes(5).toString('hex')}`;
  return { current: id, keys: { ...previous?.keys, [id]: randomBytes(32).toString('base64') } };
}

/** Writes the key file atomically (temp file and rename) with mode 0600. */
export function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

export function readKeyFileAt(path: string): KeyFile {
  return readKeyFile(path);
}
