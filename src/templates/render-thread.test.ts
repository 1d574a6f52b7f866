import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

// The compiled build starts a render thread at render-thread.js itself, with no entry module in
// front (shared/thread-entry.ts); here tsx is registered first, as the build needs no loader.
const thread = new URL('./render-thread.ts', import.meta.url).href;

test(
  'a render thread started at its own module, as the build starts it, lowers its priority',
  { skip: process.platform !== 'linux' },
  async () => {
    const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(thread)}); });`, {
      eval: true,
      workerData: { renderLimitMs: 1000 },
    });
    try {
      const { tid } = await new Promise<{ tid: number }>((resolve, reject) => {
        worker.once('error', reject);
        worker.on('message', (reply: { ready?: boolean; tid: number }) => reply.ready && resolve(reply));
      });
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const nice = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16];
      assert.equal(nice, '10', 'a template that uses up its budget takes only the CPU the rest of Herald leaves');
    } finally {
      await worker.terminate();
    }
  },
);
