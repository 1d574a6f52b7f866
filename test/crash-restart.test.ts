import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openStore } from '../src/store/database.js';
import { createTestDatabase, leaseOwners } from './support/test-database.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHungSmtpServer } from './support/hung-smtp-server.js';
import { startHeraldProcess, type HeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';
import { until } from './support/until.js';

// Real: `herald start` processes on one database (the SQLite file or a PostgreSQL database), one
// killed with SIGKILL while its sends hang at a real SMTP server that never answers the final ".",
// then restarted with a real SMTP server on the same port. The lease is the default 5 minutes:
// only taking the leases back at the restart can deliver within seconds.

const events = 12;

async function nodeIdOf(env: Record<string, string>, node: HeraldProcess): Promise<string> {
  const store = openStore(loadConfig(env).database);
  try {
    return (
      await store.db
        .selectFrom('nodes')
        .select('id')
        .where('pid', '=', node.child.pid!)
        .where('stopped_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  } finally {
    await store.close();
  }
}

test(
  'kill -9 and restart: the mail in flight at the kill is delivered at once by the restarted node, not when its 5-minute leases end; a live worker beside it and an API node leave those leases alone',
  { timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-restart-'));
    const database = await createTestDatabase();
    const hung = await startHungSmtpServer();
    const env = {
      ...fastDeliveryEnv,
      ...database.env,
      HERALD_DATA_DIR: dataDir,
      HERALD_ADMIN_TOKEN: adminToken,
      HERALD_LOG_LEVEL: 'warn',
      HERALD_LEASE: '5m',
      HERALD_SMTP_TIMEOUT: '60s',
    };
    const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
    const nodes: HeraldProcess[] = [];
    try {
      const first = await startHeraldProcess(env);
      nodes.push(first);
      const settings = {
        provider: 'smtp',
        host: hung.host,
        port: hung.port,
        security: 'none',
        fromAddress: 'herald@example.test',
        applyToAllTenants: true,
        poolSize: 4,
      };
      assert.equal(
        (await fetch(`${first.url}/api/v1/system/mail-server`, { method: 'PUT', headers: auth, body: JSON.stringify(settings) })).status,
        200,
      );
      const body = { events: Array.from({ length: events }, (_, i) => ({ type: 'record.added', recipients: [`user${i}@example.test`] })) };
      const answer = await fetch(`${first.url}/api/v1/events/batch`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      assert.equal(answer.status, 202);
      const accepted = ((await answer.json()) as { events: Array<{ messages: Array<{ messageId: string }> }> }).events.flatMap((event) =>
        event.messages.map((message) => message.messageId),
      );
      const firstId = await nodeIdOf(env, first);
      await until(
        'every message is claimed and four sends hang after the final "."',
        async () => hung.hanging.size >= 4 && (await leaseOwners(env)).get(firstId) === events,
      );

      // A second delivering node starts beside the live first one: it must not take the first's leases.
      const second = await startHeraldProcess({ ...env, HERALD_ROLE: 'worker' });
      nodes.push(second);
      assert.notEqual(await nodeIdOf(env, second), firstId);
      assert.deepEqual([...(await leaseOwners(env))], [[firstId, events]], 'the live node keeps its leases');

      await first.kill('SIGKILL');
      // An API node of the same installation starting now does not deliver, so it takes nothing back.
      nodes.push(await startHeraldProcess({ ...env, HERALD_ROLE: 'api' }));
      assert.deepEqual([...(await leaseOwners(env))], [[firstId, events]], 'an API node leaves the leases alone');
      await hung.close();
      await using smtp = await startSmtpTestServer({ port: hung.port });
      const restartedAt = Date.now();
      const restarted = await startHeraldProcess(env);
      nodes.push(restarted);
      const listeningAfter = (Date.now() - restartedAt) / 1000;
      const arrived = () => new Set(smtp.received.map((mail) => mail.messageId));
      await until('every message in flight at the kill arrived', () => accepted.every((id) => arrived().has(id)), 60_000);
      const seconds = (Date.now() - restartedAt) / 1000;
      const afterListening = seconds - listeningAfter;

      console.log(
        `restart test: ${events} messages in flight at the kill (${hung.hanging.size} hanging in DATA), all delivered ${seconds.toFixed(1)} s after the restart was launched (listening after ${listeningAfter.toFixed(1)} s, so ${afterListening.toFixed(1)} s after); ${smtp.received.length - arrived().size} duplicates`,
      );
      assert.equal(await nodeIdOf(env, restarted), firstId, 'the restarted node has the identity it had');
      // Waiting for the leases would take 300 s; a start on a crowded machine alone can take 15 s,
      // so the bound is taken from the moment the restarted node listens, with a wide margin.
      assert.ok(afterListening < 60, `delivered ${afterListening.toFixed(1)} s after the restarted node listened (leases: 300 s)`);
    } finally {
      await Promise.all(nodes.map((node) => node.kill('SIGTERM')));
      await hung.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
