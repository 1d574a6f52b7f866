import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialect } from '../support/test-database.js';
import { startThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';
import { startHeraldProcess, type HeraldProcess } from '../support/herald-process.js';
import { startSmtpTestServer } from '../support/smtp-test-server.js';
import { adminToken, fastDeliveryEnv } from '../support/herald-harness.js';
import { until } from '../support/until.js';
import { duplicates, postSteadily, startCluster, systemSettings } from './cluster-support.js';

// Real: `herald start` processes, an smtp-server peer and a throwaway PostgreSQL server of the
// test's own (initdb'd into a temp folder), whose postmaster is killed with SIGKILL or started
// only after Herald. Only durations (lease, retry) are configured short.

const skip = testDialect !== 'postgres' ? 'PostgreSQL tests run in the PostgreSQL pass' : (throwawayPostgresUnavailable() ?? false);

const readiness = async (node: HeraldProcess) => {
  try {
    return (await fetch(`${node.url}/readyz`)).status;
  } catch (error) {
    throw new Error(
      `no answer from ${node.url} (exit code ${node.child.exitCode}): ${(error as Error).message}\n${node.output().slice(-1500)}`,
    );
  }
};
const running = (node: HeraldProcess) => node.child.exitCode === null && node.child.signalCode === null;

test(
  'kill -9 of the PostgreSQL postmaster under load: every node keeps running, answers 503 while it is down, and every event answered 202 is delivered',
  { skip, timeout: 300_000 },
  async () => {
    await using server = await startThrowawayPostgres();
    await using cluster = await startCluster(2, {}, { database: await server.createDatabase() });
    await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster));
    await using clients = postSteadily(cluster, 4);
    await clients.acceptedAtLeast(100);
    await cluster.smtp.waitFor(50, 60_000);

    const crashedAt = Date.now();
    await server.crash();
    for (const node of cluster.nodes) await until('/readyz says 503 on every node', async () => (await readiness(node)) === 503, 30_000);
    await until(
      'the API refuses an event with 503 database_unavailable',
      () => (clients.refusals.get('503 database_unavailable') ?? 0) > 0,
      30_000,
    );
    const acceptedDuringOutage = clients.accepted.size;

    await server.start();
    for (const node of cluster.nodes)
      await until('/readyz says 200 again on every node', async () => (await readiness(node)) === 200, 60_000);
    const outageMs = Date.now() - crashedAt;
    await clients.acceptedAtLeast(acceptedDuringOutage + 100);
    const { accepted, refusals } = await clients.stop();
    await cluster.waitForAll(accepted, 120_000);

    console.log(
      `postmaster kill test: ${accepted.size} accepted and delivered, ${duplicates(cluster)} duplicates; ready again ${outageMs} ms after the kill; refused posts: ${JSON.stringify(Object.fromEntries(refusals))}`,
    );
    assert.deepEqual(cluster.nodes.map(running), [true, true], 'every node is still running');
    assert.deepEqual(
      [...refusals.keys()].filter((refusal) => refusal !== '503 database_unavailable'),
      [],
      'refusals were all 503 database_unavailable',
    );
  },
);

test(
  'Herald started before PostgreSQL: it waits while the server refuses connections and while it is starting up (57P03), then becomes ready and delivers',
  { skip, timeout: 120_000 },
  async () => {
    await using server = await startThrowawayPostgres();
    const database = await server.createDatabase();
    await server.stop();
    await using smtp = await startSmtpTestServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-db-wait-'));
    const env = { ...fastDeliveryEnv, ...database.env, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: adminToken, HERALD_LOG_LEVEL: 'warn' };
    let output = '';
    const starting = startHeraldProcess(env, 60_000, { onOutput: (text) => (output = text) });
    const waitedFor = (code: string) => new RegExp(`"code":"${code}".*"msg":"waiting for the database"`).test(output);
    let herald: HeraldProcess | undefined;
    try {
      await until('Herald waits for a server that refuses connections', () => waitedFor('ECONNREFUSED'), 30_000);
      await server.start({ standby: true });
      await until('Herald waits for a server that is starting up', () => waitedFor('57P03'), 30_000);
      await server.promote();
      herald = await starting;
      assert.equal(await readiness(herald), 200);

      const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
      const settings = { provider: 'smtp', host: smtp.host, port: smtp.port, security: 'none', fromAddress: 'herald@example.test' };
      assert.equal(
        (await fetch(`${herald.url}/api/v1/system/mail-server`, { method: 'PUT', headers: auth, body: JSON.stringify(settings) })).status,
        200,
      );
      const answer = await fetch(`${herald.url}/api/v1/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type: 'service.failed', recipients: ['ops@example.test'] }),
      });
      assert.equal(answer.status, 202);
      const { messages } = (await answer.json()) as { messages: Array<{ messageId: string }> };
      await smtp.waitFor(1);
      assert.equal(smtp.received[0]!.messageId, messages[0]!.messageId);
    } finally {
      await (herald ?? (await starting.catch(() => undefined)))?.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
