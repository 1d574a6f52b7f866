import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './support/herald-harness.js';

// Real: Herald app, SQLite file, secret box. Skipped: the TCP hop (inject).

test('a fresh install uses the built-in mailbox for the system and every tenant', async () => {
  await using h = await startHarness();
  const system = await h.api('GET', '/api/v1/system/mail-server');
  assert.equal(system.status, 200);
  assert.equal(system.body.provider, 'builtin');
  assert.equal(system.body.applyToAllTenants, true);
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })).status, 201);
  const effective = await h.api('GET', '/api/v1/tenants/acme/mail-server/effective');
  assert.equal(effective.body.source, 'system');
  assert.equal(effective.body.settings.provider, 'builtin');
});

test('security fills the port unless given; the password is write-only and kept when omitted', async () => {
  await using h = await startHarness();
  const cases: Array<[string, number | undefined, number]> = [
    ['none', undefined, 25],
    ['starttls', undefined, 587],
    ['tls', undefined, 465],
    ['tls', 2465, 2465],
  ];
  for (const [security, port, expected] of cases) {
    const saved = await h.api('PUT', '/api/v1/system/mail-server', {
      provider: 'smtp',
      host: 'mail.example.com',
      security,
      ...(port ? { port } : {}),
      fromAddress: 'ops@example.com',
    });
    assert.equal(saved.status, 200, saved.raw);
    assert.equal(saved.body.settings.port, expected);
  }
  const withPassword = await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: 'mail.example.com',
    auth: 'password',
    username: 'ops',
    password: 'pw-Write-Only-1',
    fromAddress: 'ops@example.com',
  });
  assert.equal(withPassword.status, 200, withPassword.raw);
  assert.equal(withPassword.body.settings.passwordSet, true);
  assert.ok(!withPassword.raw.includes('pw-Write-Only-1'));
  assert.equal(withPassword.body.settings.auth, 'password');

  const kept = await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: 'mail.example.com',
    auth: 'password',
    username: 'ops',
    fromAddress: 'alerts@example.com',
  });
  assert.equal(kept.status, 200, kept.raw);
  assert.equal(kept.body.settings.passwordSet, true);
  assert.equal(kept.body.settings.version, withPassword.body.settings.version + 1);

  for (const change of [{ host: 'other.example.com' }, { username: 'someone-else' }]) {
    const refused = await h.api('PUT', '/api/v1/system/mail-server', {
      provider: 'smtp',
      host: 'mail.example.com',
      auth: 'password',
      username: 'ops',
      fromAddress: 'alerts@example.com',
      ...change,
    });
    assert.equal(refused.status, 422, refused.raw);
    assert.equal(refused.body.error.code, 'secret_required');
    assert.equal(refused.body.error.details[0].field, '/password');
  }
  const after = await h.api('GET', '/api/v1/system/mail-server');
  assert.equal(after.body.version, kept.body.settings.version, 'a refused change stores nothing');
});

test('effective settings: own, inherited through apply-to-all, or none with the reason', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: 'relay.example.com',
    auth: 'none',
    fromAddress: 'ops@example.com',
    applyToAllTenants: false,
  });
  const none = await h.api('GET', '/api/v1/tenants/acme/mail-server/effective');
  assert.equal(none.body.source, 'none');
  assert.match(none.body.reason, /apply to all tenants is off/);
  assert.equal(none.body.settings, null);

  await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: 'relay.example.com',
    auth: 'none',
    fromAddress: 'ops@example.com',
    applyToAllTenants: true,
  });
  assert.equal((await h.api('GET', '/api/v1/tenants/acme/mail-server/effective')).body.source, 'system');

  const own = await h.api('PUT', '/api/v1/tenants/acme/mail-server', {
    provider: 'smtp',
    host: 'smtp.acme.example',
    security: 'tls',
    fromAddress: 'noreply@acme.example',
  });
  assert.equal(own.status, 200, own.raw);
  const effective = await h.api('GET', '/api/v1/tenants/acme/mail-server/effective');
  assert.equal(effective.body.source, 'own');
  assert.equal(effective.body.settings.host, 'smtp.acme.example');
  assert.equal(effective.body.settings.applyToAllTenants, undefined);

  assert.equal((await h.api('DELETE', '/api/v1/tenants/acme/mail-server')).status, 204);
  assert.equal((await h.api('GET', '/api/v1/tenants/acme/mail-server/effective')).body.source, 'system');
  assert.equal((await h.api('GET', '/api/v1/tenants/acme/mail-server')).status, 404);
});

test('bad input gets a 4xx naming the field, and changes nothing', async () => {
  await using h = await startHarness();
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const before = await h.api('GET', '/api/v1/system/mail-server');
  const cases: Array<[string, string, unknown, number, string]> = [
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', port: 70000, fromAddress: 'a@example.com' },
      400,
      '/port',
    ],
    ['PUT', '/api/v1/system/mail-server', { provider: 'carrier-pigeon' }, 400, '/provider'],
    ['PUT', '/api/v1/system/mail-server', { provider: 'smtp', fromAddress: 'a@example.com' }, 400, '/host'],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com\r\nBcc: x@example.com' },
      400,
      '/fromAddress',
    ],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com', fromName: 'Ops\r\nBcc: x@example.com' },
      400,
      '/fromName',
    ],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com', replyTo: 'a@example.com, b@example.com' },
      400,
      '/replyTo',
    ],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: '"a@b"@example.com' },
      400,
      '/fromAddress',
    ],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com', unknownField: 1 },
      400,
      '/unknownField',
    ],
    [
      'PUT',
      '/api/v1/system/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com', tlsCa: 'not a pem' },
      400,
      '/tlsCa',
    ],
    [
      'PUT',
      '/api/v1/tenants/acme/mail-server',
      { provider: 'smtp', host: 'mail.example.com', fromAddress: 'a@example.com', applyToAllTenants: true },
      422,
      '/applyToAllTenants',
    ],
    ['PUT', '/api/v1/system/mail-server', '{"provider": "smtp",', 400, '/'],
    ['POST', '/api/v1/tenants', { id: 'bad id!', name: 'x' }, 400, '/id'],
    ['POST', '/api/v1/tenants', { id: 'acme', name: 'Again' }, 409, '/id'],
    ['PATCH', '/api/v1/tenants/acme', { name: '' }, 400, '/name'],
  ];
  for (const [method, url, body, status, field] of cases) {
    const response = await h.api(method as 'PUT', url, body);
    assert.equal(response.status, status, `${JSON.stringify(body)} → ${response.raw}`);
    assert.ok(response.body.error.code, response.raw);
    assert.ok(
      response.body.error.details.some((d: { field: string }) => d.field === field),
      `${field} named in ${response.raw}`,
    );
  }
  assert.deepEqual((await h.api('GET', '/api/v1/system/mail-server')).body, before.body);
  assert.equal((await h.api('GET', '/api/v1/tenants/acme')).body.name, 'Acme');
});

test('tenants: create, list with cursor, rename, delete; unknown ids are 404', async () => {
  await using h = await startHarness();
  for (const id of ['t1', 't2', 't3']) assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: `Tenant ${id}` })).status, 201);
  const generated = await h.api('POST', '/api/v1/tenants', { name: 'Generated' });
  assert.match(generated.body.id, /^ten_/);
  const first = await h.api('GET', '/api/v1/tenants?limit=2');
  assert.equal(first.body.items.length, 2);
  const second = await h.api('GET', `/api/v1/tenants?limit=2&cursor=${first.body.nextCursor}`);
  assert.equal(first.body.items.length + second.body.items.length, 4);
  assert.equal((await h.api('PATCH', '/api/v1/tenants/t1', { name: 'Renamed' })).body.name, 'Renamed');
  assert.equal((await h.api('DELETE', '/api/v1/tenants/t2')).status, 204);
  assert.equal((await h.api('GET', '/api/v1/tenants/t2')).status, 404);
  assert.equal((await h.api('GET', '/api/v1/tenants/nope/mail-server/effective')).status, 404);
});

test('every route but health needs the bearer token', async () => {
  await using h = await startHarness();
  assert.equal((await h.herald.app.inject({ url: '/healthz' })).statusCode, 200);
  assert.equal((await h.herald.app.inject({ url: '/readyz' })).statusCode, 200);
  for (const url of ['/api/v1/system/mail-server', '/api/v1/tenants', '/api/v1/deliveries', '/api/v1/mailbox']) {
    const anonymous = await h.herald.app.inject({ url });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(JSON.parse(anonymous.body).error.code, 'unauthenticated');
    const wrong = await h.herald.app.inject({ url, headers: { authorization: 'Bearer wrong-token' } });
    assert.equal(wrong.statusCode, 401);
  }
});
