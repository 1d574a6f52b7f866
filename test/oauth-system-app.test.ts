import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Harness } from './support/herald-harness.js';
import { createToken } from './support/accounts.js';
import { oauthMailServer, startOAuthRig } from './support/oauth-rig.js';
import { everyStoredRow } from './support/test-database.js';
import { signInWithProvider } from './support/oauth-sign-in.js';

// Real: Herald (app, database, delivery worker, SMTP, oauth4webapi), the fake identity provider of
// test/support on 127.0.0.1 (authorize with PKCE, code and refresh grants bound to the client id
// that obtained them) and an smtp-server accepting only AUTH XOAUTH2 with that provider's tokens.
// A tenant's admin acts with the tenant's own API token. Fake: the clock.

const systemSecret = 'sys-Secret-Value-4Rt9';
const secondSecret = 'sys-Second-Value-8Wq2';
const tenantMailbox = 'alerts@acme.test';
const publicUrl = 'https://herald.example.test';

async function setup() {
  const rig = await startOAuthRig({
    clients: { 'sys-app': systemSecret, 'sys-app-2': secondSecret, 'own-app': 'own-Secret-1' },
    env: { HERALD_PUBLIC_URL: publicUrl },
  });
  const { h } = rig;
  assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })).status, 201);
  const { token } = await createToken(h, 'acme', ['settings:read', 'settings:write', 'events:write', 'deliveries:read']);
  const tenant = { authorization: `Bearer ${token}` };
  const responses: string[] = [];
  /** A request as the tenant's admin; every answer is kept for the leak check. */
  const asTenant = async (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => {
    const response = await h.api(method, url, body, tenant);
    responses.push(response.raw);
    return response;
  };
  const saved = await asTenant('PUT', '/api/v1/tenants/acme/mail-server', oauthMailServer(rig.smtp, 'microsoft365', tenantMailbox));
  assert.equal(saved.status, 200, saved.raw);
  return Object.assign(rig, { tenant, asTenant, responses });
}

const systemApp = (h: Harness, extra: Record<string, unknown>) =>
  h.api('PUT', '/api/v1/system/mail-server/oauth', {
    mode: 'microsoft_delegated',
    clientId: 'sys-app',
    clientSecret: systemSecret,
    mailbox: 'herald@contoso.test',
    ...extra,
  });

test("a tenant signs in with the system's shared app: its own tokens, the system's credentials read at token time and never shown; withdrawing holds its mail, sharing again releases it", async () => {
  await using run = await setup();
  const { h, idp, smtp, clock, asTenant, tenant, responses } = run;
  assert.deepEqual((await asTenant('GET', '/api/v1/tenants/acme/mail-server/oauth/system-app')).body, { shared: false, provider: null });
  const shared = await systemApp(h, { shareWithTenants: true });
  assert.equal(shared.status, 200, shared.raw);
  assert.equal(shared.body.sharedWithTenants, true);
  assert.deepEqual((await asTenant('GET', '/api/v1/tenants/acme/mail-server/oauth/system-app')).body, {
    shared: true,
    provider: 'microsoft365',
  });

  const saved = await asTenant('PUT', '/api/v1/tenants/acme/mail-server/oauth', { mode: 'microsoft_delegated', useSystemApp: true });
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.usesSystemApp, true);
  assert.equal(saved.body.clientId, '', "the system's client id is not shown");
  assert.equal(saved.body.clientSecretSet, false);
  const signedIn = await signInWithProvider(h, '/api/v1/tenants/acme', 'microsoft', publicUrl, tenant);
  responses.push(signedIn.raw);
  assert.equal(signedIn.view.connected, true, signedIn.raw);
  assert.equal(signedIn.view.account, tenantMailbox, "the tenant's own sign-in: its own mailbox");
  assert.equal(new URL(signedIn.started.authorizeUrl).searchParams.get('client_id'), 'sys-app');

  const first = await asTenant('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients: ['ops@acme.test'],
    data: {},
  });
  assert.equal(first.status, 202, first.raw);
  await smtp.waitFor(1);
  assert.deepEqual(
    smtp.authentications.map((a) => [a.user, a.ok]),
    [[tenantMailbox, true]],
  );

  // The system replaces its app (sharing kept): the tenant's next refresh uses the new app, whose
  // provider does not know the old app's refresh token, so the tenant reconnects — with the new app.
  assert.equal((await systemApp(h, { clientId: 'sys-app-2', clientSecret: secondSecret })).body.sharedWithTenants, true);
  clock.advance(3601_000);
  const afterChange = await asTenant('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients: ['ops@acme.test'],
    data: {},
  });
  const deliveryOf = async (id: string) =>
    (await asTenant('GET', `/api/v1/deliveries/${id}`)).body as { state: string; heldReason?: string };
  await h.until(async () => (await deliveryOf(afterChange.body.messages[0].id)).state === 'held');
  assert.equal((await asTenant('GET', '/api/v1/tenants/acme/mail-server/oauth')).body.status, 'reconnect_required');
  const again = await signInWithProvider(h, '/api/v1/tenants/acme', 'microsoft', publicUrl, tenant);
  responses.push(again.raw);
  assert.equal(new URL(again.started.authorizeUrl).searchParams.get('client_id'), 'sys-app-2');
  await smtp.waitFor(2);

  // The system stops sharing: the tenant's view says so and its mail is held with the reason.
  assert.equal((await systemApp(h, { clientId: 'sys-app-2', clientSecret: undefined, shareWithTenants: false })).status, 200);
  const withdrawn = await asTenant('GET', '/api/v1/tenants/acme/mail-server/oauth');
  assert.equal(withdrawn.body.connected, false);
  assert.match(withdrawn.body.statusReason, /no longer lets tenants connect with its app/);
  const held = await asTenant('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients: ['ops@acme.test'],
    data: {},
  });
  const heldState = await deliveryOf(held.body.messages[0].id);
  assert.equal(heldState.state, 'held');
  assert.match(heldState.heldReason ?? '', /^oauth_app_withdrawn: .*no longer lets tenants use/);
  assert.equal(smtp.received.length, 2);
  assert.equal((await systemApp(h, { clientId: 'sys-app-2', clientSecret: undefined, shareWithTenants: true })).status, 200);
  await smtp.waitFor(3);
  await h.until(async () => (await deliveryOf(held.body.messages[0].id)).state === 'sent');

  // Walled off: no answer to the tenant holds a secret of the system's app (nor its tokens), and the database has none in plain text.
  const stored = await everyStoredRow(h.env);
  for (const secret of [systemSecret, secondSecret, ...idp.issuedTokens()]) {
    assert.ok(!responses.some((body) => body.includes(secret)), "the system's secret is in no answer to the tenant");
    assert.ok(!stored.includes(secret), 'not in the database in plain text');
    assert.ok(!h.logs.some((line) => line.includes(secret)), 'not in a log line');
  }
  const tenantRow = await h.herald.store.db
    .selectFrom('oauth_connections')
    .selectAll()
    .where('scope_id', '=', 'acme')
    .executeTakeFirstOrThrow();
  assert.equal(tenantRow.client_secret_enc, null, 'the credentials are read from the system, never copied');
  assert.equal(tenantRow.client_id, '');
});

test("useSystemApp is refused with 400 naming the field when the system does not share, on the system itself, with the tenant's own credentials or an app-only mode", async () => {
  await using run = await setup();
  const { h, asTenant } = run;
  const refusal = async (response: { status: number; body: any; raw: string }) => {
    assert.equal(response.status, 400, response.raw);
    assert.equal(response.body.error.code, 'validation_failed');
    return response.body.error.details.map((d: { field: string; rule: string }) => `${d.field} ${d.rule}`);
  };
  const tenantSave = (body: Record<string, unknown>) => asTenant('PUT', '/api/v1/tenants/acme/mail-server/oauth', body);
  assert.deepEqual(await refusal(await tenantSave({ mode: 'microsoft_delegated', useSystemApp: true })), ['/useSystemApp not_shared']);
  await systemApp(h, {});
  assert.deepEqual(
    await refusal(await tenantSave({ mode: 'microsoft_delegated', useSystemApp: true })),
    ['/useSystemApp not_shared'],
    'not shared',
  );
  await systemApp(h, { shareWithTenants: true });
  assert.deepEqual(
    await refusal(await tenantSave({ mode: 'microsoft_delegated', useSystemApp: true, clientId: 'own-app', clientSecret: 'x-1' })),
    ['/clientId unexpected', '/clientSecret unexpected'],
  );
  assert.deepEqual(await refusal(await tenantSave({ mode: 'microsoft_app', directoryId: 'acme.example', useSystemApp: true })), [
    '/useSystemApp sign_in_only',
  ]);
  assert.deepEqual(
    await refusal(
      await tenantSave({ mode: 'microsoft_delegated', clientId: 'own-app', clientSecret: 'own-Secret-1', shareWithTenants: true }),
    ),
    ['/shareWithTenants system_only'],
  );
  assert.deepEqual(await refusal(await systemApp(h, { useSystemApp: true, clientId: undefined, clientSecret: undefined })), [
    '/useSystemApp tenant_only',
  ]);
  // A Google app is not shared for a Microsoft sign-in.
  await h.api('PUT', '/api/v1/system/mail-server/oauth', {
    mode: 'google_signin',
    clientId: 'sys-app',
    clientSecret: systemSecret,
    mailbox: 'herald@contoso.test',
    shareWithTenants: true,
  });
  assert.deepEqual(await refusal(await tenantSave({ mode: 'microsoft_delegated', useSystemApp: true })), ['/useSystemApp not_shared']);
  // The tenant's own app still works as before.
  const own = await tenantSave({ mode: 'microsoft_delegated', clientId: 'own-app', clientSecret: 'own-Secret-1' });
  assert.equal(own.status, 200, own.raw);
  assert.equal(own.body.usesSystemApp, false);
});
