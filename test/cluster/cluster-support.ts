import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { startHeraldProcess, type HeraldProcess } from '../support/herald-process.js';
import { adminToken, fastDeliveryEnv } from '../support/herald-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A PostgreSQL database, an SMTP peer and N `herald start` processes sharing them. */
export interface Cluster {
  smtp: SmtpTestServer;
  nodes: HeraldProcess[];
  env: Record<string, string>;
  database: TestDatabase;
  call(
    node: HeraldProcess,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** Accepts `count` events (one recipient each) through the nodes in turn; returns their Message-IDs. */
  acceptEvents(count: number): Promise<Set<string>>;
  /** Resolves once every id in `ids` has arrived, or rejects after `timeoutMs`. */
  waitForAll(ids: Set<string>, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** `database`: where the nodes keep their data (a throwaway server's, say); a fresh database on the test server by default. */
export async function startCluster(
  size: number,
  extraEnv: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cluster-'));
  const database = options.database ?? (await createTestDatabase());
  const smtp = await startSmtpTestServer({ light: true });
  const env = {
    ...fastDeliveryEnv,
    ...database.env,
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: adminToken,
    HERALD_LOG_LEVEL: 'warn',
    HERALD_SMTP_TIMEOUT: '2s',
    HERALD_LEASE: '8s',
    ...extraEnv,
  };
  // The first node creates the schema and the key file; the others then start together.
  const nodes = [await startHeraldProcess(env)];
  nodes.push(...(await Promise.all(Array.from({ length: size - 1 }, () => startHeraldProcess(env)))));

  const call: Cluster['call'] = async (node, method, path, body, headers = {}) => {
    const response = await fetch(`${node.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };

  const cluster: Cluster = {
    smtp,
    nodes,
    env,
    database,
    call,
    async acceptEvents(count) {
      const ids = new Set<string>();
      const batches = Math.ceil(count / 1000);
      for (let batch = 0; batch < batches; batch += 1) {
        const size = Math.min(1000, count - batch * 1000);
        const events = Array.from({ length: size }, (_, i) => ({
          type: 'record.added',
          recipients: [`user${batch * 1000 + i}@example.test`],
        }));
        const answer = await call(nodes[batch % nodes.length]!, 'POST', '/api/v1/events/batch', { events });
        if (answer.status !== 202) throw new Error(`batch refused: ${answer.status} ${JSON.stringify(answer.body)}`);
        for (const event of answer.body.events) for (const message of event.messages) ids.add(message.messageId);
      }
      return ids;
    },
    async waitForAll(ids, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const arrived = new Set(smtp.received.map((mail) => mail.messageId));
        const missing = [...ids].filter((id) => !arrived.has(id)).length;
        if (missing === 0) return;
        if (Date.now() > deadline) throw new Error(`${missing} of ${ids.size} messages did not arrive in time`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async close() {
      await Promise.all(nodes.map((node) => node.kill('SIGTERM')));
      await smtp.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async [Symbol.asyncDispose]() {
      await cluster.close();
    },
  };
  return cluster;
}

/** Points the system mail server at the cluster's SMTP peer; `enabled: false` holds mail. */
export function systemSettings(cluster: Cluster, extra: Record<string, unknown> = {}) {
  return {
    provider: 'smtp',
    host: cluster.smtp.host,
    port: cluster.smtp.port,
    security: 'none',
    fromAddress: 'herald@example.test',
    applyToAllTenants: true,
    poolSize: 4,
    ...extra,
  };
}

/** Counts Message-IDs that arrived more than once. */
export function duplicates(cluster: Cluster): number {
  return cluster.smtp.received.length - new Set(cluster.smtp.received.map((mail) => mail.messageId)).size;
}

/** Clients posting one event after another through the nodes; see postSteadily. */
export interface SteadyClients {
  /** Message-IDs of the events answered 202. */
  readonly accepted: Set<string>;
  /** Refused posts by answer: `503 database_unavailable`, `0 fetch failed` (no answer), … */
  readonly refusals: Map<string, number>;
  /** Resolves once `count` events have been accepted; rejects after `timeoutMs`. */
  acceptedAtLeast(count: number, timeoutMs?: number): Promise<void>;
  /** Stops posting (each client finishes its event first) and returns what was accepted and refused. */
  stop(): Promise<{ accepted: Set<string>; refused: number; refusals: Map<string, number> }>;
  /** Stops them (`await using`), so a failed assertion does not leave them posting forever. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * `perNode` clients per node, each posting one event at a time as an integration would: a refused
 * post is retried with its Idempotency-Key until it is accepted, so every event ends answered 202.
 */
export function postSteadily(cluster: Cluster, perNode = 1): SteadyClients {
  const accepted = new Set<string>();
  const refusals = new Map<string, number>();
  let stopping = false;
  const clients = cluster.nodes
    .flatMap((node) => Array.from({ length: perNode }, () => node))
    .map(async (node, client) => {
      for (let i = 0; !stopping; i += 1) {
        const key = `client${client}-${i}`;
        while (!stopping) {
          const answer = await cluster
            .call(node, 'POST', '/api/v1/events', { type: 'record.added', recipients: [`${key}@example.test`] }, { 'idempotency-key': key })
            .catch((error: Error) => ({ status: 0, body: { error: { code: error.message } } }));
          if (answer.status === 202) {
            accepted.add(answer.body.messages[0].messageId);
            break;
          }
          const refusal = `${answer.status} ${answer.body?.error?.code ?? ''}`;
          refusals.set(refusal, (refusals.get(refusal) ?? 0) + 1);
          // A client's pause before retrying a refused post, as Retry-After asks.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
  const sum = () => [...refusals.values()].reduce((a, b) => a + b, 0);
  return {
    accepted,
    refusals,
    async acceptedAtLeast(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.size < count) {
        const exited = cluster.nodes.find((node) => node.child.exitCode !== null || node.child.signalCode !== null);
        if (exited)
          throw new Error(`a node exited (${exited.child.exitCode ?? exited.child.signalCode}):\n${exited.output().slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(`only ${accepted.size} of ${count} events accepted in time; refusals: ${JSON.stringify([...refusals])}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopping = true;
      await Promise.all(clients);
      return { accepted, refused: sum(), refusals };
    },
    async [Symbol.asyncDispose]() {
      stopping = true;
      await Promise.all(clients);
    },
  };
}
