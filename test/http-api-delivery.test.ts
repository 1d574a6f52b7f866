import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { startFakeMailApi, type FakeMailApi } from './support/fake-mail-apis.js';
import { startFakeIdentityProvider, type FakeIdentityProvider } from './support/fake-identity-provider.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald (app, database of the dialect under test, delivery worker, the OAuth2 token
// service, the Graph and Gmail transports, nodemailer building the MIME), a fake identity
// provider (test/support/fake-identity-provider.ts: client credentials for Microsoft app-only,
// the JWT bearer grant for a Google service account) and a fake Graph / Gmail API over HTTP on
// 127.0.0.1 that accepts only tokens the provider issued. Fake: the clock (moved by hand).

const mailbox = 'ops@contoso.test';
const appId = 'herald-app';
const clientSecret = 'app-Secret-Value-7Xw2';
const serviceAccount = 'herald@project.iam.example';

function apiSettings(api: 'graph' | 'gmail') {
  return {
    provider: api === 'graph' ? 'microsoft365' : 'gmail',
    api,
    auth: 'oauth2',
    username: mailbox,
    fromAddress: mailbox,
    fromName: 'Herald Tests',
    applyToAllTenants: true,
    // The providers' default rates (src/delivery/sending/provider-limits.ts) space sends by the
    // injected clock, which moves only when a test moves it.
    rateLimitPerSecond: 100_000,
  };
}

interface Run {
  h: Harness;
  idp: FakeIdentityProvider;
  fake: FakeMailApi;
  clock: ReturnType<typeof manualClock>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Herald with the fake identity provider and the fake mail API. The API accepts what
 * `accept(token)` allows among the tokens the provider issued and that are valid now.
 */
async function start(options: { env?: Record<string, string>; accept?: (token: string) => boolean } = {}): Promise<Run> {
  const clock = manualClock();
  const idp = await startFakeIdentityProvider({ clock, clients: { [appId]: clientSecret } });
  const accept = options.accept ?? (() => true);
  const fake = await startFakeMailApi({ checkToken: (token) => accept(token) && idp.accepts(mailbox, token) });
  const h = await startHarness(
    { HERALD_API_TEST_ENDPOINTS: `graph=${fake.url},gmail=${fake.url}`, HERALD_OAUTH_TEST_ENDPOINTS: idp.origin, ...options.env },
    { herald: { clock } },
  );
  return {
    h,
    idp,
    fake,
    clock,
    async [Symbol.asyncDispose]() {
      await h.close();
      await fake.close();
      await idp[Symbol.asyncDispose]();
    },
  };
}

/** Sends through `api` and connects its OAuth2 grant: Microsoft app-only (client credentials) for Graph, a Google service account for Gmail. */
async function useApi({ h, idp }: Run, api: 'graph' | 'gmail') {
  const saved = await h.api('PUT', '/api/v1/system/mail-server', apiSettings(api));
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.api ?? saved.body.settings?.api, api);
  const grant =
    api === 'graph'
      ? { mode: 'microsoft_app', directoryId: 'contoso.example', clientId: appId, clientSecret }
      : { mode: 'google_service_account', serviceAccountKey: (await idp.addServiceAccount(serviceAccount)).keyJson };
  const connected = await h.api('PUT', '/api/v1/system/mail-server/oauth', grant);
  assert.equal(connected.status, 200, connected.raw);
  assert.equal(connected.body.connected, true, connected.raw);
}

/** Posts an event and lets the worker release what can be sent now. */
async function send(h: Harness, title = 'SIP proxy stopped') {
  const response = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients: ['Ops Team <team@example.test>'],
    data: { service: 'sip-proxy', title, host: 'pbx-1' },
  });
  assert.equal(response.status, 202, response.raw);
  await h.herald.worker.releaseHeldMessages();
  return response.body.messages[0] as { id: string; messageId: string };
}

async function settled(h: Harness, id: string, states: string[]) {
  return h.until(async () => {
    const detail = await h.api('GET', `/api/v1/deliveries/${id}`);
    return states.includes(detail.body.state) ? detail.body : undefined;
  }, 45_000);
}

test('Graph and Gmail receive the MIME the SMTP path delivers: subject, from, to, text, html, Message-ID', async () => {
  await using smtp = await startSmtpTestServer();
  // A generous timeout: on a loaded machine a slow answer must not turn into a retry here.
  await using run = await start({ env: { HERALD_SMTP_TIMEOUT: '20s', HERALD_LEASE: '2m' } });
  const { h, idp, fake } = run;
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { fromAddress: mailbox }))).status, 200);
  const overSmtp = await send(h);
  assert.equal((await settled(h, overSmtp.id, ['sent', 'failed', 'held'])).state, 'sent');
  const smtpMail = smtp.received[0]!;

  for (const api of ['graph', 'gmail'] as const) {
    await useApi(run, api);
    const message = await send(h);
    const delivery = await settled(h, message.id, ['sent', 'failed', 'held', 'deferred']);
    assert.equal(delivery.state, 'sent', JSON.stringify(delivery));
    assert.equal(delivery.attemptHistory[0].stage, 'data');
    assert.equal(delivery.attemptHistory[0].replyCode, api === 'graph' ? 202 : 200);
    const got = fake.received.find((mail) => mail.api === api)!;
    assert.equal(got.mailbox, mailbox);
    assert.equal(got.parsed.messageId, message.messageId);
    assert.equal(smtpMail.messageId, overSmtp.messageId);
    assert.equal(got.parsed.subject, smtpMail.subject);
    assert.equal(got.parsed.text, smtpMail.text);
    assert.equal(got.parsed.html, smtpMail.html);
    assert.deepEqual(got.parsed.from?.value, [{ address: mailbox, name: 'Herald Tests' }]);
    assert.equal(got.parsed.from?.text, (smtpMail.headers.get('from') as { text: string }).text);
    assert.deepEqual((got.parsed.to as { text: string }).text, (smtpMail.headers.get('to') as { text: string }).text);
    assert.equal(got.parsed.headers.get('x-herald-message'), message.id);
    for (const token of idp.issuedTokens()) assert.ok(!got.mime.includes(token), 'the token is never part of the message');
  }
  assert.deepEqual(
    idp.requests.map((request) => [request.grant, request.status]),
    [
      ['client_credentials', 200],
      ['urn:ietf:params:oauth:grant-type:jwt-bearer', 200],
    ],
    'one token per connection, issued when it was connected and used for the send',
  );
});

test('Graph 429 with Retry-After: 7 — the next attempt is at least 7 s later (injected clock)', async () => {
  await using run = await start();
  const { h, fake, clock } = run;
  await useApi(run, 'graph');
  fake.answerNext({ status: 429, headers: { 'retry-after': '7' } });
  const throttled = await send(h, 'throttled');
  const deferred = await settled(h, throttled.id, ['deferred']);
  const first = deferred.attemptHistory[0];
  assert.deepEqual([first.outcome, first.stage, first.replyCode, first.errorCode], ['retry', 'http', 429, 'ApplicationThrottled']);
  assert.ok(
    Date.parse(deferred.nextAttemptAt) - Date.parse(first.startedAt) >= 7000,
    `next attempt ${deferred.nextAttemptAt} after ${first.startedAt}`,
  );

  // 6.9 s on: another message goes out (so the worker has claimed since), the throttled one still waits.
  clock.advance(6900);
  const other = await send(h, 'not throttled');
  assert.equal((await settled(h, other.id, ['sent', 'failed'])).state, 'sent');
  assert.equal((await h.api('GET', `/api/v1/deliveries/${throttled.id}`)).body.state, 'deferred');
  assert.equal(fake.requests.length, 2);

  clock.advance(200);
  const sent = await settled(h, throttled.id, ['sent', 'failed']);
  assert.equal(sent.state, 'sent');
  assert.ok(Date.parse(sent.attemptHistory[1].startedAt) - Date.parse(first.startedAt) >= 7000);
});

test('401 on a stale token: renewed once through the token service and sent in the same attempt', async () => {
  // The API refuses the first token it sees although the provider still vouches for it (as after a revocation of that token).
  let stale: string | undefined;
  await using run = await start({ accept: (token) => token !== (stale ??= token) });
  const { h, idp, fake } = run;
  await useApi(run, 'gmail');
  const issuedBefore = idp.requests.length;
  const message = await send(h);
  const delivery = await settled(h, message.id, ['sent', 'failed', 'held', 'deferred']);
  assert.equal(delivery.state, 'sent', JSON.stringify(delivery));
  assert.equal(delivery.attemptHistory.length, 1);
  assert.deepEqual(
    idp.requests.slice(issuedBefore).map((request) => [request.grant, request.status]),
    [['urn:ietf:params:oauth:grant-type:jwt-bearer', 200]],
    'one renewal',
  );
  const [first, second] = fake.requests.map((request) => request.token);
  assert.equal(fake.requests.length, 2);
  assert.equal(first, stale);
  assert.notEqual(second, first);
  assert.ok(idp.accepts(mailbox, first!) && idp.accepts(mailbox, second!), 'both tokens were issued by the provider and valid');
});

for (const api of ['graph', 'gmail'] as const) {
  test(`${api}: 401 after a renewed token — one renew, then held oauth_reconnect_required until a reconnect`, async () => {
    await using run = await start({ accept: () => false });
    const { h, idp, fake, clock } = run;
    await useApi(run, api);
    const issuedBefore = idp.requests.length;
    const message = await send(h);
    const held = await settled(h, message.id, ['held', 'failed', 'sent']);
    assert.equal(held.state, 'held');
    assert.match(held.heldReason, /^oauth_reconnect_required: HTTP 401/);
    assert.equal(idp.requests.length - issuedBefore, 1, 'renewed once, through the provider');
    assert.equal(fake.requests.length, 2);
    const [first, second] = fake.requests.map((request) => request.token);
    assert.ok(first && second && first !== second, 'the renewed token was a new one');
    assert.ok(idp.accepts(mailbox, first) && idp.accepts(mailbox, second), 'the provider still vouches for both');
    for (const token of idp.issuedTokens()) assert.ok(!JSON.stringify(held).includes(token), 'no token in the delivery record');

    // The hold sticks: the connection is marked for a reconnect, so the worker does not release the
    // mail only to have it refused again.
    const marked = await h.api('GET', '/api/v1/system/mail-server/oauth');
    assert.deepEqual([marked.body.connected, marked.body.status], [false, 'reconnect_required'], marked.raw);
    await h.herald.worker.releaseHeldMessages();
    clock.advance(10_000);
    await h.herald.worker.releaseHeldMessages();
    assert.equal((await h.api('GET', `/api/v1/deliveries/${message.id}`)).body.state, 'held');
    assert.equal(fake.requests.length, 2, 'not sent again');
  });

  test(`${api}: a dead grant holds the mail without a request`, async () => {
    await using run = await start();
    const { h, idp, fake, clock } = run;
    await useApi(run, api);
    // The app or the service account is disabled at the provider, found out when the stored token
    // has expired and a new one is asked for: held without a request, the connection must be reconnected.
    idp.disable(api === 'graph' ? appId : serviceAccount);
    clock.advance(3600_000);
    const requestsBefore = fake.requests.length;
    const message = await send(h);
    const again = await h.until(async () => {
      const detail = await h.api('GET', `/api/v1/deliveries/${message.id}`);
      return /must be reconnected/.test(detail.body.heldReason ?? '') ? detail.body : undefined;
    }, 45_000);
    assert.equal(again.state, 'held');
    assert.match(
      again.heldReason,
      api === 'graph' ? /^oauth_reconnect_required: .*400 unauthorized_client/ : /^oauth_reconnect_required: .*400 invalid_grant/,
    );
    assert.equal(fake.requests.length, requestsBefore);
    const connection = await h.api('GET', '/api/v1/system/mail-server/oauth');
    assert.deepEqual([connection.body.connected, connection.body.status], [false, 'reconnect_required'], connection.raw);
  });

  test(`${api}: 403 fails at once with a hint; 503 is deferred and retried`, async () => {
    await using run = await start();
    const { h, fake, clock } = run;
    await useApi(run, api);
    fake.answerNext({ status: 403 });
    const refused = await send(h, 'refused');
    const failed = await settled(h, refused.id, ['failed', 'sent', 'deferred']);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.attemptHistory.length, 1);
    assert.equal(failed.lastStage, 'http');
    assert.equal(failed.lastReplyCode, 403);
    assert.match(
      failed.lastReply,
      api === 'graph' ? /ErrorAccessDenied.*Mail\.Send application permission/ : /insufficientPermissions.*gmail\.send/,
    );

    fake.answerNext({ status: 503 });
    const unavailable = await send(h, 'unavailable');
    const deferred = await settled(h, unavailable.id, ['deferred', 'failed', 'sent']);
    assert.equal(deferred.state, 'deferred');
    assert.deepEqual([deferred.attemptHistory[0].outcome, deferred.attemptHistory[0].replyCode], ['retry', 503]);
    clock.advance(60_000);
    assert.equal((await settled(h, unavailable.id, ['sent', 'failed'])).state, 'sent');
  });
}

test('a timeout after the request was sent is ambiguous, sent again at most once, then failed ambiguous_limit', async () => {
  await using run = await start({ env: { HERALD_SMTP_TIMEOUT: '300ms' } });
  const { h, fake, clock } = run;
  await useApi(run, 'graph');
  fake.answerNext('hang', 'hang', 'hang');
  const message = await send(h);
  const first = await settled(h, message.id, ['deferred', 'failed', 'sent']);
  assert.equal(first.state, 'deferred');
  assert.deepEqual([first.attemptHistory[0].outcome, first.attemptHistory[0].stage], ['ambiguous', 'http']);
  clock.advance(60_000);
  const last = await settled(h, message.id, ['failed', 'sent']);
  assert.equal(last.state, 'failed');
  assert.equal(last.ambiguousAttempts, 2);
  assert.equal(last.attemptHistory.length, 2);
  assert.equal(last.attemptHistory[1].errorCode, 'ambiguous_limit');
  assert.match(last.lastReply, /not sent again to avoid duplicates/);
  assert.equal(fake.requests.length, 2);
});

test("Graph's 4 requests at once per mailbox hold for the cluster: two nodes send 2 each, never more than 4 together", async () => {
  // Each node may claim 3 of the scope's messages: without the cluster-wide share each would send 3 at once.
  await using run = await start({ env: { HERALD_SCOPE_CONCURRENCY: '3' } });
  const { h, fake, clock } = run;
  const database: Record<string, string> = h.env.HERALD_DATABASE_URL ? { HERALD_DATABASE_URL: h.env.HERALD_DATABASE_URL } : {};
  await using second = await startHarness(
    {
      HERALD_API_TEST_ENDPOINTS: h.env.HERALD_API_TEST_ENDPOINTS!,
      HERALD_OAUTH_TEST_ENDPOINTS: h.env.HERALD_OAUTH_TEST_ENDPOINTS!,
      HERALD_SCOPE_CONCURRENCY: '3',
    },
    { keepDataDir: h.dataDir, database, herald: { clock } },
  );
  await useApi(run, 'graph');
  fake.pause();
  const recipients = Array.from({ length: 12 }, (_, i) => `ops${i}@example.test`);
  const posted = await h.api('POST', '/api/v1/events', {
    type: 'service.failed',
    severity: 'critical',
    recipients,
    data: { service: 'sip-proxy' },
  });
  assert.equal(posted.status, 202, posted.raw);
  await h.until(async () => fake.inFlight() === 4 && h.herald.worker.stats().inFlight === 3 && second.herald.worker.stats().inFlight === 3);
  fake.resume();
  await h.until(async () => fake.received.length === 12);
  assert.equal(fake.maxInFlight(), 4, "the pool size (4 for Graph) is the whole cluster's");
  const nodes = await h.herald.store.db.selectFrom('attempts').select('node_id').distinct().execute();
  assert.equal(nodes.length, 2, 'both nodes sent');
});

test('settings: api graph is for microsoft365 and gmail for gmail, both with oauth2; 400 naming /api, nothing stored', async () => {
  await using run = await start();
  const { h } = run;
  const before = await h.api('GET', '/api/v1/system/mail-server');
  for (const [body, rule] of [
    [{ ...apiSettings('graph'), provider: 'gmail' }, 'provider'],
    [{ ...apiSettings('gmail'), provider: 'smtp', host: 'mail.example.test' }, 'provider'],
    [{ ...apiSettings('graph'), auth: 'password', password: 'app-password-1' }, 'auth'],
  ] as const) {
    const response = await h.api('PUT', '/api/v1/system/mail-server', body);
    assert.equal(response.status, 400, response.raw);
    assert.ok(
      response.body.error.details.some((detail: { field: string; rule: string }) => detail.field === '/api' && detail.rule === rule),
      response.raw,
    );
  }
  assert.deepEqual((await h.api('GET', '/api/v1/system/mail-server')).body, before.body);
  const saved = await h.api('PUT', '/api/v1/system/mail-server', { ...apiSettings('graph'), rateLimitPerSecond: null });
  assert.equal(saved.status, 200, saved.raw);
  const view = saved.body.settings ?? saved.body;
  assert.deepEqual([view.api, view.poolSize, view.rateLimitPerSecond], ['graph', 4, null], 'Graph: 4 at once by default');
});
