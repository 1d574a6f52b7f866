import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config, DatabaseConfig } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { liveNodes } from '../cluster/index.js';
import { keyFileName } from '../secrets/keyring.js';
import { openStore, type Store } from '../store/database.js';
import { appliedMigrations, migrateToLatest, migrationNames } from '../store/migrate.js';
import { backupSqliteFile } from '../store/sqlite-backup.js';
import { copyStore } from '../store/copy-store.js';

const pgDumpHelp = 'PostgreSQL is backed up with its own tools: pg_dump -Fc (see docs/operations.md, "Backup and restore").';

/** The key file that travels with a backup: `<backup>.master.key`. */
export function backupKeyFile(backup: string): string {
  return `${backup}.master.key`;
}

/**
 * `herald backup FILE`: a consistent copy of the running SQLite database (online backup API) and,
 * beside it with mode 0600, the master key file the secrets need; with HERALD_MASTER_KEY a loud
 * reminder that the backup is unreadable without that variable.
 */
export async function backupCommand(config: Config, file: string | undefined): Promise<number> {
  if (!file) {
    console.error('backup needs a destination: herald backup FILE');
    return 2;
  }
  if (config.database.dialect !== 'sqlite') {
    console.error(`herald backup copies a SQLite database. ${pgDumpHelp}`);
    return 2;
  }
  const destination = resolve(file);
  if (existsSync(destination)) {
    console.error(`${destination} already exists: choose a new file name (a backup never overwrites one).`);
    return 2;
  }
  if (!existsSync(config.database.file)) {
    console.error(`There is no database at ${config.database.file} to back up.`);
    return 1;
  }
  const { pages } = await backupSqliteFile(config.database.file, destination);
  chmodSync(destination, 0o600);
  console.log(`Backed up ${config.database.file} to ${destination} (${pages} pages).`);
  if (config.masterKeys.length > 0) {
    console.log(
      [
        '',
        '!!! The master key comes from HERALD_MASTER_KEY and is NOT in this backup.',
        '!!! Without it the stored mail-server passwords cannot be decrypted: keep the',
        "!!! variable's value (every key in it) somewhere safe, apart from the backup.",
        '',
      ].join('\n'),
    );
    return 0;
  }
  const keyFile = join(config.dataDir, keyFileName);
  if (!existsSync(keyFile)) {
    console.log(`No key file at ${keyFile}: no secrets were ever stored, nothing else to keep.`);
    return 0;
  }
  copyFileSync(keyFile, backupKeyFile(destination));
  chmodSync(backupKeyFile(destination), 0o600);
  console.log(`Master key file copied to ${backupKeyFile(destination)} (mode 0600): keep it with the backup, and as safe as a password.`);
  return 0;
}

/**
 * `herald restore FILE [--force]`: puts a backup in place of the configured SQLite database. Refuses
 * while a Herald runs on that database, when the backup's schema is newer than this Herald, and
 * (without --force) when the data directory already holds a database; what it replaces is kept
 * beside it as `*.before-restore-<time>`.
 */
export async function restoreCommand(config: Config, file: string | undefined, force: boolean): Promise<number> {
  if (!file) {
    console.error('restore needs a backup file: herald restore FILE');
    return 2;
  }
  if (config.database.dialect !== 'sqlite') {
    console.error(`herald restore restores a SQLite backup. ${pgDumpHelp.replace('pg_dump -Fc', 'pg_restore')}`);
    return 2;
  }
  const backup = resolve(file);
  if (!existsSync(backup)) {
    console.error(`There is no backup at ${backup}.`);
    return 2;
  }
  const schemaProblem = await backupSchemaProblem(backup);
  if (schemaProblem) {
    console.error(schemaProblem);
    return 1;
  }
  const target = config.database.file;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (existsSync(target)) {
    const running = await withStore(config.database, (store) => liveNodes(store.db, Date.now()));
    if (running.length > 0) {
      console.error(
        `Herald is running on ${target} (${running.map((node) => `${node.id}, pid ${node.pid} on ${node.hostname}`).join('; ')}): stop it before restoring over its data.`,
      );
      return 1;
    }
    if (!force) {
      console.error(`${target} already holds a database. Pass --force to replace it (it is kept as ${target}.before-restore-<time>).`);
      return 1;
    }
    renameSync(target, `${target}.before-restore-${stamp}`);
  }
  // A write-ahead log left by the database replaced belongs to it, never to the restored one.
  for (const leftover of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(leftover, { force: true });
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const temp = join(dirname(target), `.restore-${process.pid}.sqlite`);
  copyFileSync(backup, temp);
  chmodSync(temp, 0o600);
  renameSync(temp, target);
  // The nodes recorded in the backup do not run on this copy: their leases are free to take back at once.
  await withStore(config.database, (store) =>
    store.db.updateTable('nodes').set({ stopped_at: Date.now(), in_flight: 0 }).where('stopped_at', 'is', null).execute(),
  );
  console.log(`Restored ${backup} to ${target}.`);
  restoreKeyFile(config, backup, stamp);
  console.log('Start Herald: it brings the schema up to date and takes back the messages that were being sent.');
  return 0;
}

function restoreKeyFile(config: Config, backup: string, stamp: string): void {
  const saved = backupKeyFile(backup);
  if (config.masterKeys.length > 0) {
    console.log('The master key comes from HERALD_MASTER_KEY: it must hold the key(s) the backup was made with.');
    return;
  }
  const keyFile = join(config.dataDir, keyFileName);
  if (!existsSync(saved)) {
    console.log(
      `!!! No key file beside the backup (${saved}): stored passwords stay unreadable until the key file of the backed-up installation is put at ${keyFile}.`,
    );
    return;
  }
  if (existsSync(keyFile)) {
    if (readFileSync(keyFile, 'utf8') === readFileSync(saved, 'utf8')) return;
    renameSync(keyFile, `${keyFile}.before-restore-${stamp}`);
  }
  copyFileSync(saved, keyFile);
  chmodSync(keyFile, 0o600);
  console.log(`Master key file restored to ${keyFile}.`);
}

async function backupSchemaProblem(backup: string): Promise<string | undefined> {
  const applied = await withStore({ dialect: 'sqlite', file: backup, synchronous: 'FULL' }, (store) => appliedMigrations(store.db)).catch(
    (error: unknown) => {
      throw new Error(`${backup} is not a readable SQLite database: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  if (applied.length === 0) return `${backup} is not a Herald database (it has no migrations).`;
  const known = new Set(migrationNames());
  const newer = applied.filter((name) => !known.has(name));
  if (newer.length > 0)
    return `${backup} was made by a newer Herald (schema ${newer.at(-1)}); this version knows up to ${migrationNames().at(-1)}. Restore it with that version or newer.`;
  return undefined;
}

async function withStore<T>(database: DatabaseConfig, use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(database);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * `herald migrate-store --from <sqlite path or URL> --to <URL>`: copies a whole Herald database to
 * another (SQLite to PostgreSQL, typically). Both are brought to this version's schema first; the
 * target must be empty; the source must have no running Herald.
 */
export async function migrateStoreCommand(options: { from?: string; to?: string }): Promise<number> {
  if (!options.from || !options.to) {
    console.error('migrate-store needs --from <sqlite path or URL> and --to <URL>');
    return 2;
  }
  const from = databaseAt(options.from);
  const to = databaseAt(options.to);
  const source = openStore(from);
  const target = openStore(to);
  try {
    const running = await liveNodes(source.db, Date.now());
    if (running.length > 0) {
      console.error(
        `Herald is running on the source (${running.map((node) => node.id).join(', ')}): stop every node first, so nothing changes during the copy.`,
      );
      return 1;
    }
    const notEmpty = await targetHoldsData(target);
    if (notEmpty) {
      console.error(`The target is not empty (${notEmpty}): migrate-store copies only into a new, empty database.`);
      return 1;
    }
    await migrateToLatest(source.db);
    await migrateToLatest(target.db);
    const copied = await copyStore(source, target);
    const total = Object.values(copied).reduce((sum, n) => sum + n, 0);
    console.log(`Copied ${total} rows in ${Object.keys(copied).length} tables:`);
    for (const [table, rows] of Object.entries(copied)) if (rows > 0) console.log(`  ${table.padEnd(24)} ${rows}`);
    console.log('Secrets were copied encrypted: start Herald on the target with the same master key (key file or HERALD_MASTER_KEY).');
    return 0;
  } finally {
    await source.close();
    await target.close();
  }
}

/** A `--from`/`--to` value read as HERALD_DATABASE_URL would be (a bare path is a SQLite file). */
function databaseAt(value: string): DatabaseConfig {
  const url = /^(sqlite:|postgres(ql)?:\/\/)/.test(value) ? value : `sqlite:${resolve(value)}`;
  return loadConfig({ HERALD_DATABASE_URL: url }).database;
}

/** Why the target counts as holding data, or undefined for a database nothing but migrations touched. */
async function targetHoldsData(target: Store): Promise<string | undefined> {
  if ((await appliedMigrations(target.db)).length === 0) {
    const tables = await target.db.introspection.getTables();
    return tables.length > 0
      ? `it has tables (${tables
          .slice(0, 3)
          .map((table) => table.name)
          .join(', ')}…) but no Herald migrations`
      : undefined;
  }
  const scopes = await target.db.selectFrom('scopes').select('id').where('id', '!=', 'system').limit(1).execute();
  if (scopes.length > 0) return `it has tenants`;
  for (const table of ['audit_log', 'events', 'messages', 'users', 'api_tokens'] as const) {
    const rows = await target.db.selectFrom(table).selectAll().limit(1).execute();
    if (rows.length > 0) return `its table ${table} has rows`;
  }
  return undefined;
}
