import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { isSecretPlaceholder } from '../src/secrets/secret-placeholder.js';
import { candidateSenderProblems, serverDomains } from '../src/scopes/index.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { asUser, createAccount, signIn } from './support/accounts.js';
import { manualClock } from './support/test-clock.js';
import { selfSignedCertificate } from './support/certificates.js';

// Real: Herald app and store (both dialects), smtp-server peers on loopback, raw TCP listeners on
// loopback, sessions from POST /auth/login. Faked: the clock, in the rate-limit test only.

const password = 'security-password-0123';
/** Limits high enough that a test about something else is never refused for its pace. */
const roomyLimits = {
  HERALD_TEST_EMAIL_CALLER_LIMIT_PER_MINUTE: '1000',
  HERALD_TEST_EMAIL_CALLER_LIMIT: '1000',
  HERALD_TEST_EMAIL_LIMIT_PER_MINUTE: '1000',
  HERALD_TEST_EMAIL_LIMIT: '1000',
};

async function tenantAdmin(h: Harness, tenant: string, email: string) {
  await createAccount(h, tenant, { email, role: 'tenant_admin', password });
  return asUser(h, await signIn(h, { email, password, tenantId: tenant }));
}

test('a stored password stays with the settings it was saved for: save, test and verify all want it again (secret_required)', async () => {
  await using first = await startSmtpTestServer({ users: { ops: 'pw-Bound-1' } });
  // Another server that would accept the same credentials: the stored password must never reach it.
  await using second = await startSmtpTestServer({ users: { ops: 'pw-Bound-1' } });
  await using h = await startHarness(roomyLimits);
  const saved = smtpSettings(first, { auth: 'password', username: 'ops' });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', { ...saved, password: 'pw-Bound-1' })).status, 200);
  const version = (await h.api('GET', '/api/v1/system/mail-server')).body.version;
  const ca = (await selfSignedCertificate()).cert;

  const changes: Array<[string, Record<string, unknown>]> = [
    ['port', { port: second.port }],
    ['security', { security: 'starttls' }],
    ['allowInvalidCertificate', { allowInvalidCertificate: true }],
    ['tlsCa', { tlsCa: ca }],
    ['provider', { provider: 'gmail' }],
    ['host', { host: 'localhost' }],
    ['username', { username: 'someone-else' }],
  ];
  for (const [field, change] of changes) {
    const refused = await h.api('PUT', '/api/v1/system/mail-server', { ...saved, ...change });
    assert.equal(refused.status, 422, `${field}: ${refused.raw}`);
    assert.equal(refused.body.error.code, 'secret_required');
    assert.equal(refused.body.error.details[0].field, '/password');
    assert.match(refused.body.error.details[0].message, new RegExp(`\\b${field}\\b`), 'the message says what changed');
    for (const route of ['test', 'verify']) {
      const probe = await h.api('POST', `/api/v1/system/mail-server/${route}`, {
        to: 'admin@example.test',
        settings: { ...saved, ...change },
      });
      assert.equal(probe.status, 422, `${route} with a changed ${field}: ${probe.raw}`);
      assert.equal(probe.body.error.code, 'secret_required');
      assert.equal(probe.body.error.details[0].field, '/settings/password');
    }
  }
  assert.equal((await h.api('GET', '/api/v1/system/mail-server')).body.version, version, 'a refused change stores nothing');
  assert.equal(second.received.length, 0, 'the other server never got a message sent with the stored password');

  // Unchanged settings keep it; a changed port with the password typed again works.
  const same = await h.api('POST', '/api/v1/system/mail-server/test', { to: 'admin@example.test', settings: saved });
  assert.equal(same.body.ok, true, same.raw);
  const retyped = await h.api('POST', '/api/v1/system/mail-server/test', {
    to: 'admin@example.test',
    settings: { ...saved, port: second.port, password: 'pw-Bound-1' },
  });
  assert.equal(retyped.body.ok, true, retyped.raw);
  assert.equal(second.received.length, 1);
});

test('placeholders are no passwords: the pure check, case by case', () => {
  const placeholders = [
    '********',
    '***',
    '*',
    '[REDACTED]',
    'REDACTED',
    '••••••',
    '●●●●',
    '<hidden>',
    '(unchanged)',
    '[FILTERED]',
    '***REDACTED***',
    '__secret__',
    '{{password}}',
    '{{ smtp_password }}',
    '${SMTP_PASSWORD}',
    '****1234',
    'xxxxxxxx',
    '........',
    '…',
    '  ******  ',
    'undefined',
    'null',
    '[object Object]',
    '<password>',
    'not set',
  ];
  const passwords = [
    'hunter2',
    'correct horse battery staple',
    'p@ss*word',
    'Pa55-w0rd',
    'a.b.c.d',
    'secret',
    'password',
    '#1',
    'x9!Qz*Lm',
    '[1234]',
    'abc...xyz',
    'pw-Right-2',
  ];
  for (const value of placeholders) assert.equal(isSecretPlaceholder(value), true, `${value} is a placeholder`);
  for (const value of passwords) assert.equal(isSecretPlaceholder(value), false, `${value} is a password`);
});

test('a masked password sent back is refused (secret_placeholder on /password) and the stored one still works', async () => {
  await using smtp = await startSmtpTestServer({ users: { ops: 'pw-Real-7' } });
  await using h = await startHarness(roomyLimits);
  const saved = smtpSettings(smtp, { auth: 'password', username: 'ops' });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', { ...saved, password: 'pw-Real-7' })).status, 200);
  for (const mask of ['********', '[REDACTED]', '••••••', '<hidden>', '***', '(unchanged)']) {
    const refused = await h.api('PUT', '/api/v1/system/mail-server', { ...saved, password: mask });
    assert.equal(refused.status, 422, `${mask}: ${refused.raw}`);
    assert.equal(refused.body.error.code, 'secret_placeholder');
    assert.deepEqual(
      refused.body.error.details.map((d: any) => [d.field, d.rule]),
      [['/password', 'placeholder']],
    );
    const probe = await h.api('POST', '/api/v1/system/mail-server/verify', { settings: { ...saved, password: mask } });
    assert.equal(probe.status, 422, probe.raw);
    assert.equal(probe.body.error.details[0].field, '/settings/password');
  }
  const test = await h.api('POST', '/api/v1/system/mail-server/test', { to: 'admin@example.test' });
  assert.equal(test.body.ok, true, `the stored password is still the real one: ${test.raw}`);
});

test('a tenant testing the system server it inherits sees outcomes only; the system administrator sees everything', async () => {
  const banner = 'Banner-Of-The-System-Relay-5';
  const refusal = 'Mailbox unknown at relay-internal-5';
  await using smtp = await startSmtpTestServer({
    security: 'starttls',
    users: { 'relay-user-5': 'pw-Relay-5' },
    banner,
    onRcptTo: (to) => (to === 'blocked@acme.test' ? { code: 550, message: `5.1.1 ${refusal}` } : 'accept'),
  });
  await using h = await startHarness(roomyLimits);
  await h.api(
    'PUT',
    '/api/v1/system/mail-server',
    smtpSettings(smtp, { security: 'starttls', tlsCa: smtp.ca, auth: 'password', username: 'relay-user-5', password: 'pw-Relay-5' }),
  );
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const tenant = await tenantAdmin(h, 'acme', 'admin@acme.test');

  const system = await h.api('POST', '/api/v1/tenants/acme/mail-server/verify', {});
  assert.equal(system.body.ok, true, system.raw);
  const subject = system.body.steps.find((s: any) => s.step === 'tls').certificate.subject as string;
  const revealing = [smtp.host, banner, 'relay-user-5', subject, 'PIPELINING'];
  for (const text of revealing) assert.ok(system.raw.includes(text), `the system administrator sees ${text}`);
  assert.match(system.raw, new RegExp(`\\b${smtp.port}\\b`));

  const verify = await tenant('POST', '/api/v1/tenants/acme/mail-server/verify', {});
  const sent = await tenant('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'ops@acme.test' });
  const refused = await tenant('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'blocked@acme.test' });
  for (const response of [verify, sent, refused]) {
    assert.equal(response.status, 200, response.raw);
    const raw = response.raw.replace(response.body.messageId ?? '\0', '');
    for (const text of [...revealing, refusal, 'ESMTP', '250', 'Authenticated as'])
      assert.ok(!raw.includes(text), `a tenant sees ${text}: ${raw}`);
    assert.doesNotMatch(raw, new RegExp(`\\b${smtp.port}\\b`), 'a tenant sees the port');
    for (const step of response.body.steps) assert.deepEqual(Object.keys(step).sort(), ['detail', 'durationMs', 'status', 'step']);
  }
  assert.deepEqual(
    verify.body.steps.map((s: any) => [s.step, s.status]),
    system.body.steps.map((s: any) => [s.step, s.status]),
    'the outcomes are all there',
  );
  assert.equal(sent.body.ok, true);
  assert.equal(smtp.received.length, 1, 'the test email was sent');
  assert.equal(refused.body.ok, false);
  assert.deepEqual([refused.body.failure.kind, refused.body.failure.stage], ['permanent', 'rcpt']);
  assert.ok(refused.body.failure.hint, 'the hint stays');
  assert.equal(refused.body.failure.reply, null);
});

test('test emails and connection tests are limited per caller and per scope, per minute and per hour; refusals are audited with the recipient', async () => {
  const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0, 5));
  await using h = await startHarness({ HERALD_TEST_EMAIL_CALLER_LIMIT: '7' }, { herald: { clock } });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const first = await tenantAdmin(h, 'acme', 'first@acme.test');
  const second = await tenantAdmin(h, 'acme', 'second@acme.test');
  const system = (method: string, url: string, body?: unknown) =>
    h.api(method as 'POST', url, body).then((response) => ({ ...response, headers: {} }));
  const verify = (caller: typeof first) => caller('POST', '/api/v1/tenants/acme/mail-server/verify', {});
  const testEmail = (caller: typeof first) => caller('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'someone@elsewhere.example' });

  for (const [kind, call] of [
    ['verify', verify],
    ['test email', testEmail],
  ] as const) {
    for (let i = 1; i <= 5; i += 1) assert.equal((await call(first)).status, 200, `${kind} ${i} of the first caller`);
    const sixth = await call(first);
    assert.equal(sixth.status, 429, `the sixth ${kind} in a minute: ${sixth.raw}`);
    assert.equal(sixth.body.error.code, 'rate_limited');
    assert.match(sixth.body.error.message, /per minute for each user or token/);
    assert.equal(sixth.headers['retry-after'], '55');
    for (let i = 1; i <= 5; i += 1) assert.equal((await call(second)).status, 200, `${kind} ${i} of the second caller`);
    const scopeFull = await call(system);
    assert.equal(scopeFull.status, 429, `the scope's eleventh ${kind} in a minute: ${scopeFull.raw}`);
    assert.match(scopeFull.body.error.message, /per minute for this scope/);
  }

  clock.advance(60_000);
  assert.equal((await verify(first)).status, 200, 'a new minute');
  assert.equal((await verify(first)).status, 200);
  const hourFull = await verify(first);
  assert.equal(hourFull.status, 429, 'the eighth verify of the hour, with HERALD_TEST_EMAIL_CALLER_LIMIT=7');
  assert.match(hourFull.body.error.message, /per hour for each user or token/);

  const audit = await h.api('GET', '/api/v1/audit?action=mail_server.test_email&limit=100');
  const entries = audit.body.items.map((item: any) => item.details);
  assert.equal(entries.length, 12, 'every test email, sent or refused');
  assert.ok(
    entries.every((details: any) => details.to === 'someone@elsewhere.example'),
    'with the recipient',
  );
  assert.equal(entries.filter((details: any) => details.refused === 'rate_limited').length, 2);
  const verifies = await h.api('GET', '/api/v1/audit?action=mail_server.verify&limit=100');
  assert.equal(verifies.body.items.filter((item: any) => item.details.refused === 'rate_limited').length, 3);
});

test("candidate settings may not send as anyone: the From address stays in the saved or the server's domain, refusals are audited", async () => {
  await using smtp = await startSmtpTestServer({ users: { 'ops@relay.example': 'pw-Sender-8' } });
  await using h = await startHarness(roomyLimits);
  const login = { auth: 'password', username: 'ops@relay.example' };
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { ...login, password: 'pw-Sender-8' }));
  const candidate = (extra: Record<string, unknown>) => ({
    to: 'victim@elsewhere.example',
    settings: smtpSettings(smtp, { ...login, ...extra }),
  });

  const phishing = await h.api(
    'POST',
    '/api/v1/system/mail-server/test',
    candidate({ fromAddress: 'ceo@bank.example', fromName: 'Your Bank' }),
  );
  assert.equal(phishing.status, 422, phishing.raw);
  assert.equal(phishing.body.error.code, 'sender_not_allowed');
  assert.deepEqual(
    phishing.body.error.details.map((d: any) => [d.field, d.rule]),
    [['/settings/fromAddress', 'sender_domain']],
  );
  assert.equal(smtp.received.length, 0, 'nothing was sent');

  const sameDomain = await h.api('POST', '/api/v1/system/mail-server/test', candidate({ fromAddress: 'alerts@example.test' }));
  assert.equal(sameDomain.body.ok, true, `the saved sender's domain: ${sameDomain.raw}`);
  const serverDomain = await h.api('POST', '/api/v1/system/mail-server/test', candidate({ fromAddress: 'noreply@relay.example' }));
  assert.equal(serverDomain.body.ok, true, `the server's domain (its username's): ${serverDomain.raw}`);
  assert.deepEqual(
    smtp.received.map((mail) => mail.from),
    ['alerts@example.test', 'noreply@relay.example'],
  );

  const verify = await h.api('POST', '/api/v1/system/mail-server/verify', {
    settings: smtpSettings(smtp, { ...login, fromAddress: 'ceo@bank.example' }),
  });
  assert.equal(verify.body.ok, true, `a connection test sends no mail, so the sender does not matter: ${verify.raw}`);

  const audit = await h.api('GET', '/api/v1/audit?action=mail_server.test_email&limit=10');
  const refusedEntry = audit.body.items.find((item: any) => item.details.refused === 'sender_not_allowed');
  assert.equal(refusedEntry?.details.to, 'victim@elsewhere.example', audit.raw);
});

test('the sender rule, case by case: without settings:write neither the From address nor the name changes', () => {
  const saved = { from_address: 'alerts@acme.example', from_name: 'Acme Alerts' };
  const server = { provider: 'smtp' as const, host: 'smtp.mail.acme.example', username: 'relay@relay.example' };
  assert.deepEqual(serverDomains(server), ['relay.example', 'mail.acme.example']);
  assert.deepEqual(serverDomains({ provider: 'smtp', host: '203.0.113.5', username: 'relay' }), []);
  assert.deepEqual(serverDomains({ provider: 'smtp', host: 'mail.example', username: null }), []);
  const rules = (candidate: { from_address: string; from_name: string | null }, mayWrite: boolean) =>
    candidateSenderProblems(saved, { ...server, ...candidate }, mayWrite).map((p) => `${p.field} ${p.rule}`);
  assert.deepEqual(rules(saved, false), []);
  assert.deepEqual(rules({ ...saved, from_address: 'ALERTS@acme.example' }, false), []);
  assert.deepEqual(rules({ ...saved, from_address: 'ops@eu.acme.example' }, true), []);
  assert.deepEqual(rules({ ...saved, from_address: 'ops@relay.example' }, true), []);
  assert.deepEqual(rules({ ...saved, from_address: 'ceo@bank.example' }, true), ['/settings/fromAddress sender_domain']);
  assert.deepEqual(rules({ ...saved, from_address: 'ceo@notacme.example' }, true), ['/settings/fromAddress sender_domain']);
  assert.deepEqual(rules({ ...saved, from_address: 'ops@acme.example' }, false), ['/settings/fromAddress permission']);
  assert.deepEqual(rules({ ...saved, from_name: 'Your Bank' }, false), ['/settings/fromName permission']);
  assert.deepEqual(rules({ ...saved, from_name: 'Your Bank' }, true), []);
  assert.deepEqual(
    candidateSenderProblems(saved, { provider: 'builtin', host: null, username: null, from_address: 'x@y.example', from_name: 'Z' }, false),
    [],
    'the built-in mailbox keeps mail inside Herald',
  );
});

test(
  'an unsaved server that never greets gets one answer, whether the port is closed, silent, hangs up or speaks no TLS',
  { timeout: 60_000 },
  async () => {
    const sockets = new Set<Socket>();
    const listen = async (onConnection: (socket: Socket) => void) => {
      const server = createServer((socket) => {
        sockets.add(socket);
        onConnection(socket);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, port: (server.address() as { port: number }).port };
    };
    const silent = await listen(() => undefined);
    const hangsUp = await listen((socket) => socket.destroy());
    const closed = await listen(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    await using plain = await startSmtpTestServer();
    await using savedServer = await startSmtpTestServer();
    try {
      await using h = await startHarness({ ...roomyLimits, HERALD_SMTP_TIMEOUT: '1s' });
      await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
      // Both scopes have a saved server of their own (and sender); the candidates point elsewhere on loopback.
      const saved = smtpSettings(savedServer, { applyToAllTenants: undefined, fromAddress: 'ops@acme.example' });
      assert.equal((await h.api('PUT', '/api/v1/system/mail-server', saved)).status, 200);
      assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', saved)).status, 200);
      const cases: Array<[string, Record<string, unknown>]> = [
        ['closed', { port: closed.port }],
        ['silent', { port: silent.port }],
        ['hangs up', { port: hangsUp.port }],
        ['no TLS', { port: plain.port, security: 'tls' }],
      ];
      const answers: string[] = [];
      for (const scope of ['system', 'tenants/acme']) {
        for (const [name, change] of cases) {
          const settings = { ...saved, ...change };
          for (const route of ['verify', 'test']) {
            const response = await h.api('POST', `/api/v1/${scope}/mail-server/${route}`, { to: 'ops@acme.example', settings });
            assert.equal(response.status, 200, `${name}: ${response.raw}`);
            assert.equal(response.body.failure?.errorCode, 'connect_failed', `${scope} ${route} ${name}: ${response.raw}`);
            for (const port of [closed.port, silent.port, hangsUp.port, plain.port])
              assert.doesNotMatch(response.raw, new RegExp(`\\b${port}\\b`));
            assert.doesNotMatch(response.raw, /127\.0\.0\.1|ECONN|ETIMEDOUT|never received|socket|SSL|closed unexpectedly/i);
            answers.push(response.raw);
          }
        }
      }
      assert.equal(new Set(answers).size, 1, `one answer for all of them:\n${[...new Set(answers)].join('\n')}`);

      // The scope's saved server is its own to see: there the transcript says what happened.
      await h.api('PUT', '/api/v1/system/mail-server', { ...saved, port: closed.port });
      const own = await h.api('POST', '/api/v1/system/mail-server/verify', {});
      assert.equal(own.body.failure.errorCode, 'ECONNREFUSED', own.raw);
    } finally {
      for (const socket of sockets) socket.destroy();
      await Promise.all([silent, hangsUp].map(({ server }) => new Promise((resolve) => server.close(resolve))));
    }
  },
);
