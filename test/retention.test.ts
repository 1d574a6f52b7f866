import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from '../src/config/config.js';
import { verifyAudit } from '../src/audit/index.js';
import { createRetention } from '../src/scheduler/retention.js';
import { databaseSize } from '../src/store/database-size.js';
import type { MessageState } from '../src/store/schema.js';
import { silentLogger } from '../src/shared/logger.js';
import { startHarness } from './support/herald-harness.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald on this run's database (SQLite file or PostgreSQL), its own retention timer's
// prune() and two more pruners racing it as other nodes would. Faked: the clock (moved by days)
// and the message states, written straight into the rows (delivery is off, so nothing moves them).

const day = 86_400_000;

test('retention settings are read from HERALD_RETENTION_* and a bad one names its variable', () => {
  const config = loadConfig({ HERALD_RETENTION_SENT: '7d', HERALD_RETENTION_MAILBOX: '12h' });
  assert.deepEqual(config.retention, { sentMs: 7 * day, failedMs: 90 * day, eventsMs: 90 * day, mailboxMs: 12 * 3_600_000 });
  assert.throws(
    () => loadConfig({ HERALD_RETENTION_FAILED: 'forever' }),
    (error) => error instanceof ConfigError && /HERALD_RETENTION_FAILED: "forever" must be a duration/.test(error.message),
  );
});

test('retention prunes sent mail after 30 days and failed after 90 with their attempts, never active mail, keeps the audit chain whole', async () => {
  const start = Date.UTC(2026, 0, 1);
  const clock = manualClock(start);
  await using h = await startHarness({}, { herald: { clock, deliver: false, background: false } });
  const db = h.herald.store.db;
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })).status, 201);
  const plan: Array<{ state: MessageState; ageDays: number }> = [
    { state: 'sent', ageDays: 0 },
    { state: 'failed', ageDays: 0 },
    { state: 'queued', ageDays: 0 },
    { state: 'deferred', ageDays: 0 },
    { state: 'held', ageDays: 0 },
    { state: 'sending', ageDays: 0 },
    { state: 'sent', ageDays: 25 },
  ];
  const events = plan.map((_, i) => ({ type: 'record.added', tenant: 'acme', recipients: [`u${i}@example.test`] }));
  assert.equal((await h.api('POST', '/api/v1/events/batch', { events })).status, 202);
  const messages = await db.selectFrom('messages').select(['id', 'recipient', 'event_id']).orderBy('recipient').execute();
  assert.equal(messages.length, plan.length);
  for (const [i, message] of messages.entries()) {
    const { state, ageDays } = plan[i]!;
    const at = start + ageDays * day;
    await db
      .updateTable('messages')
      .set({
        state,
        updated_at: at,
        sent_at: state === 'sent' ? at : null,
        attempts: 1,
        ...(state === 'sending' ? { lease_owner: 'n1', lease_until: at + 60_000 } : {}),
      })
      .where('id', '=', message.id)
      .execute();
    await db
      .insertInto('attempts')
      .values({
        id: `att_${i}`,
        message_id: message.id,
        number: 1,
        started_at: at,
        duration_ms: 5,
        outcome: state === 'sent' ? 'sent' : 'retry',
        stage: 'data',
        reply_code: 250,
        reply: 'ok',
        error_code: null,
        settings_scope: 'system',
        settings_version: 1,
        node_id: 'n1',
      })
      .execute();
    await db
      .insertInto('event_notes')
      .values({
        id: `note_${i}`,
        event_id: message.event_id,
        scope_id: 'acme',
        kind: 'warning',
        code: 'test',
        recipient: null,
        message: 'a note',
        created_at: start,
      })
      .execute();
  }
  for (const [id, ageDays] of [
    ['mb_old', 0],
    ['mb_recent', 25],
  ] as const)
    await db
      .insertInto('mailbox')
      .values({
        message_id: id,
        scope_id: 'acme',
        recipient: 'x@example.test',
        sender: 'h@example.test',
        subject: 's',
        text_body: 't',
        html_body: null,
        message_id_header: `<${id}@x>`,
        received_at: start + ageDays * day,
      })
      .execute();
  const auditEntries = (await verifyAudit(db)).entries;
  const sizeBefore = await databaseSize(db);
  assert.ok(sizeBefore > 0, `database size ${sizeBefore}`);

  clock.set(start + 31 * day);
  assert.deepEqual(await h.herald.retention.prune(), { sent: 1, failed: 0, events: 0, mailbox: 1 });
  const left = async () => (await db.selectFrom('messages').select('recipient').orderBy('recipient').execute()).map((row) => row.recipient);
  assert.deepEqual(await left(), [
    'u1@example.test',
    'u2@example.test',
    'u3@example.test',
    'u4@example.test',
    'u5@example.test',
    'u6@example.test',
  ]);
  assert.equal(
    (await db.selectFrom('attempts').select('id').where('message_id', '=', messages[0]!.id).execute()).length,
    0,
    'attempts go with their message',
  );
  assert.equal(
    (await db.selectFrom('message_bodies').select('message_id').where('message_id', '=', messages[0]!.id).execute()).length,
    0,
    'the body goes with its message',
  );

  // Three nodes pruning at once, two of them one row per table at a time: they share the work, none fails.
  clock.set(start + 91 * day);
  const otherNode = () => createRetention({ db, clock, policy: loadConfig({}).retention, log: silentLogger, batch: 1, maxBatches: 1 });
  const reports = await Promise.all([otherNode().prune(), otherNode().prune(), h.herald.retention.prune()]);
  const sum = (key: 'sent' | 'failed' | 'events' | 'mailbox') => reports.reduce((total, report) => total + report[key], 0);
  assert.deepEqual(
    { sent: sum('sent'), failed: sum('failed'), events: sum('events'), mailbox: sum('mailbox') },
    { sent: 1, failed: 1, events: 3, mailbox: 1 },
  );
  assert.deepEqual(await h.herald.retention.prune(), { sent: 0, failed: 0, events: 0, mailbox: 0 }, 'a second run finds nothing');

  assert.deepEqual(
    await left(),
    ['u2@example.test', 'u3@example.test', 'u4@example.test', 'u5@example.test'],
    'queued, deferred, held, sending stay',
  );
  const activeIds = messages.slice(2, 6).map((message) => message.id);
  assert.equal((await db.selectFrom('attempts').select('id').execute()).length, 4);
  assert.equal((await db.selectFrom('attempts').select('id').where('message_id', 'in', activeIds).execute()).length, 4);
  assert.deepEqual(
    (await db.selectFrom('message_bodies').select('message_id').execute()).map((row) => row.message_id).sort(),
    [...activeIds].sort(),
    'only the bodies of active mail stay',
  );
  const eventsLeft = (await db.selectFrom('events').select('id').execute()).map((row) => row.id).sort();
  assert.deepEqual(
    eventsLeft,
    messages
      .slice(2, 6)
      .map((message) => message.event_id)
      .sort(),
    'only the events of active mail stay',
  );
  assert.equal((await db.selectFrom('event_notes').select('id').execute()).length, 4, 'notes go with their event');
  assert.equal((await db.selectFrom('mailbox').select('message_id').execute()).length, 0);
  const audit = await verifyAudit(db);
  assert.deepEqual(audit.problems, []);
  assert.equal(audit.entries, auditEntries, 'the audit log is kept whole');
});
