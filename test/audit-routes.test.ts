import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './support/herald-harness.js';
import { startFakeIdentityProvider } from './support/fake-identity-provider.js';
import { systemClock } from '../src/shared/clock.js';
import { asUser, openApiRoutes, send, signIn, type Response, type Session } from './support/accounts.js';

// Real: Herald with its database, every non-GET route of its own OpenAPI document, sign-in
// through POST /auth/login, the built-in mailbox as mail server. Entries are counted in the log.

const password = 'route audit password 01';
const idpSecret = 'route-audit-client-secret';
const hourMs = 3_600_000;

/**
 * What the test learns as it goes: ids of what earlier calls created, and the signed-in session.
 * A route names its scope as `{scope}` (system or the tenant acme); ids are kept per scope.
 */
interface Run {
  h: Harness;
  session: Session;
  heldMessage: string;
  ids: Record<string, Record<string, string>>;
}

/** A valid request for one route: its body (from the run and the scope), and who sends it. */
interface ValidRequest {
  body?: (run: Run, scope: 'system' | 'acme') => unknown;
  /** Default: the administrator token. */
  as?: 'anonymous' | 'session';
  /** Waits until the request can succeed (outside the counted window). */
  ready?: (run: Run) => Promise<unknown>;
  /** Keeps what the answer created for later routes. */
  keep?: (run: Run, scope: 'system' | 'acme', response: Response) => void;
}

// Routes that change nothing stored, or write their own record per call, and are not audited per call.
const exempt: Record<string, string> = {
  'POST /api/v1/events': 'data plane: events are their own record; auditing each would halve ingest throughput',
  'POST /api/v1/events/batch': 'data plane, as POST /events',
  'POST /api/v1/integrations/alertmanager': 'data plane, as POST /events',
  'POST {scope}/templates/preview': 'renders a preview and stores nothing',
};

const template = { subject: '{{ event.title }} on {{ data.service }}', html: '<p>{{ event.title }}</p>' };

// One valid body per route. A route missing here (and not exempt) fails the test.
const requests: Record<string, ValidRequest> = {
  'POST /api/v1/auth/setup': {
    as: 'anonymous',
    body: ({ h }) => ({ token: h.herald.setupToken, email: 'root@example.test', name: 'Root', password }),
  },
  'POST /api/v1/auth/login': { as: 'anonymous', body: () => ({ email: 'root@example.test', password }) },
  'POST /api/v1/auth/password': { as: 'session', body: () => ({ currentPassword: password, newPassword: `${password} changed` }) },
  'POST /api/v1/auth/logout': { as: 'session' },
  'POST /api/v1/tenants': { body: () => ({ id: 'beta', name: 'Beta' }) },
  'PATCH /api/v1/tenants/{tenantId}': { body: () => ({ name: 'Acme Corp' }) },
  'DELETE /api/v1/tenants/{tenantId}': {},
  'POST {scope}/users': {
    body: (_, scope) => ({ email: `person@${scope}.test`, name: 'Person' }),
    keep: (run, scope, r) => void (run.ids[scope]!.userId = r.body.id),
  },
  'POST {scope}/users/import': {
    body: () => [
      { email: 'm1@acme.test', name: 'M1' },
      { email: 'm2@acme.test', name: 'M2' },
    ],
  },
  'PATCH {scope}/users/{userId}': { body: () => ({ name: 'Renamed Person' }) },
  'DELETE {scope}/users/{userId}': {},
  'PUT {scope}/users/{userId}/preferences': { body: () => ({ preferences: { 'job.failed': true, 'record.added': true } }) },
  'POST {scope}/tokens': {
    body: () => ({ label: 'ci', permissions: ['events:write'] }),
    keep: (run, scope, r) => void (run.ids[scope]!.tokenId = r.body.apiToken.id),
  },
  'DELETE {scope}/tokens/{tokenId}': {},
  'PUT /api/v1/system/mail-host-policy': { body: () => ({ allowedHosts: ['relay.internal'], allowedPorts: [2587] }) },
  'PUT {scope}/mail-server': {
    body: (_, scope) => ({
      provider: 'builtin',
      fromAddress: `noreply@${scope}.test`,
      ...(scope === 'system' ? { applyToAllTenants: true } : {}),
    }),
  },
  'DELETE {scope}/mail-server': {},
  'POST {scope}/mail-server/test': { body: (_, scope) => ({ to: `ops@${scope}.test` }) },
  'POST {scope}/mail-server/verify': { body: () => ({}) },
  'PUT {scope}/recipients': { body: (_, scope) => ({ recipients: [`ops@${scope}.test`] }) },
  'PATCH {scope}/notifications': { body: () => ({ emailEnabled: false, repeatIntervalMs: hourMs, branding: { footer: 'Sent by ops' } }) },
  'POST {scope}/event-types': { body: (_, scope) => ({ id: `app.deployed-${scope}`, title: 'Deployed' }) },
  'PUT {scope}/event-types/{type}/settings': { body: () => ({ enabled: false, recipients: ['oncall@example.test'] }) },
  'PUT {scope}/templates/{type}': { body: () => template },
  'DELETE {scope}/templates/{type}': {},
  'POST {scope}/templates/preview': { body: () => ({ type: 'service.failed', ...template }) },
  'POST {scope}/silences': {
    body: () => ({ eventType: 'host.cpu', endsAt: Date.now() + hourMs, comment: 'maintenance' }),
    keep: (run, scope, r) => void (run.ids[scope]!.silenceId = r.body.id),
  },
  'DELETE {scope}/silences/{silenceId}': {},
  'POST /api/v1/events': { body: () => ({ type: 'service.failed', tenant: 'acme', recipients: ['ops@acme.test'] }) },
  'POST /api/v1/events/batch': { body: () => ({ events: [{ type: 'service.failed', tenant: 'acme', recipients: ['ops@acme.test'] }] }) },
  'POST /api/v1/integrations/alertmanager': {
    body: () => ({
      version: '4',
      groupKey: 'g',
      status: 'firing',
      receiver: 'herald',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://am.test',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Disk' },
          annotations: {},
          startsAt: new Date().toISOString(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://am.test',
          fingerprint: 'f1',
        },
      ],
    }),
  },
  'PUT {scope}/mail-server/oauth': {
    body: (_, scope) => ({ mode: 'microsoft_delegated', clientId: 'app-1', clientSecret: idpSecret, mailbox: `ops@${scope}.test` }),
  },
  'POST {scope}/mail-server/oauth/start': { keep: (run, _, r) => void (run.ids.system!.authorizeUrl = r.body.authorizeUrl) },
  'POST /api/v1/oauth/callback/{provider}': {
    // The fake provider consents at once; where it sends the browser back carries the state and code.
    ready: async (run) => {
      const back = new URL((await fetch(run.ids.system!.authorizeUrl!, { redirect: 'manual' })).headers.get('location')!);
      run.ids.system!.state = back.searchParams.get('state')!;
      run.ids.system!.code = back.searchParams.get('code')!;
    },
    body: (run) => ({ state: run.ids.system!.state, code: run.ids.system!.code }),
  },
  'DELETE {scope}/mail-server/oauth': {},
  'POST {scope}/queue/retry': { body: () => ({}) },
  'POST {scope}/queue/purge': { body: () => ({ states: ['queued'], reason: 'route audit' }) },
  'POST {scope}/queue/pause': { body: () => ({ reason: 'maintenance' }) },
  'POST {scope}/queue/resume': {},
  'POST /api/v1/deliveries/{id}/retry': {
    ready: ({ h, heldMessage }) => h.until(async () => (await h.api('GET', `/api/v1/deliveries/${heldMessage}`)).body.state === 'held'),
  },
};

/** `PUT /api/v1/tenants/{tenantId}/recipients` → `PUT {scope}/recipients`, with its scope. */
function routeKey(method: string, path: string): { key: string; scope: 'system' | 'acme' } {
  const scoped = /^\/api\/v1\/(system|tenants\/\{tenantId\})(\/.+)$/.exec(path);
  if (!scoped || path === '/api/v1/system/mail-host-policy') return { key: `${method} ${path}`, scope: 'system' };
  return { key: `${method} {scope}${scoped[2]}`, scope: scoped[1] === 'system' ? 'system' : 'acme' };
}

// Setup first (it needs a fresh install); creations before changes and deletions; the session's
// password and logout, then deleting the tenant the other routes use, last.
const rank = (method: string, path: string) => {
  const last = ['/api/v1/auth/password', '/api/v1/auth/logout', '/api/v1/tenants/{tenantId}'];
  if (path === '/api/v1/auth/setup') return 0;
  if (path === '/api/v1/deliveries/{id}/retry') return 1;
  // A sign-in starts once the connection is configured, and the callback follows its start; resume follows pause.
  if (path.endsWith('/mail-server/oauth/start')) return 3.5;
  if (path === '/api/v1/oauth/callback/{provider}') return 3.7;
  if (path.endsWith('/queue/resume')) return 2.5;
  if (last.includes(path) && method !== 'PATCH') return 10 + last.indexOf(path);
  return { POST: 2, PUT: 3, PATCH: 4, DELETE: 5 }[method] ?? 6;
};

test(
  'audit: every state-changing route of the OpenAPI document, called once successfully, adds exactly one entry (the exempt ones none)',
  { timeout: 240_000 },
  async () => {
    await using idp = await startFakeIdentityProvider({ clock: systemClock, clients: { 'app-1': idpSecret } });
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn', HERALD_OAUTH_TEST_ENDPOINTS: idp.origin });
    const count = async () =>
      Number(
        (
          await h.herald.store.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await h.herald.app.ready();
    const routes = openApiRoutes(h).filter(([method]) => method !== 'GET');
    const keys = routes.map(([method, path]) => routeKey(method, path).key);
    const missing = keys.filter((key) => !(key in requests));
    assert.deepEqual(missing, [], 'every state-changing route needs a valid request in the table (or an exemption with its reason)');
    assert.deepEqual(
      Object.keys(exempt).filter((key) => !keys.includes(key)),
      [],
      'every exemption names a route of the document',
    );
    assert.ok(routes.length >= 45, `only ${routes.length} state-changing routes`);

    // Before anything is counted: a tenant the scoped routes use, a mail server for all, and a delivery
    // held because its tenant's own mail server is switched off.
    for (const id of ['acme', 'gamma']) assert.equal((await h.api('POST', '/api/v1/tenants', { id, name: id })).status, 201);
    assert.equal(
      (
        await h.api('PUT', '/api/v1/system/mail-server', {
          provider: 'builtin',
          fromAddress: 'noreply@system.test',
          applyToAllTenants: true,
        })
      ).status,
      200,
    );
    assert.equal(
      (await h.api('PUT', '/api/v1/tenants/gamma/mail-server', { provider: 'builtin', fromAddress: 'noreply@gamma.test', enabled: false }))
        .status,
      200,
    );
    const held = await h.api('POST', '/api/v1/events', { type: 'service.failed', tenant: 'gamma', recipients: ['ops@gamma.test'] });
    const run: Run = { h, session: undefined as unknown as Session, heldMessage: held.body.messages[0].id, ids: { system: {}, acme: {} } };
    routes.sort((a, b) => rank(...a) - rank(...b));

    const audited: string[] = [];
    for (const [method, path] of routes) {
      const { key, scope } = routeKey(method, path);
      const request = requests[key]!;
      await request.ready?.(run);
      if (request.as === 'session') run.session ??= await signIn(h, { email: 'root@example.test', password });
      const ids = run.ids[scope]!;
      const url = path
        .replace('{tenantId}', 'acme')
        .replace('{type}', 'service.failed')
        .replace('{id}', run.heldMessage)
        .replace('{userId}', ids.userId ?? '')
        .replace('{tokenId}', ids.tokenId ?? '')
        .replace('{silenceId}', ids.silenceId ?? '')
        .replace('{provider}', 'microsoft');
      const body = request.body?.(run, scope);
      const call = () =>
        request.as === 'anonymous'
          ? send(h, method, url, { body })
          : request.as === 'session'
            ? asUser(h, run.session)(method, url, body)
            : h.api(method as 'POST', url, body);

      const before = await count();
      const response = await call();
      assert.ok(response.status >= 200 && response.status < 300, `${method} ${url}: ${response.status} ${response.raw.slice(0, 300)}`);
      const added = (await count()) - before;
      assert.equal(added, key in exempt ? 0 : 1, `${method} ${path} added ${added} audit entries`);
      request.keep?.(run, scope, response as Response);
      if (!(key in exempt)) audited.push((await h.api('GET', '/api/v1/audit?limit=1')).body.items[0].action);
    }
    assert.equal(audited.length, routes.filter(([method, path]) => !(routeKey(method, path).key in exempt)).length);
    for (const action of [
      'notifications.save',
      'event_type.register',
      'event_type.settings_save',
      'preferences.save',
      'template.save',
      'template.delete',
      'silence.create',
      'silence.delete',
    ]) {
      assert.equal(audited.filter((a) => a === action).length, 2, `${action} in the system scope and a tenant's`);
    }
  },
);

test('audit: the new entries say what changed, field by field, in the scope changed, and by whom', { timeout: 120_000 }, async () => {
  await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  const memberId = (await h.api('POST', '/api/v1/tenants/acme/users', { email: 'member@acme.test', name: 'Member', password })).body
    .id as string;
  await h.api('POST', '/api/v1/tenants/acme/users', { email: 'admin@acme.test', name: 'Admin', role: 'tenant_admin', password });
  const admin = await signIn(h, { email: 'admin@acme.test', password, tenantId: 'acme' });
  const member = await signIn(h, { email: 'member@acme.test', password, tenantId: 'acme' });
  const latest = async () => (await h.api('GET', '/api/v1/audit?limit=1')).body.items[0];

  // The master switch: a tenant admin turning off all of the tenant's mail is on record.
  assert.equal(
    (await asUser(h, admin)('PATCH', '/api/v1/tenants/acme/notifications', { emailEnabled: false, branding: { footer: 'Acme ops' } }))
      .status,
    200,
  );
  let entry = await latest();
  assert.deepEqual(
    [entry.action, entry.scope, entry.actor, entry.target, entry.ip],
    ['notifications.save', 'acme', `user:${admin.user.id}`, 'scope:acme', '127.0.0.1'],
  );
  assert.deepEqual(entry.details.changes, { emailEnabled: { from: null, to: false }, 'branding.footer': { from: null, to: 'Acme ops' } });
  await h.api('PATCH', '/api/v1/system/notifications', { thresholds: { cpu: 75 }, emailEnabled: null });
  assert.deepEqual((await latest()).details.changes, { 'thresholds.cpu': { from: null, to: 75 } }, 'null over nothing set is no change');

  await h.api('PUT', '/api/v1/tenants/acme/event-types/service.failed/settings', { enabled: false });
  await h.api('PUT', '/api/v1/tenants/acme/event-types/service.failed/settings', { recipients: ['oncall@acme.test'] });
  entry = await latest();
  assert.deepEqual(
    [entry.action, entry.target, entry.details.changes],
    ['event_type.settings_save', 'event_type:service.failed', { recipients: { from: null, to: ['oncall@acme.test'] } }],
  );

  await h.api('POST', '/api/v1/tenants/acme/event-types', { id: 'app.deployed', title: 'Deployed', audience: 'subscribers' });
  entry = await latest();
  assert.deepEqual(
    [entry.action, entry.target, entry.details.title, entry.details.audience],
    ['event_type.register', 'event_type:app.deployed', 'Deployed', 'subscribers'],
  );

  assert.equal(
    (
      await asUser(h, member)('PUT', `/api/v1/tenants/acme/users/${memberId}/preferences`, {
        preferences: { 'job.failed': true, 'user.created': false },
      })
    ).status,
    200,
  );
  entry = await latest();
  assert.deepEqual([entry.action, entry.actor, entry.target], ['preferences.save', `user:${memberId}`, `user:${memberId}`]);
  assert.deepEqual(entry.details.changes, { 'job.failed': { from: false, to: true }, 'user.created': { from: true, to: false } });

  await h.api('PUT', '/api/v1/tenants/acme/templates/service.failed', template);
  await h.api('PUT', '/api/v1/tenants/acme/templates/service.failed', { ...template, html: '<p>Changed</p>' });
  entry = await latest();
  assert.deepEqual(
    [entry.action, entry.target, entry.details],
    ['template.save', 'template:service.failed', { version: 2, changes: { html: 'changed' } }],
  );
  await h.api('DELETE', '/api/v1/tenants/acme/templates/service.failed');
  entry = await latest();
  assert.deepEqual(
    [entry.action, entry.details.version, entry.details.changes.subject],
    ['template.delete', 2, { from: template.subject, to: null }],
  );

  const silence = (
    await h.api('POST', '/api/v1/tenants/acme/silences', {
      eventType: 'host.cpu',
      recurring: { days: [6, 0], from: '02:00', to: '04:00' },
      comment: 'weekend backups',
    })
  ).body;
  entry = await latest();
  assert.deepEqual(
    [entry.action, entry.target, entry.details.comment, entry.details.recurring],
    ['silence.create', `silence:${silence.id}`, 'weekend backups', { days: [6, 0], from: '02:00', to: '04:00' }],
  );
  await h.api('DELETE', `/api/v1/tenants/acme/silences/${silence.id}`);
  entry = await latest();
  assert.deepEqual([entry.action, entry.target, entry.details.comment], ['silence.delete', `silence:${silence.id}`, 'weekend backups']);
});

test(
  'audit: entries come with the readable names of their actors and targets, and can be filtered by a name, an e-mail or a token label',
  { timeout: 120_000 },
  async () => {
    await using h = await startHarness();
    await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme Corp' });
    const root = await h.api('POST', '/api/v1/system/users', {
      email: 'root@example.test',
      name: 'Rita Root',
      role: 'system_admin',
      password,
    });
    await h.api('POST', '/api/v1/tenants/acme/users', { email: 'ann@acme.test', name: 'Ann Admin', role: 'tenant_admin', password });
    const rita = asUser(h, await signIn(h, { email: 'root@example.test', password }));
    assert.equal((await rita('POST', '/api/v1/tenants/acme/users', { email: 'mo@acme.test', name: 'Mo Member' })).status, 201);
    const ann = asUser(h, await signIn(h, { email: 'ann@acme.test', password, tenantId: 'acme' }));
    const token = await ann('POST', '/api/v1/tenants/acme/tokens', { label: 'billing service', permissions: ['events:write'] });
    assert.equal(token.status, 201, token.raw);

    const page = (await h.api('GET', '/api/v1/audit?limit=100')).body;
    const created = page.items.find((entry: any) => entry.action === 'user.create' && entry.details.email === 'mo@acme.test');
    assert.equal(page.names[created.actor], 'Rita Root <root@example.test>');
    assert.equal(page.names[created.target], 'Mo Member <mo@acme.test>');
    assert.equal(page.names[`user:${root.body.id}`], 'Rita Root <root@example.test>');
    assert.equal(page.names['token:env:HERALD_ADMIN_TOKEN'], 'HERALD_ADMIN_TOKEN (environment)');
    assert.equal(page.names['tenant:acme'], 'Acme Corp');
    assert.equal(page.names[`token:${token.body.apiToken.id}`], 'API token "billing service"');

    // By name (any case), by e-mail, by token label; an id still works; nothing found is an empty page.
    const actions = async (actor: string, as = h.api.bind(h) as any) =>
      (await as('GET', `/api/v1/audit?actor=${encodeURIComponent(actor)}&limit=100`)).body.items.map((e: any) => e.action);
    assert.ok((await actions('rita')).includes('user.create'));
    assert.ok((await actions('root@example')).every((action: string) => ['user.create', 'auth.login'].includes(action)));
    assert.deepEqual(await actions(`user:${root.body.id}`), await actions('Rita Root'));
    assert.deepEqual(await actions('nobody by that name'), []);

    // A tenant's administrator sees the system's people unnamed, and finds only their own tenant's.
    const annPage = (await ann('GET', '/api/v1/audit?limit=100')).body;
    const byRita = annPage.items.find((entry: any) => entry.action === 'user.create');
    assert.equal(annPage.names[byRita.actor], 'a system user');
    assert.deepEqual((await ann('GET', '/api/v1/audit?actor=rita')).body.items, []);
    assert.ok((await ann('GET', '/api/v1/audit?actor=ann')).body.items.length > 0);
  },
);
