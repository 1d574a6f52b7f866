import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness } from './support/herald-harness.js';

// Real: Herald app and SQLite file. Every route of the OpenAPI document gets malformed bodies,
// parameters and headers; none may answer 5xx, and the database must not change.

const bodies: unknown[] = [
  null,
  [],
  'text',
  0,
  -1,
  true,
  {},
  { provider: null },
  { type: {} },
  { events: 'x' },
  { name: 'x'.repeat(5000) },
  { recipients: [null] },
  { to: ['a@b.c'] },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  { a: { b: { c: { d: { e: {} } } } } },
];
const rawBodies = ['{', '{"a":', '\u0000', '[1,2', '{"provider":"smtp"}}', 'null'];
const ids = ['acme', '%00', '..%2F..%2Fetc', 'x'.repeat(300), '%E2%80%AE', 'system', "'; drop table messages; --"];

test('malformed input on every route: never a 5xx, and nothing stored changes', { timeout: 240_000 }, async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('POST', '/api/v1/events', { type: 'x.y', recipients: ['a@example.test'] });
  await h.until(async () => (await h.api('GET', '/api/v1/deliveries?state=sent')).body.items.length === 1);
  const snapshot = async () => {
    await h.herald.store.db.selectFrom('scopes').select('id').execute();
    const tables = ['scopes', 'mail_server_settings', 'scope_recipients', 'events', 'messages', 'attempts', 'mailbox'] as const;
    const rows = await Promise.all(tables.map((table) => h.herald.store.db.selectFrom(table).selectAll().execute()));
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  };
  const before = await snapshot();

  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  let requests = 0;
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const method of Object.keys(operations)) {
      for (const id of ids) {
        const url = template.replace('{tenantId}', id).replace('{id}', id);
        const queries = [
          '',
          '?limit=-1',
          '?limit=abc',
          '?cursor=%00',
          '?state=sent&state=nope',
          '?since=yesterday',
          '?unknown=1',
          '?limit=99999999999999999999',
        ];
        const write = method !== 'get' && method !== 'delete';
        const payloads: Array<string | undefined> = write ? [...bodies.map((b) => JSON.stringify(b)), ...rawBodies] : [undefined];
        // Every query with a bad body, every bad body without a query: each one meets every route and id.
        const requestsOf = [
          ...queries.map((query) => [query, payloads[0]] as const),
          ...payloads.slice(1).map((payload) => ['', payload] as const),
        ];
        for (const [query, payload] of requestsOf) {
          if (method === 'delete' && id === 'acme') continue;
          const response = await h.herald.app.inject({
            method: method.toUpperCase() as 'GET',
            url: `${url}${query}`,
            headers: {
              authorization: 'Bearer test-admin-token-0123456789abcdef',
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
              'idempotency-key': id.slice(0, 250),
            },
            ...(payload === undefined ? {} : { payload }),
          });
          requests += 1;
          assert.ok(
            response.statusCode < 500,
            `${method.toUpperCase()} ${url}${query} ${payload ?? ''} → ${response.statusCode} ${response.body}`,
          );
          if (response.statusCode >= 400) assert.ok(JSON.parse(response.body).error.code, response.body);
        }
      }
    }
  }
  assert.ok(requests > 1000);
  assert.equal(await snapshot(), before, 'refused requests changed nothing');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('NUL characters and prototype keys are refused with 400 before anything runs', async () => {
  await using h = await startHarness();
  const nul = await h.api('POST', '/api/v1/tenants', '{"id":"a","name":"x\\u0000y"}');
  assert.equal(nul.status, 400);
  assert.equal(nul.body.error.details[0].rule, 'no_nul');
  const query = await h.api('GET', '/api/v1/deliveries?recipient=a%00b');
  assert.equal(query.status, 400);
  assert.equal(query.body.error.details[0].field, 'query:/recipient');
  const proto = await h.api('POST', '/api/v1/tenants', '{"id":"a","name":"x","__proto__":{"admin":true}}');
  assert.equal(proto.status, 400);
  assert.equal((await h.api('GET', '/api/v1/tenants')).body.items.length, 0);
});
