import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pino, { type Logger as PinoLogger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { buildApi } from '../api/app.js';
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/worker.js';
import { createIngest } from '../events/ingest.js';
import { loadKeyring } from '../secrets/keyring.js';
import { createSecretBox } from '../secrets/secret-box.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTokenVerifier, hasAnyToken, issueAdminToken } from './admin-token.js';

export interface Herald {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly worker: DeliveryWorker;
  readonly log: PinoLogger;
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
  /** Start the delivery worker (default true). */
  deliver?: boolean;
}

/**
 * The composition root: builds every part from the configuration, runs migrations, and wires
 * the API, ingest and delivery worker together.
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
  const worker = createDeliveryWorker({ store, box, clock, log: log.child({ component: 'delivery' }), config: config.delivery, nodeId });
  const ingest = createIngest({ db: store.db, clock, messageIdDomain: config.messageIdDomain, onQueued: () => worker.wake() });

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
    },
    log,
  );
  if (options.deliver !== false) worker.start();
  ready = true;

  return {
    app, store, worker, log, firstToken,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      ready = false;
      await app.close();
      await worker.stop(config.shutdownGraceMs);
      await store.close();
    },
  };
}
