import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './support/herald-harness.js';
import { manualClock } from './support/test-clock.js';
import type { HostSample } from '../src/monitor/host-sampler.js';

// Real: Herald (database, ingest, rules). Fake: the host samples and the clock.

test('host monitor: fires after the hold time, resolves below the hysteresis margin, 0 disables', async () => {
  const clock = manualClock();
  let sample: HostSample = { cpu: 10, memory: 10, disks: [{ path: '/var', usage: 10 }] };
  await using h = await startHarness(
    { HERALD_MONITOR_HOLD: '5m', HERALD_MONITOR_HYSTERESIS: '5' },
    { herald: { clock, background: false, sampler: async () => sample } },
  );
  await h.api('PUT', '/api/v1/system/recipients', { recipients: ['ops@example.test'] });
  const tick = async () => (await h.herald.monitor.tick()).map((e) => `${e.type}:${e.status}`);

  assert.deepEqual(await tick(), []);
  sample = { ...sample, cpu: 95 };
  assert.deepEqual(await tick(), [], 'over the threshold, holding');
  clock.advance(4 * 60_000);
  assert.deepEqual(await tick(), []);
  sample = { ...sample, cpu: 50 };
  clock.advance(60_000);
  assert.deepEqual(await tick(), [], 'a spike under the hold time never pages');
  sample = { ...sample, cpu: 95 };
  await tick();
  clock.advance(5 * 60_000);
  assert.deepEqual(await tick(), ['host.cpu:firing']);
  const alert = (await h.api('GET', '/api/v1/system/alerts')).body.items[0];
  assert.deepEqual([alert.type, alert.status], ['host.cpu', 'firing']);
  sample = { ...sample, cpu: 87 };
  assert.deepEqual(await tick(), [], 'within the hysteresis margin: still firing');
  sample = { ...sample, cpu: 84 };
  assert.deepEqual(await tick(), ['host.cpu:resolved']);
  const subjects = (await h.herald.store.db.selectFrom('messages').select('subject').execute()).map((m) => m.subject).sort();
  assert.deepEqual(subjects, ['[resolved] CPU usage over threshold — System', '[warning] CPU usage over threshold — System']);

  // 0 disables: the disk never fires however full.
  await h.api('PATCH', '/api/v1/system/notifications', { thresholds: { disk: 0 } });
  sample = { ...sample, disks: [{ path: '/var', usage: 99 }] };
  await tick();
  clock.advance(10 * 60_000);
  assert.deepEqual(await tick(), []);
});
