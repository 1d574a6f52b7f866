import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, smtpSettings, type Harness } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { manualClock } from './support/test-clock.js';
import { asToken, asUser, createAccount, createToken, refusedByPolicy, signIn } from './support/accounts.js';

// Real: Herald (app, worker, SQLite file or PostgreSQL database), a real SMTP server on loopback.
// Faked: the clock, in the status test only (to put messages in every age bucket without waiting).

async function post(h: Harness, body: Record<string, unknown>): Promise<string> {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    data: { service: 'sip' },
    ...body,
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages[0].id;
}
const stateOf = async (h: Harness, id: string) => (await h.api('GET', `/api/v1/deliveries/${id}`)).body.state as string;
const auditActions = async (h: Harness) => (await h.api('GET', '/api/v1/audit?limit=200')).body.items.map((e: any) => e.action) as string[];

test('GET /status: each scope by waiting state and age bucket, paused scopes, nodes and database size; a tenant sees only its own', async () => {
  const clock = manualClock();
  await using h = await startHarness({}, { herald: { clock, deliver: false } });
  for (const id of ['acme', 'beta']) await h.api('POST', '/api/v1/tenants', { id, name: id.toUpperCase() });
  await post(h, { tenant: 'acme', recipients: ['a1@acme.test'] });
  clock.advance(25 * 60_000);
  await post(h, { tenant: 'acme', recipients: ['a2@acme.test'] });
  clock.advance(10 * 60_000);
  await post(h, { tenant: 'beta', recipients: ['b1@beta.test'] });
  clock.advance(13 * 3_600_000);
  await post(h, { tenant: 'beta', recipients: ['b2@beta.test'] });
  assert.equal((await h.api('POST', '/api/v1/tenants/beta/queue/pause', { reason: 'relay maintenance' })).status, 200);

  const status = await h.api('GET', '/api/v1/status');
  assert.equal(status.status, 200, status.raw);
  assert.deepEqual(status.body.ageBuckets, ['0-5m', '5-30m', '30m-2h', '2h-12h', '12h+']);
  assert.deepEqual(
    status.body.scopes.map((s: any) => s.scope),
    ['system', 'acme', 'beta'],
  );
  const [, acme, beta] = status.body.scopes;
  assert.deepEqual(
    acme.shape.find((row: any) => row.state === 'queued'),
    { state: 'queued', total: 2, byAge: [0, 0, 0, 0, 2] },
  );
  assert.deepEqual(
    beta.shape.find((row: any) => row.state === 'queued'),
    { state: 'queued', total: 2, byAge: [1, 0, 0, 0, 1] },
  );
  assert.equal(acme.paused, null);
  assert.equal(beta.paused.reason, 'relay maintenance');
  assert.equal(beta.paused.by, 'token:env:HERALD_ADMIN_TOKEN');
  assert.ok(status.body.database.sizeBytes > 0);
  assert.ok(status.body.nodes.length >= 1);

  const reader = await createToken(h, 'acme', ['deliveries:read']);
  const own = await asToken(h, reader.token)('GET', '/api/v1/status');
  assert.equal(own.status, 200, own.raw);
  assert.deepEqual(
    own.body.scopes.map((s: any) => s.scope),
    ['acme'],
  );
  assert.deepEqual(own.body.nodes, [], 'nothing of the cluster for a tenant');
  assert.equal(own.body.database.sizeBytes, 0);
  assert.ok(refusedByPolicy(await asToken(h, reader.token)('GET', '/api/v1/status?scope=beta')));
});

test('pause keeps a scope’s mail queued while other scopes deliver; resume sends it; the overview says Paused; both audited', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp))).status, 200);
  for (const id of ['acme', 'beta']) await h.api('POST', '/api/v1/tenants', { id, name: id.toUpperCase() });
  const paused = await h.api('POST', '/api/v1/tenants/acme/queue/pause', { reason: 'their relay refuses us' });
  assert.equal(paused.status, 200, paused.raw);
  assert.equal(paused.body.changed, true);
  assert.equal((await h.api('POST', '/api/v1/tenants/acme/queue/pause', {})).body.changed, false, 'pausing twice changes nothing');

  const waiting = await post(h, { tenant: 'acme', recipients: ['ops@acme.test'] });
  const other = await post(h, { tenant: 'beta', recipients: ['ops@beta.test'] });
  await h.until(async () => (await stateOf(h, other)) === 'sent');
  assert.equal(await stateOf(h, waiting), 'queued', 'the older message of the paused scope was passed over');
  const overview = await h.api('GET', '/api/v1/overview');
  const acme = overview.body.scopes.find((s: any) => s.scope === 'acme');
  assert.equal(acme.paused.reason, 'their relay refuses us');
  assert.equal(overview.body.scopes.find((s: any) => s.scope === 'beta').paused, null);

  const resumed = await h.api('POST', '/api/v1/tenants/acme/queue/resume');
  assert.equal(resumed.status, 200, resumed.raw);
  assert.equal(resumed.body.paused, null);
  await h.until(async () => (await stateOf(h, waiting)) === 'sent');
  assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ['ops@acme.test', 'ops@beta.test']);
  const actions = await auditActions(h);
  assert.ok(actions.includes('queue.pause') && actions.includes('queue.resume'), actions.join());
  assert.equal((await h.api('POST', '/api/v1/tenants/nobody/queue/pause', {})).status, 404);
});

test('retry makes deferred mail due now (like postqueue -f); the status shows the oldest deferred message with its reply and hint', async () => {
  let refuse = true;
  await using smtp = await startSmtpTestServer({
    onRcptTo: () => (refuse ? { code: 451, message: '4.7.1 Greylisted, try again later' } : 'accept'),
  });
  // Retries an hour apart: only the command can make the deferred message due now.
  await using h = await startHarness({ HERALD_RETRY_BASE: '1h', HERALD_RETRY_MAX_DELAY: '2h', HERALD_RETRY_MAX_AGE: '1d' });
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  const id = await post(h, { recipients: ['ops@example.test'] });
  await h.until(async () => (await stateOf(h, id)) === 'deferred');

  const status = (await h.api('GET', '/api/v1/status')).body;
  const system = status.scopes.find((s: any) => s.scope === 'system');
  assert.equal(system.oldest.id, id);
  assert.equal(system.oldest.lastReplyCode, 451);
  assert.match(system.oldest.lastReply, /Greylisted/);
  assert.match(system.oldest.hint, /deferred the message temporarily/);
  assert.equal(system.shape.find((row: any) => row.state === 'deferred').total, 1);
  assert.match(system.lastFailure.reply, /Greylisted/);

  refuse = false;
  const bad = await h.api('POST', '/api/v1/system/queue/retry', { states: ['sending'] });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.details[0].field, /states/);
  const retried = await h.api('POST', '/api/v1/system/queue/retry', {});
  assert.equal(retried.status, 200, retried.raw);
  assert.equal(retried.body.count, 1);
  assert.deepEqual(retried.body.filter.states, ['deferred']);
  await h.until(async () => (await stateOf(h, id)) === 'sent');
  assert.ok((await auditActions(h)).includes('queue.retry'));
});

test('purge marks matching waiting messages cancelled with who and why, never deletes, never touches sending; filters narrow it', async () => {
  await using smtp = await startSmtpTestServer({ replyDelayMs: 1500 });
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  // One message in `sending` (the server is slow to answer), then the scope is paused so the rest stay queued.
  const inFlight = await post(h, { tenant: 'acme', recipients: ['slow@acme.test'] });
  await h.until(async () => (await stateOf(h, inFlight)) === 'sending');
  await h.api('POST', '/api/v1/tenants/acme/queue/pause', {});
  const alert = await post(h, { tenant: 'acme', recipients: ['a@acme.test'] });
  const record = await post(h, { tenant: 'acme', type: 'record.added', data: { title: 'x' }, recipients: ['b@acme.test'] });
  const old = await post(h, { tenant: 'acme', recipients: ['c@acme.test'] });

  for (const [body, field] of [
    [{ reason: 'x', states: ['sending'] }, /states/],
    [{ reason: 'x', olderThan: 'soon' }, /olderThan/],
    [{ states: ['queued'] }, /reason/],
    [{ reason: '' }, /reason/],
  ] as const) {
    const refused = await h.api('POST', '/api/v1/tenants/acme/queue/purge', body);
    assert.equal(refused.status, 400, JSON.stringify(body));
    assert.match(JSON.stringify(refused.body.error.details), field);
  }
  const none = await h.api('POST', '/api/v1/tenants/acme/queue/purge', { reason: 'too old', olderThan: '1h' });
  assert.equal(none.body.count, 0, 'nothing is an hour old');
  const byType = await h.api('POST', '/api/v1/tenants/acme/queue/purge', { reason: 'noise', type: 'record.added' });
  assert.equal(byType.body.count, 1);
  const byRecipient = await h.api('POST', '/api/v1/tenants/acme/queue/purge', { reason: 'left the company', recipient: 'c@acme.test' });
  assert.equal(byRecipient.body.count, 1);
  const all = await h.api('POST', '/api/v1/tenants/acme/queue/purge', { reason: 'everything else', states: ['deferred', 'held'] });
  assert.equal(all.body.count, 0, 'the queued one is not deferred or held');

  const cancelled = (await h.api('GET', `/api/v1/deliveries/${record}`)).body;
  assert.equal(cancelled.state, 'cancelled');
  assert.deepEqual(cancelled.cancelled, { by: 'token:env:HERALD_ADMIN_TOKEN', reason: 'noise' });
  const listed = await h.api('GET', '/api/v1/deliveries?state=cancelled&scope=acme');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.items.map((m: any) => m.id).sort(), [record, old].sort());

  await h.api('POST', '/api/v1/tenants/acme/queue/resume');
  await h.until(async () => (await stateOf(h, alert)) === 'sent');
  assert.equal(await stateOf(h, inFlight), 'sent', 'the message being sent was never cancelled');
  assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ['a@acme.test', 'slow@acme.test']);
  const entries = (await h.api('GET', '/api/v1/audit?limit=200')).body.items.filter((e: any) => e.action === 'queue.purge');
  assert.equal(entries.length, 4);
  assert.ok(
    entries.some((e: any) => e.details.reason === 'noise' && e.details.type === undefined && e.details.eventType === 'record.added'),
  );
});

test('a tenant administrator runs the queue commands on its own scope only', async () => {
  await using h = await startHarness({}, { herald: { deliver: false } });
  for (const id of ['acme', 'beta']) await h.api('POST', '/api/v1/tenants', { id, name: id.toUpperCase() });
  await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password: 'a long tenant password' });
  const admin = asUser(h, await signIn(h, { email: 'admin@acme.test', password: 'a long tenant password', tenantId: 'acme' }));
  const id = await post(h, { tenant: 'beta', recipients: ['x@beta.test'] });
  assert.equal((await admin('POST', '/api/v1/tenants/acme/queue/pause', { reason: 'mine' })).status, 200);
  for (const path of ['pause', 'resume', 'retry', 'purge']) {
    const body = path === 'purge' ? { reason: 'not mine' } : path === 'resume' ? undefined : {};
    for (const scope of ['tenants/beta', 'system']) {
      const response = await admin('POST', `/api/v1/${scope}/queue/${path}`, body);
      assert.ok(refusedByPolicy(response), `${scope} ${path}: ${response.raw}`);
    }
  }
  const purge = await admin('POST', '/api/v1/tenants/acme/queue/purge', { reason: 'mine', messageId: id });
  assert.equal(purge.body.count, 0, "another scope's message is out of reach by id too");
  assert.equal(await stateOf(h, id), 'queued');
  const status = await admin('GET', '/api/v1/status');
  assert.deepEqual(
    status.body.scopes.map((s: any) => s.scope),
    ['acme'],
  );
  assert.equal(status.body.scopes[0].paused.by.startsWith('user:'), true);
});
