import { hostname } from 'node:os';
import pino, { type Logger as PinoLogger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { buildApi } from '../api/app.js';
import { registerNode } from '../cluster/nodes.js';
import { createClusterRateLimiter } from '../cluster/rate-limiter.js';
import { createDeliveryWorker, type DeliveryWorker } from '../delivery/sending/worker.js';
import { createAttemptObserver } from '../delivery/sending/attempt-observer.js';
import { createHeraldMetrics } from '../metrics/index.js';
import { reclaimOrphanedLeases } from '../delivery/sending/orphaned-leases.js';
import { createIngest } from '../events/ingest.js';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.js';
import { createRetention, type Retention } from '../scheduler/retention.js';
import { createHostSampler, type HostSampler } from '../monitor/host-sampler.js';
import { createMonitor, type Monitor } from '../monitor/monitor.js';
import { databaseAnswers, openStore, type Store } from '../store/database.js';
import { prepareSetup, pruneSessions } from '../accounts/index.js';
import { migrateToLatest } from '../store/migrate.js';
import { whenDatabaseAnswers } from '../store/wait-for-database.js';
import { createRenderPool } from '../templates/index.js';
import { createDomains } from './domains.js';
import { heraldVersion } from './version.js';
import { repeatEvery } from '../shared/repeat.js';

export interface Herald {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly worker: DeliveryWorker;
  readonly scheduler: Scheduler;
  readonly retention: Retention;
  readonly monitor: Monitor;
  readonly log: PinoLogger;
  readonly nodeId: string;
  /** While no system administrator exists: the one-time token of the setup link (`/setup?token=…`). */
  readonly setupToken: string | undefined;
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
  /** Run the scheduler and monitor on timers (default true); tests drive them with tick(). */
  background?: boolean;
  /** Where host samples come from (tests inject them); the real host by default. */
  sampler?: HostSampler;
}

const heartbeatMs = 5000;

/**
 * The composition root: builds every part from the configuration, runs migrations, registers
 * the node, and wires the API, ingest and delivery worker together according to the role.
 *
 * @example
 * import { loadConfig } from '../config/config.js';
 * const herald = await createHerald(loadConfig(process.env)); console.log(await herald.listen());
 */
export async function createHerald(config: Config, options: HeraldOptions = {}): Promise<Herald> {
  const clock = options.clock ?? systemClock;
  const log = pino(
    {
      level: config.logLevel,
      redact: { paths: ['*.password', '*.pass', 'password', 'headers.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    },
    options.logStream ?? process.stdout,
  );
  const store = openStore(config.database);
  await whenDatabaseAnswers(() => migrateToLatest(store.db), log);
  const registration = await registerNode(store.db, {
    identity: config.nodeId,
    role: config.role,
    hostname: hostname(),
    pid: process.pid,
    version: heraldVersion,
    now: clock.now(),
  });
  const nodeId = registration.id;
  const rateLimiter = createClusterRateLimiter(store.db, clock);
  const templates = createRenderPool({ ...config.templates, log: log.child({ component: 'templates', node: nodeId }) });
  // One per process: a password that does not open is audited and logged once, whoever meets it first.
  const metrics = createHeraldMetrics({ db: store.db, clock, topTenants: config.metricsTopTenants });
  const domains = createDomains({
    db: store.db,
    clock,
    config,
    renderPool: templates,
    log: log.child({ component: 'secrets', node: nodeId }),
    onTokenRefreshFailed: ({ scopeId, mode }) =>
      metrics.tokenRefreshFailed({ scope: scopeId, provider: mode.startsWith('microsoft') ? 'microsoft365' : 'gmail' }),
  });
  const { hosts, secrets, secretAlarm } = domains;
  const deliveryLog = log.child({ component: 'delivery', node: nodeId });
  const worker = createDeliveryWorker({
    store,
    secrets,
    clock,
    rateLimiter,
    log: deliveryLog,
    config: config.delivery,
    nodeId,
    hosts,
    observeAttempt: createAttemptObserver({ db: store.db, log: deliveryLog, metrics }),
    tokens: domains.tokens,
  });
  const delivers = config.role !== 'api' && options.deliver !== false;
  const ingest = createIngest({
    db: store.db,
    dialect: store.dialect,
    clock,
    messageIdDomain: config.messageIdDomain,
    maxMessagesPerSubmission: config.security.maxMessagesPerRequest,
    secrets,
    templates,
    onQueued: () => worker.wake(),
  });
  const scheduler = createScheduler({
    db: store.db,
    dialect: store.dialect,
    clock,
    ingest,
    log: log.child({ component: 'scheduler', node: nodeId }),
    intervalMs: config.notifications.schedulerIntervalMs,
  });
  const background = config.role !== 'api' && options.background !== false;
  const retention = createRetention({
    db: store.db,
    clock,
    policy: config.retention,
    log: log.child({ component: 'retention', node: nodeId }),
  });
  const n = config.notifications;
  const monitor = createMonitor({
    db: store.db,
    clock,
    ingest,
    sampler: options.sampler ?? createHostSampler(n.monitorPaths),
    log: log.child({ component: 'monitor', node: nodeId }),
    intervalMs: n.monitorIntervalMs,
    holdMs: n.monitorHoldMs,
    hysteresis: n.monitorHysteresis,
    sampleHost: n.monitorEnabled,
    deliveryFailingAfterMs: n.deliveryFailingAfterMs,
  });

  const setupToken = config.role === 'worker' ? undefined : await prepareSetup(store.db, clock);
  await pruneSessions(store.db, clock);

  let ready = false;
  const app = await buildApi(
    {
      config,
      ...domains,
      ingest,
      clock,
      releaseHeldMail: async () => {
        await worker.releaseHeldMessages();
      },
      databaseAnswers: () => databaseAnswers(store.db),
      isReady: () => ready,
      node: { id: nodeId, role: config.role, version: heraldVersion, stats: () => worker.stats() },
      metrics,
    },
    log,
  );
  if (delivers)
    await reclaimOrphanedLeases({
      db: store.db,
      dialect: store.dialect,
      nodeId,
      here: { hostname: hostname(), pid: process.pid },
      now: clock.now(),
      log: log.child({ component: 'delivery', node: nodeId }),
    });
  if (delivers) worker.start();
  if (background) scheduler.start();
  if (background) monitor.start();
  if (background) retention.start();
  const stopHeartbeat = repeatEvery(
    heartbeatMs,
    () => registration.beat(worker.stats(), clock.now()),
    (error: unknown) => log.warn({ err: error }, 'node heartbeat failed'),
  );
  // Idle sign-in grants are refreshed weekly, far inside the providers' inactivity limits (90 days, 6 months).
  const idleGrants = setInterval(() => {
    if (delivers)
      domains.tokens.refreshIdle(7 * 86_400_000).catch((error: unknown) => log.warn({ err: error }, 'idle OAuth2 refresh failed'));
  }, 3_600_000);
  idleGrants.unref();
  ready = true;
  log.info({ node: nodeId, role: config.role, database: config.database.dialect }, 'herald started');

  return {
    app,
    store,
    worker,
    scheduler,
    retention,
    monitor,
    log,
    nodeId,
    setupToken,
    async listen() {
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      ready = false;
      stopHeartbeat();
      clearInterval(idleGrants);
      await app.close();
      monitor.stop();
      await scheduler.stop();
      await retention.stop();
      await worker.stop(config.shutdownGraceMs);
      await templates.close();
      await registration.stopped(worker.stats(), clock.now()).catch(() => undefined);
      await secretAlarm.settled();
      await store.close();
    },
  };
}
