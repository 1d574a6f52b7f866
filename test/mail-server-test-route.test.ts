import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness } from './support/herald-harness.js';

// Real: Herald app and store, an smtp-server peer with STARTTLS, AUTH and a self-signed certificate.

test("send test email with saved settings: every step with the server's replies, delivered", async () => {
  await using smtp = await startSmtpTestServer({ security: 'starttls', users: { ops: 'pw-Test-Route-1' } });
  await using h = await startHarness();
  await h.api(
    'PUT',
    '/api/v1/system/mail-server',
    smtpSettings(smtp, { security: 'starttls', tlsCa: smtp.ca, auth: 'password', username: 'ops', password: 'pw-Test-Route-1' }),
  );
  const result = await h.api('POST', '/api/v1/system/mail-server/test', { to: 'Admin <admin@example.test>' });
  assert.equal(result.status, 200, result.raw);
  assert.equal(result.body.ok, true, result.raw);
  assert.equal(result.body.settingsSource, 'saved');
  assert.deepEqual(
    result.body.steps.map((s: any) => [s.step, s.status]),
    [
      ['dns', 'ok'],
      ['connect', 'ok'],
      ['tls', 'ok'],
      ['ehlo', 'ok'],
      ['auth', 'ok'],
      ['mail', 'ok'],
      ['rcpt', 'ok'],
      ['data', 'ok'],
    ],
  );
  const steps = Object.fromEntries(result.body.steps.map((s: any) => [s.step, s]));
  assert.equal(steps.connect.replyCode, 220);
  assert.match(steps.tls.certificate.subject, /localhost/);
  assert.ok(steps.tls.certificate.validTo);
  assert.ok(steps.ehlo.extensions.some((e: string) => /^AUTH/.test(e)));
  assert.equal(steps.auth.replyCode, 235);
  assert.ok(!JSON.stringify(result.body).includes('pw-Test-Route-1'));
  assert.equal(steps.data.replyCode, 250);
  for (const step of result.body.steps) assert.equal(typeof step.durationMs, 'number');
  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0]!.messageId, result.body.messageId);
});

test('unsaved candidate settings with a wrong password: the transcript stops at AUTH with 535 and a hint', async () => {
  // The username is an address of the sender's domain: candidate settings may send only from the saved sender's or the server's domain.
  await using smtp = await startSmtpTestServer({ security: 'starttls', users: { 'ops@example.test': 'pw-Right-2' } });
  await using h = await startHarness();
  const before = await h.api('GET', '/api/v1/system/mail-server');
  const result = await h.api('POST', '/api/v1/system/mail-server/test', {
    to: 'admin@example.test',
    settings: smtpSettings(smtp, {
      security: 'starttls',
      tlsCa: smtp.ca,
      auth: 'password',
      username: 'ops@example.test',
      password: 'pw-Wrong-3',
    }),
  });
  assert.equal(result.body.ok, false);
  assert.equal(result.body.settingsSource, 'candidate');
  const auth = result.body.steps.find((s: any) => s.step === 'auth');
  assert.equal(auth.status, 'failed');
  assert.equal(auth.replyCode, 535);
  assert.deepEqual(
    result.body.steps.filter((s: any) => ['mail', 'rcpt', 'data'].includes(s.step)).map((s: any) => s.status),
    ['skipped', 'skipped', 'skipped'],
  );
  assert.equal(result.body.failure.stage, 'auth');
  assert.ok(result.body.failure.hint);
  assert.deepEqual((await h.api('GET', '/api/v1/system/mail-server')).body, before.body, 'testing candidates saves nothing');
  assert.equal(smtp.received.length, 0);
});

test('verify connection stops after AUTH and sends nothing; a closed port fails at connect with a hint', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  const verified = await h.api('POST', '/api/v1/system/mail-server/verify', { settings: smtpSettings(smtp) });
  assert.equal(verified.body.ok, true, verified.raw);
  const ran = verified.body.steps.filter((s: any) => s.status !== 'skipped').map((s: any) => s.step);
  assert.deepEqual(ran, ['dns', 'connect', 'ehlo'], 'plain, no AUTH offered: TLS and AUTH skipped, nothing sent');
  assert.equal(smtp.received.length, 0);
  const closed = await startSmtpTestServer();
  await closed.close();
  const refused = await h.api('POST', '/api/v1/system/mail-server/verify', { settings: smtpSettings(closed) });
  assert.equal(refused.body.ok, false);
  assert.equal(refused.body.failure.stage, 'connect');
  assert.match(refused.body.failure.hint, /port|listen/i);
});

test('saving with a test address saves, then sends the test email, as the reference portals do', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const saved = await h.api('PUT', '/api/v1/tenants/acme/mail-server', {
    ...smtpSettings(smtp, { applyToAllTenants: undefined }),
    testRecipient: 'admin@acme.example',
  });
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.settings.scope, 'acme');
  assert.equal(saved.body.test.ok, true);
  assert.equal(smtp.received.length, 1);
  assert.match(smtp.received[0]!.text, /tenant acme/);
  const badAddress = await h.api('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'nobody' });
  assert.equal(badAddress.status, 400);
  assert.equal(badAddress.body.error.details[0].field, '/to');
});

test("the built-in provider's test email lands in the mailbox", async () => {
  await using h = await startHarness();
  const result = await h.api('POST', '/api/v1/system/mail-server/test', { to: 'admin@example.test' });
  assert.equal(result.body.ok, true);
  assert.equal(result.body.provider, 'builtin');
  const mailbox = await h.api('GET', '/api/v1/mailbox?to=admin@example.test');
  assert.equal(mailbox.body.items[0].messageId, result.body.messageId);
});
