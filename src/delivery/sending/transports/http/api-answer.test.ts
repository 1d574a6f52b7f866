import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { classifyApiAnswer, classifyRequestError, retryAfter } from './api-answer.js';
import { createHttpClient, HttpRequestError } from './http-post.js';
import { apiBaseUrl, sendRequest } from './api-endpoints.js';

const now = Date.parse('2026-12-01T12:00:00Z');
const graphError = (code: string) => JSON.stringify({ error: { code, message: `said ${code}` } });
const gmailError = (status: number, reason: string) =>
  JSON.stringify({ error: { code: status, message: `said ${reason}`, errors: [{ reason }] } });

test('each HTTP answer maps to the outcome class SMTP uses, with the status and provider code as the reply', () => {
  const cases: Array<[api: 'graph' | 'gmail', status: number, body: string, headers: Record<string, string>, expected: string]> = [
    ['graph', 202, '', {}, 'sent'],
    ['gmail', 200, '{"id":"abc"}', {}, 'sent'],
    ['graph', 429, graphError('ApplicationThrottled'), { 'retry-after': '7' }, 'retry 7000'],
    ['graph', 503, graphError('ServiceUnavailable'), { 'retry-after': 'Tue, 01 Dec 2026 12:00:30 GMT' }, 'retry 30000'],
    ['graph', 509, graphError('BandwidthLimitExceeded'), {}, 'retry -'],
    ['graph', 500, graphError('generalException'), {}, 'retry -'],
    ['graph', 502, '', {}, 'retry -'],
    ['graph', 504, '', {}, 'retry -'],
    ['graph', 400, graphError('ErrorMimeContentInvalid'), {}, 'failed'],
    ['graph', 413, graphError('RequestEntityTooLarge'), {}, 'failed'],
    ['graph', 403, graphError('ErrorAccessDenied'), {}, 'failed'],
    ['graph', 404, graphError('ErrorInvalidUser'), {}, 'failed'],
    ['graph', 302, '', { location: 'https://elsewhere.example/' }, 'failed'],
    ['graph', 401, graphError('InvalidAuthenticationToken'), {}, 'held'],
    ['gmail', 403, gmailError(403, 'insufficientPermissions'), {}, 'failed'],
    ['gmail', 403, gmailError(403, 'userRateLimitExceeded'), {}, 'retry -'],
    ['gmail', 403, gmailError(403, 'dailyLimitExceeded'), { 'retry-after': '3600' }, 'retry 3600000'],
    ['gmail', 429, gmailError(429, 'rateLimitExceeded'), {}, 'retry -'],
  ];
  for (const [api, status, body, headers, expected] of cases) {
    const outcome = classifyApiAnswer(api, { status, headers, body }, now, 'ops@contoso.test');
    const got = outcome.status === 'retry' ? `retry ${outcome.retryAfterMs ?? '-'}` : outcome.status;
    assert.equal(got, expected, `${api} ${status} ${body}`);
    if (outcome.status === 'retry' || outcome.status === 'failed') {
      assert.equal(outcome.failure.stage, 'http');
      assert.equal(outcome.failure.replyCode, status);
      assert.match(outcome.failure.reply ?? '', new RegExp(`^HTTP ${status}`));
    }
  }
});

test('403 and 404 carry a hint in words; Graph errors are named by code', () => {
  const denied = classifyApiAnswer('graph', { status: 403, headers: {}, body: graphError('ErrorAccessDenied') }, now, 'ops@contoso.test');
  assert.equal(denied.status, 'failed');
  assert.ok(denied.status === 'failed' && denied.failure.errorCode === 'ErrorAccessDenied');
  assert.match(
    denied.status === 'failed' ? denied.failure.reply! : '',
    /ops@contoso\.test.*Mail\.Send application permission.*Application Access Policy/,
  );
  const missing = classifyApiAnswer('graph', { status: 404, headers: {}, body: graphError('ErrorInvalidUser') }, now, 'ops@contoso.test');
  assert.match(missing.status === 'failed' ? missing.failure.reply! : '', /not found.*user principal name/);
  const quota = classifyApiAnswer('gmail', { status: 403, headers: {}, body: gmailError(403, 'dailyLimitExceeded') }, now);
  assert.match(quota.status === 'retry' ? quota.failure.reply! : '', /2,000 a day/);
});

test('Retry-After: seconds or an HTTP date, never negative, capped at a day; junk is ignored', () => {
  assert.equal(retryAfter('7', now), 7000);
  assert.equal(retryAfter('Tue, 01 Dec 2026 11:59:00 GMT', now), 0);
  assert.equal(retryAfter('999999', now), 24 * 3600_000);
  assert.equal(retryAfter('soon', now), undefined);
  assert.equal(retryAfter(undefined, now), undefined);
});

test('no answer: ambiguous (sent again at most once) if the request was written whole, else a plain retry', () => {
  const lost = classifyRequestError(new HttpRequestError('no answer within 300 ms', 'ETIMEDOUT', true));
  assert.deepEqual([lost.status, lost.failure.stage, lost.ambiguousResends], ['ambiguous', 'http', 1]);
  const refused = classifyRequestError(new HttpRequestError('connect ECONNREFUSED', 'ECONNREFUSED', false));
  assert.deepEqual([refused.status, refused.failure.stage, refused.ambiguousResends], ['retry', 'connect', undefined]);
});

test('the HTTP client says whether a request went out: refused before, timed out after', async () => {
  const client = createHttpClient(2);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refusal = await client.post(new URL(`http://127.0.0.1:${port}/x`), {}, 'body', 1000).catch((error: unknown) => error);
  assert.ok(refusal instanceof HttpRequestError);
  assert.deepEqual([refusal.code, refusal.sent], ['ECONNREFUSED', false]);

  const silent = createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as { port: number }).port;
  const timeout = await client.post(new URL(`http://127.0.0.1:${silentPort}/x`), {}, 'body', 200).catch((error: unknown) => error);
  assert.ok(timeout instanceof HttpRequestError);
  assert.deepEqual([timeout.code, timeout.sent], ['ETIMEDOUT', true]);
  client.close();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

test('the endpoints come from the fixed table unless a (loopback) test endpoint is configured; Graph gets base64, Gmail base64url', () => {
  assert.equal(apiBaseUrl('graph', {}), 'https://graph.microsoft.com');
  assert.equal(apiBaseUrl('graph', {}, 'china'), 'https://microsoftgraph.chinacloudapi.cn');
  assert.equal(apiBaseUrl('gmail', {}), 'https://gmail.googleapis.com');
  assert.equal(apiBaseUrl('gmail', { gmail: 'http://127.0.0.1:9' }), 'http://127.0.0.1:9');
  const mime = Buffer.from('Subject: ?>\r\n\r\n\xff\xfe');
  const graph = sendRequest('graph', 'https://graph.microsoft.com', 'a b@x.test', mime);
  assert.equal(graph.url.href, 'https://graph.microsoft.com/v1.0/users/a%20b%40x.test/sendMail');
  assert.deepEqual([graph.contentType, graph.body], ['text/plain', mime.toString('base64')]);
  const gmail = sendRequest('gmail', 'https://gmail.googleapis.com', 'a@x.test', mime);
  assert.equal(gmail.url.pathname, '/gmail/v1/users/a%40x.test/messages/send');
  assert.deepEqual(JSON.parse(gmail.body), { raw: mime.toString('base64url') });
});
