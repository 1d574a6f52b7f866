import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndClaim, releaseHeld, type MessageOutcome } from '../src/delivery/sending/outbox.js';
import { releasableScopes } from '../src/delivery/sending/held-release.js';
import type { MessageRow } from '../src/store/schema.js';
import { testDialect } from './support/test-database.js';
import { insertTenants, messageRow, openDirectStore, type DirectStore } from './support/direct-store.js';

// Real: the migrated schema on this run's dialect, its triggers, and the outbox's claim and
// outcome writes. The clock is a number passed in. What is checked: every way a message becomes
// due puts its scope in due_scopes in time, a served scope takes its turn behind one that waited,
// and a drained scope leaves.

const t0 = 1_000_000;
const node = 'due-scopes-test';

async function dueScopes(store: DirectStore): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom('due_scopes').selectAll().orderBy('scope_id').execute();
  return Object.fromEntries(rows.map((row) => [row.scope_id, Number(row.due_at)]));
}

async function claim(store: DirectStore, now: number, limit = 10, outcomes: MessageOutcome[] = []): Promise<MessageRow[]> {
  return recordAndClaim(store.db, store.dialect, { nodeId: node, now, leaseMs: 60_000, outcomes, claim: { limit, roomFor: () => limit } });
}

const deferred = (message: MessageRow, nextAttemptAt: number): MessageOutcome => ({
  kind: 'attempt',
  message,
  state: 'deferred',
  nextAttemptAt,
  attempt: {
    startedAt: nextAttemptAt,
    durationMs: 1,
    outcome: 'retry',
    stage: 'rcpt',
    replyCode: 451,
    reply: 'try later',
    errorCode: null,
    settingsScope: null,
    settingsVersion: null,
  },
});

test(`due_scopes follows the messages: inserted, claimed, deferred, held and released (${testDialect})`, async () => {
  await using store = await openDirectStore();
  await insertTenants(store.db, ['a', 'b'], t0);
  await store.db
    .insertInto('messages')
    .values([messageRow('a1', 'a', 'queued', t0), messageRow('a2', 'a', 'queued', t0 + 1), messageRow('b1', 'b', 'held', t0)])
    .execute();
  assert.deepEqual(await dueScopes(store), { a: t0 }, 'a queued message puts its scope in; a held one does not');

  const first = await claim(store, t0 + 10, 1);
  assert.deepEqual(
    first.map((m) => m.id),
    ['a1'],
  );
  assert.deepEqual(await dueScopes(store), { a: t0 + 10 }, 'served: its turn moves to the claim time (a2 is still due)');

  const second = await claim(store, t0 + 20);
  assert.deepEqual(
    second.map((m) => m.id),
    ['a2'],
  );
  assert.deepEqual(await dueScopes(store), {}, 'nothing due any more: the scope leaves');

  await claim(store, t0 + 30, 10, [deferred(first[0]!, t0 + 5000)]);
  assert.deepEqual(await dueScopes(store), { a: t0 + 5000 }, 'a deferred outcome brings the scope back at its retry time');
  assert.deepEqual(await claim(store, t0 + 4999), [], 'not due before its time');
  assert.deepEqual(
    (await claim(store, t0 + 5000)).map((m) => m.id),
    ['a1'],
  );

  await releaseHeld(store.db, ['b'], t0 + 6000);
  assert.equal((await dueScopes(store)).b, t0, 'released held mail is due at once, at its own time');
  assert.deepEqual(
    (await claim(store, t0 + 6000)).map((m) => m.id),
    ['b1'],
  );
});

test(`released held mail keeps its place: it goes before the scope's mail that came after it (${testDialect})`, async () => {
  await using store = await openDirectStore();
  await insertTenants(store.db, ['a'], t0);
  // a1 was held (no mail server); a2, deferred, became due later and was not taken yet
  await store.db
    .insertInto('messages')
    .values([messageRow('a1', 'a', 'held', t0), messageRow('a2', 'a', 'deferred', t0 + 50)])
    .execute();
  assert.equal(await releaseHeld(store.db, ['a'], t0 + 100), 1);
  assert.deepEqual(await dueScopes(store), { a: t0 }, 'the scope is due from its oldest mail');
  assert.deepEqual(
    (await claim(store, t0 + 100, 1)).map((m) => m.id),
    ['a1'],
    'the mail held longest first',
  );
});

test(`a scope whose first mail just arrived goes before a served backlog (${testDialect})`, async () => {
  await using store = await openDirectStore();
  await insertTenants(store.db, ['big', 'new'], t0);
  await store.db
    .insertInto('messages')
    .values(Array.from({ length: 50 }, (_, i) => messageRow(`big${i}`, 'big', 'queued', t0 + i)))
    .execute();
  await claim(store, t0 + 100, 5);
  await store.db
    .insertInto('messages')
    .values([messageRow('new1', 'new', 'queued', t0 + 150)])
    .execute();
  // One message per claim: the new tenant first, though the big tenant's turn (+100) came earlier.
  const order = [];
  for (const now of [t0 + 200, t0 + 210]) order.push(...(await claim(store, now, 1)).map((m) => m.id));
  assert.deepEqual(order, ['new1', 'big5']);
});

test(`a new tenant's mail is taken in the next claim behind thousands of tenants with older mail, and the oldest still go (${testDialect})`, async () => {
  await using store = await openDirectStore();
  const waiting = Array.from({ length: 2000 }, (_, i) => `w${String(i).padStart(4, '0')}`);
  await insertTenants(store.db, [...waiting, 'newcomer'], t0);
  // three messages each; the oldest has more than one claim's share, so it stays due once served
  const rows = waiting.flatMap((scope, i) =>
    Array.from({ length: i === 0 ? 20 : 3 }, (_, k) => messageRow(`${scope}-${k}`, scope, 'queued', t0 + i)),
  );
  for (let at = 0; at < rows.length; at += 500)
    await store.db
      .insertInto('messages')
      .values(rows.slice(at, at + 500))
      .execute();
  for (let round = 0; round < 5; round += 1) await claim(store, t0 + 5000 + round, 40);
  await store.db
    .insertInto('messages')
    .values([messageRow('newcomer-1', 'newcomer', 'queued', t0 + 6000)])
    .execute();

  const next = (await claim(store, t0 + 6001, 40)).map((m) => m.scope_id);
  assert.ok(next.includes('newcomer'), 'the newcomer is served in the very next claim');
  const oldestUnserved = (await store.db
    .selectFrom('due_scopes')
    .select(['scope_id', 'fresh'])
    .where('fresh', '=', 1)
    .orderBy('due_at')
    .executeTakeFirst())!;
  assert.ok(
    next.length > 1 && next.some((scope) => scope < oldestUnserved.scope_id),
    'the longest waiting tenants are served in the same claim',
  );
  const newcomerRow = await store.db.selectFrom('due_scopes').select('fresh').where('scope_id', '=', 'newcomer').executeTakeFirst();
  assert.equal(newcomerRow, undefined, 'its only message was taken: the scope left due_scopes');
  const served = await store.db.selectFrom('due_scopes').select('fresh').where('scope_id', '=', 'w0000').executeTakeFirstOrThrow();
  assert.equal(Number(served.fresh), 0, 'a served scope with more due mail is no longer a newcomer');
});

test(`three claimers and a writer at once: every message claimed exactly once, no scope left behind (${testDialect})`, async () => {
  await using store = await openDirectStore();
  const scopes = Array.from({ length: 20 }, (_, i) => `s${i}`);
  await insertTenants(store.db, scopes, t0);
  const total = 1500;
  let written = 0;
  const writer = (async () => {
    // Batches of 50 across the scopes, as ingest writes them, while the claimers run.
    for (let at = 0; at < total; at += 50) {
      const rows = Array.from({ length: 50 }, (_, i) => messageRow(`m${at + i}`, scopes[(at + i) % scopes.length]!, 'queued', t0 + at + i));
      await store.db.transaction().execute((trx) => trx.insertInto('messages').values(rows).execute());
      written = at + 50;
    }
  })();
  const claimed = new Map<string, number>();
  const claimer = async (nodeId: string) => {
    let outcomes: MessageOutcome[] = [];
    for (let idle = 0; idle < 20;) {
      const batch = await recordAndClaim(store.db, store.dialect, {
        nodeId,
        now: t0 + 10 * total,
        leaseMs: 60_000,
        outcomes,
        claim: { limit: 40, roomFor: () => 40 },
      });
      for (const message of batch) claimed.set(message.id, (claimed.get(message.id) ?? 0) + 1);
      outcomes = batch.map((message) => ({ ...deferred(message, 0), state: 'sent' as const, nextAttemptAt: undefined }));
      idle = batch.length === 0 && written >= total ? idle + 1 : 0;
    }
    if (outcomes.length > 0) await recordAndClaim(store.db, store.dialect, { nodeId, now: t0 + 10 * total, leaseMs: 60_000, outcomes });
  };
  await Promise.all([writer, claimer('n1'), claimer('n2'), claimer('n3')]);
  assert.equal(claimed.size, total, 'every message was claimed');
  assert.deepEqual(
    [...claimed.values()].filter((times) => times !== 1),
    [],
    'none twice',
  );
  const states = await store.db.selectFrom('messages').select('state').distinct().execute();
  assert.deepEqual(
    states.map((row) => row.state),
    ['sent'],
  );
  assert.deepEqual(await dueScopes(store), {}, 'due_scopes is empty once nothing is due');
});

test(`held mail of 1,200 tenants is released in three statements, and every tenant's mail is due (${testDialect})`, async () => {
  await using store = await openDirectStore();
  const scopes = Array.from({ length: 1200 }, (_, i) => `h${i}`);
  await insertTenants(store.db, [...scopes, 'other'], t0);
  for (let at = 0; at < scopes.length; at += 400)
    await store.db
      .insertInto('messages')
      .values(scopes.slice(at, at + 400).map((scope, i) => messageRow(`held_${scope}`, scope, 'held', t0 + at + i)))
      .execute();
  await store.db
    .insertInto('messages')
    .values(messageRow('held_other', 'other', 'held', t0))
    .execute();
  store.statements.length = 0;
  assert.equal(await releaseHeld(store.db, scopes, t0 + 5000), 1200);
  const writes = store.statements.filter((s) => /^update/i.test(s.sql.trim()));
  assert.equal(writes.length, 3, 'one statement per 500 tenants, not one per tenant');
  const due = await dueScopes(store);
  assert.ok(
    scopes.every((scope, i) => due[scope] === t0 + i),
    'each released tenant is due at once, in the order its mail came',
  );
  const other = await store.db.selectFrom('messages').select('state').where('id', '=', 'held_other').executeTakeFirstOrThrow();
  assert.equal(other.state, 'held', 'a tenant not named stays held');
});

test(`which of 1,200 held tenants may go is read in four statements, not two per tenant (${testDialect})`, async () => {
  await using store = await openDirectStore();
  const scopes = Array.from({ length: 1200 }, (_, i) => `r${i}`);
  await insertTenants(store.db, scopes, t0);
  for (let at = 0; at < scopes.length; at += 400)
    await store.db
      .insertInto('messages')
      .values(scopes.slice(at, at + 400).map((scope) => messageRow(`held_${scope}`, scope, 'held', t0)))
      .execute();
  const secrets = { unreadable: () => null };
  const applyToAll = (on: boolean) =>
    store.db
      .updateTable('mail_server_settings')
      .set({ apply_to_all_tenants: on ? 1 : 0 })
      .where('scope_id', '=', 'system')
      .execute();

  await applyToAll(false);
  store.statements.length = 0;
  assert.deepEqual(await releasableScopes(store.db, secrets), [], 'the system mail server does not apply to tenants: all stay held');
  assert.equal(store.statements.length, 4, 'the held scopes, then their settings 500 scopes at a time');

  await applyToAll(true);
  store.statements.length = 0;
  assert.deepEqual((await releasableScopes(store.db, secrets)).sort(), [...scopes].sort(), 'now every tenant inherits it');
  assert.equal(store.statements.length, 4);
});
