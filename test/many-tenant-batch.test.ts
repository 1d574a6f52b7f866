import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './support/herald-harness.js';
import { insertUser } from './support/users.js';

// Real: Herald (app, database, ingest, templates); decisions and messages read through the API and
// the database as stored. A commit reads its tenants' rules 64 tenants at a time: 70 tenants put
// the last ones in a second read.

const tenants = Array.from({ length: 70 }, (_, i) => `t${String(i).padStart(2, '0')}`);

/** What a user sees of an event's handling: the decision, its reason, each message's recipient, state and subject. */
async function decided(h: Harness, eventId: string) {
  const event = (await h.api('GET', `/api/v1/events/${eventId}`)).body;
  const messages = await h.herald.store.db
    .selectFrom('messages')
    .select(['recipient', 'state', 'subject'])
    .where('event_id', '=', eventId)
    .orderBy('recipient')
    .execute();
  return {
    tenant: event.scope,
    outcome: event.outcome,
    reason: event.reason ?? null,
    messages: messages.map((m) => ({ ...m, state: m.state === 'held' ? 'held' : 'not held' })),
  };
}

test("a batch from 70 tenants decides each event by its own tenant's rules, recipients, subscribers, template and mail server, exactly as one event at a time", async () => {
  await using h = await startHarness();
  for (const id of tenants) assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: `Tenant ${id}` })).status, 201);
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['root@example.test'] });
  // Some tenants differ from the rest, in the first read of 64 and in the second.
  assert.equal((await h.api('PATCH', '/api/v1/tenants/t01/notifications', { emailEnabled: false })).status, 200);
  assert.equal((await h.api('PUT', '/api/v1/tenants/t02/recipients', { recipients: ['admin02@example.test'] })).status, 200);
  assert.equal(
    (await h.api('PUT', '/api/v1/tenants/t68/recipients', { recipients: ['admin68@example.test', 'ops68@example.test'] })).status,
    200,
  );
  const template = { subject: 'T69 limit {{ data.used }}', html: '<p>{{ scope.name }}</p>' };
  assert.equal((await h.api('PUT', '/api/v1/tenants/t69/templates/license.limit', template)).status, 200);
  const silence = { eventType: 'license.limit', endsAt: Date.now() + 3_600_000 };
  assert.equal((await h.api('POST', '/api/v1/tenants/t67/silences', silence)).status, 201);
  const disabled = { provider: 'smtp', host: 'smtp.t66.example', security: 'tls', fromAddress: 'noreply@t66.example', enabled: false };
  assert.equal((await h.api('PUT', '/api/v1/tenants/t66/mail-server', disabled)).status, 200);
  assert.equal(
    (await h.api('PUT', '/api/v1/tenants/t65/event-types/license.limit/settings', { recipients: ['sec65@example.test'] })).status,
    200,
  );

  // Subscribers: t03 and t04 each have their own, and a user of t04 who opted out.
  const subscribe = async (tenant: string, email: string, on: boolean) => {
    const user = await insertUser(h.herald.store.db, { scope: tenant, email });
    const saved = await h.api('PUT', `/api/v1/tenants/${tenant}/users/${user}/preferences`, { preferences: { 'record.added': on } });
    assert.equal(saved.status, 200, saved.raw);
  };
  await subscribe('t03', 'ann@t03.example', true);
  await subscribe('t04', 'bob@t04.example', true);
  await subscribe('t04', 'cy@t04.example', true);
  await subscribe('t04', 'dee@t04.example', false);

  // Named recipients, but for the tenants whose own recipients are being checked (and the system).
  const ownRecipients = new Set(['t02', 't65', 't68', undefined]);
  const events: object[] = [...tenants, undefined].map((tenant, i) => ({
    type: 'license.limit',
    ...(tenant ? { tenant } : {}),
    ...(ownRecipients.has(tenant) ? {} : { recipients: [`ops-${tenant}@example.test`] }),
    data: { used: i, limit: 100, item: 'seats' },
  }));
  const recordAdded = (tenant: string, record: number) => ({ type: 'record.added', tenant, data: { record } });
  events.push(recordAdded('t03', 1), recordAdded('t04', 2), recordAdded('t03', 3), recordAdded('t04', 4), recordAdded('t05', 5));
  const batch = await h.api('POST', '/api/v1/events/batch', { events });
  assert.equal(batch.status, 202, batch.raw.slice(0, 300));
  const inBatch = await Promise.all(batch.body.events.map((event: { eventId: string }) => decided(h, event.eventId)));

  const oneByOne = [];
  for (const event of events) {
    const answer = await h.api('POST', '/api/v1/events', event);
    assert.equal(answer.status, 202, answer.raw);
    oneByOne.push(await decided(h, answer.body.eventId));
  }
  assert.deepEqual(inBatch, oneByOne);

  const subscribed = inBatch.slice(-5).map((event) => event.messages.map((m) => m.recipient));
  assert.deepEqual(subscribed, [
    ['ann@t03.example'],
    ['bob@t04.example', 'cy@t04.example'],
    ['ann@t03.example'],
    ['bob@t04.example', 'cy@t04.example'],
    [],
  ]);
  const byTenant = new Map(inBatch.slice(0, -5).map((event) => [event.tenant, event]));
  assert.match(byTenant.get('t01')!.reason, /^email_disabled: /);
  assert.deepEqual(
    byTenant.get('t02')!.messages.map((m) => m.recipient),
    ['admin02@example.test'],
  );
  assert.deepEqual(
    byTenant.get('t68')!.messages.map((m) => m.recipient),
    ['admin68@example.test', 'ops68@example.test'],
  );
  assert.deepEqual(
    byTenant.get('t65')!.messages.map((m) => m.recipient),
    ['sec65@example.test'],
  );
  assert.equal(byTenant.get('t69')!.messages[0]!.subject, 'T69 limit 69');
  assert.notEqual(byTenant.get('t68')!.messages[0]!.subject, 'T69 limit 68', "another tenant's template is not used");
  assert.match(byTenant.get('t67')!.reason, /silenced/);
  assert.deepEqual(
    byTenant.get('t66')!.messages.map((m) => m.state),
    ['held'],
    'a tenant whose mail server is disabled gets its mail held',
  );
  assert.deepEqual(
    byTenant.get('t64')!.messages.map((m) => m.state),
    ['not held'],
  );
});

test('a batch naming a tenant that does not exist among 70 that do is refused whole, naming the event; nothing stored', async () => {
  await using h = await startHarness();
  for (const id of tenants) await h.api('POST', '/api/v1/tenants', { id, name: `Tenant ${id}` });
  const events = [...tenants, 'nobody'].map((tenant) => ({ type: 'license.limit', tenant, recipients: ['ops@example.test'] }));
  const refused = await h.api('POST', '/api/v1/events/batch', { events });
  assert.equal(refused.status, 404, refused.raw.slice(0, 300));
  assert.equal(refused.body.error.details[0].field, '/events/70/tenant');
  assert.equal((await h.api('GET', '/api/v1/events?limit=1')).body.items.length, 0);
});
