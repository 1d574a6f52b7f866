import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from './schema.js';
import { sqliteDialect, type StoreDialect } from './dialect.js';

/** An open store: the typed query builder plus what differs between dialects. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names. SQLite runs in WAL mode with the configured
 * `synchronous` level (FULL by default: an accepted event survives power loss).
 *
 * @example const store = openStore(config.database); await migrateToLatest(store.db);
 */
export function openStore(config: DatabaseConfig): Store {
  if (config.dialect === 'postgres') {
    throw new Error('HERALD_DATABASE_URL: PostgreSQL is not supported by this version yet; use sqlite:');
  }
  mkdirSync(dirname(config.file), { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${config.synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: sqliteDialect,
    close: () => db.destroy(),
  };
}
