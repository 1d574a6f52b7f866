import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from './schema.js';
import { postgresDialect, sqliteDialect, type StoreDialect } from './dialect.js';

/** An open store: the typed query builder plus what differs between dialects. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names: SQLite in WAL mode with the configured
 * `synchronous` level (FULL by default: an accepted event survives power loss), or PostgreSQL
 * through a bounded node-postgres pool.
 *
 * @example const store = openStore(config.database); await migrateToLatest(store.db);
 */
export function openStore(config: DatabaseConfig): Store {
  return config.dialect === 'postgres' ? openPostgres(config) : openSqlite(config);
}

function openSqlite(config: Extract<DatabaseConfig, { dialect: 'sqlite' }>): Store {
  mkdirSync(dirname(config.file), { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${config.synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: sqliteDialect, close: () => db.destroy() };
}

// Times are epoch milliseconds in BIGINT columns; they fit a JavaScript number exactly.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function openPostgres(config: Extract<DatabaseConfig, { dialect: 'postgres' }>): Store {
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // A dropped idle connection (a database restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: postgresDialect, close: () => db.destroy() };
}
