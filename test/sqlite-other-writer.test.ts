import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startHarness } from './support/herald-harness.js';
import { acmeWithTemplate } from './support/template-tenants.js';
import { testDialect } from './support/test-database.js';

// Real: Herald on its SQLite file, and a second connection to that file in a worker thread, as a
// `herald queue …` command run beside the server is: it writes while Herald accepts events.

/** Writes to the file in a loop on its own connection until told to stop; answers with how many writes it made. */
function startOtherWriter(file: string): { stop(): Promise<number> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require('better-sqlite3');
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    const touch = db.prepare("update scopes set updated_at = updated_at + 1 where id = 'globex'");
    let writes = 0;
    let stopping = false;
    parentPort.on('message', () => { stopping = true; });
    const loop = () => {
      if (stopping) { db.close(); parentPort.postMessage(writes); return; }
      touch.run();
      writes += 1;
      setTimeout(loop, 5);
    };
    loop();
    `,
    { eval: true, workerData: { file } },
  );
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (writes: number) => void worker.terminate().then(() => resolve(writes)));
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

test(
  'another process writing the SQLite file while Herald accepts events: every event is accepted, none answered 500',
  { skip: testDialect !== 'sqlite' && 'two processes on one file is a SQLite matter' },
  async () => {
    await using h = await startHarness();
    // A template of its own: each commit waits for its render in a thread, a gap in which the other writer can commit.
    await acmeWithTemplate(h, 'Acme: {{ data.service }}');
    const other = startOtherWriter(join(h.dataDir, 'herald.sqlite'));
    const statuses: number[] = [];
    try {
      for (let round = 0; round < 20; round += 1) {
        const answers = await Promise.all(
          Array.from({ length: 5 }, (_, n) =>
            h.api('POST', '/api/v1/events', {
              type: 'service.failed',
              tenant: 'acme',
              data: { service: `s${round}-${n}`, state: 'failed', host: 'pbx' },
            }),
          ),
        );
        statuses.push(...answers.map((answer) => answer.status));
      }
    } finally {
      const writes = await other.stop();
      assert.ok(writes > 0, 'the other connection wrote meanwhile');
    }
    const refused = statuses.filter((status) => status !== 202);
    assert.deepEqual(refused, [], `${refused.length} of ${statuses.length} events were not accepted`);
    const stored = await h.herald.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('scope_id', '=', 'acme')
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 100, 'every accepted event is stored');
  },
);
