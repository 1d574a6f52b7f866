import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { insertUser } from './support/users.js';

// Real: Herald (app, database, ingest, delivery worker), the built-in mailbox, and an smtp-server
// peer. Users rows are inserted directly (the users CRUD API belongs to the accounts branch).

async function notes(h: Harness, eventId: string) {
  const event = await h.api('GET', `/api/v1/events/${eventId}`);
  assert.equal(event.status, 200, event.raw);
  return event.body;
}

test('toggles: default-off types, per-scope enable/disable inheriting from the system, the email master switch', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['root@example.test'] });
  await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['admin@acme.test'] });

  const audit = await h.api('POST', '/api/v1/events', { type: 'audit.entry', data: { actor: 'a', action: 'b' } });
  assert.equal(audit.body.outcome, 'suppressed');
  assert.match(audit.body.reason, /^event_disabled: /);
  assert.deepEqual(
    (await notes(h, audit.body.eventId)).notes.map((n: any) => n.code),
    ['event_disabled'],
  );

  // The system turns audit.entry on: tenants inherit it; one tenant turns it off again.
  assert.equal((await h.api('PUT', '/api/v1/system/event-types/audit.entry/settings', { enabled: true })).status, 200);
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'audit.entry', tenant: 'acme' })).body.outcome, 'queued');
  await h.api('PUT', '/api/v1/tenants/acme/event-types/audit.entry/settings', { enabled: false });
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'audit.entry', tenant: 'acme' })).body.outcome, 'suppressed');
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'audit.entry' })).body.outcome, 'queued');
  const listed = await h.api('GET', '/api/v1/tenants/acme/event-types');
  const row = listed.body.items.find((t: any) => t.id === 'audit.entry');
  assert.deepEqual([row.enabled, row.override.enabled, row.defaultEnabled], [false, false, false]);
  // null returns the tenant to inheriting the system's choice.
  await h.api('PUT', '/api/v1/tenants/acme/event-types/audit.entry/settings', { enabled: null });
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'audit.entry', tenant: 'acme' })).body.outcome, 'queued');

  // Master switch: the system turns email off, the tenant inherits it, then overrides it back on.
  assert.equal((await h.api('PATCH', '/api/v1/system/notifications', { emailEnabled: false })).body.effective.emailEnabled, false);
  const off = await h.api('POST', '/api/v1/events', { type: 'license.limit', tenant: 'acme' });
  assert.match(off.body.reason, /^email_disabled: /);
  assert.equal((await h.api('PATCH', '/api/v1/tenants/acme/notifications', { emailEnabled: true })).body.effective.emailEnabled, true);
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'license.limit', tenant: 'acme' })).body.outcome, 'queued');
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'license.limit' })).body.outcome, 'suppressed');
  // Thresholds belong to the system scope.
  assert.equal((await h.api('PATCH', '/api/v1/tenants/acme/notifications', { thresholds: { cpu: 50 } })).status, 422);
  assert.equal((await h.api('PATCH', '/api/v1/system/notifications', { thresholds: { cpu: 0, disk: 101 } })).status, 400);
  const settings = await h.api('PATCH', '/api/v1/system/notifications', { thresholds: { cpu: 0 }, repeatIntervalMs: 3_600_000 });
  assert.deepEqual(settings.body.effective.thresholds, { cpu: 0, memory: 90, disk: 90 });
  assert.equal((await h.api('GET', '/api/v1/tenants/acme/notifications')).body.effective.repeatIntervalMs, 3_600_000);
});

test("admins audience: the scope's recipients, or a per-event override (validated, at most 50, no duplicates)", async () => {
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['root@example.test', 'ops@example.test'] });
  const plain = await h.api('POST', '/api/v1/events', { type: 'ip.blacklisted', data: { ip: '203.0.113.9' } });
  assert.deepEqual(
    plain.body.messages.map((m: any) => m.recipient),
    ['root@example.test', 'ops@example.test'],
  );

  const tooMany = await h.api('PUT', '/api/v1/system/event-types/ip.blacklisted/settings', {
    recipients: Array.from({ length: 51 }, (_, i) => `a${i}@example.test`),
  });
  assert.equal(tooMany.status, 400);
  const fifty = await h.api('PUT', '/api/v1/system/event-types/ip.blacklisted/settings', {
    recipients: Array.from({ length: 50 }, (_, i) => `a${i}@example.test`),
  });
  assert.equal(fifty.status, 200);
  const duplicate = await h.api('PUT', '/api/v1/system/event-types/ip.blacklisted/settings', {
    recipients: ['sec@example.test', 'SEC@example.test'],
  });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.error.details[0].field, '/recipients/1');
  const invalid = await h.api('PUT', '/api/v1/system/event-types/ip.blacklisted/settings', { recipients: ['not an address'] });
  assert.equal(invalid.body.error.code, 'invalid_address');

  await h.api('PUT', '/api/v1/system/event-types/ip.blacklisted/settings', { recipients: ['sec@example.test'] });
  const overridden = await h.api('POST', '/api/v1/events', { type: 'ip.blacklisted', data: { ip: '203.0.113.9' } });
  assert.deepEqual(
    overridden.body.messages.map((m: any) => m.recipient),
    ['sec@example.test'],
  );
  // Other types keep the admin list.
  const other = await h.api('POST', '/api/v1/events', { type: 'license.limit' });
  assert.equal(other.body.messages.length, 2);
});

test('user audience: the named user, honouring an opt-out, refusing an opt-out where mandatory', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const jane = await insertUser(h.herald.store.db, { scope: 'acme', email: 'Jane@Acme.test', name: 'Jane Doe' });
  await insertUser(h.herald.store.db, { scope: 'acme', email: 'gone@acme.test', disabled: true });

  const created = await h.api('POST', '/api/v1/events', { type: 'user.created', tenant: 'acme', user: jane, data: { login: 'jane' } });
  assert.deepEqual(
    created.body.messages.map((m: any) => m.recipient),
    ['jane@acme.test'],
  );
  const byEmail = await h.api('POST', '/api/v1/events', {
    type: 'password.recovery',
    tenant: 'acme',
    user: 'JANE@acme.test',
    data: { link: 'https://x.test/r' },
  });
  assert.equal(byEmail.body.messages.length, 1);

  // Her own page: user.created may be turned off; password recovery may not (refused, nothing stored).
  const page = await h.api('GET', `/api/v1/tenants/acme/users/${jane}/preferences`);
  assert.deepEqual(
    page.body.preferences.find((p: any) => p.type === 'password.recovery'),
    { type: 'password.recovery', title: 'Password recovery', audience: 'user', optOut: false, receiving: true },
  );
  const refused = await h.api('PUT', `/api/v1/tenants/acme/users/${jane}/preferences`, {
    preferences: { 'user.created': false, 'password.recovery': false },
  });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, 'opt_out_not_allowed');
  assert.equal(refused.body.error.details[0].field, '/preferences/password.recovery');
  assert.equal(
    (await h.api('GET', `/api/v1/tenants/acme/users/${jane}/preferences`)).body.preferences.find((p: any) => p.type === 'user.created')
      .receiving,
    true,
  );
  const saved = await h.api('PUT', `/api/v1/tenants/acme/users/${jane}/preferences`, { preferences: { 'user.created': false } });
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.preferences.find((p: any) => p.type === 'user.created').receiving, false);

  const optedOut = await h.api('POST', '/api/v1/events', { type: 'user.created', tenant: 'acme', user: jane });
  assert.equal(optedOut.body.outcome, 'suppressed');
  const recorded = await notes(h, optedOut.body.eventId);
  assert.deepEqual(
    recorded.notes.map((n: any) => [n.code, n.recipient]),
    [['opted_out', 'jane@acme.test']],
  );
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'password.recovery', tenant: 'acme', user: jane })).body.outcome, 'queued');

  const missing = await h.api('POST', '/api/v1/events', { type: 'password.recovery', tenant: 'acme', user: 'nobody@acme.test' });
  assert.match(missing.body.reason, /^no_recipients: no user nobody@acme.test/);
  const disabled = await h.api('POST', '/api/v1/events', { type: 'password.recovery', tenant: 'acme', user: 'gone@acme.test' });
  assert.deepEqual(
    (await notes(h, disabled.body.eventId)).notes.map((n: any) => n.code),
    ['user_disabled'],
  );
  const unnamed = await h.api('POST', '/api/v1/events', { type: 'password.recovery', tenant: 'acme' });
  assert.deepEqual(
    (await notes(h, unnamed.body.eventId)).notes.map((n: any) => n.code),
    ['no_user'],
  );
  // Another tenant's user is not found from this tenant.
  await h.api('POST', '/api/v1/tenants', { id: 'globex', name: 'Globex' });
  assert.equal(
    (await h.api('POST', '/api/v1/events', { type: 'password.recovery', tenant: 'globex', user: jane })).body.outcome,
    'suppressed',
  );
  assert.equal((await h.api('GET', `/api/v1/tenants/globex/users/${jane}/preferences`)).status, 404);
});

test('subscribers audience: only users who opted in, delivered to a real SMTP server with HTML and text parts', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp));
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const db = h.herald.store.db;
  const ann = await insertUser(db, { scope: 'acme', email: 'ann@acme.test', name: 'Ann' });
  const bob = await insertUser(db, { scope: 'acme', email: 'bob@acme.test', name: 'Bob' });
  await insertUser(db, { scope: 'acme', email: 'cy@acme.test' });

  const nobody = await h.api('POST', '/api/v1/events', { type: 'record.added', tenant: 'acme', data: { app: 'CRM', record: 'ACME' } });
  assert.match(nobody.body.reason, /^no_recipients: no user of this scope opted in/);

  await h.api('PUT', `/api/v1/tenants/acme/users/${ann}/preferences`, { preferences: { 'record.added': true } });
  await h.api('PUT', `/api/v1/tenants/acme/users/${bob}/preferences`, { preferences: { 'record.added': true } });
  await h.api('PUT', `/api/v1/tenants/acme/users/${bob}/preferences`, { preferences: { 'record.added': false } });
  const event = await h.api('POST', '/api/v1/events', {
    type: 'record.added',
    tenant: 'acme',
    data: { app: 'CRM', record: 'ACME <Corp>' },
  });
  assert.deepEqual(
    event.body.messages.map((m: any) => m.recipient),
    ['ann@acme.test'],
  );
  await smtp.waitFor(1);
  const mail = smtp.received[0]!;
  assert.deepEqual(mail.to, ['ann@acme.test']);
  assert.match(mail.subject, /Record added — Acme/);
  assert.match(mail.text, /A record was added to CRM: ACME <Corp>\./);
  assert.ok(mail.html, 'an HTML part');
  assert.match(mail.html as string, /ACME &lt;Corp&gt;/);
  assert.match(mail.raw, /multipart\/alternative/);
});

test('registered types: an application adds its own, visible to tenants; built-in ids are refused', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['admin@acme.test'] });
  const created = await h.api('POST', '/api/v1/system/event-types', {
    id: 'billing.invoice_overdue',
    title: 'Invoice overdue',
    severity: 'warning',
    defaultEnabled: false,
    sampleData: { invoice: 'INV-1' },
  });
  assert.equal(created.status, 201, created.raw);
  assert.equal((await h.api('POST', '/api/v1/system/event-types', { id: 'host.cpu', title: 'x' })).status, 409);
  const seen = await h.api('GET', '/api/v1/tenants/acme/event-types');
  assert.equal(seen.body.items.find((t: any) => t.id === 'billing.invoice_overdue').enabled, false);
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'billing.invoice_overdue', tenant: 'acme' })).body.outcome, 'suppressed');
  await h.api('PUT', '/api/v1/tenants/acme/event-types/billing.invoice_overdue/settings', { enabled: true });
  assert.equal((await h.api('POST', '/api/v1/events', { type: 'billing.invoice_overdue', tenant: 'acme' })).body.outcome, 'queued');
  // Every event of the reference documents is in the catalogue.
  const ids = seen.body.items.map((t: any) => t.id);
  for (const id of [
    'host.cpu',
    'host.memory',
    'host.disk',
    'ip.blacklisted',
    'license.limit',
    'service.failed',
    'certificate.update_failed',
    'password.recovery',
    'user.created',
    'license.status',
    'product.update',
    'job.failed',
    'record.added',
    'comment.posted',
    'audit.entry',
    'alert.generic',
  ]) {
    assert.ok(ids.includes(id), id);
  }
});

test("a registered type's summary holds only values with linear filters: tags, costly filters and syntax errors are refused; a bad stored one never fails an event", async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: ['admin@acme.test'] });
  const refused = [
    '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}',
    '{{ data.text | split: "" | sort | join: "" }}',
    '{{ data.host ',
  ];
  for (const [index, summary] of refused.entries()) {
    const response = await h.api('POST', '/api/v1/tenants/acme/event-types', { id: `app.slow${index}`, title: 'Slow', summary });
    assert.equal(response.status, 400, response.raw);
    assert.equal(response.body.error.details[0].field, '/summary', response.raw);
  }
  const fine = await h.api('POST', '/api/v1/tenants/acme/event-types', {
    id: 'app.fine',
    title: 'Fine',
    summary: 'Job {{ data.job | upcase }} took {{ data.seconds | round }} s',
  });
  assert.equal(fine.status, 201, fine.raw);
  // Stored before summaries were checked (written straight to the database): the event is still accepted and mailed.
  const definition = { ...fine.body, id: 'app.legacy', summary: '{% if %}' };
  await h.herald.store.db
    .insertInto('event_types')
    .values({ scope_id: 'acme', id: 'app.legacy', definition: JSON.stringify(definition), created_at: Date.now() })
    .execute();
  const event = await h.api('POST', '/api/v1/events', { type: 'app.legacy', tenant: 'acme', data: { job: 'nightly' } });
  assert.equal(event.status, 202, event.raw);
  assert.equal(event.body.outcome, 'queued');
});

test('settings say where each value comes from and what a scope inherits without its own: the built-in default, the system, the scope', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const saved = await h.api('PATCH', '/api/v1/system/notifications', {
    thresholds: { cpu: 85, memory: 0, disk: 95 },
    repeatIntervalMs: 1_800_000,
  });
  assert.equal(saved.status, 200, saved.raw);
  const system = saved.body;
  assert.deepEqual(
    system.origins['thresholds.cpu'],
    { source: 'scope', inherited: 90, inheritedFrom: 'default' },
    'the system set 85; empty gives the built-in 90',
  );
  assert.deepEqual(system.origins['thresholds.memory'], { source: 'scope', inherited: 90, inheritedFrom: 'default' });
  assert.deepEqual(system.origins.groupWindowMs, { source: 'default', inherited: 0, inheritedFrom: 'default' });
  assert.deepEqual(system.origins['branding.logoUrl'], { source: 'default', inherited: null, inheritedFrom: 'default' });

  await h.api('PATCH', '/api/v1/tenants/acme/notifications', { repeatIntervalMs: 600_000, emailEnabled: false });
  const tenant = (await h.api('GET', '/api/v1/tenants/acme/notifications')).body;
  assert.equal(tenant.effective.repeatIntervalMs, 600_000);
  assert.deepEqual(
    tenant.origins.repeatIntervalMs,
    { source: 'scope', inherited: 1_800_000, inheritedFrom: 'system' },
    "the tenant set 10 min; empty gives the system's 30 min",
  );
  assert.deepEqual(tenant.origins.emailEnabled, { source: 'scope', inherited: true, inheritedFrom: 'default' });
  assert.deepEqual(tenant.origins['thresholds.cpu'], { source: 'system', inherited: 85, inheritedFrom: 'system' });
  assert.deepEqual(tenant.origins['branding.productName'], { source: 'default', inherited: 'Herald', inheritedFrom: 'default' });

  // Event toggles: where `enabled` comes from, in each scope.
  await h.api('PUT', '/api/v1/system/event-types/audit.entry/settings', { enabled: true });
  await h.api('PUT', '/api/v1/tenants/acme/event-types/job.failed/settings', { enabled: false });
  const sourceOf = async (scope: string, type: string) =>
    (await h.api('GET', `/api/v1/${scope}/event-types`)).body.items.find((t: any) => t.id === type).enabledSource;
  assert.deepEqual(
    [
      await sourceOf('system', 'audit.entry'),
      await sourceOf('tenants/acme', 'audit.entry'),
      await sourceOf('tenants/acme', 'job.failed'),
      await sourceOf('tenants/acme', 'host.cpu'),
    ],
    ['scope', 'system', 'scope', 'default'],
  );
});
