import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';

// Real: Herald (app, SQLite file, delivery worker, nodemailer pool) and an smtp-server peer on
// 127.0.0.1. Retry delays are shortened through configuration; nothing else is faked.

async function postEvent(h: Harness, body: Record<string, unknown>) {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    data: { service: 'sip-proxy' },
    ...body,
  });
  assert.equal(response.status, 202, response.raw);
  return response.body as { eventId: string; messages: Array<{ id: string; messageId: string; recipient: string }> };
}

async function settled(h: Harness, id: string, states: string[] = ['sent', 'failed', 'held']) {
  return h.until(async () => {
    const detail = await h.api('GET', `/api/v1/deliveries/${id}`);
    return states.includes(detail.body.state) ? detail.body : undefined;
  });
}

test('an event is delivered to a real SMTP server with the Message-ID it was given', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp))).status, 200);
  const event = await postEvent(h, { recipients: ['Ops Team <ops@example.test>'], data: { title: 'SIP proxy stopped', host: 'pbx-1' } });
  const delivery = await settled(h, event.messages[0]!.id);
  assert.equal(delivery.state, 'sent');
  assert.equal(delivery.attemptHistory.length, 1);
  assert.equal(delivery.attemptHistory[0].replyCode, 250);
  assert.equal(smtp.received.length, 1);
  const mail = smtp.received[0]!;
  assert.equal(mail.messageId, event.messages[0]!.messageId);
  assert.match(mail.subject, /SIP proxy stopped/);
  assert.match(mail.text, /host: pbx-1/);
  assert.deepEqual(mail.to, ['ops@example.test']);
  assert.equal(mail.from, 'herald@example.test');
});

test('451 then success: delivered after a retry, once, with one Message-ID', async () => {
  let rcpts = 0;
  await using smtp = await startSmtpTestServer({
    onRcptTo: () => (++rcpts === 1 ? { code: 451, message: '4.3.0 Try again later' } : 'accept'),
  });
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  const event = await postEvent(h, { recipients: ['ops@example.test'] });
  const delivery = await settled(h, event.messages[0]!.id);
  assert.equal(delivery.state, 'sent');
  assert.deepEqual(
    delivery.attemptHistory.map((a: any) => [a.outcome, a.stage, a.replyCode]),
    [
      ['retry', 'rcpt', 451],
      ['sent', 'data', 250],
    ],
  );
  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0]!.messageId, event.messages[0]!.messageId);
});

test('550: failed after exactly one attempt, with the reply in the failure history', async () => {
  await using smtp = await startSmtpTestServer({ onRcptTo: () => ({ code: 550, message: '5.1.1 No such user here' }) });
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  const event = await postEvent(h, { recipients: ['ghost@example.test'] });
  const delivery = await settled(h, event.messages[0]!.id);
  assert.equal(delivery.state, 'failed');
  assert.equal(delivery.attemptHistory.length, 1);
  assert.equal(delivery.lastStage, 'rcpt');
  assert.equal(delivery.lastReplyCode, 550);
  assert.match(delivery.lastReply, /No such user here/);
  const failures = await h.api('GET', '/api/v1/deliveries/failures');
  assert.deepEqual(
    failures.body.items.map((i: any) => i.id),
    [event.messages[0]!.id],
  );
  assert.match(failures.body.items[0].lastReply, /550/);
});

test('server down, then up: deferred with the connection error, then delivered', async () => {
  const probe = await startSmtpTestServer();
  const port = probe.port;
  await probe.close();
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings({ host: '127.0.0.1', port }));
  const event = await postEvent(h, { recipients: ['ops@example.test'] });
  const deferred = await settled(h, event.messages[0]!.id, ['deferred']);
  assert.equal(deferred.lastStage, 'connect');
  assert.match(deferred.attemptHistory[0].errorCode, /ECONNREFUSED|ECONNECTION/);
  await using smtp = await startSmtpTestServer({ port });
  const delivery = await settled(h, event.messages[0]!.id);
  assert.equal(delivery.state, 'sent');
  assert.equal(smtp.received.length, 1);
  assert.ok(delivery.attemptHistory.length >= 2);
});

test('a connection dropped after the message was sent is retried, counted as ambiguous, and delivered once', async () => {
  let bodies = 0;
  await using smtp = await startSmtpTestServer({ onData: () => (++bodies === 1 ? 'drop' : 'accept') });
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  const event = await postEvent(h, { recipients: ['ops@example.test'] });
  const delivery = await settled(h, event.messages[0]!.id);
  assert.equal(delivery.state, 'sent');
  assert.equal(delivery.ambiguousAttempts, 1);
  assert.equal(delivery.attemptHistory[0].outcome, 'ambiguous');
  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0]!.messageId, event.messages[0]!.messageId);
});

for (const security of ['starttls', 'tls'] as const) {
  test(`${security} with a self-signed certificate: refused while verifying, delivered once the CA is given`, async () => {
    await using smtp = await startSmtpTestServer({ security });
    await using h = await startHarness();
    await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { security, port: smtp.port }));
    const event = await postEvent(h, { recipients: ['ops@example.test'] });
    const deferred = await settled(h, event.messages[0]!.id, ['deferred']);
    assert.equal(deferred.lastStage, 'tls');
    assert.equal(smtp.received.length, 0);
    const fixed = await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { security, port: smtp.port, tlsCa: smtp.ca }));
    assert.equal(fixed.status, 200, fixed.raw);
    const delivery = await settled(h, event.messages[0]!.id);
    assert.equal(delivery.state, 'sent');
    assert.equal(delivery.attemptHistory.at(-1).settingsVersion, fixed.body.settings.version);
    assert.equal(smtp.received.length, 1);
  });
}

test('AUTH with the right password delivers; a wrong one defers the message at AUTH with the 535 reply (soft bounce), and fixing it delivers', async () => {
  await using smtp = await startSmtpTestServer({ security: 'starttls', users: { ops: 'pw-Correct-Horse-7' } });
  await using h = await startHarness();
  const base = smtpSettings(smtp, { security: 'starttls', port: smtp.port, tlsCa: smtp.ca, auth: 'password', username: 'ops' });
  await h.api('PUT', '/api/v1/system/mail-server', { ...base, password: 'pw-Correct-Horse-7' });
  const ok = await postEvent(h, { recipients: ['ops@example.test'] });
  assert.equal((await settled(h, ok.messages[0]!.id)).state, 'sent');

  await h.api('PUT', '/api/v1/system/mail-server', { ...base, password: 'pw-Wrong-Battery-8' });
  const bad = await postEvent(h, { recipients: ['ops@example.test'] });
  const deferred = await settled(h, bad.messages[0]!.id, ['deferred', 'failed']);
  assert.equal(deferred.state, 'deferred', 'a refused login is the settings, not the message: it is not given up');
  assert.equal(deferred.lastStage, 'auth');
  assert.equal(deferred.lastReplyCode, 535);
  assert.equal(deferred.attemptHistory.at(-1).outcome, 'retry');
  assert.equal(smtp.received.length, 1);
  await h.api('PUT', '/api/v1/system/mail-server', { ...base, password: 'pw-Correct-Horse-7' });
  assert.equal((await settled(h, bad.messages[0]!.id)).state, 'sent');
  assert.equal(smtp.received.length, 2);
});

test("with no mail server a tenant's mail is held with the reason, and released once settings exist", async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { applyToAllTenants: false }));
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const event = await postEvent(h, { tenant: 'acme', recipients: ['ops@acme.example'] });
  const held = await settled(h, event.messages[0]!.id, ['held']);
  assert.match(held.heldReason, /no mail server/);
  assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', smtpSettings(smtp, { applyToAllTenants: undefined }))).status, 200);
  const delivery = await settled(h, event.messages[0]!.id, ['sent']);
  assert.equal(delivery.attemptHistory[0].settingsScope, 'acme');
  assert.equal(smtp.received.length, 1);
});

test('the built-in mailbox receives mail on a fresh install', async () => {
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['admin@example.test', 'Second Admin <second@example.test>'] });
  const event = await postEvent(h, {});
  assert.equal(event.messages.length, 2);
  await settled(h, event.messages[1]!.id, ['sent']);
  const mailbox = await h.until(async () => {
    const list = await h.api('GET', '/api/v1/mailbox');
    return list.body.items.length === 2 ? list.body : undefined;
  });
  const message = await h.api('GET', `/api/v1/mailbox/${mailbox.items[0].id}`);
  assert.match(message.body.subject, /Service stopped or failed/);
  assert.equal(message.body.from, '"Herald" <no-reply@herald.localhost>');
});

test('a failed message is resent after the settings are fixed, keeping its Message-ID', async () => {
  let reject = true;
  await using smtp = await startSmtpTestServer({
    onMailFrom: () => (reject ? { code: 553, message: '5.7.1 Sender address rejected' } : 'accept'),
  });
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  const event = await postEvent(h, { recipients: ['ops@example.test'] });
  assert.equal((await settled(h, event.messages[0]!.id)).state, 'failed');
  reject = false;
  const retried = await h.api('POST', `/api/v1/deliveries/${event.messages[0]!.id}/retry`);
  assert.equal(retried.status, 200, retried.raw);
  const delivery = await settled(h, event.messages[0]!.id, ['sent']);
  assert.equal(delivery.attemptHistory.length, 2);
  assert.equal(smtp.received[0]!.messageId, event.messages[0]!.messageId);
  assert.equal((await h.api('POST', `/api/v1/deliveries/${event.messages[0]!.id}/retry`)).status, 409);
});

test("one tenant's backlog on a slow server does not starve another tenant's mail", async () => {
  await using slow = await startSmtpTestServer();
  await using h = await startHarness({ HERALD_CLAIM_BATCH: '20', HERALD_DELIVERY_CONCURRENCY: '20', HERALD_SCOPE_CONCURRENCY: '10' });
  await h.api('POST', '/api/v1/tenants', { id: 'big', name: 'Big' });
  await h.api('POST', '/api/v1/tenants', { id: 'small', name: 'Small' });
  const limited = await h.api(
    'PUT',
    '/api/v1/tenants/big/mail-server',
    smtpSettings(slow, { applyToAllTenants: undefined, rateLimitPerSecond: 20, poolSize: 1 }),
  );
  assert.equal(limited.status, 200, limited.raw);
  const backlog = Array.from({ length: 300 }, (_, i) => ({ type: 'record.added', tenant: 'big', recipients: [`user${i}@big.example`] }));
  assert.equal((await h.api('POST', '/api/v1/events/batch', { events: backlog })).status, 202);
  await slow.waitFor(5);
  const small = await postEvent(h, { tenant: 'small', recipients: ['a@small.example', 'b@small.example'] });
  await settled(h, small.messages[0]!.id, ['sent']);
  await settled(h, small.messages[1]!.id, ['sent']);
  assert.ok(slow.received.length < 150, `the small tenant waited while the big one sent ${slow.received.length} of 300`);
});

test("a deferred message is tried now on request instead of at its next retry; deliveries filter by the event's type", async () => {
  const probe = await startSmtpTestServer();
  const port = probe.port;
  await probe.close();
  await using h = await startHarness({ HERALD_RETRY_BASE: '1h', HERALD_RETRY_MAX_DELAY: '2h', HERALD_RETRY_MAX_AGE: '24h' });
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings({ host: '127.0.0.1', port }));
  const event = await postEvent(h, { recipients: ['ops@example.test'] });
  const id = event.messages[0]!.id;
  const deferred = await settled(h, id, ['deferred']);
  assert.ok(Date.parse(deferred.nextAttemptAt) > Date.now() + 30 * 60_000, 'the next retry is an hour away');
  await using smtp = await startSmtpTestServer({ port });
  const retried = await h.api('POST', `/api/v1/deliveries/${id}/retry`);
  assert.equal(retried.status, 200, retried.raw);
  const delivery = await settled(h, id, ['sent']);
  assert.equal(delivery.attemptHistory.length, 2);
  assert.equal(smtp.received[0]!.messageId, event.messages[0]!.messageId);

  await postEvent(h, { type: 'job.failed', recipients: ['jobs@example.test'] });
  const ofType = async (type: string) =>
    (await h.api('GET', `/api/v1/deliveries?type=${type}`)).body.items.map((item: any) => item.recipient);
  assert.deepEqual(await ofType('job.failed'), ['jobs@example.test']);
  assert.deepEqual(await ofType('service.failed'), ['ops@example.test']);
  assert.deepEqual(await ofType('license.limit'), []);
});
