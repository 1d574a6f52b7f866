import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { repeatEvery } from './repeat.js';

test('a periodic task that is still running skips its beats instead of starting again; a failure does not stop it', async () => {
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const runs: Array<{ finish(): void; fail(): void }> = [];
    const errors: unknown[] = [];
    const stop = repeatEvery(
      1000,
      () => new Promise<void>((resolve, reject) => runs.push({ finish: resolve, fail: () => reject(new Error('database down')) })),
      (error) => errors.push(error),
    );
    mock.timers.tick(1000);
    assert.equal(runs.length, 1);
    // The first run waits (a lock, a stalled database): three more beats start nothing.
    mock.timers.tick(3000);
    assert.equal(runs.length, 1, 'no second run while the first is going');
    runs[0]!.fail();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      errors.map((error) => (error as Error).message),
      ['database down'],
    );
    mock.timers.tick(1000);
    assert.equal(runs.length, 2, 'the next beat after the run ended starts one');
    runs[1]!.finish();
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    mock.timers.tick(5000);
    assert.equal(runs.length, 2, 'nothing after stop');
  } finally {
    mock.timers.reset();
  }
});
