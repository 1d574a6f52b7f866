import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './support/herald-harness.js';
import pg from 'pg';
import { createTestDatabase, testDialect } from './support/test-database.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald (app, database, ingest, scheduler, worker into the built-in mailbox), restarted
// mid-test on the same database. Fake: the clock, moved by hand; the scheduler is ticked by the
// test instead of its timer.

const minute = 60_000;

async function withRestarts(run: (start: () => Promise<Harness>, clock: ReturnType<typeof manualClock>) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-alerts-'));
  const database = await createTestDatabase();
  const clock = manualClock(Date.UTC(2026, 10, 22, 10, 0));
  try {
    await run(() => startHarness({}, { keepDataDir: dataDir, database: database.env, herald: { clock, background: false } }), clock);
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const subjects = (h: Harness, eventId: string) =>
  h.herald.store.db
    .selectFrom('messages')
    .select('subject')
    .where('event_id', '=', eventId)
    .execute()
    .then((rows) => rows.map((r) => r.subject));

/**
 * Another node's uncommitted write: runs `statement` in an open transaction on its own connection,
 * starts `request`, waits until Herald is waiting for that transaction's row lock, then commits.
 */
async function whileAnotherNodeWrites<T>(h: Harness, statement: string, params: unknown[], request: () => Promise<T>): Promise<T> {
  const node = new pg.Client({ connectionString: h.env.HERALD_DATABASE_URL });
  await node.connect();
  try {
    await node.query('begin');
    await node.query(statement, params);
    const answer = request();
    await h.until(
      async () =>
        ((await node.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rowCount ??
          0) > 0,
    );
    await node.query('commit');
    return await answer;
  } finally {
    await node.end();
  }
}

test('alert lifecycle: first fire sends, repeat suppressed, re-notified by the scheduler after the interval, resolved once — across restarts', async () => {
  await withRestarts(async (start, clock) => {
    const fire = { type: 'service.failed', dedupKey: 'svc:media', data: { service: 'media', state: 'failed', host: 'pbx-1' } };
    let eventId: string;
    {
      await using h = await start();
      await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
      await h.api('PATCH', '/api/v1/system/notifications', { repeatIntervalMs: 60 * minute });
      const first = await h.api('POST', '/api/v1/events', fire);
      assert.equal(first.body.outcome, 'queued');
      assert.equal(first.body.messages.length, 1);
      clock.advance(10 * minute);
      const repeat = await h.api('POST', '/api/v1/events', fire);
      assert.equal(repeat.body.outcome, 'suppressed');
      assert.match(repeat.body.reason, /^repeat_interval: /);
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 0 });
      const alerts = await h.api('GET', '/api/v1/system/alerts?status=firing');
      assert.equal(alerts.body.items.length, 1);
      assert.equal(alerts.body.items[0].nextNotifyAt, Date.UTC(2026, 10, 22, 11, 0));
    }
    {
      await using h = await start();
      clock.advance(51 * minute);
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 1, digests: 0 });
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 0 }, 'the next re-notify is an interval away');
      const renotified = await h.herald.store.db
        .selectFrom('events')
        .select(['id', 'outcome'])
        .where('idempotency_key', 'like', 'renotify:%')
        .execute();
      assert.deepEqual(
        renotified.map((e) => e.outcome),
        ['queued'],
      );
      const alert = (await h.api('GET', '/api/v1/system/alerts')).body.items[0];
      assert.equal(alert.lastNotifiedAt, clock.now());
      assert.equal(alert.nextNotifyAt, clock.now() + 60 * minute);

      const resolved = await h.api('POST', '/api/v1/events', { ...fire, status: 'resolved' });
      assert.equal(resolved.body.outcome, 'queued');
      eventId = resolved.body.eventId;
      assert.match((await subjects(h, eventId))[0]!, /^\[resolved\] Service stopped or failed/);
    }
    {
      await using h = await start();
      const again = await h.api('POST', '/api/v1/events', { ...fire, status: 'resolved' });
      assert.match(again.body.reason, /^not_firing: /);
      clock.advance(120 * minute);
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 0 }, 'a resolved alert is not re-notified');
      // Firing again after resolution is a new incident: it sends at once.
      assert.equal((await h.api('POST', '/api/v1/events', fire)).body.outcome, 'queued');
    }
  });
});

test('silences: one-off and recurring (Sundays 02:00–04:00 UTC) suppress matching alerts, recorded; the alert is notified after', async () => {
  await withRestarts(async (start, clock) => {
    await using h = await start();
    await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
    const now = clock.now();
    const oneOff = await h.api('POST', '/api/v1/system/silences', {
      eventType: 'host.disk',
      labels: { host: 'db-1' },
      startsAt: now,
      endsAt: now + 30 * minute,
      comment: 'disk swap',
    });
    assert.equal(oneOff.status, 201, oneOff.raw);
    const disk = {
      type: 'host.disk',
      dedupKey: 'disk:db-1:/var',
      labels: { host: 'db-1' },
      data: { host: 'db-1', path: '/var', value: 95, threshold: 90 },
    };
    const silenced = await h.api('POST', '/api/v1/events', disk);
    assert.match(silenced.body.reason, /^silenced: silence sil_/);
    assert.deepEqual(
      (await h.api('GET', `/api/v1/events/${silenced.body.eventId}`)).body.notes.map((n: any) => n.code),
      ['silenced'],
    );
    // Other labels are not covered.
    assert.equal(
      (await h.api('POST', '/api/v1/events', { ...disk, dedupKey: 'disk:db-2:/var', labels: { host: 'db-2' } })).body.outcome,
      'queued',
    );
    // When the silence ends, the scheduler notifies the alert that fired during it.
    clock.advance(31 * minute);
    assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 1, digests: 0 });

    assert.equal(
      (await h.api('POST', '/api/v1/system/silences', { eventType: 'job.failed' })).status,
      400,
      'a one-off silence needs an end',
    );
    await h.api('POST', '/api/v1/system/silences', { eventType: 'license.limit', recurring: { days: [0], from: '02:00', to: '04:00' } });
    clock.set(Date.UTC(2026, 10, 22, 3, 0)); // a Sunday
    assert.match((await h.api('POST', '/api/v1/events', { type: 'license.limit' })).body.reason, /^silenced: /);
    clock.set(Date.UTC(2026, 10, 22, 4, 0));
    assert.equal((await h.api('POST', '/api/v1/events', { type: 'license.limit' })).body.outcome, 'queued');
    clock.set(Date.UTC(2026, 10, 23, 3, 0)); // Monday
    assert.equal((await h.api('POST', '/api/v1/events', { type: 'license.limit' })).body.outcome, 'queued');
  });
});

test('silences take ISO 8601 times as well as epoch milliseconds, and answer epoch milliseconds', async () => {
  await withRestarts(async (start, clock) => {
    await using h = await start();
    const iso = await h.api('POST', '/api/v1/system/silences', {
      eventType: 'host.cpu',
      startsAt: '2026-11-22T10:00:00Z',
      endsAt: '2026-11-22T12:30:00+02:00',
      comment: 'iso',
    });
    assert.equal(iso.status, 201, iso.raw);
    assert.deepEqual([iso.body.startsAt, iso.body.endsAt], [Date.UTC(2026, 10, 22, 10, 0), Date.UTC(2026, 10, 22, 10, 30)]);
    assert.equal(clock.now(), Date.UTC(2026, 10, 22, 10, 0));
    assert.match(
      (await h.api('POST', '/api/v1/events', { type: 'host.cpu', data: { host: 'a' } })).body.reason,
      /^silenced: /,
      'the ISO silence is in force',
    );
    const mixed = await h.api('POST', '/api/v1/system/silences', { startsAt: Date.UTC(2026, 10, 23), endsAt: '2026-11-24T00:00:00.000Z' });
    assert.equal(mixed.status, 201, mixed.raw);
    const refused = await h.api('POST', '/api/v1/system/silences', { endsAt: 'next tuesday' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'validation_failed');
    assert.equal(
      (await h.api('POST', '/api/v1/system/silences', { startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-23T00:00:00Z' })).body.error
        .details[0].message,
      'must be after startsAt',
    );
  });
});

test('group window: alerts of one group within it merge into one digest email, sent by the scheduler after a restart', async () => {
  await withRestarts(async (start, clock) => {
    {
      await using h = await start();
      await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test', 'dba@example.test'] });
      await h.api('PATCH', '/api/v1/system/notifications', { groupWindowMs: 5 * minute });
      for (const host of ['db-1', 'db-2', 'db-3']) {
        const event = await h.api('POST', '/api/v1/events', {
          type: 'alert.generic',
          dedupKey: `up:${host}`,
          group: 'databases',
          data: { title: `${host} down`, summary: 'no scrape' },
        });
        assert.equal(event.body.outcome, 'grouped', event.raw);
        clock.advance(minute);
      }
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 0 }, 'the window is still open');
    }
    {
      await using h = await start();
      clock.advance(2 * minute);
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 1 });
      const digest = await h.herald.store.db.selectFrom('events').select('id').where('idempotency_key', 'like', 'digest:%').execute();
      assert.equal(digest.length, 1);
      const messages = await h.herald.store.db
        .selectFrom('messages')
        .innerJoin('message_bodies', 'message_bodies.message_id', 'messages.id')
        .select(['recipient', 'subject', 'html_body'])
        .where('event_id', '=', digest[0]!.id)
        .execute();
      assert.deepEqual(messages.map((m) => m.recipient).sort(), ['dba@example.test', 'ops@example.test']);
      assert.match(messages[0]!.subject, /^\[digest\] 3 alerts: 3 alerts in databases/);
      for (const host of ['db-1', 'db-2', 'db-3']) assert.match(messages[0]!.html_body!, new RegExp(`${host} down`));
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 0 });
    }
  });
});

test(
  'group window on PostgreSQL: an alert joining a digest while another node claims it goes into a new digest, never left out',
  { skip: testDialect !== 'postgres' && 'needs two concurrent writers; SQLite has one' },
  async () => {
    await withRestarts(async (start, clock) => {
      await using h = await start();
      await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
      await h.api('PATCH', '/api/v1/system/notifications', { groupWindowMs: 5 * minute });
      const alert = (host: string) => ({
        type: 'alert.generic',
        dedupKey: `up:${host}`,
        group: 'databases',
        data: { title: `${host} down`, summary: 'no scrape' },
      });
      assert.equal((await h.api('POST', '/api/v1/events', alert('db-1'))).body.outcome, 'grouped');
      const claimed = await h.herald.store.db.selectFrom('digests').select('id').executeTakeFirstOrThrow();

      // Another node's scheduler is claiming the digest (as claimDigests does) and has not committed.
      const late = await whileAnotherNodeWrites(h, `update digests set state = 'sending' where id = $1`, [claimed.id], () =>
        h.api('POST', '/api/v1/events', alert('db-2')),
      );
      assert.equal(late.body.outcome, 'grouped', late.raw);
      const joined = await h.herald.store.db
        .selectFrom('digest_items')
        .innerJoin('digests', 'digests.id', 'digest_items.digest_id')
        .select(['digests.id', 'digests.state'])
        .where('digest_items.event_id', '=', late.body.eventId)
        .executeTakeFirstOrThrow();
      assert.notEqual(joined.id, claimed.id, 'the late alert must not join the digest being sent');
      assert.equal(joined.state, 'open');

      // Both digests go out (the claimed one once its claim expires here), each alert in one of them.
      clock.advance(6 * minute);
      assert.deepEqual(await h.herald.scheduler.tick(), { renotified: 0, digests: 2 });
      const bodies = (
        await h.herald.store.db
          .selectFrom('messages')
          .innerJoin('events', 'events.id', 'messages.event_id')
          .innerJoin('message_bodies', 'message_bodies.message_id', 'messages.id')
          .select('message_bodies.html_body')
          .where('events.idempotency_key', 'like', 'digest:%')
          .execute()
      ).map((m) => m.html_body ?? '');
      for (const host of ['db-1', 'db-2']) assert.equal(bodies.filter((body) => body.includes(`${host} down`)).length, 1, host);
    });
  },
);

test(
  'alerts on PostgreSQL: the same alert decided on two nodes at once is notified once',
  { skip: testDialect !== 'postgres' && 'needs two concurrent writers; SQLite has one' },
  async () => {
    await withRestarts(async (start, clock) => {
      await using h = await start();
      await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
      await h.api('PATCH', '/api/v1/system/notifications', { repeatIntervalMs: 60 * minute });
      const fire = { type: 'service.failed', dedupKey: 'svc:media', data: { service: 'media', state: 'failed', host: 'pbx-1' } };
      assert.equal((await h.api('POST', '/api/v1/events', fire)).body.outcome, 'queued');
      clock.advance(61 * minute);

      // Another node got the same event a moment earlier: it has re-notified and updated the alert
      // row, and not committed yet.
      const second = await whileAnotherNodeWrites(
        h,
        `update alerts set last_notified_at = $1, next_notify_at = $2 where scope_id = 'system' and dedup_key = 'svc:media'`,
        [clock.now(), clock.now() + 60 * minute],
        () => h.api('POST', '/api/v1/events', fire),
      );
      assert.equal(second.body.outcome, 'suppressed', second.raw);
      assert.match(second.body.reason, /^repeat_interval: notified 0 s ago/);
    });
  },
);
