import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';

// Real: Herald (app, database of the run's dialect, delivery worker, SMTP thread) and two
// smtp-server peers on 127.0.0.1, one of them requiring AUTH. /metrics is read as Prometheus
// scrapes it. Nothing is faked; retries are pushed an hour out so every count is exact.

/** The value of one sample line, by metric name and exact labels (the `node` label aside). */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    delete found.node;
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** Every value the `scope` label takes in one metric family. */
function scopesOf(metrics: string, name: string): Set<string> {
  return new Set([...metrics.matchAll(new RegExp(`^${name}\\{[^}]*scope="([^"]*)"`, 'gm'))].map((m) => m[1]!));
}

async function post(h: Harness, tenant: string | undefined, recipients: string[]) {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    data: { service: 'sip-proxy' },
    recipients,
    ...(tenant ? { tenant } : {}),
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages.map((m: { id: string }) => m.id) as string[];
}

async function settle(h: Harness, ids: string[], states = ['sent', 'failed', 'deferred', 'held']) {
  // A loaded machine (the suite runs files side by side, and the SMTP thread starts with tsx) can be slow.
  for (const id of ids) await h.until(async () => states.includes((await h.api('GET', `/api/v1/deliveries/${id}`)).body.state), 60_000);
}

test('/metrics counts attempts by scope, provider, outcome and reason class, the latency, the queue by scope, with tenants capped', async () => {
  await using relay = await startSmtpTestServer({
    onRcptTo: (address) =>
      address.startsWith('reject')
        ? { code: 550, message: '5.1.1 No such user' }
        : address.startsWith('later')
          ? { code: 451, message: '4.7.1 Slow down' }
          : 'accept',
  });
  await using authRelay = await startSmtpTestServer({ users: { ops: 'the-right-password' } });
  await using h = await startHarness({
    HERALD_METRICS_TOP_TENANTS: '2',
    HERALD_RETRY_BASE: '1h',
    HERALD_RETRY_MAX_DELAY: '2h',
    HERALD_RETRY_MAX_AGE: '24h',
  });
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(relay, { applyToAllTenants: false }))).status, 200);
  for (const id of ['acme', 'globex', 'initech', 'umbrella'])
    assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: id })).status, 201);
  const own = (server: typeof relay, extra: Record<string, unknown> = {}) =>
    smtpSettings(server, { applyToAllTenants: undefined, ...extra });
  assert.equal((await h.api('PUT', '/api/v1/tenants/acme/mail-server', own(relay))).status, 200);
  const wrongPassword = own(authRelay, { auth: 'password', username: 'ops', password: 'a-wrong-password' });
  assert.equal((await h.api('PUT', '/api/v1/tenants/globex/mail-server', wrongPassword)).status, 200);
  assert.equal((await h.api('PUT', '/api/v1/tenants/umbrella/mail-server', own(relay))).status, 200);

  // One tenant at a time, so the first two to send get the two labels.
  await settle(h, await post(h, undefined, ['ops@example.test', 'later@example.test']));
  await settle(h, await post(h, 'acme', ['a1@acme.test', 'a2@acme.test', 'reject@acme.test', 'later@acme.test']));
  await settle(h, await post(h, 'globex', ['g1@globex.test', 'g2@globex.test']));
  await settle(h, await post(h, 'umbrella', ['u1@umbrella.test']));
  await settle(h, await post(h, 'initech', ['i1@initech.test']));

  const response = await h.api('GET', '/metrics');
  assert.equal(response.status, 200);
  const metrics = response.raw;
  const attempts = (scope: string, outcome: string, reason: string) =>
    sample(metrics, 'herald_delivery_attempts_total', { scope, provider: 'smtp', outcome, reason });

  assert.equal(attempts('system', 'sent', 'none'), 1);
  assert.equal(attempts('system', 'retry', 'throttled'), 1);
  assert.equal(attempts('acme', 'sent', 'none'), 2);
  assert.equal(attempts('acme', 'failed', 'rejected'), 1);
  assert.equal(attempts('acme', 'retry', 'throttled'), 1);
  // a refused login is deferred (soft bounce), not failed
  assert.equal(attempts('globex', 'retry', 'auth'), 2);
  // The third tenant to send (one attempt, less than the quietest labelled tenant's) is `other`.
  assert.equal(attempts('other', 'sent', 'none'), 1);
  assert.equal(attempts('umbrella', 'sent', 'none'), undefined);
  assert.deepEqual([...scopesOf(metrics, 'herald_delivery_attempts_total')].sort(), ['acme', 'globex', 'other', 'system']);

  // Latency: one sample per sent message, under the same labels.
  assert.equal(sample(metrics, 'herald_delivery_latency_seconds_count', { scope: 'acme', provider: 'smtp' }), 2);
  assert.equal(sample(metrics, 'herald_delivery_latency_seconds_count', { scope: 'system', provider: 'smtp' }), 1);
  assert.equal(sample(metrics, 'herald_delivery_latency_seconds_bucket', { scope: 'acme', provider: 'smtp', le: '+Inf' }), 2);
  assert.ok(sample(metrics, 'herald_delivery_latency_seconds_sum', { scope: 'acme', provider: 'smtp' })! > 0);

  // The queue, by scope and state: the deferred `later` messages, initech's held one (as `other`).
  assert.equal(sample(metrics, 'herald_queue_messages', { scope: 'system', state: 'deferred' }), 1);
  assert.equal(sample(metrics, 'herald_queue_messages', { scope: 'acme', state: 'deferred' }), 1);
  assert.equal(sample(metrics, 'herald_queue_messages', { scope: 'other', state: 'held' }), 1);
  assert.equal(sample(metrics, 'herald_queue_messages', { scope: 'initech', state: 'held' }), undefined);
  const age = sample(metrics, 'herald_queue_oldest_age_seconds', { scope: 'acme', state: 'deferred' })!;
  assert.ok(age >= 0 && age < 600, `oldest age ${age}`);
  assert.ok(scopesOf(metrics, 'herald_queue_messages').size <= 2 + 2, 'the system, two tenants and other at most');

  // Operators only: without the system token, no metrics.
  assert.equal((await h.api('GET', '/metrics', undefined, { authorization: '' })).status, 401);
});

test('the SMTP thread starts when an SMTP server is saved, before the first send: herald_smtp_threads goes from 0 to 1', async () => {
  await using relay = await startSmtpTestServer();
  await using h = await startHarness();
  const threads = async () => sample((await h.api('GET', '/metrics')).raw, 'herald_smtp_threads', {});
  assert.equal(await threads(), 0, 'no SMTP server stored: no SMTP thread');
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(relay))).status, 200);
  // No event is posted: only the save can have started it.
  await h.until(async () => (await threads()) === 1, 30_000);
  assert.equal(relay.received.length, 0);
});
