import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, parseDuration } from './duration.js';

test('durations: read with units, alone or together, and written back the same way', () => {
  assert.deepEqual(
    ['500ms', '30s', '5m', '24h', '2d', '1500', '1h30m', '1h 30m', ' 12h ', '1.5h', '0'].map((text) => parseDuration(text)),
    [500, 30_000, 300_000, 86_400_000, 172_800_000, 1500, 5_400_000, 5_400_000, 43_200_000, 5_400_000, 0],
  );
  assert.deepEqual(
    ['x', '', '12 hours', 'h', '-5m', '5m-'].map((text) => parseDuration(text)),
    [undefined, undefined, undefined, undefined, undefined, undefined],
  );
  assert.equal(parseDuration('30', { requireUnit: true }), undefined, 'a person typing 30 gave no unit');
  assert.equal(parseDuration('0', { requireUnit: true }), 0);
  assert.deepEqual([43_200_000, 1_800_000, 5_400_000, 45_000, 90_061_001, 0, 86_400_000].map(formatDuration), [
    '12h',
    '30m',
    '1h30m',
    '45s',
    '1d1h1m1s1ms',
    '0',
    '1d',
  ]);
  for (const ms of [60_000, 43_200_000, 2_592_000_000, 90_000]) assert.equal(parseDuration(formatDuration(ms)), ms);
});
