import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRetry } from './retry-policy.js';

const config = { retryBaseMs: 30_000, retryMaxDelayMs: 30 * 60_000, retryMaxAgeMs: 24 * 3_600_000 };
const seconds = (attempts: number, random: number) => {
  const decision = decideRetry({ attempts, createdAt: 0, now: 0, random }, config);
  return decision.retry ? decision.delayMs / 1000 : -1;
};

test('doubles from 30 s to a 30 min cap; the jitter adds up to half of that, never takes away', () => {
  const attempts = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.deepEqual(
    attempts.map((n) => seconds(n, 0)),
    [30, 60, 120, 240, 480, 960, 1800, 1800, 1800],
  );
  assert.deepEqual(
    attempts.map((n) => seconds(n, 1)),
    [45, 90, 180, 360, 720, 1440, 2700, 2700, 2700],
  );
  assert.equal(seconds(3, 0.5), 150);
});

test('with HERALD_RETRY_BASE=30s no first retry comes sooner than 30 s: spread evenly over 30 to 45 s', () => {
  const delays = Array.from({ length: 10_000 }, () => decideRetry({ attempts: 1, createdAt: 0, now: 0 }, config)).map((d) =>
    d.retry ? d.delayMs : -1,
  );
  assert.ok(Math.min(...delays) >= 30_000, `a first retry after ${Math.min(...delays)} ms`);
  assert.ok(Math.max(...delays) <= 45_000);
  // Evenly spread: each third of the range holds about a third of the draws.
  const thirds = [0, 1, 2].map(
    (third) => delays.filter((d) => d >= 30_000 + third * 5000 && d < 35_000 + third * 5000).length / delays.length,
  );
  for (const share of thirds) assert.ok(Math.abs(share - 1 / 3) < 0.05, `thirds: ${thirds.join(', ')}`);
});

test('gives up once the next attempt would be past the maximum age', () => {
  const now = 24 * 3_600_000 - 10_000;
  const decision = decideRetry({ attempts: 20, createdAt: 0, now, random: 0.5 }, config);
  assert.equal(decision.retry, false);
  assert.ok(decideRetry({ attempts: 20, createdAt: 0, now: 3_600_000, random: 0.5 }, config).retry);
});
