import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import { migrateToLatest } from '../src/store/migrate.js';
import { postgresDialect, sqliteDialect, type StoreDialect } from '../src/store/dialect.js';
import type { Database, MessageState } from '../src/store/schema.js';
import { recordAndClaim } from '../src/delivery/sending/outbox.js';
import { createTestDatabase, testDialect } from './support/test-database.js';

// Real: the migrated schema on this run's dialect (a SQLite file, or a fresh PostgreSQL database),
// filled like a store with a backlog — one tenant with thousands of due messages, hundreds of
// tenants with a few, sent and held history — then a real claim. Every statement the claim runs is
// captured and its plan asked of the database: none may sort the queue or scan a table.

const bigBacklog = 6000;
const smallTenants = 2000;
/** Tenants whose only message is deferred to later: in due_scopes, not yet due. */
const laterTenants = 15_000;

async function openDatabase(): Promise<{
  db: Kysely<Database>;
  dialect: StoreDialect;
  statements: CompiledQuery[];
  [Symbol.asyncDispose](): Promise<void>;
}> {
  const statements: CompiledQuery[] = [];
  const log = (event: { query: CompiledQuery }) => void statements.push(event.query);
  if (testDialect === 'postgres') {
    const database = await createTestDatabase();
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.env.HERALD_DATABASE_URL }) }),
      log,
    });
    return { db, dialect: postgresDialect, statements, [Symbol.asyncDispose]: async () => (await db.destroy(), await database.drop()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'herald-plan-'));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'herald.db')) }), log });
  return {
    db,
    dialect: sqliteDialect,
    statements,
    [Symbol.asyncDispose]: async () => (await db.destroy(), rmSync(dir, { recursive: true })),
  };
}

async function fill(db: Kysely<Database>): Promise<void> {
  const now = Date.now();
  const scopes = [
    'big',
    ...Array.from({ length: smallTenants }, (_, i) => `t${i}`),
    ...Array.from({ length: laterTenants }, (_, i) => `l${i}`),
  ];
  for (let at = 0; at < scopes.length; at += 500) {
    const rows = scopes
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
  const messages: Array<{ scope: string; state: MessageState; at: number }> = [];
  for (let i = 0; i < bigBacklog; i += 1)
    messages.push({ scope: 'big', state: i % 10 === 0 ? 'deferred' : 'queued', at: now - bigBacklog + i });
  for (let i = 0; i < bigBacklog; i += 1) messages.push({ scope: 'big', state: i % 2 ? 'sent' : 'held', at: now - 2 * bigBacklog + i });
  for (let t = 0; t < smallTenants; t += 1) {
    for (let i = 0; i < 3; i += 1) messages.push({ scope: `t${t}`, state: i === 2 ? 'deferred' : 'queued', at: now - 100 + i });
    messages.push({ scope: `t${t}`, state: 'sent', at: now - 1000 });
  }
  for (let t = 0; t < laterTenants; t += 1) messages.push({ scope: `l${t}`, state: 'deferred', at: now + 3_600_000 + t });
  for (let at = 0; at < messages.length; at += 500) {
    await db
      .insertInto('messages')
      .values(
        messages.slice(at, at + 500).map((m, i) => ({
          id: `msg_${at + i}`,
          scope_id: m.scope,
          event_id: `evt_${m.scope}`,
          recipient: `r${at + i}@example.test`,
          recipient_name: null,
          message_id: `<${at + i}@example.test>`,
          subject: 'subject',
          text_body: 'body',
          html_body: null,
          state: m.state,
          held_reason: m.state === 'held' ? 'no mail server' : null,
          attempts: 0,
          ambiguous_attempts: 0,
          next_attempt_at: m.at,
          lease_owner: null,
          lease_until: null,
          last_stage: null,
          last_reply_code: null,
          last_reply: null,
          created_at: m.at,
          queued_at: m.at,
          updated_at: m.at,
          sent_at: null,
        })),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
}

/** The plan as lines of text: SQLite's EXPLAIN QUERY PLAN details, or PostgreSQL's plan nodes. */
async function plan(db: Kysely<Database>, statement: CompiledQuery): Promise<string[]> {
  if (testDialect === 'postgres') {
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>({ ...statement, sql: `explain (format json) ${statement.sql}` });
    const nodes: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      nodes.push([node['Node Type'], node['Relation Name'], node['Index Name']].filter(Boolean).join(' '));
      for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
    };
    walk((rows[0]!['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan);
    return nodes;
  }
  const { rows } = await db.executeQuery<{ detail: string }>({ ...statement, sql: `explain query plan ${statement.sql}` });
  return rows.map((row) => row.detail);
}

/** A sort of anything, or a read of a whole table (a due-scope table walk included: it grows with tenants). */
const forbidden =
  testDialect === 'postgres' ? /^(Sort|Incremental Sort|Seq Scan)\b/ : /TEMP B-TREE|^SCAN (messages|m|scopes|s|due_scopes)\b/;

test(`a claim walks indexes for the rows it takes: no sort, no table scan (${testDialect})`, async () => {
  await using store = await openDatabase();
  await migrateToLatest(store.db);
  await fill(store.db);
  store.statements.length = 0;
  const claimed = await recordAndClaim(store.db, store.dialect, {
    nodeId: 'plan-test',
    now: Date.now(),
    leaseMs: 60_000,
    outcomes: [],
    claim: { limit: 100, roomFor: () => 32 },
  });
  assert.ok(claimed.length >= 64, `the claim took ${claimed.length} messages`);
  assert.ok(claimed.some((m) => m.scope_id === 'big') && claimed.some((m) => m.scope_id !== 'big'), 'the batch is shared between tenants');
  const claimStatements = store.statements.filter((s) => !/^(begin|commit|rollback)/i.test(s.sql.trim()));
  assert.ok(claimStatements.length >= 2, `the claim ran ${claimStatements.length} statements`);
  const failures: string[] = [];
  for (const statement of claimStatements) {
    const lines = await plan(store.db, statement);
    if (lines.some((line) => forbidden.test(line))) failures.push(`${statement.sql}\n  plan:\n    ${lines.join('\n    ')}`);
  }
  assert.deepEqual(failures, [], 'these claim statements sort or scan');
});
