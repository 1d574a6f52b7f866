import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeraldClient, HeraldConnectionError, HeraldError } from '../clients/typescript/src/index.js';
import { startHarness, type Harness } from './support/herald-harness.js';
import { createToken } from './support/accounts.js';

// Real: Herald listening on 127.0.0.1 (app, SQLite file or PostgreSQL database) and the client's
// own fetch. Faked: the outside world only: a proxy in front of Herald that answers 503 or 429 the
// way a load balancer does, and the client's waits (recorded instead of slept).

async function listening(): Promise<{ h: Harness; url: string; token: string }> {
  const h = await startHarness({ HERALD_HOST: '127.0.0.1', HERALD_PORT: '0' });
  const url = await h.herald.listen();
  const { token } = await createToken(h, 'system', ['events:write']);
  return { h, url, token };
}

/** A proxy to `target` that lets `plan(n)` (the n-th request, from 1) answer instead: forward, or a status with Retry-After. */
async function startProxy(target: string, plan: (n: number) => 'forward' | 'forward-then-503' | { status: number; retryAfter?: string }) {
  let n = 0;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    n += 1;
    const step = plan(n);
    if (typeof step === 'object') {
      incoming.resume();
      outgoing.writeHead(step.status, { 'content-type': 'text/plain', ...(step.retryAfter ? { 'retry-after': step.retryAfter } : {}) });
      outgoing.end('Service Unavailable');
      return;
    }
    const upstream = httpRequest(`${target}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
      if (step === 'forward-then-503') {
        // Herald committed the event; the answer is lost on the way back.
        answer.resume();
        answer.on('end', () => {
          outgoing.writeHead(503, { 'retry-after': '2' });
          outgoing.end();
        });
        return;
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => n,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const event = { type: 'service.failed', severity: 'critical' as const, data: { service: 'billing' }, recipients: ['ops@example.test'] };

test('sendEvent and sendBatch deliver through a real Herald; the same idempotency key replays instead of repeating', async () => {
  const { h, url, token } = await listening();
  try {
    const herald = new HeraldClient({ baseUrl: `${url}/`, token });
    const first = await herald.sendEvent(event, { idempotencyKey: 'billing-down-1' });
    assert.equal(first.outcome, 'queued');
    assert.equal(first.replayed, false);
    assert.equal(first.messages.length, 1);
    const again = await herald.sendEvent(event, { idempotencyKey: 'billing-down-1' });
    assert.equal(again.replayed, true);
    assert.equal(again.eventId, first.eventId);

    const batch = await herald.sendBatch(
      ['a', 'b', 'c'].map((name) => ({ ...event, recipients: [`${name}@example.test`] })),
      { idempotencyKey: 'nightly-batch' },
    );
    assert.equal(batch.events.length, 3);
    const replay = await herald.sendBatch(
      ['a', 'b', 'c'].map((name) => ({ ...event, recipients: [`${name}@example.test`] })),
      { idempotencyKey: 'nightly-batch' },
    );
    assert.deepEqual(
      replay.events.map((e) => [e.eventId, e.replayed]),
      batch.events.map((e) => [e.eventId, true]),
    );
    const stored = await h.api('GET', '/api/v1/events?limit=50');
    assert.equal(stored.body.items.length, 4, 'one event per key');
    await h.until(async () => (await h.api('GET', '/api/v1/deliveries?state=sent')).body.items.length === 4);
  } finally {
    await h.close();
  }
});

test('a refused request throws a typed HeraldError with the code and the field, without retrying', async () => {
  const { h, url, token } = await listening();
  const proxy = await startProxy(url, () => 'forward');
  try {
    const herald = new HeraldClient({ baseUrl: proxy.url, token, sleep: async () => assert.fail('a 4xx is not retried') });
    const invalid = await herald.sendEvent({ ...event, recipients: ['not an address'] }).catch((error: unknown) => error);
    assert.ok(invalid instanceof HeraldError, String(invalid));
    assert.equal(invalid.status, 400);
    assert.ok(['validation_failed', 'invalid_address'].includes(invalid.code), invalid.code);
    assert.match(JSON.stringify(invalid.details), /recipients/);
    assert.equal(invalid.retryable, false);
    const stranger = new HeraldClient({ baseUrl: proxy.url, token: 'not-a-token' });
    const refused = await stranger.sendEvent(event).catch((error: unknown) => error);
    assert.ok(refused instanceof HeraldError);
    assert.equal(refused.status, 401);
    assert.equal(refused.code, 'unauthenticated');
    assert.equal(proxy.requests(), 2);
  } finally {
    await proxy.close();
    await h.close();
  }
});

test('503 and 429 are retried with the same idempotency key, honouring Retry-After: an answer lost after the commit sends once', async () => {
  const { h, url, token } = await listening();
  const proxy = await startProxy(url, (n) => (n === 1 ? 'forward-then-503' : n === 2 ? { status: 429, retryAfter: '1' } : 'forward'));
  try {
    const waits: number[] = [];
    const herald = new HeraldClient({ baseUrl: proxy.url, token, sleep: async (ms) => void waits.push(ms) });
    const accepted = await herald.sendEvent(event);
    assert.deepEqual(waits, [2000, 1000], 'the waits the server asked for');
    assert.equal(proxy.requests(), 3);
    assert.equal(accepted.replayed, true, 'the third attempt found the event the first one committed');
    const stored = await h.api('GET', '/api/v1/events?limit=50');
    assert.deepEqual(
      stored.body.items.map((e: any) => e.id),
      [accepted.eventId],
    );
    await h.until(async () => (await h.api('GET', '/api/v1/deliveries?state=sent')).body.items.length === 1);
    assert.equal((await h.api('GET', '/api/v1/deliveries')).body.items.length, 1, 'one message, sent once');
  } finally {
    await proxy.close();
    await h.close();
  }
});

test('retries end: a HeraldError after the last 503, a HeraldConnectionError when nothing answers', async () => {
  const proxy = await startProxy('http://127.0.0.1:9', () => ({ status: 503 }));
  try {
    const waits: number[] = [];
    const herald = new HeraldClient({
      baseUrl: proxy.url,
      token: 't',
      retry: { retries: 2, baseDelayMs: 100 },
      sleep: async (ms) => void waits.push(ms),
    });
    const error = await herald.sendEvent(event).catch((e: unknown) => e);
    assert.ok(error instanceof HeraldError);
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(proxy.requests(), 3);
    assert.equal(waits.length, 2);
    assert.ok(waits[0]! >= 50 && waits[0]! <= 100 && waits[1]! >= 100 && waits[1]! <= 200, `backoff with jitter: ${waits}`);
  } finally {
    await proxy.close();
  }
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const nobody = new HeraldClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't', retry: { retries: 1 }, sleep: async () => undefined });
  const unreachable = await nobody.sendEvent(event).catch((e: unknown) => e);
  assert.ok(unreachable instanceof HeraldConnectionError, String(unreachable));
});
