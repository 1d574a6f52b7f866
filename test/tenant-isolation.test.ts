import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './support/herald-harness.js';
import { asToken, asUser, createAccount, createToken, openApiRoutes, signIn, type Response } from './support/accounts.js';

// Real: Herald with its database and delivery worker (built-in mailbox), every route of its generated OpenAPI
// document, sessions from POST /auth/login and tokens from the tokens API. Nothing is listed by hand but the
// request bodies: a route the document gains without a body here fails the test.

const password = 'isolation-password-0123';
type Call = (method: string, url: string, body?: unknown) => Promise<Response>;

/** Objects a scope owns, made through the API, and the marker text that appears in them. */
interface Owned {
  scope: string;
  marker: string;
  userId: string;
  tokenId: string;
  eventId: string;
  messageId: string;
  mailboxId: string;
  silenceId: string;
  type: string;
}

const base = (scope: string) => (scope === 'system' ? '/api/v1/system' : `/api/v1/tenants/${scope}`);

async function populate(h: Harness, scope: string): Promise<Owned> {
  const marker = `${scope}-marker-${Math.random().toString(36).slice(2, 8)}`;
  const ok = (response: { status: number; raw: string }, what: string) =>
    assert.ok(response.status < 300, `${what}: ${response.status} ${response.raw}`);
  ok(
    await h.api('PUT', `${base(scope)}/mail-server`, {
      provider: 'builtin',
      fromAddress: `${marker}@from.test`,
      fromName: marker,
      ...(scope === 'system' ? { applyToAllTenants: false } : {}),
    }),
    'mail server',
  );
  ok(await h.api('PUT', `${base(scope)}/recipients`, { recipients: [`${marker}@recipients.test`] }), 'recipients');
  const userId = await createAccount(h, scope, {
    email: `${marker}@users.test`,
    name: marker,
    role: scope === 'system' ? 'system_admin' : 'member',
    password,
  });
  const token = await h.api('POST', `${base(scope)}/tokens`, { label: marker, permissions: ['events:write'] });
  ok(token, 'token');
  // A tenant's own event type; the system's would be seen by every tenant on purpose.
  const type = `${scope.replace(/[^a-z]/g, '')}.private-type`;
  if (scope !== 'system')
    ok(await h.api('POST', `${base(scope)}/event-types`, { id: type, title: marker, sampleData: { secret: marker } }), 'event type');
  if (scope !== 'system')
    ok(
      await h.api('PUT', `${base(scope)}/templates/license.limit`, { subject: `${marker} {{ data.used }}`, html: `<p>${marker}</p>` }),
      'template',
    );
  const silence = await h.api('POST', `${base(scope)}/silences`, {
    eventType: 'host.disk',
    comment: marker,
    endsAt: Date.now() + 3_600_000,
  });
  ok(silence, 'silence');
  const event = await h.api('POST', '/api/v1/events', {
    type: 'license.limit',
    ...(scope === 'system' ? {} : { tenant: scope }),
    dedupKey: marker,
    data: { used: marker },
    labels: { secret: marker },
  });
  ok(event, 'event');
  const messageId = event.body.messages[0].id as string;
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${messageId}`)).body.state === 'sent');
  const mailboxId = (await h.api('GET', `/api/v1/mailbox?scope=${scope}`)).body.items[0].id as string;
  ok(
    await h.api('PUT', `${base(scope)}/mail-server/oauth`, {
      mode: 'microsoft_delegated',
      clientId: 'app-1',
      clientSecret: `secret-${marker}`,
      mailbox: `${marker}@contoso.test`,
    }),
    'OAuth2 connection',
  );
  return {
    scope,
    marker,
    userId,
    tokenId: token.body.apiToken.id,
    eventId: event.body.eventId,
    messageId,
    mailboxId,
    silenceId: silence.body.id,
    type: scope === 'system' ? 'license.limit' : type,
  };
}

/** A valid body for each route that takes one (the scope a body may name is filled in per request). */
let made = 0;
function bodyFor(method: string, path: string, scope: string): unknown {
  // What a body creates is named anew each time, so the owner's own request never meets an earlier one.
  const n = (made += 1);
  const tenant = scope === 'system' ? {} : { tenant: scope };
  const oauthBody = { mode: 'microsoft_delegated', clientId: 'app-2', clientSecret: `secret-${n}-value`, mailbox: 'other@contoso.test' };
  const bodies: Record<string, unknown> = {
    'POST /api/v1/tenants': { id: `intruder${n}`, name: 'Intruder' },
    'PATCH /api/v1/tenants/{tenantId}': { name: 'Renamed' },
    'POST /api/v1/system/users': { email: `new${n}@users.test`, name: 'New', role: 'system_admin' },
    'POST /api/v1/tenants/{tenantId}/users': { email: `new${n}@users.test`, name: 'New', role: 'member' },
    'POST /api/v1/tenants/{tenantId}/users/import': [{ email: `imported${n}@users.test`, name: 'Imported' }],
    'PATCH /api/v1/system/users/{userId}': { name: 'Renamed' },
    'PATCH /api/v1/tenants/{tenantId}/users/{userId}': { name: 'Renamed' },
    'POST /api/v1/system/tokens': { label: 'new', permissions: ['events:write'] },
    'POST /api/v1/tenants/{tenantId}/tokens': { label: 'new', permissions: ['events:write'] },
    'PUT /api/v1/system/mail-host-policy': { allowedHosts: ['relay.example.test'], allowedPorts: [] },
    'PUT /api/v1/system/mail-server': { provider: 'builtin' },
    'PUT /api/v1/tenants/{tenantId}/mail-server': { provider: 'builtin' },
    'POST /api/v1/system/mail-server/test': { to: 'someone@example.test' },
    'POST /api/v1/tenants/{tenantId}/mail-server/test': { to: 'someone@example.test' },
    'POST /api/v1/system/mail-server/verify': {},
    'POST /api/v1/tenants/{tenantId}/mail-server/verify': {},
    'PUT /api/v1/system/mail-server/oauth': oauthBody,
    'PUT /api/v1/tenants/{tenantId}/mail-server/oauth': oauthBody,
    'POST /api/v1/system/mail-server/oauth/start': undefined,
    'POST /api/v1/tenants/{tenantId}/mail-server/oauth/start': undefined,
    'POST /api/v1/oauth/callback/{provider}': { state: 'a-state-nobody-was-given', code: 'a-code' },
    'PUT /api/v1/system/recipients': { recipients: ['ops@example.test'] },
    'PUT /api/v1/tenants/{tenantId}/recipients': { recipients: ['ops@example.test'] },
    'PATCH /api/v1/system/notifications': { emailEnabled: false },
    'PATCH /api/v1/tenants/{tenantId}/notifications': { emailEnabled: false },
    'POST /api/v1/system/event-types': { id: `intruder.type${n}`, title: 'Intruder' },
    'POST /api/v1/tenants/{tenantId}/event-types': { id: `intruder.type${n}`, title: 'Intruder' },
    'PUT /api/v1/system/event-types/{type}/settings': { enabled: false },
    'PUT /api/v1/tenants/{tenantId}/event-types/{type}/settings': { enabled: false },
    'PUT /api/v1/system/users/{userId}/preferences': { preferences: { 'record.added': true } },
    'PUT /api/v1/tenants/{tenantId}/users/{userId}/preferences': { preferences: { 'record.added': true } },
    'PUT /api/v1/system/templates/{type}': { subject: 'Changed', html: '<p>Changed</p>' },
    'PUT /api/v1/tenants/{tenantId}/templates/{type}': { subject: 'Changed', html: '<p>Changed</p>' },
    'POST /api/v1/system/templates/preview': { type: 'license.limit' },
    'POST /api/v1/tenants/{tenantId}/templates/preview': { type: 'license.limit' },
    'POST /api/v1/system/silences': { eventType: 'host.cpu', endsAt: Date.now() + 3_600_000 },
    'POST /api/v1/tenants/{tenantId}/silences': { eventType: 'host.cpu', endsAt: Date.now() + 3_600_000 },
    'POST /api/v1/events': { type: 'x.y', ...tenant },
    'POST /api/v1/events/batch': { events: [{ type: 'x.y', ...tenant }] },
    'POST /api/v1/integrations/alertmanager': {
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
          labels: { alertname: 'A' },
          annotations: {},
          startsAt: '2026-01-01T00:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://x.test',
          fingerprint: 'f1',
        },
      ],
    },
    'POST /api/v1/deliveries/{id}/retry': undefined,
    // A purge that matches nothing: proven valid by the owner without cancelling its mail.
    ...Object.fromEntries(
      ['/api/v1/system', '/api/v1/tenants/{tenantId}'].flatMap((scope) => [
        [`POST ${scope}/queue/retry`, {}],
        [`POST ${scope}/queue/purge`, { reason: 'isolation sweep', recipient: 'nobody@nowhere.test' }],
        [`POST ${scope}/queue/pause`, { reason: 'isolation sweep' }],
        [`POST ${scope}/queue/resume`, undefined],
      ]),
    ),
  };
  const key = `${method} ${path}`;
  if (method === 'GET' || method === 'DELETE') return undefined;
  assert.ok(key in bodies, `no request body for ${key}: add one to the isolation sweep`);
  return bodies[key];
}

/** The query that points a route without path parameters at a scope, if it takes one. */
function scopeQuery(method: string, path: string, scope: string): string {
  if (path === '/api/v1/integrations/alertmanager') return scope === 'system' ? '' : `?tenantId=${scope}`;
  if (method === 'GET' && ['/api/v1/deliveries', '/api/v1/deliveries/failures', '/api/v1/mailbox', '/api/v1/audit'].includes(path))
    return `?scope=${scope}`;
  return '';
}

interface Attempt {
  method: string;
  url: string;
  body: unknown;
  /** The same request is valid: the owner (the system administrator token) gets a 2xx for it. */
  ownerMaySucceed: boolean;
}

/**
 * Every way a route can name another scope's objects: the other tenant in the path, the system's path, each of the
 * other scope's ids in the caller's own tenant path, and the scope in the query or body of routes without a path scope.
 */
function attemptsFor(method: string, path: string, victims: Owned[]): Attempt[] {
  const attempts: Attempt[] = [];
  const idsOf = (victim: Owned): Record<string, string[]> => ({
    userId: [victim.userId],
    tokenId: [victim.tokenId],
    eventId: [victim.eventId],
    silenceId: [victim.silenceId],
    type: [victim.type],
    id: [path.startsWith('/api/v1/mailbox') ? victim.mailboxId : victim.messageId],
    provider: ['microsoft'],
  });
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p !== 'tenantId');
  for (const victim of victims) {
    const ids = idsOf(victim);
    const combos: Array<Record<string, string>> =
      params.length === 0 ? [{}] : (ids[params[0]!] ?? []).map((value) => ({ [params[0]!]: value }));
    assert.ok(params.length <= 1, `${path}: the sweep expects at most one object id per path`);
    assert.ok(combos.length > 0, `${path}: no ${params[0]} of ${victim.scope} to try`);
    const fill = (tenantId: string, values: Record<string, string>) =>
      path.replace('{tenantId}', tenantId).replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
    for (const values of combos) {
      const body = bodyFor(method, path, victim.scope);
      const isSystemPath = path.startsWith('/api/v1/system/') || path === '/metrics';
      if (path.includes('{tenantId}')) {
        if (victim.scope !== 'system') attempts.push({ method, url: fill(victim.scope, values), body, ownerMaySucceed: true });
        // The caller's own tenant in the path, the other scope's object id after it. An event type is a name in the
        // caller's own catalogue (any tenant may send events of any type), not an object of another scope.
        if (params.length > 0 && params[0] !== 'type') attempts.push({ method, url: fill('acme', values), body, ownerMaySucceed: false });
      } else if (isSystemPath) {
        if (victim.scope === 'system') attempts.push({ method, url: fill('', values), body, ownerMaySucceed: true });
      } else if (params.length > 0) {
        // A sign-in callback needs a state its caller was given: no body the sweep can write succeeds.
        attempts.push({ method, url: fill('', values), body, ownerMaySucceed: params[0] !== 'provider' });
      } else {
        const query = scopeQuery(method, path, victim.scope);
        const namesScope = query !== '' || (body !== undefined && JSON.stringify(body).includes(`"tenant":"${victim.scope}"`));
        if (namesScope) attempts.push({ method, url: path + query, body, ownerMaySucceed: true });
      }
    }
  }
  return attempts;
}

test(
  'tenant isolation: every route of the OpenAPI document, with every id of another tenant and of the system, as every caller of tenant A: 0 successes, none of their data in any body',
  { timeout: 300_000 },
  async () => {
    await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' });
    for (const id of ['acme', 'beta']) await h.api('POST', '/api/v1/tenants', { id, name: id });
    const victims = [await populate(h, 'beta'), await populate(h, 'system')];

    // Tenant A's callers: every role, a token with every grant a token may hold, and an events-only token.
    await h.api('PUT', '/api/v1/tenants/acme/mail-server', { provider: 'builtin' });
    for (const role of ['tenant_admin', 'tenant_viewer', 'member'])
      await createAccount(h, 'acme', { email: `${role}@acme.test`, role, password });
    const fullToken = await createToken(h, 'acme', ['events:write', 'settings:read', 'settings:write', 'deliveries:read']);
    const eventsToken = await createToken(h, 'acme', ['events:write']);
    const callers: Record<string, Call> = {
      tenant_admin: asUser(h, await signIn(h, { email: 'tenant_admin@acme.test', password, tenantId: 'acme' })),
      tenant_viewer: asUser(h, await signIn(h, { email: 'tenant_viewer@acme.test', password, tenantId: 'acme' })),
      member: asUser(h, await signIn(h, { email: 'member@acme.test', password, tenantId: 'acme' })),
      full_token: asToken(h, fullToken.token),
      events_token: asToken(h, eventsToken.token),
    };
    const owner: Call = (method, url, body) => h.api(method as 'GET', url, body).then((r) => ({ ...r, headers: {} }));

    const routes = openApiRoutes(h).filter(([, path]) => !path.startsWith('/api/v1/auth/'));
    // What destroys the victims' objects runs last, so every other route meets them all.
    const order = (method: string, path: string) =>
      path === '/api/v1/tenants/{tenantId}' && method === 'DELETE' ? 2 : method === 'DELETE' ? 1 : 0;
    routes.sort((a, b) => order(...a) - order(...b));

    const successes: string[] = [];
    const leaks: string[] = [];
    let attempts = 0;
    let proven = 0;
    for (const [method, path] of routes) {
      for (const attempt of attemptsFor(method, path, victims)) {
        for (const [name, call] of Object.entries(callers)) {
          const response = await call(attempt.method, attempt.url, attempt.body);
          attempts += 1;
          assert.ok(response.status < 500, `${name} ${attempt.method} ${attempt.url}: ${response.status} ${response.raw.slice(0, 200)}`);
          // Only the policy's refusal or "not found" says nothing about the other scope; anything else got past them.
          if (![401, 403, 404].includes(response.status))
            successes.push(`${name} ${attempt.method} ${attempt.url}: ${response.status} ${response.raw.slice(0, 160)}`);
          for (const victim of victims)
            if (response.raw.includes(victim.marker)) leaks.push(`${name} ${attempt.method} ${attempt.url} shows ${victim.scope}'s data`);
        }
        // The request itself is valid: its owner may make it, so the refusals above are the policy, not a bad body.
        if (attempt.ownerMaySucceed && attempt.method !== 'DELETE') {
          const response = await owner(attempt.method, attempt.url, attempt.body);
          const resolved = response.status < 300 || (attempt.url.endsWith('/retry') && response.body?.error?.code === 'not_retryable');
          assert.ok(
            resolved,
            `the owner's own ${attempt.method} ${attempt.url} should succeed: ${response.status} ${response.raw.slice(0, 300)}`,
          );
          proven += 1;
        }
      }
    }
    assert.deepEqual(successes, [], 'tenant A reached another scope');
    assert.deepEqual(leaks, [], "tenant A saw another scope's data");
    assert.ok(attempts >= 450, `only ${attempts} attempts`);
    console.log(`isolation sweep: ${attempts} attempts, ${proven} of them proven valid by their owner`);
    assert.ok(proven > 60, `only ${proven} requests proven valid`);

    // Lists without a scope hold the caller's own tenant only.
    for (const call of Object.values(callers)) {
      for (const url of [
        '/api/v1/deliveries',
        '/api/v1/deliveries/failures',
        '/api/v1/mailbox',
        '/api/v1/audit',
        '/api/v1/overview',
        '/api/v1/tenants/acme/users',
        '/api/v1/tenants/acme/tokens',
        '/api/v1/tenants/acme/alerts',
        '/api/v1/tenants/acme/silences',
        '/api/v1/tenants/acme/event-types',
      ]) {
        const response = await call('GET', url);
        for (const victim of victims) assert.ok(!response.raw.includes(victim.marker), `GET ${url} shows ${victim.scope}'s data`);
      }
    }
    // The victims' data is all still there.
    for (const victim of victims) assert.equal((await h.api('GET', `/api/v1/events/${victim.eventId}`)).body.data.used, victim.marker);
  },
);
