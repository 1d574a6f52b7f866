import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startFakeIdentityProvider } from './support/fake-identity-provider.js';
import { manualClock } from './support/test-clock.js';
import { startHarness, type Harness } from './support/herald-harness.js';
import { postEvent, startOAuthRig } from './support/oauth-rig.js';
import { everyStoredRow } from './support/test-database.js';
import { answerConsentPage, consent, oauthMailbox, oauthServer, signInWithProvider } from './support/oauth-sign-in.js';
import { createTokenService } from '../src/oauth/index.js';
import { createSecretBox } from '../src/secrets/secret-box.js';
import { loadKeyring } from '../src/secrets/keyring.js';

// Real: Herald (app, database, delivery worker, SMTP thread, nodemailer pools, oauth4webapi and
// jose), a fake identity provider written for these tests (HTTP on 127.0.0.1: authorize, token
// with every grant, PKCE and RS256 checks, rotation, revocation, 503s) and an smtp-server that
// accepts only AUTH XOAUTH2 with a token the provider issued and that has not expired. Fake: the
// clock (moved by hand; token lifetimes and backoff follow it).

const mailbox = oauthMailbox;
const clientSecret = 'app-Secret-Value-8Qz1';
const publicUrl = 'https://herald.example.test';

const setup = (options: { lifetimeSeconds?: number; consentPage?: boolean } = {}) =>
  startOAuthRig({ clients: { 'app-1': clientSecret }, ...options, env: { HERALD_PUBLIC_URL: publicUrl } });

const stateOf = async (h: Harness, id: string) =>
  (await h.api('GET', `/api/v1/deliveries/${id}`)).body as { state: string; heldReason?: string };

const signIn = async (h: Harness, scopePath: string, provider: 'microsoft' | 'google') =>
  (await signInWithProvider(h, scopePath, provider, publicUrl)).view;

test('every mode sends end to end over SMTP XOAUTH2: Microsoft app-only and delegated, Google sign-in and service account', async () => {
  const modes = ['microsoft_app', 'microsoft_delegated', 'google_signin', 'google_service_account'] as const;
  for (const mode of modes) {
    await using run = await setup();
    const { h, idp, smtp } = run;
    const provider = mode.startsWith('microsoft') ? 'microsoft365' : 'gmail';
    assert.equal((await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, provider))).status, 200);
    const held = await postEvent(h);
    assert.equal((await stateOf(h, held)).state, 'held', 'not authorised yet: held, not failed');
    const body: Record<string, unknown> = { mode };
    if (mode === 'microsoft_app') Object.assign(body, { directoryId: 'contoso.example', clientId: 'app-1', clientSecret });
    if (mode === 'microsoft_delegated' || mode === 'google_signin') Object.assign(body, { clientId: 'app-1', clientSecret });
    if (mode === 'google_service_account') body.serviceAccountKey = (await idp.addServiceAccount('herald@project.iam.example')).keyJson;
    const saved = await h.api('PUT', '/api/v1/system/mail-server/oauth', body);
    assert.equal(saved.status, 200, saved.raw);
    let view = saved.body;
    if (mode === 'microsoft_delegated' || mode === 'google_signin') {
      assert.equal(view.connected, false);
      assert.equal(view.redirectUri, `${publicUrl}/oauth/callback/${mode === 'google_signin' ? 'google' : 'microsoft'}`);
      view = await signIn(h, '/api/v1/system', mode === 'google_signin' ? 'google' : 'microsoft');
    } else assert.equal(view.redirectUri, null);
    assert.equal(view.connected, true, JSON.stringify(view));
    assert.equal(view.account ?? mailbox, mailbox);
    assert.ok(view.grantedScopes.length > 0);
    assert.ok(!JSON.stringify(view).includes(clientSecret));
    await smtp.waitFor(1);
    const second = await postEvent(h);
    await smtp.waitFor(2);
    await h.until(async () => (await stateOf(h, second)).state === 'sent' && (await stateOf(h, held)).state === 'sent');
    assert.deepEqual(
      smtp.authentications.map((a) => [a.user, a.ok]),
      smtp.authentications.map(() => [mailbox, true]),
      `${mode}: every AUTH XOAUTH2 was accepted`,
    );
    assert.equal(smtp.received[0]!.from, mailbox);
    const grants = new Set(idp.requests.map((r) => r.grant));
    const expected = {
      microsoft_app: 'client_credentials',
      microsoft_delegated: 'authorization_code',
      google_signin: 'authorization_code',
      google_service_account: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    }[mode];
    assert.ok(grants.has(expected), `${mode} used ${[...grants].join(', ')}`);
  }
});

test('Cancel on the consent page: the callback is refused in words ("Sign-in was cancelled at Microsoft/Google"), nothing is connected; Accept then connects', async () => {
  for (const [provider, server, mode] of [
    ['microsoft', 'microsoft365', 'microsoft_delegated'],
    ['google', 'gmail', 'google_signin'],
  ] as const) {
    await using run = await setup({ consentPage: true });
    const { h, idp } = run;
    assert.equal((await h.api('PUT', '/api/v1/system/mail-server', oauthServer(run.smtp, server))).status, 200);
    assert.equal((await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode, clientId: 'app-1', clientSecret })).status, 200);

    const cancelled = await h.api('POST', '/api/v1/system/mail-server/oauth/start');
    const page = await answerConsentPage(cancelled.body.authorizeUrl, 'cancel');
    assert.match(page.html, /app-1/);
    assert.match(page.html, new RegExp(mailbox.replace('.', '\\.')));
    assert.match(page.html, provider === 'microsoft' ? /SMTP\.Send/ : /mail\.google\.com/);
    const back = Object.fromEntries(page.back.searchParams);
    assert.equal(back.error, 'access_denied');
    assert.equal(back.code, undefined);
    const refused = await h.api('POST', `/api/v1/oauth/callback/${provider}`, back);
    assert.equal(refused.status, 422, refused.raw);
    assert.equal(refused.body.error.code, 'oauth_sign_in_failed');
    assert.equal(
      refused.body.error.message,
      provider === 'microsoft'
        ? 'Sign-in was cancelled at Microsoft: AADSTS65004: the user declined to consent to the app (Cancel on the consent page).'
        : 'Sign-in was cancelled at Google: the user or an administrator declined consent.',
    );
    assert.equal((await h.api('GET', '/api/v1/system/mail-server/oauth')).body.connected, false);
    assert.equal(idp.requests.length, 0, 'no code, no token request');

    const accepted = await h.api('POST', '/api/v1/system/mail-server/oauth/start');
    const { back: withCode } = await answerConsentPage(accepted.body.authorizeUrl, 'accept');
    const done = await h.api('POST', `/api/v1/oauth/callback/${provider}`, Object.fromEntries(withCode.searchParams));
    assert.equal(done.status, 200, done.raw);
    assert.equal(done.body.connected, true);
  }
});

test('tokens expiring every 60 s over a 10-minute accelerated run: 0 auth failures, token requests ≤ ceil(run/lifetime)+1, the rotated refresh token is the one stored', async () => {
  await using run = await setup({ lifetimeSeconds: 60 });
  const { h, idp, smtp, clock } = run;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
  await signIn(h, '/api/v1/system', 'microsoft');
  const runMs = 10 * 60_000;
  const stepMs = 10_000;
  const ids: string[] = [];
  for (let elapsed = 0; elapsed < runMs; elapsed += stepMs) {
    ids.push(await postEvent(h));
    await smtp.waitFor(ids.length);
    clock.advance(stepMs);
  }
  assert.equal(smtp.received.length, ids.length);
  assert.equal(smtp.authentications.filter((a) => !a.ok).length, 0, 'no AUTH XOAUTH2 was refused');
  const tokenRequests = idp.requests.length;
  assert.ok(tokenRequests <= Math.ceil(runMs / 60_000) + 1, `${tokenRequests} token requests`);
  assert.ok(tokenRequests >= Math.floor(runMs / 60_000), 'tokens were refreshed as they expired');
  assert.equal(idp.spentReused(), 0, 'a rotated (old) refresh token was never used again');
  // The stored refresh token opens to the one the provider considers live.
  const live = idp.liveRefreshTokens();
  assert.equal(live.length, 1);
  const stored = await h.herald.store.db
    .selectFrom('oauth_connections')
    .select(['refresh_token_enc', 'token_requests'])
    .executeTakeFirstOrThrow();
  assert.ok(!stored.refresh_token_enc!.includes(live[0]!));
  // The next refresh presents the stored token: the provider accepts it only if it is the live one.
  clock.advance(60_000);
  await postEvent(h);
  await smtp.waitFor(ids.length + 1);
  assert.equal(idp.spentReused(), 0);
  assert.equal(idp.requests.at(-1)!.status, 200);
});

test('the token endpoint failing 30% of the time (503): every message delivered, refreshes back off', async () => {
  await using run = await setup({ lifetimeSeconds: 60 });
  const { h, idp, smtp, clock } = run;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', {
    mode: 'microsoft_app',
    directoryId: 'contoso.example',
    clientId: 'app-1',
    clientSecret,
  });
  idp.failTokenRequests(0.3);
  // The clock moves only while nothing is in flight: a token is never outlived by the send it was taken for.
  const idle = () => h.until(async () => h.herald.worker.stats().inFlight === 0);
  const ids: string[] = [];
  for (let step = 0; step < 24; step += 1) {
    const id = await postEvent(h);
    ids.push(id);
    await h.until(async () => ['sent', 'deferred'].includes((await stateOf(h, id)).state));
    await idle();
    clock.advance(15_000);
  }
  // Deferred sends become due as the clock moves on; keep moving it until everything is delivered.
  for (let round = 0; round < 200; round += 1) {
    const states = await Promise.all(ids.map((id) => stateOf(h, id)));
    assert.ok(
      states.every((s) => s.state !== 'failed' && s.state !== 'held'),
      JSON.stringify(states),
    );
    if (states.every((s) => s.state === 'sent')) break;
    clock.advance(5_000);
    h.herald.worker.wake();
    await idle();
  }
  assert.equal(new Set(smtp.received.map((m) => m.messageId)).size, ids.length, '100% delivered');
  assert.ok(
    idp.requests.some((r) => r.status === 503),
    'the provider did fail',
  );
  // Each failed token request is counted on /metrics, labelled by scope and provider.
  const failed = idp.requests.filter((r) => r.status === 503).length;
  const metrics = (await h.api('GET', '/metrics')).raw;
  const counted = /^herald_oauth_token_refresh_failures_total\{[^}]*scope="system"[^}]*\} (\d+)/m.exec(metrics);
  assert.equal(Number(counted?.[1]), failed, 'refresh failures on /metrics');
  // Backoff: after a 503 the next token request waits at least a second (by the clock).
  idp.requests.forEach((request, i) => {
    const next = idp.requests[i + 1];
    if (request.status === 503 && next)
      assert.ok(next.at - request.at >= 1000, `request ${i + 1} came ${next.at - request.at} ms after a 503`);
  });
  assert.equal(smtp.authentications.filter((a) => !a.ok).length, 0);
});

test("a revoked refresh token: the tenant's mail is held as oauth_reconnect_required, one alert reaches the system admins, reconnecting releases it", async () => {
  await using run = await setup({ lifetimeSeconds: 60 });
  const { h, idp, smtp, clock } = run;
  await using system = await startSmtpTestServer();
  await h.api('PUT', '/api/v1/system/mail-server', {
    provider: 'smtp',
    host: system.host,
    port: system.port,
    security: 'none',
    fromAddress: 'herald@example.test',
  });
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['sysadmin@example.test'] });
  await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
  assert.equal(
    (await h.api('PUT', '/api/v1/tenants/acme/mail-server', oauthServer(smtp, 'microsoft365', { applyToAllTenants: undefined }))).status,
    200,
  );
  await h.api('PUT', '/api/v1/tenants/acme/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
  await signIn(h, '/api/v1/tenants/acme', 'microsoft');
  await postEvent(h, 'acme');
  await smtp.waitFor(1);

  idp.revokeAll();
  clock.advance(61_000);
  const before = idp.requests.length;
  const first = await postEvent(h, 'acme');
  const held = await h.until(async () => {
    const s = await stateOf(h, first);
    return s.state === 'held' ? s : undefined;
  });
  assert.match(JSON.stringify(held), /oauth_reconnect_required/);
  assert.equal(idp.requests.length - before, 1, 'one token request, then no more');
  const second = await postEvent(h, 'acme');
  assert.equal((await stateOf(h, second)).state, 'held', 'held at once by the next event');
  assert.equal(idp.requests.length - before, 1);
  const view = await h.api('GET', '/api/v1/tenants/acme/mail-server/oauth');
  assert.equal(view.body.status, 'reconnect_required');
  assert.match(view.body.statusReason, /AADSTS70008/);

  const alerts = await h.herald.monitor.tick();
  assert.equal(alerts.filter((e: { type: string }) => e.type === 'mail.delivery_failing').length, 1);
  assert.deepEqual(await h.herald.monitor.tick(), [], 'one alert, not one per check');
  await system.waitFor(1);
  assert.deepEqual(system.received[0]!.to, ['sysadmin@example.test']);
  assert.equal(smtp.received.length, 1, 'nothing lost, nothing sent');

  idp.restore();
  await signIn(h, '/api/v1/tenants/acme', 'microsoft');
  await smtp.waitFor(3);
  await h.until(async () => (await stateOf(h, first)).state === 'sent' && (await stateOf(h, second)).state === 'sent');
});

test('the callback refuses an other-provider, foreign-session, reused or expired state and a wrong PKCE verifier; nothing secret is stored, logged or answered in plain text', async () => {
  await using run = await setup();
  const { h, idp, smtp, clock } = run;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
  const responses: string[] = [];
  const post = async (provider: string, body: unknown, headers?: Record<string, string>) => {
    const response = await h.api('POST', `/api/v1/oauth/callback/${provider}`, body, headers);
    responses.push(response.raw);
    return response;
  };

  const flow = await consent(h, '/api/v1/system');
  responses.push(JSON.stringify(flow.started));
  // The browser's landing page only hands the parameters to the console.
  const landing = await h.herald.app.inject({ method: 'GET', url: `/oauth/callback/microsoft${flow.back.search}` });
  assert.equal(landing.statusCode, 303);
  assert.match(String(landing.headers.location), /^\/oauth-return\?/);

  const other = await post('google', { state: flow.state, code: flow.code });
  assert.equal(other.status, 400);
  assert.equal(other.body.error.code, 'oauth_state_invalid');
  const token = await h.api('POST', '/api/v1/system/tokens', { label: 'another admin', permissions: ['settings:read', 'settings:write'] });
  assert.equal(token.status, 201, token.raw);
  const foreign = await post('microsoft', { state: flow.state, code: flow.code }, { authorization: `Bearer ${token.body.token}` });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.body.error.code, 'oauth_state_invalid');
  const ok = await post('microsoft', { state: flow.state, code: flow.code });
  assert.equal(ok.status, 200, ok.raw);
  assert.equal(ok.body.connected, true);
  const reused = await post('microsoft', { state: flow.state, code: flow.code });
  assert.equal(reused.status, 404);
  assert.equal(reused.body.error.code, 'not_found');

  // Code of one sign-in with the state (so the verifier) of another: the provider refuses it.
  const a = await consent(h, '/api/v1/system');
  const b = await consent(h, '/api/v1/system');
  const mismatched = await post('microsoft', { state: b.state, code: a.code });
  assert.equal(mismatched.status, 422, mismatched.raw);
  assert.equal(mismatched.body.error.code, 'oauth_sign_in_failed');

  const late = await consent(h, '/api/v1/system');
  clock.advance(11 * 60_000);
  const expired = await post('microsoft', { state: late.state, code: late.code });
  assert.equal(expired.status, 400);

  const view = await h.api('GET', '/api/v1/system/mail-server/oauth');
  responses.push(view.raw);
  // "Send test email" and "verify" authenticate with XOAUTH2 like delivery; the token is in no transcript.
  const tested = await h.api('POST', '/api/v1/system/mail-server/test', { to: 'ops@example.test' });
  responses.push(tested.raw);
  assert.equal(tested.body.ok, true, tested.raw);
  assert.ok(
    tested.body.steps.some((step: { step: string; status: string }) => step.step === 'auth' && step.status === 'ok'),
    tested.raw,
  );
  await smtp.waitFor(1);
  assert.equal(view.body.clientSecretSet, true);
  await postEvent(h);
  await smtp.waitFor(2);

  const secrets = [clientSecret, ...idp.issuedTokens(), flow.code, a.code, b.code, flow.state];
  const stored = await everyStoredRow(h.env);
  const audit = JSON.stringify(await h.herald.store.db.selectFrom('audit_log').selectAll().execute());
  assert.match(audit, /oauth\.connect/);
  for (const secret of secrets) {
    assert.ok(!stored.includes(secret), 'not in the database in plain text');
    assert.ok(!h.logs.some((line) => line.includes(secret)), 'not in a log line');
    assert.ok(!responses.some((body) => body.includes(secret) && !body.includes('authorizeUrl')), 'not in a response');
  }
});

test('deprecation pre-flight: Microsoft 365 or Gmail with a password is saved with a warning naming the date and the mode to move to', async () => {
  await using smtp = await startSmtpTestServer();
  await using h = await startHarness();
  const save = (provider: string, auth: string) =>
    h.api('PUT', '/api/v1/system/mail-server', {
      ...oauthServer(smtp, provider as 'gmail'),
      auth,
      ...(auth === 'password' ? { password: 'app-password-1' } : {}),
    });
  const microsoft = await save('microsoft365', 'password');
  assert.equal(microsoft.status, 200, microsoft.raw);
  assert.equal(microsoft.body.warnings[0].code, 'basic_auth_retiring');
  assert.match(microsoft.body.warnings[0].message, /December 2026.*microsoft_app/);
  const gmail = await save('gmail', 'password');
  assert.match(gmail.body.warnings[0].message, /google_signin/);
  assert.equal((await save('gmail', 'oauth2')).body.warnings, undefined);
  assert.equal(
    (
      await h.api('PUT', '/api/v1/system/mail-server', {
        provider: 'smtp',
        host: smtp.host,
        port: smtp.port,
        security: 'none',
        fromAddress: mailbox,
      })
    ).body.warnings,
    undefined,
  );
});

test('three nodes on one database share a connection: one refresh at a time, token requests ≤ ceil(run/lifetime)+1, rotation never loses the live refresh token', async () => {
  await using run = await setup({ lifetimeSeconds: 60 });
  const { h, idp, smtp, clock } = run;
  const database: Record<string, string> = h.env.HERALD_DATABASE_URL ? { HERALD_DATABASE_URL: h.env.HERALD_DATABASE_URL } : {};
  const shared = { keepDataDir: h.dataDir, database };
  const env = { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin, HERALD_PUBLIC_URL: publicUrl };
  await using second = await startHarness(env, { ...shared, herald: { clock, background: false } });
  await using third = await startHarness(env, { ...shared, herald: { clock, background: false } });
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
  await signIn(h, '/api/v1/system', 'microsoft');
  const runMs = 10 * 60_000;
  let sent = 0;
  for (let elapsed = 0; elapsed < runMs; elapsed += 15_000) {
    for (const node of [h, second, third]) await postEvent(node);
    sent += 3;
    await smtp.waitFor(sent);
    clock.advance(15_000);
  }
  const nodes = await h.herald.store.db.selectFrom('attempts').select('node_id').distinct().execute();
  assert.ok(nodes.length >= 2, `sends came from ${nodes.length} node(s)`);
  assert.equal(smtp.authentications.filter((a) => !a.ok).length, 0);
  assert.ok(idp.requests.length <= Math.ceil(runMs / 60_000) + 1, `${idp.requests.length} token requests`);
  assert.equal(idp.spentReused(), 0, 'no node ever presented a refresh token another had rotated away');
});

test("a connection replaced on one node: another node's next send uses the new connection's token, not the one it cached", async () => {
  const clock = manualClock(Date.UTC(2026, 11, 1, 9, 0));
  await using idp = await startFakeIdentityProvider({ clock, clients: { 'app-1': clientSecret, 'app-2': `${clientSecret}-2` } });
  // The old app is deleted at the provider with the replacement: its tokens are refused from then on.
  const retired = new Set<string>();
  await using smtp = await startSmtpTestServer({ xoauth2: (user, token) => !retired.has(token) && idp.accepts(user, token) });
  const env = { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin, HERALD_PUBLIC_URL: publicUrl };
  // Node A only answers the API; node B only delivers, so every send comes from B's token cache.
  await using a = await startHarness({ ...env, HERALD_ROLE: 'api' }, { herald: { clock, background: false } });
  const database: Record<string, string> = a.env.HERALD_DATABASE_URL ? { HERALD_DATABASE_URL: a.env.HERALD_DATABASE_URL } : {};
  await using b = await startHarness(
    { ...env, HERALD_ROLE: 'worker' },
    { keepDataDir: a.dataDir, database, herald: { clock, background: false } },
  );
  assert.equal((await a.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'))).status, 200);
  const app = (clientId: string, secret: string) => ({
    mode: 'microsoft_app',
    directoryId: 'contoso.example',
    clientId,
    clientSecret: secret,
  });
  assert.equal((await a.api('PUT', '/api/v1/system/mail-server/oauth', app('app-1', clientSecret))).body.connected, true);
  const first = await postEvent(a);
  await smtp.waitFor(1);
  await a.until(async () => (await stateOf(a, first)).state === 'sent');

  for (const token of idp.issuedTokens()) retired.add(token);
  const replaced = await a.api('PUT', '/api/v1/system/mail-server/oauth', app('app-2', `${clientSecret}-2`));
  assert.equal(replaced.body.connected, true, replaced.raw);
  const second = await postEvent(a);
  await smtp.waitFor(2);
  await a.until(async () => (await stateOf(a, second)).state === 'sent');
  assert.deepEqual(
    smtp.authentications.map((auth) => auth.ok),
    [true, true],
    "node B never presented the replaced connection's cached token",
  );
  const attempts = await a.herald.store.db.selectFrom('attempts').select(['node_id', 'number']).execute();
  assert.deepEqual(
    attempts.map((attempt) => [attempt.node_id, attempt.number]),
    [
      [b.herald.nodeId, 1],
      [b.herald.nodeId, 1],
    ],
  );
  assert.equal(idp.requests.length, 2, 'one token per connection: node B took the new one from the database');
});

test('a Google sign-in grant that dies about 7 days after the sign-in: the view and the held reason say the app is probably in "Testing" and must be moved to "In production"', async () => {
  await using run = await setup();
  const { h, idp, smtp, clock } = run;
  const day = 86_400_000;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'gmail'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode: 'google_signin', clientId: 'app-1', clientSecret });
  await signIn(h, '/api/v1/system', 'google');
  await postEvent(h);
  await smtp.waitFor(1);
  const heldAfter = async (days: number) => {
    clock.advance(days * day);
    idp.revokeAll();
    const id = await postEvent(h);
    const held = await h.until(async () => {
      const s = await stateOf(h, id);
      return s.state === 'held' ? s : undefined;
    });
    const view = (await h.api('GET', '/api/v1/system/mail-server/oauth')).body as { status: string; statusReason: string };
    assert.equal(view.status, 'reconnect_required');
    return { held: held.heldReason ?? '', reason: view.statusReason };
  };

  // Revoked a day after the sign-in: an ordinary dead grant.
  const early = await heldAfter(1);
  assert.match(early.reason, /invalid_grant|revoked or has expired/);
  assert.doesNotMatch(early.reason + early.held, /probably in "Testing"/);

  // Signed in again, and refused 7 days later: Google's Testing expiry.
  idp.restore();
  await signIn(h, '/api/v1/system', 'google');
  await smtp.waitFor(2);
  const testing = await heldAfter(7);
  for (const text of [testing.reason, testing.held]) {
    assert.match(text, /granted 7 days ago/);
    assert.match(text, /probably in "Testing" publishing status/);
    assert.match(text, /move it to "In production"/);
  }
  assert.match(testing.held, /^oauth_reconnect_required/);
});

test('an app-only connection whose first token request fails is retried by delivery, not left holding the mail', async () => {
  await using run = await setup();
  const { h, idp, smtp, clock } = run;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  idp.failTokenRequests(1);
  const saved = await h.api('PUT', '/api/v1/system/mail-server/oauth', {
    mode: 'microsoft_app',
    directoryId: 'contoso.example',
    clientId: 'app-1',
    clientSecret,
  });
  assert.equal(saved.body.connected, false);
  assert.match(saved.body.statusReason, /503/);
  const id = await postEvent(h);
  await h.until(async () => (await stateOf(h, id)).state === 'deferred');
  idp.failTokenRequests(0);
  await h.until(async () => {
    // Only while nothing is in flight: a lease must not expire under a send.
    if (h.herald.worker.stats().inFlight === 0) {
      clock.advance(5_000);
      h.herald.worker.wake();
    }
    return (await stateOf(h, id)).state === 'sent';
  });
  assert.equal(smtp.received.length, 1);
  assert.equal((await h.api('GET', '/api/v1/system/mail-server/oauth')).body.connected, true);
});

test('an idle sign-in grant is refreshed before the provider forgets it; a fresh one is left alone', async () => {
  await using run = await setup();
  const { h, idp, smtp, clock } = run;
  await h.api('PUT', '/api/v1/system/mail-server', oauthServer(smtp, 'microsoft365'));
  await h.api('PUT', '/api/v1/system/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
  await signIn(h, '/api/v1/system', 'microsoft');
  const tokens = createTokenService({
    db: h.herald.store.db,
    box: createSecretBox(loadKeyring({ masterKeys: [], dataDir: h.dataDir })),
    clock,
    log: h.herald.log,
    nodeId: 'idle-check',
    testEndpoints: idp.origin,
    timeoutMs: 5000,
  });
  const week = 7 * 86_400_000;
  assert.equal(await tokens.refreshIdle(week), 0);
  const before = idp.requests.length;
  clock.advance(week + 60_000);
  assert.equal(await tokens.refreshIdle(week), 1);
  assert.equal(idp.requests.length, before + 1);
  assert.equal(idp.requests.at(-1)!.grant, 'refresh_token');
  assert.equal(idp.spentReused(), 0);
  const view = await h.api('GET', '/api/v1/system/mail-server/oauth');
  assert.equal(view.body.lastRefreshedAt, new Date(clock.now()).toISOString());
});
