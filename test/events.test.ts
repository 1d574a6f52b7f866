import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './support/herald-harness.js';

// Real: Herald app and SQLite file; the worker delivers into the built-in mailbox.

test('an Idempotency-Key replays the first answer and never writes twice', async () => {
  await using h = await startHarness();
  const body = { type: 'license.limit', severity: 'warning', recipients: ['ops@example.test'], data: { used: 100 } };
  const first = await h.api('POST', '/api/v1/events', body, { 'idempotency-key': 'license-2026-11-21' });
  const again = await h.api('POST', '/api/v1/events', body, { 'idempotency-key': 'license-2026-11-21' });
  assert.equal(first.status, 202);
  assert.equal(again.status, 202);
  assert.equal(again.body.eventId, first.body.eventId);
  assert.deepEqual(again.body.messages, first.body.messages);
  assert.equal(again.body.replayed, true);
  const conflict = await h.api('POST', '/api/v1/events', { ...body, data: { used: 101 } }, { 'idempotency-key': 'license-2026-11-21' });
  assert.equal(conflict.status, 409);
  assert.equal(conflict.body.error.code, 'idempotency_conflict');
  const deliveries = await h.api('GET', `/api/v1/deliveries?event=${first.body.eventId}`);
  assert.equal(deliveries.body.items.length, 1);
});

test('a batch of 1,000 events is accepted in one request; 1,001 is refused whole', async () => {
  await using h = await startHarness();
  const events = Array.from({ length: 1000 }, (_, i) => ({ type: 'record.added', recipients: [`u${i}@example.test`] }));
  const accepted = await h.api('POST', '/api/v1/events/batch', { events });
  assert.equal(accepted.status, 202, accepted.raw.slice(0, 300));
  assert.equal(accepted.body.events.length, 1000);
  const refused = await h.api('POST', '/api/v1/events/batch', { events: [...events, events[0]] });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.details[0].field, '/events');
});

test('a batch with one bad event is refused whole, naming the event, and stores nothing', async () => {
  await using h = await startHarness();
  const events = [
    { type: 'record.added', recipients: ['ok@example.test'] },
    { type: 'record.added', recipients: ['not an address'] },
  ];
  const refused = await h.api('POST', '/api/v1/events/batch', { events });
  assert.equal(refused.status, 400, refused.raw);
  assert.equal(refused.body.error.details[0].field, '/events/1/recipients/0');
  assert.equal((await h.api('GET', '/api/v1/deliveries')).body.items.length, 0);
});

test("recipients: explicit ones win, else the scope's admin recipients; at most 50; none means suppressed, recorded", async () => {
  await using h = await startHarness();
  const none = await h.api('POST', '/api/v1/events', { type: 'product.update' });
  assert.equal(none.status, 202);
  assert.equal(none.body.outcome, 'suppressed');
  assert.match(none.body.reason, /^no_recipients: /);

  const tooMany = await h.api('PUT', '/api/v1/system/recipients', {
    recipients: Array.from({ length: 51 }, (_, i) => `a${i}@example.test`),
  });
  assert.equal(tooMany.status, 400);
  const duplicate = await h.api('PUT', '/api/v1/system/recipients', { recipients: ['a@example.test', 'A@example.test'] });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.error.details[0].field, '/recipients/1');
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['admin@example.test'] });
  const toAdmins = await h.api('POST', '/api/v1/events', { type: 'ip.blacklisted', data: { ip: '203.0.113.9' } });
  assert.deepEqual(
    toAdmins.body.messages.map((m: any) => m.recipient),
    ['admin@example.test'],
  );
  const explicit = await h.api('POST', '/api/v1/events', { type: 'password.recovery', recipients: ['user@example.test'] });
  assert.deepEqual(
    explicit.body.messages.map((m: any) => m.recipient),
    ['user@example.test'],
  );
  const fifty = await h.api('POST', '/api/v1/events', {
    type: 'x.y',
    recipients: Array.from({ length: 51 }, (_, i) => `a${i}@example.test`),
  });
  assert.equal(fifty.status, 400);
  assert.equal(fifty.body.error.details[0].field, '/recipients');
});

test('event data never injects a header: CR/LF in titles become spaces in the subject', async () => {
  await using h = await startHarness();
  const event = await h.api('POST', '/api/v1/events', {
    type: 'comment.posted',
    recipients: ['ops@example.test'],
    data: { title: 'Hello\r\nBcc: victim@example.test\r\nX-Evil: 1', body: 'line one\nline two' },
  });
  assert.equal(event.status, 202);
  const id = event.body.messages[0].id;
  const stored = await h.until(async () => {
    const list = await h.api('GET', '/api/v1/mailbox');
    return list.body.items.find((item: any) => item.id === id);
  });
  assert.equal(stored.subject.includes('\n'), false);
  assert.match(stored.subject, /Hello Bcc: victim@example.test X-Evil: 1/);
  const refused = await h.api('POST', '/api/v1/events', { type: 'x.y', recipients: ['ops@example.test\r\nBcc: victim@example.test'] });
  assert.equal(refused.status, 400);
});

test('unknown tenant, bad type or severity: 4xx naming the field, nothing stored', async () => {
  await using h = await startHarness();
  const cases: Array<[unknown, number, string]> = [
    [{ type: 'x.y', tenant: 'ghost', recipients: ['a@example.test'] }, 404, '/tenant'],
    [{ type: 'Not A Type', recipients: ['a@example.test'] }, 400, '/type'],
    [{ type: 'x.y', severity: 'apocalyptic' }, 400, '/severity'],
    [{ recipients: ['a@example.test'] }, 400, '/type'],
    [{ type: 'x.y', recipients: 'a@example.test' }, 400, '/recipients'],
  ];
  for (const [body, status, field] of cases) {
    const response = await h.api('POST', '/api/v1/events', body);
    assert.equal(response.status, status, response.raw);
    assert.ok(
      response.body.error.details.some((d: any) => d.field === field),
      response.raw,
    );
  }
  const huge = await h.api('POST', '/api/v1/events', { type: 'x.y', data: { blob: 'x'.repeat(1_100_000) } });
  assert.equal(huge.status, 413);
  assert.equal(huge.body.error.code, 'body_too_large');
  const wrongType = await h.api('POST', '/api/v1/events', 'type=x', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(wrongType.status, 415);
  assert.equal((await h.herald.store.db.selectFrom('events').select('id').execute()).length, 0);
});

test('addresses that hide another address or a route are refused wherever an address is given, naming the field; nothing stored', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const hiding = [
    'x=?UTF-8?B?YWRtaW5AYmFuay5leGFtcGxl?=@example.test',
    '=?UTF-8?B?Y2VvQGJhbmsuZXhhbXBsZQ==?= <attacker@example.test>',
    '"ceo@bank.example" <attacker@example.test>',
    'a%b@example.test',
    'ops@127.0.0.1',
  ];
  for (const address of hiding) {
    const refused = (response: { status: number; body: any; raw: string }, field: string) =>
      assert.ok(
        response.status === 400 && response.body.error.details.some((d: any) => d.field === field),
        `${address} at ${field}: ${response.raw}`,
      );
    refused(await h.api('POST', '/api/v1/events', { type: 'x.y', recipients: [address] }), '/recipients/0');
    refused(await h.api('PUT', '/api/v1/tenants/acme/recipients', { recipients: [address] }), '/recipients/0');
    refused(await h.api('POST', '/api/v1/tenants/acme/users', { email: address, name: 'X', role: 'member' }), '/email');
    refused(await h.api('PUT', '/api/v1/tenants/acme/mail-server', { provider: 'builtin', fromAddress: address }), '/fromAddress');
  }
  assert.equal((await h.herald.store.db.selectFrom('events').select('id').execute()).length, 0);
  assert.equal((await h.herald.store.db.selectFrom('users').select('id').execute()).length, 0);
  assert.deepEqual((await h.api('GET', '/api/v1/tenants/acme/recipients')).body.recipients, []);
});

test('one request creates at most HERALD_MAX_MESSAGES_PER_REQUEST messages (events × recipients): beyond it 413, nothing stored', async () => {
  await using h = await startHarness({ HERALD_MAX_MESSAGES_PER_REQUEST: '120' });
  await h.api('PUT', '/api/v1/system/recipients', { recipients: Array.from({ length: 50 }, (_, i) => `admin${i}@example.test`) });
  const explicit = Array.from({ length: 50 }, (_, i) => `r${i}@example.test`);
  // Two events to 50 explicit recipients and one to the 50 admin recipients: 150 messages.
  const over = await h.api('POST', '/api/v1/events/batch', {
    events: [{ type: 'x.y', recipients: explicit }, { type: 'x.y', recipients: explicit }, { type: 'x.y' }],
  });
  assert.equal(over.status, 413, over.raw);
  assert.equal(over.body.error.code, 'too_many_messages');
  assert.match(over.body.error.message, /150 messages.*at most 120/);
  assert.equal((await h.herald.store.db.selectFrom('events').select('id').execute()).length, 0);
  assert.equal((await h.herald.store.db.selectFrom('messages').select('id').execute()).length, 0);
  // A single event over the cap too; at the cap it is accepted.
  assert.equal(
    (
      await h.api('POST', '/api/v1/events/batch', {
        events: [
          { type: 'x.y', recipients: explicit },
          { type: 'x.y', recipients: explicit },
          { type: 'x.y', recipients: explicit.slice(0, 21) },
        ],
      })
    ).status,
    413,
  );
  const at = await h.api('POST', '/api/v1/events/batch', {
    events: [
      { type: 'x.y', recipients: explicit },
      { type: 'x.y', recipients: explicit },
      { type: 'x.y', recipients: explicit.slice(0, 20) },
    ],
  });
  assert.equal(at.status, 202, at.raw);
  assert.equal((await h.herald.store.db.selectFrom('messages').select('id').execute()).length, 120);
});

test('by default a batch of 1,000 events to 50 recipients each (50,000 messages) is refused', async () => {
  await using h = await startHarness();
  const recipients = Array.from({ length: 50 }, (_, i) => `r${i}@example.test`);
  const response = await h.api('POST', '/api/v1/events/batch', {
    events: Array.from({ length: 1000 }, () => ({ type: 'x.y', recipients })),
  });
  assert.equal(response.status, 413, response.raw.slice(0, 300));
  assert.match(response.body.error.message, /50000 messages.*at most 5000/);
  assert.equal((await h.herald.store.db.selectFrom('messages').select('id').execute()).length, 0);
});

test('deliveries: filters and cursor pagination', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const events = Array.from({ length: 7 }, (_, i) => ({
    type: 'record.added',
    tenant: i % 2 ? 'acme' : undefined,
    recipients: [`u${i}@example.test`],
  }));
  await h.api('POST', '/api/v1/events/batch', { events });
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await h.api('GET', `/api/v1/deliveries?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.body.items.map((i: any) => i.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.equal(new Set(seen).size, 7);
  assert.equal((await h.api('GET', '/api/v1/deliveries?scope=acme')).body.items.length, 3);
  assert.equal((await h.api('GET', '/api/v1/deliveries?recipient=u4@example.test')).body.items.length, 1);
  assert.equal(
    (await h.api('GET', `/api/v1/deliveries?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.items.length,
    0,
  );
  const bad = await h.api('GET', '/api/v1/deliveries?state=lost');
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.details[0].field.startsWith('query:/state'), bad.raw);
  assert.equal((await h.api('GET', '/api/v1/deliveries/msg_nope')).status, 404);
});

test('events are listed with what the rules decided (outcome, reason, notes) and their messages, filtered; the overview counts them per scope with its admin recipients', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
  const sent = await h.api('POST', '/api/v1/events', { type: 'service.failed', data: { service: 'billing' } });
  const nobody = await h.api('POST', '/api/v1/events', { type: 'service.failed', tenant: 'acme', data: { service: 'billing' } });
  await h.api('PUT', '/api/v1/system/event-types/license.limit/settings', { enabled: false });
  const off = await h.api('POST', '/api/v1/events', { type: 'license.limit' });
  assert.deepEqual([sent.body.outcome, nobody.body.outcome, off.body.outcome], ['queued', 'suppressed', 'suppressed']);

  const list = (await h.api('GET', '/api/v1/events?limit=10')).body;
  assert.deepEqual(
    list.items.map((e: any) => e.id),
    [off.body.eventId, nobody.body.eventId, sent.body.eventId],
    'newest first',
  );
  const [disabled, unreached, queued] = list.items;
  assert.match(disabled.reason, /^event_disabled/);
  assert.deepEqual(disabled.messages, []);
  assert.match(unreached.reason, /^no_recipients/);
  assert.equal(unreached.scope, 'acme');
  assert.deepEqual(
    queued.messages.map((m: any) => m.recipient),
    ['ops@example.test'],
  );
  const only = async (query: string) => (await h.api('GET', `/api/v1/events?${query}`)).body.items.map((e: any) => e.id);
  assert.deepEqual(await only('scope=acme'), [nobody.body.eventId]);
  assert.deepEqual(await only('outcome=queued'), [sent.body.eventId]);
  assert.deepEqual(await only('type=license.limit'), [off.body.eventId]);
  assert.deepEqual(await only('since=2999-01-01T00:00:00Z'), []);
  const firstPage = (await h.api('GET', '/api/v1/events?limit=2')).body;
  assert.deepEqual(await only(`limit=2&cursor=${firstPage.nextCursor}`), [sent.body.eventId]);

  const overview = (await h.api('GET', '/api/v1/overview')).body.scopes;
  const system = overview.find((s: any) => s.scope === 'system');
  const acme = overview.find((s: any) => s.scope === 'acme');
  assert.deepEqual([system.adminRecipients, system.events24h], [1, { queued: 1, grouped: 0, suppressed: { event_disabled: 1 } }]);
  assert.deepEqual([acme.adminRecipients, acme.events24h], [0, { queued: 0, grouped: 0, suppressed: { no_recipients: 1 } }]);
});
