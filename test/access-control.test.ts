import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routePermissions } from '../src/api/access-control.js';
import { routePermissions as permissionNames } from '../src/accounts/index.js';
import { decide } from '../src/accounts/index.js';
import { startHarness } from './support/herald-harness.js';
import { asToken, asUser, createAccount, createToken, openApiRoutes, refusedByPolicy, send, signIn } from './support/accounts.js';

// Real: Herald with its database, every route of its generated OpenAPI document, sessions from
// POST /auth/login and tokens from the tokens API.

const password = 'matrix-password-0123';
type Role =
  'anonymous' | 'system_admin' | 'tenant_admin' | 'tenant_viewer' | 'member' | 'tenant_token' | 'system_events_token' | 'env_token';
const roles: Role[] = [
  'anonymous',
  'system_admin',
  'tenant_admin',
  'tenant_viewer',
  'member',
  'tenant_token',
  'system_events_token',
  'env_token',
];
const tenantBound = new Set<Role>(['tenant_admin', 'tenant_viewer', 'member', 'tenant_token']);

// The policy table, written out by hand: who may use a route of each permission (in its own tenant).
const admins: Role[] = ['system_admin', 'tenant_admin', 'env_token'];
const policyTable: Record<string, Role[]> = {
  public: roles,
  authenticated: ['system_admin', 'tenant_admin', 'tenant_viewer', 'member'],
  system: ['system_admin', 'env_token'],
  'settings:read': [...admins, 'tenant_viewer', 'tenant_token'],
  'settings:write': [...admins, 'tenant_token'],
  'settings:test': admins,
  'events:write': [...admins, 'tenant_token', 'system_events_token'],
  'deliveries:read': [...admins, 'tenant_viewer', 'tenant_token'],
  'deliveries:write': admins,
  'users:read': admins,
  'users:write': admins,
  'audit:read': admins,
  self: [...admins, 'member'],
};

test('the policy denies by default: a route without a permission is refused to every caller', () => {
  const root = { kind: 'token', tokenId: 'x', scopeId: 'system', grants: ['system', 'settings:read'] } as const;
  assert.equal(decide(root, undefined, []), 'forbidden');
  assert.equal(decide(undefined, undefined, []), 'forbidden');
  assert.deepEqual(Object.keys(policyTable).sort(), [...permissionNames].sort());
});

test(
  'route × role matrix: every route of the OpenAPI document declares a permission and answers each role as the policy table says',
  { timeout: 240_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
    const emails = {
      system_admin: 'root@example.test',
      tenant_admin: 'admin@acme.test',
      tenant_viewer: 'viewer@acme.test',
      member: 'member@acme.test',
    };
    await createAccount(h, 'system', { email: emails.system_admin, role: 'system_admin', password });
    const ids: Record<string, string> = {};
    for (const role of ['tenant_admin', 'tenant_viewer', 'member'] as const)
      ids[role] = await createAccount(h, 'acme', { email: emails[role], role, password });
    const victims = [await createAccount(h, 'acme', { email: 'victim@acme.test', role: 'member' })];
    const tenantToken = await createToken(h, 'acme', ['events:write', 'settings:read', 'settings:write', 'deliveries:read']);
    const systemToken = await createToken(h, 'system', ['events:write']);
    const spareToken = await createToken(h, 'acme', ['deliveries:read']);

    const signInAll = async (): Promise<
      Record<Role, (method: string, url: string, body?: unknown) => Promise<Awaited<ReturnType<typeof send>>>>
    > => ({
      anonymous: (method, url, body) => send(h, method, url, { body }),
      system_admin: asUser(h, await signIn(h, { email: emails.system_admin, password })),
      tenant_admin: asUser(h, await signIn(h, { email: emails.tenant_admin, password, tenantId: 'acme' })),
      tenant_viewer: asUser(h, await signIn(h, { email: emails.tenant_viewer, password, tenantId: 'acme' })),
      member: asUser(h, await signIn(h, { email: emails.member, password, tenantId: 'acme' })),
      tenant_token: asToken(h, tenantToken.token),
      system_events_token: asToken(h, systemToken.token),
      env_token: (method, url, body) => h.api(method as 'GET', url, body).then((r) => ({ ...r, headers: {} })),
    });
    let callers = await signInAll();

    const table = routePermissions(h.herald.app);
    const routes = openApiRoutes(h);
    assert.ok(routes.length >= 40, `only ${routes.length} routes`);
    // Routes that end what the next requests need run last: logout, then deleting the tenant.
    const last = (route: [string, string]) =>
      route[1] === '/api/v1/tenants/{tenantId}' && route[0] === 'DELETE' ? 2 : route[1] === '/api/v1/auth/logout' ? 1 : 0;
    routes.sort((a, b) => last(a) - last(b));
    let checks = 0;
    for (const [method, path] of routes) {
      const permission = table.get(`${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      assert.ok(permission !== undefined, `${method} ${path} declares no permission`);
      const allowed = new Set(policyTable[permission]);
      // Denied roles first, so a route that changes something is refused before anyone may use it.
      const order = [...roles].sort((a, b) => Number(allowed.has(a)) - Number(allowed.has(b)));
      for (const role of order) {
        const userId: string = method === 'GET' ? ids.member! : victims[0]!;
        const url = path
          .replace('{tenantId}', 'acme')
          .replace('{userId}', userId)
          .replace('{tokenId}', spareToken.id)
          .replace('{id}', 'msg_unknown');
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const response = await callers[role](method, url, body);
        const systemPath = path.startsWith('/api/v1/system/') || path === '/metrics';
        const expected: boolean =
          allowed.has(role) &&
          !(systemPath && tenantBound.has(role)) &&
          !(permission === 'self' && role === 'member' && userId !== ids.member);
        assert.equal(
          !refusedByPolicy(response),
          expected,
          `${role} ${method} ${path} (${permission}): ${response.status} ${response.raw.slice(0, 200)}`,
        );
        assert.ok(response.status < 500, `${role} ${method} ${path}: ${response.status} ${response.raw.slice(0, 200)}`);
        checks += 1;
      }
      if (path === '/api/v1/auth/logout') callers = await signInAll();
    }
    assert.equal(checks, routes.length * roles.length);
  },
);

test('a tenant that inherits the system server sees only that it inherits it', async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: 'relay.internal.example',
    auth: 'password',
    username: 'relay-user',
    password: 'relay-password-1',
    fromAddress: 'ops@example.test',
    applyToAllTenants: true,
  });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  await createAccount(h, 'acme', { email: 'viewer@acme.test', role: 'tenant_viewer', password });
  const viewer = asUser(h, await signIn(h, { email: 'viewer@acme.test', password, tenantId: 'acme' }));
  const effective = await viewer('GET', '/api/v1/tenants/acme/mail-server/effective');
  assert.equal(effective.status, 200);
  assert.equal(effective.body.source, 'system');
  assert.equal(effective.body.settings, null);
  for (const hidden of ['relay.internal.example', 'relay-user', 'passwordSet']) assert.ok(!effective.raw.includes(hidden), effective.raw);
  assert.equal(
    (await h.api('GET', '/api/v1/tenants/acme/mail-server/effective')).body.settings.host,
    'relay.internal.example',
    'the system administrator sees it',
  );
  assert.equal(
    (await viewer('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'x@acme.test' })).status,
    403,
    'a viewer sends no test email',
  );
});
