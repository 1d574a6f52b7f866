import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { asToken, createToken } from './support/accounts.js';

// Real: Herald (app, database of this run's dialect, delivery worker) and an smtp-server peer on
// 127.0.0.1 that refuses one address. Retries are shortened through configuration.

interface Health {
  scope: string;
  name: string;
  source: string;
  provider: string | null;
  status: string;
  statusReason: string;
  lastSuccessAt: string | null;
  lastFailure: { at: string; stage: string; replyCode: number | null; reply: string | null } | null;
  queueDepth: number;
  held: { count: number; reasons: Array<{ reason: string; count: number }> };
  last24h: Array<{ hour: string; sent: number; failed: number }>;
}

async function overview(h: Harness, query = ''): Promise<{ generatedAt: string; scopes: Health[]; nextCursor: string | null }> {
  const response = await h.api('GET', `/api/v1/overview${query}`);
  assert.equal(response.status, 200, response.raw);
  return response.body;
}

async function send(h: Harness, tenant: string | undefined, recipient: string) {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    ...(tenant ? { tenant } : {}),
    recipients: [recipient],
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages[0].id as string;
}

const totals = (scope: Health) =>
  scope.last24h.reduce((sum, hour) => ({ sent: sum.sent + hour.sent, failed: sum.failed + hour.failed }), { sent: 0, failed: 0 });

test('overview: per scope, whether mail works, last success and failure, queue, held mail with its reason, and 24 hourly buckets', async () => {
  await using smtp = await startSmtpTestServer({
    onRcptTo: (address) => (address.startsWith('nobody@') ? { code: 550, message: '5.1.1 No such user' } : 'accept'),
  });
  await using h = await startHarness({ HERALD_RETRY_MAX_AGE: '1s' });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { applyToAllTenants: false }))).status, 200);
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })).status, 201);
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'globex', name: 'Globex' })).status, 201);

  const fresh = await overview(h);
  assert.deepEqual(
    fresh.scopes.map((s) => [s.scope, s.status, s.source]),
    [
      ['system', 'untested', 'own'],
      ['acme', 'held', 'none'],
      ['globex', 'held', 'none'],
    ],
  );
  assert.equal(fresh.scopes[0]!.last24h.length, 24);
  assert.ok(Date.parse(fresh.scopes[0]!.last24h[23]!.hour) <= Date.parse(fresh.generatedAt));
  assert.ok(Date.parse(fresh.scopes[0]!.last24h[23]!.hour) > Date.parse(fresh.generatedAt) - 3_600_000);

  // system: one sent, one refused; acme: held (no server applies); globex: own server, sent
  const sent = await send(h, undefined, 'ops@example.test');
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${sent}`)).body.state === 'sent');
  const refused = await send(h, undefined, 'nobody@example.test');
  await send(h, 'acme', 'ops@acme.test');
  assert.equal(
    (await h.api('PUT', '/api/v1/tenants/globex/mail-server', smtpSettings(smtp, { applyToAllTenants: undefined }))).status,
    200,
  );
  await send(h, 'globex', 'ops@globex.test');
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${refused}`)).body.state === 'failed');
  await h.until(async () => (await overview(h)).scopes.find((s) => s.scope === 'globex')!.lastSuccessAt !== null);

  const { scopes } = await overview(h);
  const [system, acme, globex] = scopes as [Health, Health, Health];
  assert.equal(system.status, 'failing', 'the most recent attempt was the refusal');
  assert.match(system.statusReason, /550/);
  assert.ok(system.lastSuccessAt);
  assert.equal(system.lastFailure?.replyCode, 550);
  assert.equal(system.lastFailure?.stage, 'rcpt');
  assert.deepEqual(totals(system), { sent: 1, failed: 1 });
  assert.equal(system.queueDepth, 0);

  assert.equal(acme.status, 'held');
  assert.equal(acme.held.count, 1);
  assert.match(acme.held.reasons[0]!.reason, /no mail server/);
  assert.deepEqual(totals(acme), { sent: 0, failed: 0 });

  assert.equal(globex.status, 'working');
  assert.equal(globex.source, 'own');
  assert.equal(globex.provider, 'smtp');
  assert.deepEqual(totals(globex), { sent: 1, failed: 0 });
});

test('overview pages through tenants after the system scope, and refuses bad paging', async () => {
  await using h = await startHarness();
  for (const id of ['t1', 't2', 't3']) assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: id })).status, 201);
  const first = await overview(h, '?limit=2');
  assert.deepEqual(
    first.scopes.map((s) => s.scope),
    ['system', 't1', 't2'],
  );
  assert.equal(first.nextCursor, 't2');
  const second = await overview(h, `?limit=2&cursor=${first.nextCursor}`);
  assert.deepEqual(
    second.scopes.map((s) => s.scope),
    ['t3'],
  );
  assert.equal(second.nextCursor, null);
  const bad = await h.api('GET', '/api/v1/overview?limit=0');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.details[0].field, 'query:/limit');
  assert.equal((await h.api('GET', '/api/v1/overview', undefined, { authorization: '' })).status, 401);
});

test('overview lists every scope still on password authentication at Microsoft or Google: since when, when it stops, what to move to; a tenant sees only its own', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  const hosted = (provider: 'gmail' | 'microsoft365', auth: 'password' | 'oauth2') => ({
    provider,
    host: smtp.host,
    port: smtp.port,
    security: 'none',
    auth,
    username: `alerts@${provider}.test`,
    ...(auth === 'password' ? { password: 'app-password-1' } : {}),
  });
  for (const id of ['acme', 'globex', 'initech'])
    assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: id.toUpperCase() })).status, 201);
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp))).status, 200);
  assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', hosted('microsoft365', 'password'))).status, 200);
  const acmeSince = (await h.api('GET', '/api/v1/tenants/acme/mail-server')).body.updatedAt as string;
  // A later save that keeps the password does not move "since".
  assert.equal(
    (
      await h.api('PUT', '/api/v1/tenants/acme/mail-server', {
        ...hosted('microsoft365', 'password'),
        password: undefined,
        fromName: 'Acme',
      })
    ).status,
    200,
  );
  assert.equal((await h.api('PUT', '/api/v1/tenants/globex/mail-server', hosted('gmail', 'password'))).status, 200);
  assert.equal((await h.api('PUT', '/api/v1/tenants/initech/mail-server', hosted('gmail', 'oauth2'))).status, 200);

  const page = await h.api('GET', '/api/v1/overview?limit=1');
  assert.equal(page.status, 200, page.raw);
  assert.deepEqual(
    page.body.passwordAuthRetiring.map((s: { scope: string; name: string; provider: string; basicAuthEnds: string; moveTo: string[] }) => [
      s.scope,
      s.name,
      s.provider,
      s.basicAuthEnds,
      s.moveTo,
    ]),
    [
      ['acme', 'ACME', 'microsoft365', '2026-12-31', ['microsoft_app', 'microsoft_delegated']],
      ['globex', 'GLOBEX', 'gmail', '2025-03-14', ['google_signin', 'google_service_account']],
    ],
    'every scope on a password, not only the page (limit 1 shows one tenant); OAuth2 and generic SMTP are not listed',
  );
  assert.equal(page.body.passwordAuthRetiring[0].since, acmeSince);
  assert.match(page.body.passwordAuthRetiring[0].message, /December 2026/);
  const next = await h.api('GET', `/api/v1/overview?limit=1&cursor=${page.body.nextCursor}`);
  assert.deepEqual(next.body.passwordAuthRetiring, [], 'on the first page only');

  // The system's own server on a password is listed first.
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', { ...hosted('gmail', 'password'), applyToAllTenants: true })).status, 200);
  const all = (await h.api('GET', '/api/v1/overview')).body.passwordAuthRetiring.map((s: { scope: string }) => s.scope);
  assert.deepEqual(all, ['system', 'acme', 'globex']);

  // Tenant isolation: a tenant's caller sees its own scope's warning, and none for a scope without one.
  const acme = asToken(h, (await createToken(h, 'acme', ['deliveries:read'])).token);
  const own = await acme('GET', '/api/v1/overview');
  assert.equal(own.status, 200, own.raw);
  assert.deepEqual(
    own.body.passwordAuthRetiring.map((s: { scope: string }) => s.scope),
    ['acme'],
  );
  assert.doesNotMatch(own.raw, /globex|GLOBEX|"system"/);
  const initech = asToken(h, (await createToken(h, 'initech', ['deliveries:read'])).token);
  assert.deepEqual((await initech('GET', '/api/v1/overview')).body.passwordAuthRetiring, []);
});
