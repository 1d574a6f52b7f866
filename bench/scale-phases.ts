// Delivery at scale (issue 14), run by `npm run bench` after the core phases on the same Herald:
//
// - backlog: N events queued with delivery held, then released; delivered/s at each N. The rate
//   at the largest N over the rate at the smallest is the figure (target ≥ 0.9: a claim costs the
//   batch, not the queue).
// - tenants: the same number of messages drained from one tenant and from many tenants with a
//   few each plus one big one, in rounds that alternate and reverse (one, many | many, one: the
//   machine's speed drifts and the database grows through the phase, so neither case always comes
//   second); delivered/s over all runs within 10%, and so what a delivered message costs Herald
//   (its CPU, every thread: the claims' cost and all the rest); a new tenant's single event, posted
//   while the first many-tenant backlog drains, delivered within 5 s (fairness).
// Peak RSS is sampled while each backlog drains (target ≤ 200 MB), once the render threads of an
// earlier phase have stopped.
//
// Sizes: the default keeps `npm run bench` to minutes; `--full` runs the issue's sizes (a 100,000
// backlog, 10,000 tenants and a 50,000-message tenant: tens of minutes on a 2-core machine);
// `--quick` the smallest. Environment (all optional) overrides either:
//   BENCH_SCALE=0                  skips these phases
//   BENCH_BACKLOGS=1000,10000      backlog sizes (--full 1000,10000,100000; --quick 1000,5000)
//   BENCH_TENANTS=2000             tenants with a few due messages each (--full 10000; --quick 200)
//   BENCH_TENANT_MESSAGES=3        messages each of them has
//   BENCH_BIG_TENANT=10000         messages of the one big tenant (--full 50000; --quick 2000)
//   BENCH_TENANT_ROUNDS=2          rounds of the tenants phase, each a one-tenant and a many-tenant run
import type { ApiClient } from './http-client.js';
import type { HeraldProcess } from './herald-process.js';
import type { SinkProcess } from './sink-process.js';
import { eventBody, fromAddress, fromName } from './bench-mail.js';
import { wholeFromEnv } from './env.js';
import { queueAndDrain as drainWith, request, type Drain, type DrainContext } from './drain.js';
import { closedLoop, formatNumber, nowMs, perSecond, sleep, table, until } from './stats.js';

export interface ScaleContext {
  herald: HeraldProcess;
  api: ApiClient;
  sink: SinkProcess;
  connections: number;
  /** Counts of queued, sending and deferred messages (the bench reads Herald's database). */
  unsettled(): number;
  /** Records a drain's window (release → recorded), for a CPU profile cut to it (`profile-summary.ts --phase`). */
  recordWindow(name: string, startMs: number, endMs: number): void;
}

export interface ScaleSettings {
  backlogs: number[];
  tenants: number;
  tenantMessages: number;
  bigTenant: number;
  tenantRounds: number;
}

export function scaleSettings(env: NodeJS.ProcessEnv, size: 'quick' | 'default' | 'full'): ScaleSettings | undefined {
  if (env.BENCH_SCALE === '0') return undefined;
  const whole = (name: string, fallback: number) => wholeFromEnv(env, name, fallback);
  const sizes = {
    quick: { backlogs: '1000,5000', tenants: 200, bigTenant: 2000 },
    default: { backlogs: '1000,10000', tenants: 2000, bigTenant: 10_000 },
    full: { backlogs: '1000,10000,100000', tenants: 10_000, bigTenant: 50_000 },
  }[size];
  const backlogs = (env.BENCH_BACKLOGS ?? sizes.backlogs).split(',').map(Number);
  if (backlogs.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`BENCH_BACKLOGS: "${env.BENCH_BACKLOGS}" must list whole numbers`);
  return {
    backlogs,
    tenants: whole('BENCH_TENANTS', sizes.tenants),
    tenantMessages: whole('BENCH_TENANT_MESSAGES', 3),
    bigTenant: whole('BENCH_BIG_TENANT', sizes.bigTenant),
    tenantRounds: whole('BENCH_TENANT_ROUNDS', 2),
  };
}

const targets = { backlogRatio: 0.9, tenantsRatio: 0.9, tenantsCpuRatio: 1.1, newTenantMs: 5000, peakRssMB: 200, apiP99Ms: 50 };

/** The system mail server, inherited by every tenant; disabled, the worker holds the mail. */
function setDelivery(ctx: ScaleContext, enabled: boolean): Promise<unknown> {
  const body = {
    provider: 'smtp',
    host: '127.0.0.1',
    port: ctx.sink.port,
    security: 'none',
    fromAddress,
    fromName,
    applyToAllTenants: true,
    poolSize: ctx.connections,
    enabled,
  };
  return request(ctx.api, 'PUT', '/api/v1/system/mail-server', body, 200);
}

/** A drain of the system's (inherited) mail server. */
const queueAndDrain = (
  ctx: ScaleContext,
  name: string,
  tenants: ReadonlyArray<string | undefined>,
  from: number,
  during?: () => Promise<void>,
) => {
  const drainContext: DrainContext = {
    ...ctx,
    setDelivery: (enabled) => setDelivery(ctx, enabled),
    drained: (startMs, endMs) => ctx.recordWindow(name, startMs, endMs),
  };
  return drainWith(drainContext, tenants, from, during);
};

async function createTenants(ctx: ScaleContext, ids: readonly string[]): Promise<void> {
  await closedLoop(ids.length, 16, async (i) => {
    await request(ctx.api, 'POST', '/api/v1/tenants', { id: ids[i], name: ids[i] }, 201);
  });
}

export interface ScaleResults {
  backlog: Array<Drain & { size: number }>;
  oneTenant: Drain[];
  manyTenants: Drain[];
  /** The tenants phase's runs in the order they ran (one, many | many, one | …), named as in the profile windows. */
  tenantRuns: Array<Drain & { name: string }>;
  newTenantMs?: number;
  /** How long the drains waited for an earlier phase's render threads to stop. */
  renderThreadsWaitMs?: number;
}

/** Runs the backlog and tenants phases; `progress` reports each step. */
export async function runScalePhases(ctx: ScaleContext, settings: ScaleSettings, progress: (text: string) => void): Promise<ScaleResults> {
  const results: ScaleResults = { backlog: [], oneTenant: [], manyTenants: [], tenantRuns: [] };
  // The drains render nothing. Render threads an earlier phase started (the rules path's templates)
  // stop after HERALD_TEMPLATE_IDLE (30 s): the drains wait for that, so their RSS is delivery's.
  if (ctx.herald.renderThreads() > 0) {
    progress('waiting for the render threads of an earlier phase to stop (HERALD_TEMPLATE_IDLE)');
    const waitFrom = nowMs();
    await until('the render threads to stop', 120_000, () => (ctx.herald.renderThreads() === 0 ? true : undefined), 250);
    results.renderThreadsWaitMs = nowMs() - waitFrom;
  }
  let from = 10_000_000;
  for (const size of settings.backlogs) {
    progress(`backlog: ${formatNumber(size)} queued, then released`);
    const drain = await queueAndDrain(
      ctx,
      `backlog ${size}`,
      Array.from({ length: size }, () => undefined),
      from,
    );
    from += size;
    results.backlog.push({ size, ...drain });
    progress(`  ${formatNumber(drain.rate)}/s, peak RSS ${formatNumber(drain.peakRssMB)} MB`);
  }

  const total = settings.tenants * settings.tenantMessages + settings.bigTenant;
  const small = Array.from({ length: settings.tenants }, (_, i) => `bench-t${i}`);
  progress(`tenants: creating ${formatNumber(settings.tenants + 3)} tenants`);
  await createTenants(ctx, ['bench-one', 'bench-big', 'bench-new', ...small]);

  // The big tenant's backlog first: the oldest work; the small tenants' interleaved after it.
  const many = [
    ...Array.from({ length: settings.bigTenant }, () => 'bench-big'),
    ...Array.from({ length: settings.tenantMessages }, () => small).flat(),
  ];
  // Posted 1 s into the drain, numbered after the drain's own events (`number`).
  const newTenant = (number: number) => async () => {
    await sleep(1000);
    const sentAt = nowMs();
    const body = await request(ctx.api, 'POST', '/api/v1/events', eventBody(number, 'bench-new'), 202);
    const messageId = body.messages[0].messageId as string;
    const arrived = await until('the new tenant’s event', 900_000, async () => (await ctx.sink.dump()).get(messageId), 500);
    results.newTenantMs = arrived - sentAt;
  };
  const runOne = async (round: number) => {
    progress(`tenants, round ${round}: ${formatNumber(total)} messages of one tenant`);
    const name = `one tenant, round ${round}`;
    const drain = await queueAndDrain(
      ctx,
      name,
      Array.from({ length: total }, () => 'bench-one'),
      from,
    );
    from += total;
    results.oneTenant.push(drain);
    results.tenantRuns.push({ name, ...drain });
    progress(`  ${formatNumber(drain.rate)}/s`);
  };
  const runMany = async (round: number) => {
    progress(
      `tenants, round ${round}: ${formatNumber(settings.tenants)} × ${settings.tenantMessages} messages plus one tenant with ${formatNumber(settings.bigTenant)}`,
    );
    const first = results.manyTenants.length === 0;
    const name = `many tenants, round ${round}`;
    const drain = await queueAndDrain(ctx, name, many, from, first ? newTenant(from + total) : undefined);
    from += total + 1;
    results.manyTenants.push(drain);
    results.tenantRuns.push({ name, ...drain });
    progress(
      `  ${formatNumber(drain.rate)}/s` + (first ? `; the new tenant's event in ${formatNumber(results.newTenantMs ?? NaN)} ms` : ''),
    );
  };
  for (let round = 1; round <= settings.tenantRounds; round += 1) {
    if (round % 2 === 1) {
      await runOne(round);
      await runMany(round);
    } else {
      await runMany(round);
      await runOne(round);
    }
  }
  return results;
}

/** Delivered/s over several runs: all their messages over all their time. */
const overall = (drains: readonly Drain[]) =>
  drains.reduce((sum, d) => sum + d.count, 0) / (drains.reduce((sum, d) => sum + d.ms, 0) / 1000);

/** Herald's CPU (all threads) per delivered message over several runs, in ms. */
const cpuPerMessage = (drains: readonly Drain[]) =>
  drains.reduce((sum, d) => sum + d.heraldCpuMs, 0) / drains.reduce((sum, d) => sum + d.count, 0);

/** The table of ratios with PASS or MISS, and the drain details. */
export function scaleReport(results: ScaleResults): string {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const first = results.backlog[0];
  const last = results.backlog.at(-1);
  const rows: string[][] = [['metric', 'value', 'target', 'result']];
  for (const drain of results.backlog)
    rows.push([`backlog ${formatNumber(drain.size)}: delivered/s`, `${formatNumber(drain.rate)}/s`, '', '']);
  if (first && last && last !== first) {
    const ratio = last.rate / first.rate;
    rows.push([
      `delivered/s ${formatNumber(last.size)} / ${formatNumber(first.size)}`,
      formatNumber(ratio, 2),
      `≥ ${targets.backlogRatio}`,
      mark(ratio >= targets.backlogRatio),
    ]);
  }
  if (last)
    rows.push([
      `API p99 while ${formatNumber(last.size)} drain (p50)`,
      `${formatNumber(last.api.p99, 1)} ms (${formatNumber(last.api.p50, 1)} ms)`,
      `≤ ${targets.apiP99Ms} ms`,
      mark(last.api.p99 <= targets.apiP99Ms),
    ]);
  const peak = Math.max(...[...results.backlog, ...results.manyTenants].map((drain) => drain.peakRssMB));
  rows.push(['peak RSS while draining', `${formatNumber(peak)} MB`, `≤ ${targets.peakRssMB} MB`, mark(peak <= targets.peakRssMB)]);
  if (results.oneTenant.length > 0 && results.manyTenants.length > 0) {
    const one = overall(results.oneTenant);
    const many = overall(results.manyTenants);
    const runs = (drains: Drain[]) => (drains.length > 1 ? ` (runs: ${drains.map((d) => `${formatNumber(d.rate)}/s`).join(', ')})` : '');
    rows.push(['delivered/s one tenant', `${formatNumber(one)}/s${runs(results.oneTenant)}`, '', '']);
    rows.push(['delivered/s many tenants', `${formatNumber(many)}/s${runs(results.manyTenants)}`, '', '']);
    rows.push([
      'many tenants / one tenant',
      formatNumber(many / one, 2),
      `≥ ${targets.tenantsRatio}`,
      mark(many / one >= targets.tenantsRatio),
    ]);
    const cpuOne = cpuPerMessage(results.oneTenant);
    const cpuMany = cpuPerMessage(results.manyTenants);
    rows.push([
      'Herald CPU per message, many / one',
      `${formatNumber(cpuMany / cpuOne, 2)} (${formatNumber(cpuMany, 3)} / ${formatNumber(cpuOne, 3)} ms)`,
      `≤ ${targets.tenantsCpuRatio}`,
      mark(cpuMany / cpuOne <= targets.tenantsCpuRatio),
    ]);
  }
  if (results.newTenantMs !== undefined)
    rows.push([
      "new tenant's event delivered in",
      `${formatNumber(results.newTenantMs)} ms`,
      `≤ ${formatNumber(targets.newTenantMs)} ms`,
      mark(results.newTenantMs <= targets.newTenantMs),
    ]);
  const details = [...results.backlog.map((d) => ({ name: `backlog ${formatNumber(d.size)}`, ...d })), ...results.tenantRuns].map(
    (d) =>
      `- ${d.name}: queued in ${formatNumber(d.queuedMs)} ms (${formatNumber(perSecond(d.count, d.queuedMs))} events/s` +
      (d.queue
        ? `; heap peak ${formatNumber(d.queue.memoryMB.heapUsed)} MB used of ${formatNumber(d.queue.memoryMB.heapTotal)} MB, ` +
          `RSS ${formatNumber(d.queue.memoryMB.rss)} MB; SQL ${formatNumber(d.queue.mainThread.statements)} statements, ${formatNumber(d.queue.mainThread.sqlMs)} ms (${d.queue.mainThread.top})`
        : '') +
      `), then ${formatNumber(d.count)} in ${formatNumber(d.ms)} ms (release → last at the sink); RSS ${formatNumber(d.startRssMB)} MB at the release, peak ${formatNumber(d.peakRssMB)} MB` +
      `; Herald CPU ${formatNumber(d.heraldCpuMs / d.count, 3)} ms per message (all threads)` +
      (d.memoryMB
        ? `; main-thread heap peak ${formatNumber(d.memoryMB.heapUsed)} MB used of ${formatNumber(d.memoryMB.heapTotal)} MB, external ${formatNumber(d.memoryMB.external)} MB`
        : '') +
      (d.claims ? `; ${formatNumber(d.claims.count)} claim transactions, ${formatNumber(d.claims.meanMs, 2)} ms each` : '') +
      (d.mainThread
        ? `; main thread ${formatNumber(d.mainThread.busy * 100)}% busy, SQL ${formatNumber(d.mainThread.sqlMs)} ms (${d.mainThread.top})`
        : '') +
      `; GET /api/v1/events ×${formatNumber(d.api.requests)} meanwhile: p50 ${formatNumber(d.api.p50, 1)} ms, p99 ${formatNumber(d.api.p99, 1)} ms`,
  );
  const waited =
    results.renderThreadsWaitMs === undefined
      ? []
      : [
          `- the drains began once the render threads of the rules phase had stopped (${formatNumber(results.renderThreadsWaitMs / 1000, 1)} s later): ` +
            'they render nothing, and the peak RSS of the core table counts those threads',
        ];
  return ['', 'Delivery at scale (issue 14)', '', table(rows), '', ...waited, ...details].join('\n');
}
