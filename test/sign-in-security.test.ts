import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, startHarness } from './support/herald-harness.js';
import { everyStoredRow } from './support/test-database.js';
import { asToken, asUser, createAccount, createToken, openApiRoutes, send, signIn } from './support/accounts.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald with its database; sign-in through POST /auth/login, addresses set per request.

const password = 'correct horse battery staple';

test(
  'CSRF: every cookie-authenticated write from a foreign origin or without the token is refused and changes nothing',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
    const userId = await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    const session = await signIn(h, { email: 'root@example.test', password });
    const before = await everyStoredRow(h.env);
    let refused = 0;
    for (const [method, path] of openApiRoutes(h)) {
      if (method === 'GET') continue;
      const url = path.replace('{tenantId}', 'acme').replace('{userId}', userId).replace('{tokenId}', 'tok_x').replace('{id}', 'msg_x');
      const body = {
        name: 'Changed',
        recipients: ['x@example.test'],
        id: 'evil',
        type: 'a.b',
        allowedHosts: ['10.0.0.1'],
        allowedPorts: [],
      };
      const attempts: Array<Record<string, string>> = [
        { cookie: session.cookie },
        { cookie: session.cookie, 'x-csrf-token': 'wrong-token' },
        { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example' },
        { cookie: session.cookie, 'x-csrf-token': session.csrf, referer: 'https://evil.example/page' },
        { cookie: session.cookie, 'x-csrf-token': session.csrf, 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of attempts) {
        const response = await send(h, method, url, { body: method === 'DELETE' ? undefined : body, headers });
        if (path === '/api/v1/auth/login' || path === '/api/v1/auth/setup') {
          // Public: no session is used; a foreign origin is still refused.
          if (headers.origin || headers.referer || headers['sec-fetch-site']) assert.equal(response.status, 403, `${method} ${path}`);
          continue;
        }
        assert.equal(response.status, 403, `${method} ${path} ${JSON.stringify(Object.keys(headers))}: ${response.raw}`);
        assert.equal(response.body.error.code, 'csrf_failed');
        refused += 1;
      }
    }
    assert.ok(refused > 100);
    assert.equal(await everyStoredRow(h.env), before, 'nothing changed');
    // The same write with the token from the same origin works: the test can fail.
    const same = await asUser(h, session)(
      'PATCH',
      '/api/v1/tenants/acme',
      { name: 'Renamed' },
      { origin: 'http://localhost:80', host: 'localhost:80' },
    );
    assert.equal(same.status, 200, same.raw);
  },
);

test(
  'brute force: 20 wrong passwords in a minute are refused; the real user still signs in from another address',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const response = await send(h, 'POST', '/api/v1/auth/login', {
        body: { email: 'root@example.test', password: `guess-number-${i}` },
        ip: attacker,
      });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(
      statuses.slice(5).every((status) => status === 429),
      statuses.join(','),
    );
    const limited = await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password }, ip: attacker });
    assert.equal(limited.status, 429, 'even the right password is refused from the attacking address');
    assert.ok(limited.headers['retry-after']);
    const real = await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password }, ip: '198.51.100.7' });
    assert.equal(real.status, 200, real.raw);
    // One address trying many accounts is limited too; unknown accounts get the same answer as wrong passwords.
    const sprayer = '203.0.113.99';
    const spray: number[] = [];
    for (let i = 0; i < 25; i += 1)
      spray.push(
        (await send(h, 'POST', '/api/v1/auth/login', { body: { email: `user${i}@example.test`, password: 'whatever-guess' }, ip: sprayer }))
          .status,
      );
    assert.ok(spray.slice(0, 20).every((status) => status === 401) && spray.slice(20).every((status) => status === 429), spray.join(','));
    const audit = await h.api('GET', '/api/v1/audit?action=auth.login_failed&limit=500');
    assert.equal(audit.body.items.length, 20 + 1 + 25, 'every failed or refused sign-in is audited');
  },
);

test(
  'a tenant account signs in without its tenant id when the password names one account; several ask for the tenant id, after the password only',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    for (const id of ['acme', 'globex', 'initech']) await h.api('POST', '/api/v1/tenants', { id, name: id });
    await createAccount(h, 'acme', { email: 'mia@example.test', role: 'tenant_admin', password });
    await createAccount(h, 'globex', { email: 'mia@example.test', role: 'member', password: 'another long passphrase' });
    const login = (body: Record<string, string>, ip = '198.51.100.20') => send(h, 'POST', '/api/v1/auth/login', { body, ip });

    // One account matches the password: signed in to its tenant, as with the tenant id.
    const found = await login({ email: 'Mia@Example.test', password });
    assert.equal(found.status, 200, found.raw);
    assert.equal(found.body.user.tenantId, 'acme');
    assert.equal((await login({ email: 'mia@example.test', password: 'another long passphrase' })).body.user.tenantId, 'globex');
    assert.equal((await login({ email: 'mia@example.test', password: 'a wrong passphrase' })).body.error.code, 'invalid_credentials');

    // The same password in two tenants: the tenant id is asked for, and works.
    await createAccount(h, 'initech', { email: 'mia@example.test', role: 'member', password });
    const ambiguous = await login({ email: 'mia@example.test', password });
    assert.equal(ambiguous.status, 409, ambiguous.raw);
    assert.equal(ambiguous.body.error.code, 'tenant_required');
    assert.equal(
      (await login({ email: 'mia@example.test', password: 'guess of an attacker' })).body.error.code,
      'invalid_credentials',
      'a wrong password learns nothing about the tenants',
    );
    assert.equal((await login({ email: 'mia@example.test', password, tenantId: 'initech' })).body.user.tenantId, 'initech');

    // A system account with the address and password wins, as before tenant sign-in was found.
    await createAccount(h, 'system', { email: 'mia@example.test', role: 'system_admin', password });
    assert.equal((await login({ email: 'mia@example.test', password })).body.user.tenantId, null);
    const failed = await h.api('GET', '/api/v1/audit?action=auth.login_failed&limit=50');
    assert.ok(
      failed.body.items.some((entry: any) => entry.details.reason === 'tenant_required'),
      'the ambiguous sign-in is audited',
    );
  },
);

test("sessions end at logout, password change and disable; a disabled user's tokens stop at once", { timeout: 120_000 }, async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const userId = await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password });
  const credentials = { email: 'admin@acme.test', password, tenantId: 'acme' };
  const works = async (session: Awaited<ReturnType<typeof signIn>>) =>
    (await asUser(h, session)('GET', '/api/v1/auth/session')).status === 200;

  const [first, second] = [await signIn(h, credentials), await signIn(h, credentials)];
  assert.equal((await asUser(h, first)('POST', '/api/v1/auth/logout')).status, 204);
  assert.equal(await works(first), false, 'logout ends that session');
  assert.equal(await works(second), true, 'and only that one');

  const third = await signIn(h, credentials);
  const newPassword = 'an entirely new passphrase';
  assert.equal(
    (await asUser(h, second)('POST', '/api/v1/auth/password', { currentPassword: 'wrong password here', newPassword })).status,
    401,
  );
  assert.equal((await asUser(h, second)('POST', '/api/v1/auth/password', { currentPassword: password, newPassword })).status, 204);
  assert.equal(await works(third), false, 'a password change ends the other sessions');
  assert.equal(await works(second), true, 'but not the one that made it');
  assert.equal((await send(h, 'POST', '/api/v1/auth/login', { body: credentials })).status, 401, 'the old password no longer works');

  const token = await asUser(h, second)('POST', '/api/v1/tenants/acme/tokens', { label: 'app', permissions: ['deliveries:read'] });
  assert.equal(token.status, 201, token.raw);
  assert.equal((await asToken(h, token.body.token)('GET', '/api/v1/deliveries')).status, 200);
  const fourth = await signIn(h, { ...credentials, password: newPassword });
  assert.equal((await h.api('PATCH', `/api/v1/tenants/acme/users/${userId}`, { disabled: true })).status, 200);
  for (const session of [second, fourth]) assert.equal(await works(session), false, 'disabling ends every session');
  assert.equal((await asToken(h, token.body.token)('GET', '/api/v1/deliveries')).status, 401, 'and the tokens the user made');
  assert.equal((await send(h, 'POST', '/api/v1/auth/login', { body: { ...credentials, password: newPassword } })).status, 401);

  // Revocation and expiry of tokens take effect at once too.
  const app = await createToken(h, 'acme', ['deliveries:read']);
  assert.equal((await asToken(h, app.token)('GET', '/api/v1/deliveries')).status, 200);
  assert.equal((await h.api('DELETE', `/api/v1/tenants/acme/tokens/${app.id}`)).status, 200);
  assert.equal((await asToken(h, app.token)('GET', '/api/v1/deliveries')).status, 401);
  const listed = await h.api('GET', '/api/v1/tenants/acme/tokens');
  assert.ok(listed.body.items.every((item: any) => !('token' in item) && item.lastUsedAt !== undefined));
  assert.ok(listed.body.items.some((item: any) => item.id === app.id && item.revokedAt !== null && item.lastUsedAt !== null));
});

test(
  'a token does only what its creator may do now: demotion narrows it on the next request, promotion restores it, deletion ends it',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
    const adminId = await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password });
    const admin = asUser(h, await signIn(h, { email: 'admin@acme.test', password, tenantId: 'acme' }));
    const made = await admin('POST', '/api/v1/tenants/acme/tokens', {
      label: 'automation',
      permissions: ['settings:write', 'settings:read', 'events:write', 'deliveries:read'],
    });
    assert.equal(made.status, 201, made.raw);
    const token = asToken(h, made.body.token);
    const settings = { provider: 'builtin', fromName: 'Acme' };
    const can = async () => ({
      write: (await token('PUT', '/api/v1/tenants/acme/mail-server', settings)).status,
      read: (await token('GET', '/api/v1/tenants/acme/mail-server')).status,
      events: (await token('POST', '/api/v1/events', { type: 'x.y' })).status,
    });
    assert.deepEqual(await can(), { write: 200, read: 200, events: 202 });

    assert.equal((await h.api('PATCH', `/api/v1/tenants/acme/users/${adminId}`, { role: 'tenant_viewer' })).status, 200);
    assert.deepEqual(
      await can(),
      { write: 403, read: 200, events: 403 },
      'a viewer writes no settings and posts no events, nor do its tokens',
    );
    assert.equal((await h.api('PATCH', `/api/v1/tenants/acme/users/${adminId}`, { role: 'member' })).status, 200);
    assert.deepEqual(await can(), { write: 403, read: 403, events: 403 });
    assert.equal((await h.api('PATCH', `/api/v1/tenants/acme/users/${adminId}`, { role: 'tenant_admin' })).status, 200);
    assert.deepEqual(await can(), { write: 200, read: 200, events: 202 }, 'the grants were narrowed, not lost');
    assert.equal((await h.api('DELETE', `/api/v1/tenants/acme/users/${adminId}`)).status, 204);
    assert.deepEqual(await can(), { write: 401, read: 401, events: 401 });
  },
);

test('security headers on every response; bodies above the limit get 413; the session cookie is HttpOnly and SameSite=Strict', async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
  const login = await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password } });
  assert.match(String(login.headers['set-cookie']), /^herald_session=hrs_[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
  const responses = [
    await send(h, 'GET', '/healthz'),
    await send(h, 'GET', '/api/v1/tenants'),
    await send(h, 'GET', '/api/v1/no/such/route'),
    await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'x@example.test', password: 'x'.repeat(20_000) } }),
    await send(h, 'GET', '/api/v1/tenants', { headers: { authorization: `Bearer ${adminToken}` } }),
    login,
  ];
  assert.deepEqual(
    responses.map((r) => r.status),
    [200, 401, 404, 413, 200, 200],
  );
  for (const response of responses) {
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  }
  assert.equal(responses[3]!.body.error.code, 'body_too_large');
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'big', name: 'x'.repeat(2 * 1024 * 1024) })).status, 413);
});

test(
  'the last system administrator cannot be disabled, demoted or deleted; nobody disables or deletes their own account',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    const rootId = await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    // An administrator who cannot sign in (no password, or disabled) does not count.
    await createAccount(h, 'system', { email: 'nopass@example.test', role: 'system_admin' });
    const disabledId = await createAccount(h, 'system', { email: 'gone@example.test', role: 'system_admin', password });
    assert.equal((await h.api('PATCH', `/api/v1/system/users/${disabledId}`, { disabled: true })).status, 200);
    const root = `/api/v1/system/users/${rootId}`;
    const refusals = [
      await h.api('PATCH', root, { disabled: true }),
      await h.api('PATCH', root, { role: 'member' }),
      await h.api('DELETE', root),
    ];
    for (const refused of refusals) {
      assert.equal(refused.status, 409, refused.raw);
      assert.equal(refused.body.error.code, 'last_admin');
    }
    assert.equal((await h.api('GET', root)).body.role, 'system_admin');
    const session = await signIn(h, { email: 'root@example.test', password });
    const asRoot = asUser(h, session);
    assert.equal((await asRoot('GET', '/api/v1/auth/session')).status, 200, 'the refused changes changed nothing');

    // With another administrator the same changes work, but not on oneself.
    assert.equal((await h.api('PATCH', `/api/v1/system/users/${disabledId}`, { disabled: false })).status, 200);
    for (const [method, body] of [
      ['PATCH', { disabled: true }],
      ['DELETE', undefined],
    ] as const) {
      const own = await asRoot(method, root, body);
      assert.equal(own.status, 409, own.raw);
      assert.equal(own.body.error.code, 'self_lockout');
    }
    assert.equal((await asRoot('PATCH', root, { name: 'Root' })).status, 200, 'other changes to oneself still work');
    assert.equal((await asRoot('PATCH', `/api/v1/system/users/${disabledId}`, { role: 'member' })).status, 200);
    assert.equal((await h.api('PATCH', root, { role: 'member' })).body.error.code, 'last_admin', 'demoted, the other one no longer counts');
    assert.equal((await h.api('PATCH', `/api/v1/system/users/${disabledId}`, { role: 'system_admin' })).status, 200);
    assert.equal((await h.api('DELETE', root)).status, 204);
    assert.equal((await h.api('DELETE', `/api/v1/system/users/${disabledId}`)).body.error.code, 'last_admin');
    // Two administrators disabling each other at the same time: one of them stays.
    const secondId = await createAccount(h, 'system', { email: 'second@example.test', role: 'system_admin', password });
    const both = await Promise.all([disabledId, secondId].map((id) => h.api('PATCH', `/api/v1/system/users/${id}`, { disabled: true })));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], both.map((r) => r.raw).join('\n'));

    // A tenant administrator cannot disable or delete their own account either.
    await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
    const adminId = await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password });
    const asAdmin = asUser(h, await signIn(h, { email: 'admin@acme.test', password, tenantId: 'acme' }));
    assert.equal((await asAdmin('PATCH', `/api/v1/tenants/acme/users/${adminId}`, { disabled: true })).body.error.code, 'self_lockout');
    assert.equal((await asAdmin('DELETE', `/api/v1/tenants/acme/users/${adminId}`)).body.error.code, 'self_lockout');
    assert.equal((await asAdmin('GET', '/api/v1/auth/session')).status, 200);
  },
);

test('the sign-in limit is a sliding 15 minutes: failures just before and just after a quarter hour count together', async () => {
  const clock = manualClock(Date.UTC(2026, 11, 1, 9, 14, 58));
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' }, { herald: { clock } });
  await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
  const attempt = async () =>
    (await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'root@example.test', password: 'a wrong guess' }, ip: '203.0.113.7' }))
      .status;
  const statuses: number[] = [];
  for (let i = 0; i < 3; i += 1) statuses.push(await attempt());
  clock.advance(4_000); // 09:15:02, past the quarter hour
  for (let i = 0; i < 3; i += 1) statuses.push(await attempt());
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], 'the sixth failure in four seconds is refused');
  clock.advance(14 * 60_000);
  assert.equal(await attempt(), 429, 'still within 15 minutes of the first failures');
  clock.advance(2 * 60_000);
  assert.equal(await attempt(), 401, '15 minutes after the last failure counted, guesses are checked again');
});

test('trusted proxy: X-Forwarded-For and X-Forwarded-Proto count only from a listed proxy', { timeout: 120_000 }, async () => {
  const wrong = { email: 'root@example.test', password: 'a wrong password guess' };
  const right = { email: 'root@example.test', password };
  const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']);
  {
    // Off by default: a forged X-Forwarded-For from an untrusted peer is ignored, its own address counts.
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    const peer = '203.0.113.5';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await send(h, 'POST', '/api/v1/auth/login', { body: wrong, ip: peer, headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status,
      );
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], 'a new forged address per attempt does not escape the limit');
    const other = await send(h, 'POST', '/api/v1/auth/login', {
      body: right,
      ip: '192.0.2.9',
      headers: { 'x-forwarded-for': peer, 'x-forwarded-proto': 'https' },
    });
    assert.equal(other.status, 200, 'nor does forging the limited address lock anyone out');
    assert.match(cookieOf(other), /^herald_session=[^;]+;/);
    assert.doesNotMatch(cookieOf(other), /Secure/i, 'a forged X-Forwarded-Proto gives no Secure cookie');
    const logins = (await h.api('GET', '/api/v1/audit?limit=10')).body.items;
    assert.deepEqual([...new Set(logins.filter((e: any) => e.action.startsWith('auth.')).map((e: any) => e.ip))].sort(), [
      '192.0.2.9',
      peer,
    ]);
  }
  {
    // HERALD_TRUST_PROXY lists the proxy: the forwarded client address and protocol are used.
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn', HERALD_TRUST_PROXY: '10.0.0.0/8' });
    await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    const proxy = '10.1.2.3';
    const attacker = '203.0.113.66';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await send(h, 'POST', '/api/v1/auth/login', { body: wrong, ip: proxy, headers: { 'x-forwarded-for': attacker } })).status,
      );
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], 'the limit counts the forwarded address');
    const real = await send(h, 'POST', '/api/v1/auth/login', {
      body: right,
      ip: proxy,
      headers: { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' },
    });
    assert.equal(real.status, 200, 'the real user behind the same proxy is not locked out');
    assert.match(cookieOf(real), /^__Host-herald_session=hrs_[^;]+;.*; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const cookie = cookieOf(real).split(';')[0]!;
    assert.equal((await send(h, 'GET', '/api/v1/auth/session', { ip: proxy, headers: { cookie } })).status, 200);
    const entries = (await h.api('GET', '/api/v1/audit?limit=10')).body.items.filter((e: any) => e.action.startsWith('auth.'));
    assert.deepEqual(
      [...new Set(entries.map((e: any) => e.ip))].sort(),
      ['198.51.100.7', attacker],
      'the audit log holds the client, not the proxy',
    );
    // A peer that is not the listed proxy cannot forge its address.
    assert.equal(
      (await send(h, 'POST', '/api/v1/auth/login', { body: wrong, ip: '192.0.2.50', headers: { 'x-forwarded-for': '198.51.100.7' } }))
        .status,
      401,
    );
    assert.equal((await h.api('GET', '/api/v1/audit?limit=1')).body.items[0].ip, '192.0.2.50');
  }
});

test(
  'a session ends after HERALD_SESSION_IDLE unused, and after HERALD_SESSION_TTL however much it is used',
  { timeout: 120_000 },
  async () => {
    // Real Herald and database; only the clock is moved by hand.
    const clock = manualClock(Date.UTC(2026, 10, 23, 8, 0));
    await using h = await startHarness(
      { HERALD_LOG_LEVEL: 'warn', HERALD_SESSION_TTL: '2h', HERALD_SESSION_IDLE: '30m' },
      { herald: { clock, background: false } },
    );
    await createAccount(h, 'system', { email: 'root@example.test', role: 'system_admin', password });
    const minute = 60_000;
    const works = async (session: Awaited<ReturnType<typeof signIn>>) =>
      (await asUser(h, session)('GET', '/api/v1/auth/session')).status === 200;

    const idle = await signIn(h, { email: 'root@example.test', password });
    clock.advance(29 * minute);
    assert.equal(await works(idle), true, 'used within the idle time');
    clock.advance(29 * minute);
    assert.equal(await works(idle), true, 'each use postpones the idle expiry');
    clock.advance(31 * minute);
    assert.equal(await works(idle), false, 'unused for longer than HERALD_SESSION_IDLE, it ends');

    const busy = await signIn(h, { email: 'root@example.test', password });
    for (let used = 0; used < 115; used += 20) {
      clock.advance(20 * minute);
      assert.equal(await works(busy), used + 20 < 120, `after ${used + 20} minutes of use`);
    }
  },
);

test('a refused email or password at setup leaves the one-time link usable; it works once', async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  const token = h.herald.setupToken;
  assert.ok(token, 'a fresh install has a setup link');
  const setup = { token, email: 'root@example.test', name: 'Root', password };
  const short = await send(h, 'POST', '/api/v1/auth/setup', { body: { ...setup, password: 'too short' } });
  assert.equal(short.status, 400, short.raw);
  assert.equal(short.body.error.details[0].field, '/password');
  const badEmail = await send(h, 'POST', '/api/v1/auth/setup', { body: { ...setup, email: 'Root <root@example.test>' } });
  assert.equal(badEmail.status, 400, badEmail.raw);
  const created = await send(h, 'POST', '/api/v1/auth/setup', { body: setup });
  assert.equal(created.status, 200, created.raw);
  assert.equal((await h.api('GET', '/api/v1/audit?limit=1')).body.items[0].action, 'auth.setup');
  assert.equal((await send(h, 'POST', '/api/v1/auth/setup', { body: { ...setup, email: 'other@example.test' } })).status, 409);
});
