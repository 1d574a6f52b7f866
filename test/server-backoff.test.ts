import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultSmtpServer } from './support/fault-smtp-server.js';
import { smtpSettings, startHarness } from './support/herald-harness.js';

// Real: Herald (app, database, delivery worker, SMTP thread) and a fault-injecting smtp-server
// on 127.0.0.1 that goes down for an outage and comes back on the same port. The outage is the
// issue's 2 minutes accelerated tenfold: 12 s, with retry delays of 300 ms growing to 2 s.

const retryBaseMs = 300;
const retryMaxDelayMs = 2_000;
const outageMs = 12_000;
const poolSize = 4;
const events = 20;
const recipientsPerEvent = 50;

/** The most backoff steps that fit in the outage: each step lasts at least its computed delay. */
function mostSteps(): number {
  let steps = 0;
  for (let elapsed = 0; elapsed <= outageMs; steps += 1) elapsed += Math.min(retryBaseMs * 2 ** steps, retryMaxDelayMs);
  return steps;
}

test('a 12 s outage with 1,000 queued messages: at most one connection per backoff step, all delivered soon after recovery, none failed', async () => {
  await using smtp = await startFaultSmtpServer();
  await using h = await startHarness({
    HERALD_RETRY_BASE: `${retryBaseMs}ms`,
    HERALD_RETRY_MAX_DELAY: `${retryMaxDelayMs}ms`,
    HERALD_SMTP_TIMEOUT: '2s',
  });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { poolSize }))).status, 200);

  await smtp.stop({ refuse: true });
  const outageStarted = Date.now();
  const messageIds = new Set<string>();
  for (let n = 0; n < events; n += 1) {
    const recipients = Array.from({ length: recipientsPerEvent }, (_, r) => `ops${n * recipientsPerEvent + r}@example.test`);
    const posted = await h.api('POST', '/api/v1/events', { type: 'service.failed', severity: 'critical', recipients });
    assert.equal(posted.status, 202, posted.raw);
    for (const message of posted.body.messages as Array<{ messageId: string }>) messageIds.add(message.messageId);
  }
  assert.equal(messageIds.size, events * recipientsPerEvent);
  // the outage goes on; the worker is left alone meanwhile (an interval of the test's own clock)
  await h.until(async () => Date.now() - outageStarted >= outageMs || undefined, outageMs + 5_000);
  const attemptsDuringOutage = smtp.connections;
  const steps = mostSteps();
  const { rows } = await h.herald.store.db
    .selectFrom('server_backoff')
    .select(['step'])
    .execute()
    .then((found) => ({ rows: found }))
    .catch(() => ({ rows: [] as Array<{ step: number }> })); // no such table before per-server backoff
  console.log(
    `outage ${outageMs} ms, ${messageIds.size} queued: ${attemptsDuringOutage} connection attempts, backoff step ${rows[0]?.step}, at most ${steps} steps fit`,
  );
  // one probe per step; the first sends handed to the SMTP thread when the server went down fail
  // together (two per connection of the pool: one sending, one waiting for its session)
  assert.ok(attemptsDuringOutage <= steps + 2 * poolSize, `${attemptsDuringOutage} connection attempts during the outage`);
  assert.ok(attemptsDuringOutage >= 2, 'the probes went on during the outage');

  await smtp.start();
  const recovered = Date.now();
  await h.until(async () => new Set(smtp.accepted).size === messageIds.size || undefined, 60_000);
  const deliveredWithinMs = Date.now() - recovered;
  console.log(`all ${messageIds.size} delivered ${deliveredWithinMs} ms after the server came back`);
  assert.ok(deliveredWithinMs <= 60_000);
  assert.deepEqual(new Set(smtp.accepted), messageIds);

  const countByState = () =>
    h.herald.store.db
      .selectFrom('messages')
      .select('state')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy('state')
      .execute();
  // the last outcomes are written a moment after the server took the messages
  const states = await h
    .until(async () => {
      const found = await countByState();
      return found.length === 1 && found[0]!.state === 'sent' ? found : undefined;
    })
    .catch(countByState);
  assert.deepEqual(
    states.map((row) => [row.state, Number(row.count)]),
    [['sent', messageIds.size]],
  );
  // waiting burnt no retries: only the probes and the first failed sends were attempted more than once
  const retried = await h.herald.store.db.selectFrom('messages').select('id').where('attempts', '>', 1).execute();
  assert.ok(retried.length <= attemptsDuringOutage, `${retried.length} messages attempted more than once`);
  assert.equal((await h.herald.store.db.selectFrom('server_backoff').selectAll().execute()).length, 0);
});
