import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import { postgresDriver } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { postgresDialect, sqliteDialect, type StoreDialect } from '../../src/store/dialect.js';
import type { Database, MessageState } from '../../src/store/schema.js';
import { createTestDatabase, testDialect } from './test-database.js';

/** A migrated store of this run's dialect opened directly (no Herald), logging every statement it runs. */
export interface DirectStore {
  db: Kysely<Database>;
  dialect: StoreDialect;
  statements: CompiledQuery[];
  [Symbol.asyncDispose](): Promise<void>;
}

/** A fresh SQLite file or PostgreSQL database, migrated to the latest schema. */
export async function openDirectStore(): Promise<DirectStore> {
  const statements: CompiledQuery[] = [];
  const log = (event: { query: CompiledQuery }) => void statements.push(event.query);
  let store: DirectStore;
  if (testDialect === 'postgres') {
    const database = await createTestDatabase();
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new (postgresDriver().Pool)({ connectionString: database.env.HERALD_DATABASE_URL }) }),
      log,
    });
    store = { db, dialect: postgresDialect, statements, [Symbol.asyncDispose]: async () => (await db.destroy(), await database.drop()) };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'herald-store-'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'herald.db')) }), log });
    store = {
      db,
      dialect: sqliteDialect,
      statements,
      [Symbol.asyncDispose]: async () => (await db.destroy(), rmSync(dir, { recursive: true })),
    };
  }
  await migrateToLatest(store.db);
  return store;
}

/** A message row as ingest writes it, in `state`, due (or sent) at `at`. */
export function messageRow(id: string, scopeId: string, state: MessageState, at: number) {
  return {
    id,
    scope_id: scopeId,
    event_id: `evt_${scopeId}`,
    recipient: `${id}@example.test`,
    recipient_name: null,
    message_id: `<${id}@example.test>`,
    subject: 'subject',
    state,
    held_reason: state === 'held' ? 'no mail server' : null,
    attempts: 0,
    ambiguous_attempts: 0,
    next_attempt_at: at,
    lease_owner: null,
    lease_until: null,
    last_stage: null,
    last_reply_code: null,
    last_reply: null,
    created_at: at,
    queued_at: at,
    updated_at: at,
    sent_at: null,
  };
}

/** Tenants (scope rows) and one event each, for messages to belong to. */
export async function insertTenants(db: Kysely<Database>, ids: readonly string[], now: number): Promise<void> {
  for (let at = 0; at < ids.length; at += 500) {
    const rows = ids
      .slice(at, at + 500)
      .map((id) => ({ id, kind: 'tenant' as const, name: id, mail_server_version: null, created_at: now, updated_at: now }));
    await db.insertInto('scopes').values(rows).execute();
    await db
      .insertInto('events')
      .values(
        rows.map(({ id }) => ({
          id: `evt_${id}`,
          scope_id: id,
          type: 'bench',
          severity: 'info',
          data: '{}',
          outcome: 'queued',
          created_at: now,
        })),
      )
      .execute();
  }
}
