import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.js';
import { startHarness, type Harness } from './support/herald-harness.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald (app, database of this run's dialect, delivery worker, SMTP thread) and an
// smtp-server on 127.0.0.1 standing in for smtp.gmail.com with an app password. Fake: the clock
// (moved by hand across midnight UTC).

const mailbox = 'alerts@gmail.test';
const password = 'app-password-1';
const dayMs = 86_400_000;

async function post(h: Harness, recipients: string[]) {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients,
    data: { service: 'sip-proxy' },
  });
  assert.equal(response.status, 202, response.raw);
}

/** The system's mail server: Gmail over SMTP (the test server) with the app password, for every tenant. */
const gmailSettings = (smtp: SmtpTestServer, extra: Record<string, unknown> = {}) => ({
  provider: 'gmail',
  host: smtp.host,
  port: smtp.port,
  security: 'none',
  auth: 'password',
  username: mailbox,
  password,
  fromAddress: mailbox,
  applyToAllTenants: true,
  ...extra,
});

const waiting = (h: Harness) =>
  h.herald.store.db
    .selectFrom('messages')
    .select(['id', 'state', 'attempts', 'next_attempt_at'])
    .where('state', 'in', ['queued', 'deferred', 'sending'])
    .execute();

test('Gmail sends 2,000 a day per mailbox by default: the 2,001st waits, with no attempt, until the UTC day rolls over, then goes', async () => {
  const clock = manualClock(Date.UTC(2026, 11, 1, 22, 0));
  const midnight = Date.UTC(2026, 11, 2);
  await using smtp = await startSmtpTestServer({ users: { [mailbox]: password } });
  await using h = await startHarness({}, { herald: { clock } });
  const saved = await h.api('PUT', '/api/v1/system/mail-server', gmailSettings(smtp));
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.settings.dailyLimit, null, "null: the provider's default");

  for (let batch = 0; batch < 40; batch += 1)
    await post(
      h,
      Array.from({ length: 50 }, (_, i) => `ops${batch * 50 + i}@example.test`),
    );
  await post(h, ['late@example.test']);
  await smtp.waitFor(2000, 120_000);
  const [left] = await h.until(async () => {
    const rows = await waiting(h);
    return rows.length === 1 && Number(rows[0]!.next_attempt_at) === midnight ? rows : undefined;
  }, 60_000);
  assert.equal(left!.state, 'queued', 'not failed');
  assert.equal(left!.attempts, 0, 'no retry spent');
  assert.equal(smtp.received.length, 2000);

  const status = await h.api('GET', '/api/v1/status');
  const system = status.body.scopes.find((scope: { scope: string }) => scope.scope === 'system');
  assert.deepEqual(system.dailyLimitReached, [{ mailbox, sent: 2000, limit: 2000, resumesAt: new Date(midnight).toISOString() }]);

  // The next day: it goes, and the new day has its own count.
  clock.set(midnight + 1000);
  await smtp.waitFor(2001);
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${left!.id}`)).body.state === 'sent');
  const next = await h.api('GET', '/api/v1/status');
  assert.deepEqual(next.body.scopes.find((scope: { scope: string }) => scope.scope === 'system').dailyLimitReached, []);
  const counted = await h.herald.store.db.selectFrom('daily_sends').select(['day', 'sent']).orderBy('day').execute();
  assert.deepEqual(
    counted.map((row) => [Number(row.day), Number(row.sent)]),
    [
      [midnight / dayMs - 1, 2000],
      [midnight / dayMs, 1],
    ],
  );
});

test('the daily cap is editable: a lower one defers the rest, 0 turns it off; bad values are refused naming the field', async () => {
  const clock = manualClock(Date.UTC(2026, 11, 1, 9, 0));
  await using smtp = await startSmtpTestServer({ users: { [mailbox]: password } });
  await using h = await startHarness({}, { herald: { clock } });
  const settings = (dailyLimit: unknown) => gmailSettings(smtp, { dailyLimit });
  for (const bad of [-1, 1.5, 'many']) {
    const refused = await h.api('PUT', '/api/v1/system/mail-server', settings(bad));
    assert.equal(refused.status, 400, refused.raw);
    assert.match(JSON.stringify(refused.body.error.details), /dailyLimit/);
  }
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', settings(3))).status, 200);
  assert.equal((await h.api('GET', '/api/v1/system/mail-server')).body.dailyLimit, 3);
  await post(h, ['a@example.test', 'b@example.test', 'c@example.test', 'd@example.test', 'e@example.test']);
  await smtp.waitFor(3);
  await h.until(async () => ((await waiting(h)).length === 2 ? true : undefined));
  assert.equal(smtp.received.length, 3);

  // No cap: new mail goes at once (what already waits for the next day keeps waiting for it).
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', { ...settings(0), password: undefined })).status, 200);
  await post(h, ['f@example.test']);
  await smtp.waitFor(4);
});
