import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../shared/logger.js';
import { createRenderPool } from './render-pool.js';
import type { NotificationContext } from './render.js';

// Real: the render pool and its worker threads, rendering a Liquid template. Nothing is faked.

const context = (n: number): NotificationContext => ({
  event: {
    id: `evt_${n}`,
    type: 'disk.threshold',
    title: 'Disk almost full',
    severity: 'warning',
    status: null,
    occurredAt: '2026-12-02T10:00:00.000Z',
    dedupKey: null,
    renotify: false,
  },
  data: { host: 'db-1', used: n },
  labels: {},
  annotations: {},
  scope: { id: 'acme', name: 'Acme' },
  brand: { productName: 'Herald', logoUrl: null, primaryColor: '#1f6feb', backgroundColor: '#f6f8fa', footer: '' },
  user: null,
  alerts: [],
});
const source = { subject: 'Disk on {{ data.host }}', html: '<p>{{ data.host }} is {{ data.used }}% full</p>', text: null };

test('the render pool keeps one thread for renders one at a time, and starts the second only when renders wait', async () => {
  const pool = createRenderPool({ threads: 2, budgetMs: 5_000, log: silentLogger });
  try {
    assert.equal(pool.threads(), 0, 'no thread before the first render');
    for (let n = 0; n < 20; n += 1) {
      const outcome = await pool.render('acme\u0000disk.threshold\u00001', source, context(n));
      assert.ok('rendered' in outcome, JSON.stringify(outcome));
      assert.equal(outcome.rendered.subject, 'Disk on db-1');
      assert.match(outcome.rendered.html, new RegExp(`db-1 is ${n}% full`));
    }
    assert.equal(pool.threads(), 1, 'one render at a time: one thread (each is ~30 MB)');

    const together = await Promise.all(
      Array.from({ length: 8 }, (_, n) => pool.render('acme\u0000disk.threshold\u00001', source, context(n))),
    );
    assert.deepEqual(
      together.map((outcome) => ('rendered' in outcome ? outcome.rendered.subject : outcome)),
      Array(8).fill('Disk on db-1'),
    );
    assert.equal(pool.threads(), 2, 'renders waiting with none idle: a second thread, no more than HERALD_TEMPLATE_THREADS');
  } finally {
    await pool.close();
  }
});

test('after a quiet spell every thread stops, and the next render starts one again', async () => {
  const pool = createRenderPool({ threads: 2, budgetMs: 5_000, log: silentLogger, idleStopMs: 200 });
  const eight = async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, n) => pool.render('acme\u0000disk.threshold\u00001', source, context(n))),
    );
    assert.ok(outcomes.every((outcome) => 'rendered' in outcome && outcome.rendered.subject === 'Disk on db-1'));
  };
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 15_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    await eight();
    assert.equal(pool.threads(), 2);
    await until(() => pool.threads() === 0, 'no thread left after the quiet spell');
    assert.equal(pool.threadStarting(), undefined, 'nothing waits for a thread');

    const single = pool.render('acme\u0000disk.threshold\u00001', source, context(1));
    const starting = pool.threadStarting();
    assert.ok(starting, 'a render waits for a thread that is starting');
    await starting;
    assert.equal(pool.threadStarting(), undefined, 'a thread is ready');
    const outcome = await single;
    assert.ok('rendered' in outcome && outcome.rendered.subject === 'Disk on db-1', 'the render waited for the thread, then ran');
    await eight();
    assert.equal(pool.threads(), 2, 'renders waiting again: the second thread is back');
    await until(() => pool.threads() === 0, 'no thread left after the second quiet spell');
  } finally {
    await pool.close();
  }
});

test('a send dropped while its thread starts (its commit was put off) is not rendered: the next send finds the one thread idle', async () => {
  const pool = createRenderPool({ threads: 2, budgetMs: 5_000, log: silentLogger });
  try {
    const putOff = new AbortController();
    const stale = pool.render('acme\u0000disk.threshold\u00001', source, context(0), putOff.signal);
    const starting = pool.threadStarting();
    assert.ok(starting, 'the sends wait for a thread that is starting');
    putOff.abort();
    assert.deepEqual(await stale, { problems: [{ field: '/', rule: 'busy', message: 'the render was no longer wanted' }] });
    await starting;
    // Asked the moment the thread is ready, as the put-off commit's renders are.
    const outcome = await pool.render('acme\u0000disk.threshold\u00001', source, context(1));
    assert.ok('rendered' in outcome, JSON.stringify(outcome));
    assert.equal(pool.threads(), 1, 'no second thread: nothing stale kept the first one busy');
  } finally {
    await pool.close();
  }
});
