import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';
import { startFakeMailApi, type FakeMailApi } from './support/fake-mail-apis.js';
import { testAccessTokens } from './support/test-access-tokens.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald (app, database of the dialect under test, delivery worker, the Graph and Gmail
// transports, nodemailer building the MIME) and a fake Graph / Gmail API over HTTP on 127.0.0.1.
// The one stand-in is test/support/test-access-tokens.ts, a test double of the OAuth token service.

const mailbox = 'ops@contoso.test';

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

async function start(
  fake: FakeMailApi,
  tokens: ReturnType<typeof testAccessTokens>,
  env: Record<string, string> = {},
  clock = manualClock(),
) {
  const h = await startHarness(
    { HERALD_API_TEST_ENDPOINTS: `graph=${fake.url},gmail=${fake.url}`, ...env },
    { herald: { accessTokens: tokens.sources, clock } },
  );
  return { h, clock };
}

async function useApi(h: Harness, api: 'graph' | 'gmail') {
  const saved = await h.api('PUT', '/api/v1/system/mail-server', apiSettings(api));
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.api ?? saved.body.settings?.api, api);
}

/** Posts an event; the ingest holds OAuth2 mail it cannot vouch for, the worker releases what its token sources can send. */
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
  const tokens = testAccessTokens();
  await using smtp = await startSmtpTestServer();
  await using fake = await startFakeMailApi({ checkToken: tokens.valid });
  // A generous timeout: on a loaded machine a slow answer must not turn into a retry here.
  const { h } = await start(fake, tokens, { HERALD_SMTP_TIMEOUT: '20s', HERALD_LEASE: '2m' });
  await using _h = h;
  assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { fromAddress: mailbox }))).status, 200);
  const overSmtp = await send(h);
  assert.equal((await settled(h, overSmtp.id, ['sent', 'failed', 'held'])).state, 'sent');
  const smtpMail = smtp.received[0]!;

  for (const api of ['graph', 'gmail'] as const) {
    await useApi(h, api);
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
    assert.ok(!got.mime.includes('token-'), 'the token is never part of the message');
  }
  assert.equal(tokens.counts.renew, 0);
});

test('Graph 429 with Retry-After: 7 — the next attempt is at least 7 s later (injected clock)', async () => {
  const tokens = testAccessTokens();
  await using fake = await startFakeMailApi({ checkToken: tokens.valid });
  const { h, clock } = await start(fake, tokens);
  await using _h = h;
  await useApi(h, 'graph');
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

test('401 on a stale token: renewed once and sent in the same attempt', async () => {
  const tokens = testAccessTokens();
  await using fake = await startFakeMailApi({ checkToken: (token) => token !== 'token-1' && tokens.valid(token) });
  const { h } = await start(fake, tokens);
  await using _h = h;
  await useApi(h, 'gmail');
  const message = await send(h);
  const delivery = await settled(h, message.id, ['sent', 'failed', 'held', 'deferred']);
  assert.equal(delivery.state, 'sent');
  assert.equal(delivery.attemptHistory.length, 1);
  assert.equal(tokens.counts.renew, 1);
  assert.deepEqual(
    fake.requests.map((request) => request.token),
    ['token-1', 'token-2'],
  );
});

for (const api of ['graph', 'gmail'] as const) {
  test(`${api}: 401 after a renewed token — one renew, then held oauth_reconnect_required; a dead grant holds at once`, async () => {
    const tokens = testAccessTokens();
    await using fake = await startFakeMailApi({ checkToken: () => false });
    const { h } = await start(fake, tokens);
    await using _h = h;
    await useApi(h, api);
    const message = await send(h);
    const held = await settled(h, message.id, ['held', 'failed', 'sent']);
    assert.equal(held.state, 'held');
    assert.match(held.heldReason, /^oauth_reconnect_required: HTTP 401/);
    assert.equal(tokens.counts.renew, 1);
    assert.equal(fake.requests.length, 2);
    assert.ok(!JSON.stringify(held).includes('token-'), 'no token in the delivery record');

    // The grant dies, found out when a token is asked for: held without a request.
    tokens.killGrant();
    await h.api('POST', `/api/v1/deliveries/${message.id}/retry`);
    const again = await settled(h, message.id, ['held']);
    assert.match(again.heldReason, /oauth_reconnect_required: the grant was revoked/);
    assert.equal(fake.requests.length, 2);
  });

  test(`${api}: 403 fails at once with a hint; 503 is deferred and retried`, async () => {
    const tokens = testAccessTokens();
    await using fake = await startFakeMailApi({ checkToken: tokens.valid });
    const { h, clock } = await start(fake, tokens);
    await using _h = h;
    await useApi(h, api);
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
  const tokens = testAccessTokens();
  await using fake = await startFakeMailApi({ checkToken: tokens.valid });
  const { h, clock } = await start(fake, tokens, { HERALD_SMTP_TIMEOUT: '300ms' });
  await using _h = h;
  await useApi(h, 'graph');
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
  assert.match(last.lastReply, /not sent again to avoid a duplicate/);
  assert.equal(fake.requests.length, 2);
});

test('settings: api graph is for microsoft365 and gmail for gmail, both with oauth2; 400 naming /api, nothing stored', async () => {
  const tokens = testAccessTokens();
  await using fake = await startFakeMailApi({ checkToken: tokens.valid });
  const { h } = await start(fake, tokens);
  await using _h = h;
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
