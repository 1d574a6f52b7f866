import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger as PinoLogger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { buildApi } from '../api/app.js';
import { registerNode } from '../cluster/nodes.js';
import { createClusterRateLimiter } from '../cluster/rate-limiter.js';
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/worker.js';
import { createIngest } from '../events/ingest.js';
import { loadKeyring } from '../secrets/keyring.js';
import { createSecretBox } from '../secrets/secret-box.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTokenVerifier, hasAnyToken, issueAdminToken } from './admin-token.js';
import { heraldVersion } from './version.js';

export interface Herald {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly worker: DeliveryWorker;
  readonly log: PinoLogger;
  readonly nodeId: string;
  /** A token generated on this first start (printed once), if one was. */
  readonly firstToken: string | undefined;
  /** Listens on the configured host and port; resolves to the URL it really listens on. */
  listen(): Promise<string>;
  /** Graceful stop: no new requests, in-flight sends drained, leases released, database closed. */
  close(): Promise<void>;
}

export interface HeraldOptions {
  clock?: Clock;
  /** Where the JSON logs go (a test captures them); stdout by default. */
  logStream?: NodeJS.WritableStream;
  /** Start the delivery worker when the role includes it (default true). */
  deliver?: boolean;
}

const heartbeatMs = 5000;

/**
 * The composition root: builds every part from the configuration, runs migrations, registers
 * the node, and wires the API, ingest and delivery worker together according to the role.
 *
 * @example const herald = await createHerald(loadConfig(process.env)); console.log(await herald.listen());
 */
export async function createHerald(config: Config, options: HeraldOptions = {}): Promise<Herald> {
  const clock = options.clock ?? systemClock;
  const log = pino(
    { level: config.logLevel, redact: { paths: ['*.password', '*.pass', 'password', 'headers.authorization', 'req.headers.authorization'], censor: '[redacted]' } },
    options.logStream ?? process.stdout,
  );
  const store = openStore(config.database);
  await migrateToLatest(store.db);
  const box = createSecretBox(loadKeyring({ masterKeys: config.masterKeys, dataDir: config.dataDir }));
  const nodeId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const rateLimiter = createClusterRateLimiter(store.db, clock);
  const worker = createDeliveryWorker({ store, box, clock, rateLimiter, log: log.child({ component: 'delivery', node: nodeId }), config: config.delivery, nodeId });
  const delivers = config.role !== 'api' && options.deliver !== false;
  const ingest = createIngest({ db: store.db, clock, messageIdDomain: config.messageIdDomain, onQueued: () => worker.wake() });
  const registration = await registerNode(store.db, { id: nodeId, role: config.role, hostname: hostname(), pid: process.pid, version: heraldVersion, now: clock.now() });

  let firstToken: string | undefined;
  if (!config.adminToken && !(await hasAnyToken(store.db))) firstToken = await issueAdminToken(store.db, clock, 'generated on first start');

  let ready = false;
  const app = await buildApi(
    {
      config, store, box, clock, ingest,
      verifyToken: createTokenVerifier(store.db, config.adminToken),
      onSettingsChanged: async () => {
        await worker.releaseHeldMessages();
      },
      isReady: () => ready,
      node: { id: nodeId, role: config.role, version: heraldVersion, stats: () => worker.stats() },
    },
    log,
  );
  if (delivers) worker.start();
  const heartbeat = setInterval(() => {
    registration.beat(worker.stats(), clock.now()).catch((error: unknown) => log.warn({ err: error }, 'node heartbeat failed'));
  }, heartbeatMs);
  heartbeat.unref();
  ready = true;
  log.info({ node: nodeId, role: config.role, database: config.database.dialect }, 'herald started');

  return {
    app, store, worker, log, nodeId, firstToken,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      ready = false;
      clearInterval(heartbeat);
      await app.close();
      await worker.stop(config.shutdownGraceMs);
      await registration.stopped(worker.stats(), clock.now()).catch(() => undefined);
      await store.close();
    },
  };
}
