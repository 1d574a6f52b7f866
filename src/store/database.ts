import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import type PgModule from 'pg';
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
 * @example
 * import { migrateToLatest } from './migrate.js';
 * const opened = openStore(config.database); await migrateToLatest(opened.db);
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
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite, 1000) }) });
  return { db, dialect: sqliteDialect, close: () => db.destroy() };
}

/**
 * Transactions that begin IMMEDIATE: Kysely's begin deferred, and a transaction that reads, waits
 * (an ingest waiting for its renders), then writes fails with SQLITE_BUSY_SNAPSHOT when another
 * process (a `herald queue` command) committed in between. Begun IMMEDIATE, it takes the write lock
 * first, waiting for the other process's write to end (busy_timeout) instead of failing.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite driver prepares every query afresh; compiling the SQL costs more than running
 * most of Herald's statements. Keeps the last `size` prepared statements by SQL text (Kysely only
 * calls all/run on them, which finish before the next query, so sharing one is safe).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size: number) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

let pgModule: typeof PgModule | undefined;
/** node-postgres, loaded only when PostgreSQL is used (a SQLite deployment keeps its 3 MB of heap), with BIGINTs read as numbers. */
export function postgresDriver(): typeof PgModule {
  if (pgModule) return pgModule;
  pgModule = createRequire(import.meta.url)('pg') as typeof PgModule;
  // Times are epoch milliseconds in BIGINT columns; they fit a JavaScript number exactly.
  pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (value) => Number(value));
  return pgModule;
}

function openPostgres(config: Extract<DatabaseConfig, { dialect: 'postgres' }>): Store {
  const pg = postgresDriver();
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection (a database restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // The pool listens only while a client is idle. A client checked out (inside a transaction,
  // between two statements) whose server goes away emits 'error' with no listener, which would
  // end the process: the statement it is given next fails instead (the caller retries or answers
  // 503), and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: postgresDialect, close: () => db.destroy() };
}

/** Whether the database answers a trivial query now (readiness). */
export async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
