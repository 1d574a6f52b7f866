import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/database.js';
import { loadConfig } from '../../src/config/config.js';
import pg from 'pg';
import { leaseOwners, postgresAdminUrl, testDialect } from '../support/test-database.js';
import { startThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';
import { duplicates, postSteadily, startCluster, systemSettings } from './cluster-support.js';

// Real: three `herald start` processes on one PostgreSQL database and an smtp-server peer; in
// the failover test one node is killed with SIGKILL, in the restart test a throwaway PostgreSQL
// server of the test's own is restarted. Only durations (lease, retry) are configured short.

const skip = testDialect !== 'postgres' && 'clusters need PostgreSQL';
const events = Number(process.env.HERALD_CLUSTER_EVENTS ?? 10_000);

async function postmasterStart(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query('select pg_postmaster_start_time() as t')).rows[0].t);
  } finally {
    await client.end();
  }
}

test(`three nodes deliver ${events} events: every Message-ID exactly once`, { skip, timeout: 300_000 }, async () => {
  await using cluster = await startCluster(3);
  await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster, { enabled: false }));
  const accepted = await cluster.acceptEvents(events);
  assert.equal(accepted.size, events);
  await cluster.call(cluster.nodes[1]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster));
  await cluster.waitForAll(accepted, 240_000);
  const store = openStore(loadConfig(cluster.env).database);
  const perNode = await store.db
    .selectFrom('attempts')
    .select(['node_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('outcome', '=', 'sent')
    .groupBy('node_id')
    .execute();
  await store.close();
  console.log(
    `cluster test: ${events} accepted, ${new Set(cluster.smtp.received.map((m) => m.messageId)).size} arrived, ${duplicates(cluster)} duplicates; sent per node: ${perNode.map((r) => r.n).join(', ')}`,
  );
  assert.equal(duplicates(cluster), 0);
  assert.equal(cluster.smtp.received.length, events);
  assert.equal(perNode.length, 3, 'all three nodes delivered');
});

test(
  'a node killed with SIGKILL mid-run: nothing lost, and every email received twice has an attempt recorded whose outcome was lost',
  { skip, timeout: 300_000 },
  async () => {
    await using cluster = await startCluster(3);
    await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster, { enabled: false }));
    const accepted = await cluster.acceptEvents(events);
    await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster));
    await cluster.smtp.waitFor(Math.floor(events / 3), 120_000);
    const victim = cluster.nodes[2]!;
    await victim.kill('SIGKILL');
    const store = openStore(loadConfig(cluster.env).database);
    try {
      const victimId = (await store.db.selectFrom('nodes').select('id').where('pid', '=', victim.child.pid!).executeTakeFirstOrThrow()).id;
      const inFlight = (await leaseOwners(cluster.env)).get(victimId) ?? 0;
      await cluster.waitForAll(accepted, 240_000);
      // At least once: an email arrives twice only when an attempt's outcome was lost, by the killed
      // node (its leases expire and are taken back) or by any node whose lease ran out on a busy
      // machine, or after no reply to the final "." (ambiguous); each such attempt is recorded.
      const copies = new Map<string, number>();
      for (const mail of cluster.smtp.received) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
      const twice = [...copies].filter(([, count]) => count > 1);
      const lost = new Map(
        twice.length === 0
          ? []
          : (
              await store.db
                .selectFrom('attempts')
                .innerJoin('messages', 'messages.id', 'attempts.message_id')
                .select(['messages.message_id', (eb) => eb.fn.countAll<number>().as('n')])
                .where(
                  'messages.message_id',
                  'in',
                  twice.map(([id]) => id),
                )
                .where('attempts.outcome', 'in', ['lease_expired', 'ambiguous'])
                .groupBy('messages.message_id')
                .execute()
            ).map((row) => [row.message_id, Number(row.n)]),
      );
      console.log(`failover test: ${events} accepted, 0 lost, ${duplicates(cluster)} duplicates, ${inFlight} in flight on the killed node`);
      for (const [messageId, count] of twice)
        assert.ok(
          (lost.get(messageId) ?? 0) >= count - 1,
          `${messageId} arrived ${count} times with ${lost.get(messageId) ?? 0} lost outcomes recorded`,
        );
    } finally {
      await store.close();
    }
  },
);

test(
  'PostgreSQL restarted mid-run: every event answered 202 is delivered',
  { skip: skip || throwawayPostgresUnavailable() || false, timeout: 300_000 },
  async () => {
    // The server restarted is a throwaway one of this test's own: the machine's is never touched.
    const machineStartedBefore = await postmasterStart(postgresAdminUrl);
    await using server = await startThrowawayPostgres();
    await using cluster = await startCluster(2, {}, { database: await server.createDatabase() });
    await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster));
    await using clients = postSteadily(cluster);
    await clients.acceptedAtLeast(50);
    const startedBefore = await postmasterStart(server.url());
    await server.restart();
    assert.notEqual(await postmasterStart(server.url()), startedBefore, 'PostgreSQL really restarted');
    await clients.acceptedAtLeast(clients.accepted.size + 50);
    const { accepted, refused } = await clients.stop();
    await cluster.waitForAll(accepted, 120_000);
    console.log(
      `database restart test: ${accepted.size} accepted and delivered, ${refused} posts refused during the restart and retried, ${duplicates(cluster)} duplicates`,
    );
    assert.equal(await postmasterStart(postgresAdminUrl), machineStartedBefore, "the machine's own PostgreSQL was not restarted");
  },
);

test('a per-server rate limit holds for the whole cluster, not per node', { skip, timeout: 120_000 }, async () => {
  await using cluster = await startCluster(3);
  const limit = 10;
  await cluster.call(
    cluster.nodes[0]!,
    'PUT',
    '/api/v1/system/mail-server',
    systemSettings(cluster, { enabled: false, rateLimitPerSecond: limit }),
  );
  const accepted = await cluster.acceptEvents(60);
  const started = Date.now();
  await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster, { rateLimitPerSecond: limit }));
  await cluster.waitForAll(accepted, 60_000);
  const seconds = (Date.now() - started) / 1000;
  // The busiest sliding second of arrivals.
  const times = cluster.smtp.received.map((mail) => mail.receivedAt).sort((a, b) => a - b);
  const busiestFrom = (from: number) =>
    Math.max(...times.map((t, i) => (t < from ? 0 : times.filter((u, j) => j >= i && u < t + 1000).length)));
  const busiest = busiestFrom(times[0]!);
  const steady = busiestFrom(times[0]! + 1000);
  console.log(
    `rate limit test: 60 messages through 3 nodes at ${limit}/s took ${seconds.toFixed(1)} s; busiest second ${busiest}, after the first second ${steady}`,
  );
  assert.ok(seconds >= 60 / limit - 1.5, `took only ${seconds} s`);
  // Admission is exact (one per 100 ms window). Arrivals follow it once the connections are open;
  // in the first second each node's first sends also wait for its SMTP connection to open, so
  // sends admitted in successive windows arrive together (1.5–1.9× the limit, seen on 2-core
  // machines). Per-node limits would admit 3× the limit all along, and the run would take a third
  // of the time.
  assert.ok(steady <= limit + 2, `${steady} messages in one second after the first (per-node limits would allow ${3 * limit})`);
  assert.ok(busiest <= limit * 2.5, `${busiest} messages in the first second (per-node limits would allow ${3 * limit})`);
});

test('settings changed through one node are used by every node for the next send', { skip, timeout: 120_000 }, async () => {
  await using cluster = await startCluster(3);
  await cluster.call(cluster.nodes[0]!, 'PUT', '/api/v1/system/mail-server', systemSettings(cluster, { fromAddress: 'old@example.test' }));
  const first = await cluster.acceptEvents(30);
  await cluster.waitForAll(first, 30_000);
  const saved = await cluster.call(
    cluster.nodes[1]!,
    'PUT',
    '/api/v1/system/mail-server',
    systemSettings(cluster, { fromAddress: 'new@example.test' }),
  );
  assert.equal(saved.status, 200);
  const second = await cluster.acceptEvents(300);
  await cluster.waitForAll(second, 60_000);
  const senders = new Set(cluster.smtp.received.filter((mail) => second.has(mail.messageId)).map((mail) => mail.from));
  assert.deepEqual([...senders], ['new@example.test']);
  const store = openStore(loadConfig(cluster.env).database);
  const nodes = await store.db
    .selectFrom('attempts')
    .select('node_id')
    .distinct()
    .where('settings_version', '=', saved.body.settings.version)
    .execute();
  await store.close();
  assert.equal(nodes.length, 3, 'every node sent with the new version');
});
