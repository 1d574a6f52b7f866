import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness } from './support/herald-harness.js';
import { manualClock } from './support/test-clock.js';

// Real: two Herald nodes on one database (the first with its delivery worker), the system's SMTP
// server and the tenant's SMTP server (smtp-server on 127.0.0.1), which first refuses every
// recipient with 451, then is stopped, then comes back. Fake: the clock (moved by hand) and the
// host samples (quiet, so only the delivery check speaks); monitors are ticked by the test.

const minute = 60_000;
const quiet = async () => ({ cpu: 1, memory: 1, disks: [] });

test('mail delivery failing: a tenant failing for the configured time alerts the system admins once through the system server, and resolves when it delivers again', async () => {
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
  await using system = await startSmtpTestServer();
  let refusing = true;
  const tenant = await startSmtpTestServer({ onRcptTo: () => (refusing ? { code: 451, message: '4.3.0 Try again later' } : 'accept') });
  // Retries on the scale of the clock's jumps: the n-th waits 2^(n-1) to 2^n minutes.
  const env = { HERALD_DELIVERY_FAILING_AFTER: '15m', HERALD_RETRY_BASE: '2m', HERALD_RETRY_MAX_DELAY: '30m', HERALD_RETRY_MAX_AGE: '24h' };
  await using h = await startHarness(env, { herald: { clock, background: false, sampler: quiet } });
  await using other = await startHarness(env, {
    keepDataDir: h.dataDir,
    database: h.env.HERALD_DATABASE_URL ? { HERALD_DATABASE_URL: h.env.HERALD_DATABASE_URL } : {},
    herald: { clock, background: false, deliver: false, sampler: quiet },
  });
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(system));
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  assert.equal(
    (
      await h.api(
        'PUT',
        '/api/v1/tenants/acme/mail-server',
        smtpSettings(tenant, { fromAddress: 'noreply@acme.test', applyToAllTenants: undefined }),
      )
    ).status,
    200,
  );

  const attempts = async () => (await h.herald.store.db.selectFrom('attempts').select('id').execute()).length;
  const event = await h.api('POST', '/api/v1/events', {
    tenant: 'acme',
    type: 'license.status',
    recipients: ['jane@acme.test'],
    data: { status: 'ok', expiresAt: '2027-01-01' },
  });
  assert.equal(event.body.outcome, 'queued', event.raw);
  await h.until(async () => (await attempts()) >= 1);
  const deliveryEvents = () =>
    h.herald.store.db
      .selectFrom('events')
      .select(['id', 'outcome'])
      .where('type', '=', 'mail.delivery_failing')
      .orderBy('created_at')
      .execute();

  assert.deepEqual(await h.herald.monitor.tick(), [], 'deferred, but not for long yet');
  clock.advance(10 * minute);
  await h.until(async () => (await attempts()) >= 2);
  assert.deepEqual(await h.herald.monitor.tick(), []);

  // The tenant's server goes away altogether (connection refused): still deferred, still failing.
  await tenant.close();
  clock.advance(6 * minute);
  await h.until(async () => (await attempts()) >= 3);
  // Both nodes check at once: one alert, one email.
  const [mine, theirs] = await Promise.all([h.herald.monitor.tick(), other.herald.monitor.tick()]);
  assert.deepEqual(
    [...mine, ...theirs].map((e) => `${e.type}:${e.status}:${e.labels?.scope}`),
    ['mail.delivery_failing:firing:acme'],
  );
  assert.equal((await deliveryEvents()).length, 1);
  await system.waitFor(1);
  const mail = system.received[0]!;
  assert.deepEqual(mail.to, ['ops@example.test']);
  assert.match(mail.subject, /Mail delivery failing/);
  assert.match(mail.text, /Mail of Acme has failed or been deferred for 16 minutes \(0 failed, 1 deferred\)/);
  assert.match(mail.text, /Last reply: .*(ECONNREFUSED|connect)/i);
  const alert = (await h.api('GET', '/api/v1/system/alerts?status=firing')).body.items;
  assert.deepEqual(
    alert.map((a: any) => a.type),
    ['mail.delivery_failing'],
  );

  // Less than the wait before the fourth attempt (4 to 8 minutes): one now would find the server
  // still down, and its next would fall after the jump below.
  clock.advance(minute);
  assert.deepEqual(await h.herald.monitor.tick(), [], 'already firing: the scheduler re-notifies, not the monitor');

  // The tenant's server is back and accepts: the deferred message goes out, the alert resolves once.
  refusing = false;
  await using back = await startSmtpTestServer({ port: tenant.port });
  clock.advance(30 * minute);
  await back.waitFor(1);
  await h.until(
    async () =>
      (await h.herald.store.db
        .selectFrom('messages')
        .select('state')
        .where('scope_id', '=', 'acme')
        .where('state', '=', 'sent')
        .executeTakeFirst()) ?? false,
  );
  const [a, b] = await Promise.all([h.herald.monitor.tick(), other.herald.monitor.tick()]);
  assert.deepEqual(
    [...a, ...b].map((e) => `${e.type}:${e.status}`),
    ['mail.delivery_failing:resolved'],
  );
  await system.waitFor(2);
  assert.match(system.received[1]!.subject, /^\[resolved\] Mail delivery failing/);
  assert.deepEqual(await h.herald.monitor.tick(), []);
  assert.deepEqual(
    (await deliveryEvents()).map((e) => e.outcome),
    ['queued', 'queued'],
  );
});

test('mail delivery failing: one permanent bounce, not repeated, is not a failing scope', async () => {
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
  await using smtp = await startSmtpTestServer({
    onRcptTo: (address) => (address.startsWith('gone@') ? { code: 550, message: '5.1.1 No such user' } : 'accept'),
  });
  await using h = await startHarness({ HERALD_DELIVERY_FAILING_AFTER: '15m' }, { herald: { clock, background: false, sampler: quiet } });
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  await h.api('POST', '/api/v1/events', { type: 'license.status', recipients: ['gone@example.test'] });
  await h.until(
    async () => (await h.herald.store.db.selectFrom('messages').select('state').where('state', '=', 'failed').executeTakeFirst()) ?? false,
  );
  clock.advance(5 * minute);
  assert.deepEqual(await h.herald.monitor.tick(), [], 'a recent failure, but not for the configured time');
  clock.advance(20 * minute);
  assert.deepEqual(await h.herald.monitor.tick(), [], 'the failure is older than the window and nothing is still deferred');
});
