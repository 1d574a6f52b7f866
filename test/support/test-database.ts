import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../../src/config/config.js';
import { openStore } from '../../src/store/database.js';

/** Which database this run of the suite uses: `npm test` runs it once per dialect. */
export const testDialect: 'sqlite' | 'postgres' = process.env.HERALD_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** The server the PostgreSQL run creates its databases on. */
export const postgresAdminUrl = process.env.HERALD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Environment for Herald: empty for SQLite (the data directory holds the file). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test: a new PostgreSQL database, or nothing to do for SQLite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDialect === 'sqlite') return { env: {}, drop: async () => undefined };
  const name = `herald_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    env: { HERALD_DATABASE_URL: url.toString() },
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** Runs one statement on a server's maintenance database (the test server's by default). */
export async function adminQuery(text: string, url = postgresAdminUrl): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Message counts by state, read straight from the database Herald's environment names. */
export async function messageStates(env: Record<string, string>): Promise<Record<string, number>> {
  const store = openStore(loadConfig(env).database);
  try {
    const rows = await store.db
      .selectFrom('messages')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  } finally {
    await store.close();
  }
}

/** Messages in `sending`, by the node holding their lease. */
export async function leaseOwners(env: Record<string, string>): Promise<Map<string, number>> {
  const store = openStore(loadConfig(env).database);
  try {
    const rows = await store.db
      .selectFrom('messages')
      .select(['lease_owner', (eb) => eb.fn.countAll<number>().as('n')])
      .where('state', '=', 'sending')
      .groupBy('lease_owner')
      .execute();
    return new Map(rows.map((row) => [row.lease_owner ?? '', Number(row.n)]));
  } finally {
    await store.close();
  }
}

/** Every stored row of every table as text, to search for what must not be stored. */
export async function everyStoredRow(env: Record<string, string>): Promise<string> {
  const store = openStore(loadConfig(env).database);
  try {
    const tables = [
      'scopes',
      'mail_server_settings',
      'scope_recipients',
      'events',
      'messages',
      'attempts',
      'mailbox',
      'api_tokens',
      'users',
      'sessions',
      'attempt_counters',
      'system_settings',
      'audit_log',
      'audit_head',
      'notification_settings',
      'event_types',
      'event_settings',
      'user_preferences',
      'templates',
      'silences',
      'oauth_connections',
      'oauth_states',
    ] as const;
    const rows = await Promise.all(tables.map((table) => store.db.selectFrom(table).selectAll().execute()));
    return JSON.stringify(rows);
  } finally {
    await store.close();
  }
}

/** What an attacker who holds the database would do before editing the audit log: drop the triggers that keep it append-only. */
export async function dropAuditTriggers(db: Kysely<any>): Promise<void> {
  const statements =
    testDialect === 'postgres'
      ? [sql`drop trigger audit_log_append_only on audit_log`, sql`drop trigger audit_log_no_truncate on audit_log`]
      : [sql`drop trigger audit_log_no_update`, sql`drop trigger audit_log_no_delete`];
  for (const statement of statements) await statement.execute(db);
}
