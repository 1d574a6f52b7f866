import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './support/herald-harness.js';
import { asToken, asUser, createAccount, createToken, refusedByPolicy, signIn } from './support/accounts.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald with its database, sessions from POST /auth/login, a token from the tokens API.
// Fake: the clock, moved by hand across the one-minute windows of the denial record.

const password = 'denial audit password 01';

test(
  "audit: refused requests are recorded in the caller's scope, one entry per actor and reason a minute, however many come",
  { timeout: 120_000 },
  async () => {
    const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0, 5));
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' }, { herald: { clock, background: false } });
    for (const id of ['acme', 'beta']) await h.api('POST', '/api/v1/tenants', { id, name: id });
    await createAccount(h, 'acme', { email: 'admin@acme.test', role: 'tenant_admin', password });
    await createAccount(h, 'acme', { email: 'viewer@acme.test', role: 'tenant_viewer', password });
    const admin = await signIn(h, { email: 'admin@acme.test', password, tenantId: 'acme' });
    const viewer = await signIn(h, { email: 'viewer@acme.test', password, tenantId: 'acme' });
    const token = await createToken(h, 'acme', ['deliveries:read']);
    const denials = async () => (await h.api('GET', '/api/v1/audit?action=access.denied')).body.items as any[];

    // A flood of 50 requests the policy refuses (system-only routes), from one tenant administrator.
    for (let i = 0; i < 50; i += 1) {
      const response =
        i % 2 === 0
          ? await asUser(h, admin)('GET', '/api/v1/tenants')
          : await asUser(h, admin)('POST', '/api/v1/tenants', { id: `t${i}`, name: 'Mine' });
      assert.equal(response.status, 403, response.raw);
    }
    let entries = await denials();
    assert.equal(entries.length, 1, JSON.stringify(entries));
    assert.deepEqual(
      [entries[0].actor, entries[0].scope, entries[0].ip, entries[0].target, entries[0].details],
      [
        `user:${admin.user.id}`,
        'acme',
        '127.0.0.1',
        'route:GET /api/v1/tenants',
        { reason: 'forbidden', method: 'GET', route: '/api/v1/tenants', permission: 'system', scopes: [] },
      ],
    );
    // The tenant's administrators see it in their own log.
    assert.equal((await asUser(h, admin)('GET', '/api/v1/audit?action=access.denied')).body.items.length, 1);

    // Reaching into another tenant (a 404 that says nothing about it) is its own reason: one more entry.
    for (let i = 0; i < 50; i += 1) {
      const response = await asUser(h, admin)('PUT', '/api/v1/tenants/beta/recipients', { recipients: ['x@acme.test'] });
      assert.ok(refusedByPolicy(response) && response.status === 404, response.raw);
    }
    entries = await denials();
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0].details, {
      reason: 'not_found',
      method: 'PUT',
      route: '/api/v1/tenants/:tenantId/recipients',
      permission: 'settings:write',
      scopes: ['beta'],
    });
    assert.equal(entries[0].scope, 'acme', "recorded in the caller's scope, not the one it reached for");

    // Other actors get their own entries: a viewer writing, a token reading what it may not.
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await asUser(h, viewer)('PUT', '/api/v1/tenants/acme/recipients', { recipients: [] })).status, 403);
      assert.equal((await asToken(h, token.token)('GET', '/api/v1/tenants/acme/users')).status, 403);
    }
    entries = await denials();
    assert.equal(entries.length, 4);
    assert.deepEqual(
      entries
        .slice(0, 2)
        .map((e) => [e.actor, e.details.permission])
        .sort(),
      [
        [`token:${token.id}`, 'users:read'],
        [`user:${viewer.user.id}`, 'settings:write'],
      ],
    );

    // The next minute, the flood's first denial is recorded again, with how many the minute before had.
    clock.advance(60_000);
    assert.equal((await asUser(h, admin)('GET', '/api/v1/tenants')).status, 403);
    entries = await denials();
    assert.equal(entries.length, 5);
    assert.equal(entries[0].details.deniedPreviousMinute, 50);
    assert.equal(entries[0].at, new Date(clock.now()).toISOString());
  },
);
