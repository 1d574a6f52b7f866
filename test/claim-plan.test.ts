import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database, MessageRow, MessageState } from '../src/store/schema.js';
import { recordAndClaim, recoverExpiredLeases, type MessageOutcome } from '../src/delivery/sending/outbox.js';
import { reclaimOrphanedLeases } from '../src/delivery/sending/orphaned-leases.js';
import { silentLogger } from '../src/shared/logger.js';
import { testDialect } from './support/test-database.js';
import { insertTenants, messageRow, openDirectStore } from './support/direct-store.js';

// Real: the migrated schema on this run's dialect (a SQLite file, or a fresh PostgreSQL database),
// filled like a store with a backlog — one tenant with thousands of due messages, hundreds of
// tenants with a few, sent and held history — then a real claim. Every statement the claim runs is
// captured and its plan asked of the database: none may sort the queue or scan a table.

const bigBacklog = 6000;
const smallTenants = 2000;
/** Tenants whose only message is deferred to later: in due_scopes, not yet due. */
const laterTenants = 15_000;

async function fill(db: Kysely<Database>, statistics = true): Promise<void> {
  const now = Date.now();
  const scopes = [
    'big',
    ...Array.from({ length: smallTenants }, (_, i) => `t${i}`),
    ...Array.from({ length: laterTenants }, (_, i) => `l${i}`),
  ];
  await insertTenants(db, scopes, now);
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
    const rows = messages.slice(at, at + 500).map((m, i) => messageRow(`msg_${at + i}`, m.scope, m.state, m.at));
    await db.insertInto('messages').values(rows).execute();
    await db
      .insertInto('message_bodies')
      .values(rows.map((row) => ({ message_id: row.id, text_body: 'body', html_body: '<p>body</p>' })))
      .execute();
  }
  if (statistics) await sql`analyze`.execute(db);
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

/**
 * A sort of anything, or a read of a whole table that grows with the queue or the tenants (a
 * due-scope table walk included), or of every message in a state (SQLite's planner took the state
 * index over the ids for `id in (…) and state in (…)`). paused_scopes holds the scopes an operator
 * paused: a handful, read whole.
 */
const forbidden =
  testDialect === 'postgres'
    ? /^(Sort|Incremental Sort|Seq Scan (?!paused_scopes\b))/
    : /TEMP B-TREE|^SCAN (messages|m|scopes|s|due_scopes)\b|^SEARCH messages USING (COVERING )?INDEX \w+ \(state=\?\)$/;

// Herald never runs ANALYZE on SQLite, so its planner works without statistics there; PostgreSQL
// always has them (autovacuum). Both ways on SQLite: an operator may analyze the file.
for (const statistics of testDialect === 'sqlite' ? [false, true] : [true]) {
  const gathered = statistics ? 'with statistics' : 'without statistics';
  test(`a claim walks indexes for the rows it takes: no sort, no table scan (${testDialect}, ${gathered})`, async () => {
    await using store = await openDirectStore();
    await fill(store.db, statistics);
    store.statements.length = 0;
    const claimed = await recordAndClaim(store.db, store.dialect, {
      nodeId: 'plan-test',
      now: Date.now(),
      leaseMs: 60_000,
      outcomes: [],
      claim: { limit: 100, roomFor: () => 32 },
    });
    assert.ok(claimed.length >= 64, `the claim took ${claimed.length} messages`);
    assert.ok(
      claimed.some((m) => m.scope_id === 'big') && claimed.some((m) => m.scope_id !== 'big'),
      'the batch is shared between tenants',
    );
    const claimStatements = store.statements.filter((s) => !/^(begin|commit|rollback)/i.test(s.sql.trim()));
    assert.ok(claimStatements.length >= 2, `the claim ran ${claimStatements.length} statements`);
    const scopesServed = new Set(claimed.map((m) => m.scope_id)).size;
    const takes = claimStatements.filter((s) => /^update messages/i.test(s.sql.trim()));
    assert.equal(takes.length, 1, `one statement takes the messages of all ${scopesServed} scopes served`);
    const failures: string[] = [];
    for (const statement of claimStatements) {
      const lines = await plan(store.db, statement);
      if (lines.some((line) => forbidden.test(line))) failures.push(`${statement.sql}\n  plan:\n    ${lines.join('\n    ')}`);
    }
    assert.deepEqual(failures, [], 'these claim statements sort or scan');
  });
}

/** A read of every message. */
const scansMessages = testDialect === 'postgres' ? /^Seq Scan messages/ : /^SCAN messages\b/;

test(`lease lookups seek the leased messages instead of reading the history (${testDialect})`, async () => {
  await using store = await openDirectStore();
  await fill(store.db);
  const now = Date.now();
  const inFlight = await store.db
    .selectFrom('messages')
    .select('id')
    .where('scope_id', '=', 'big')
    .where('state', '=', 'queued')
    .limit(40)
    .execute();
  await store.db
    .updateTable('messages')
    .set({ state: 'sending', lease_owner: 'gone-node', lease_until: now - 1000 })
    .where(
      'id',
      'in',
      inFlight.map((m) => m.id),
    )
    .execute();
  await sql`analyze`.execute(store.db);
  store.statements.length = 0;
  const here = { hostname: 'plan-host', pid: process.pid };
  await reclaimOrphanedLeases({ db: store.db, dialect: store.dialect, nodeId: 'plan-test', here, now, log: silentLogger });
  await recoverExpiredLeases(store.db, 'plan-test', now);
  const lookups = store.statements.filter((s) => /^select/i.test(s.sql.trim()) && /from "messages"/.test(s.sql));
  const remaining = await store.db.selectFrom('messages').select('id').where('state', '=', 'sending').execute();
  assert.equal(remaining.length, 0, 'every expired lease was taken back');
  assert.ok(lookups.length >= 2, `${lookups.length} lease lookups`);
  const failures: string[] = [];
  for (const statement of lookups) {
    const lines = await plan(store.db, statement);
    if (lines.some((line) => scansMessages.test(line))) failures.push(`${statement.sql}\n  plan:\n    ${lines.join('\n    ')}`);
  }
  assert.deepEqual(failures, [], 'these lease lookups read every message');
});

/** Each scan in a statement's plan, with the rows it read (returned or filtered out, over all its loops), run and rolled back. */
async function rowsReadByScans(db: Kysely<Database>, statement: CompiledQuery): Promise<Array<{ scan: string; rows: number }>> {
  const rolledBack = new Error('rolled back');
  const scans: Array<{ scan: string; rows: number }> = [];
  await db
    .transaction()
    .execute(async (trx) => {
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: Record<string, unknown> }> }>({
        ...statement,
        sql: `explain (analyze, format json) ${statement.sql}`,
      });
      const walk = (node: Record<string, unknown>) => {
        const type = String(node['Node Type']);
        if (type.endsWith('Scan') && type !== 'Subquery Scan') {
          const read = ['Actual Rows', 'Rows Removed by Filter', 'Rows Removed by Index Recheck'].reduce(
            (sum, key) => sum + Number(node[key] ?? 0),
            0,
          );
          scans.push({
            scan: [type, node['Relation Name'], node['Index Name']].filter(Boolean).join(' '),
            rows: read * Number(node['Actual Loops'] ?? 1),
          });
        }
        for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) walk(child);
      };
      walk(rows[0]!['QUERY PLAN'][0]!.Plan);
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return scans;
}

const sentOutcome = (message: MessageRow, at: number): MessageOutcome => ({
  kind: 'attempt',
  message,
  state: 'sent',
  attempt: {
    startedAt: at,
    durationMs: 1,
    outcome: 'sent',
    stage: 'data',
    replyCode: 250,
    reply: '250 ok',
    errorCode: null,
    settingsScope: null,
    settingsVersion: null,
  },
});

// One tenant's backlog, claimed in batches, with the previous batch's outcomes. Without statistics
// (a burst before autovacuum's first ANALYZE), PostgreSQL's planner joined the due ranges to the
// messages they update by reading the whole due index once per message taken (187,904 index rows
// for a claim of 64 from 3,000), and the outcomes' VALUES to the messages by reading every message.
test(
  `a claim from one tenant's backlog reads about the rows it takes, with or without statistics (${testDialect})`,
  {
    skip: testDialect === 'postgres' ? false : 'EXPLAIN ANALYZE is PostgreSQL’s; the SQLite plans are checked above',
  },
  async () => {
    const batch = 64;
    // At 3,000 the planner may read the table's few pages once rather than seek 64 keys; never once
    // per message taken. At 20,000 every scan seeks.
    const cases = [false, true].flatMap((statistics) => [
      { backlog: 3000, most: 3000 + 4 * batch, statistics },
      { backlog: 20_000, most: 4 * batch, statistics },
    ]);
    for (const { backlog, most, statistics } of cases) {
      await using store = await openDirectStore();
      const now = Date.now();
      await insertTenants(store.db, ['big'], now);
      for (let at = 0; at < backlog; at += 500) {
        const rows = Array.from({ length: 500 }, (_, i) => messageRow(`msg_${at + i}`, 'big', 'queued', now - backlog + at + i));
        await store.db.insertInto('messages').values(rows).execute();
        await store.db
          .insertInto('message_bodies')
          .values(rows.map((row) => ({ message_id: row.id, text_body: 'body '.repeat(100), html_body: '<p>body</p>'.repeat(50) })))
          .execute();
      }
      if (statistics) await sql`analyze`.execute(store.db);
      const exchange = { nodeId: 'plan-test', leaseMs: 60_000, claim: { limit: batch, roomFor: () => batch } };
      const first = await recordAndClaim(store.db, store.dialect, { ...exchange, now: Date.now(), outcomes: [] });
      assert.equal(first.length, batch);
      store.statements.length = 0;
      const sentAt = Date.now();
      const outcomes = first.map((message) => sentOutcome(message, sentAt));
      const second = await recordAndClaim(store.db, store.dialect, { ...exchange, now: sentAt, outcomes });
      assert.equal(second.length, batch);
      const heavy: string[] = [];
      // the reads and updates (an insert scans nothing; run again, its keys would collide)
      for (const statement of store.statements.filter((s) => /^(select|update)/i.test(s.sql.trim()))) {
        for (const { scan, rows } of await rowsReadByScans(store.db, statement))
          if (rows > most) heavy.push(`${scan} read ${rows} rows in: ${statement.sql.slice(0, 120)}`);
      }
      assert.deepEqual(
        heavy,
        [],
        `scans that read more than ${most} rows of a backlog of ${backlog} (${statistics ? 'with' : 'without'} statistics)`,
      );
    }
  },
);
