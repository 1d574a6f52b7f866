import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRetry } from './retry-policy.js';

const config = { retryBaseMs: 30_000, retryMaxDelayMs: 30 * 60_000, retryMaxAgeMs: 24 * 3_600_000 };

test('doubles from 30 s to a 30 min cap, jittered within the upper half', () => {
  const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempts) => decideRetry({ attempts, createdAt: 0, now: 0, random: 1 }, config));
  assert.deepEqual(
    ceilings.map((d) => (d.retry ? d.delayMs / 1000 : -1)),
    [30, 60, 120, 240, 480, 960, 1800, 1800, 1800],
  );
  const low = decideRetry({ attempts: 3, createdAt: 0, now: 0, random: 0 }, config);
  assert.deepEqual(low, { retry: true, delayMs: 60_000 });
});

test('gives up once the next attempt would be past the maximum age', () => {
  const now = 24 * 3_600_000 - 10_000;
  const decision = decideRetry({ attempts: 20, createdAt: 0, now, random: 0.5 }, config);
  assert.equal(decision.retry, false);
  assert.ok(decideRetry({ attempts: 20, createdAt: 0, now: 3_600_000, random: 0.5 }, config).retry);
});
