// One drain, shared by the scale phases (bench/scale-phases.ts) and the OAuth phase
// (bench/oauth-phase.ts): events queued with delivery held, then released and timed to the sink.
import type { ApiClient } from './http-client.js';
import type { HeraldProcess } from './herald-process.js';
import type { SinkProcess } from './sink-process.js';
import type { ProbeReport } from './sqlite-probe.js';
import { eventBody } from './bench-mail.js';
import { processCpuMs } from './cpu.js';
import { closedLoop, nowMs, perSecond, quantile, sleep, until } from './stats.js';

export interface DrainContext {
  herald: HeraldProcess;
  api: ApiClient;
  sink: SinkProcess;
  /** Counts of queued, sending and deferred messages (the bench reads Herald's database). */
  unsettled(): number;
  /** Disables (holds) or enables (releases) the mail server the events go to. */
  setDelivery(enabled: boolean): Promise<unknown>;
  /** Told the drain's window (monotonic ms, release → every outcome recorded), if given. */
  drained?(startMs: number, endMs: number): void;
}

export interface Drain {
  count: number;
  /** From the first batch posted until every one answered 202 (batches of 500, two in flight). */
  queuedMs: number;
  /** The main thread while queueing (from the first batch until all were held), from the probe. */
  queue?: { memoryMB: ProbeReport['memoryMB']; mainThread: MainThread };
  ms: number;
  rate: number;
  peakRssMB: number;
  /** RSS when the release starts: what the drain adds is the peak over this. */
  startRssMB: number;
  /** Herald's CPU (all threads) from the release until every outcome is recorded. */
  heraldCpuMs: number;
  /** The main thread's largest heap while draining, from the probe (BENCH_PROBE=1). */
  memoryMB?: ProbeReport['memoryMB'];
  /** Claim transactions while draining, from the probe: count and mean ms open. */
  claims?: { count: number; meanMs: number };
  /** Herald's main thread while draining, from the probe: event-loop utilisation (0–1), SQL statements and their ms, the costliest shapes. */
  mainThread?: MainThread;
  /** A reader's requests while draining (GET /api/v1/events?limit=20, one after another, 20 a second): answered in p50 / p99 ms. */
  api: { requests: number; p50: number; p99: number };
}

export interface MainThread {
  busy: number;
  statements: number;
  sqlMs: number;
  top: string;
}

function mainThreadOf(probe: ProbeReport | undefined): MainThread | undefined {
  if (!probe) return undefined;
  const statements = Object.entries(probe.statements);
  return {
    busy: probe.eventLoopUtilization,
    statements: statements.reduce((sum, [, s]) => sum + s.count, 0),
    sqlMs: statements.reduce((sum, [, s]) => sum + s.ms, 0),
    top: statements
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 5)
      .map(([shape, s]) => `${shape} ${Math.round(s.count)}× ${Math.round(s.ms)} ms`)
      .join('; '),
  };
}

/** Asks `GET /api/v1/events?limit=20` every 50 ms until stopped: what the API answers a reader while the queue drains. */
function apiProbe(api: ApiClient) {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = nowMs();
      await request(api, 'GET', '/api/v1/events?limit=20', undefined, 200);
      times.push(nowMs() - startedAt);
      await sleep(Math.max(0, 50 - (nowMs() - startedAt)));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { requests: times.length, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
  };
}

/** A request that must answer `expected`; resolves to the parsed body. */
export async function request(api: ApiClient, method: string, path: string, body: unknown, expected: number): Promise<any> {
  const response = await api.request(method, path, body);
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
  return response.body;
}

/** Posts events (tenant per event; undefined: the system) in batches of 500, two in flight. */
async function post(api: ApiClient, tenants: ReadonlyArray<string | undefined>, from: number): Promise<void> {
  const batches = Math.ceil(tenants.length / 500);
  await closedLoop(batches, 2, async (batch) => {
    const events = tenants.slice(batch * 500, batch * 500 + 500).map((tenant, i) => eventBody(from + batch * 500 + i, tenant));
    await request(api, 'POST', '/api/v1/events/batch', { events }, 202);
  });
}

/**
 * Queues `tenants.length` events with delivery held, waits until all are held, releases them and
 * times the drain from the release to the last message at the sink.
 *
 * @example const drain = await queueAndDrain(ctx, Array.from({ length: 1000 }, () => undefined), 0);
 */
export async function queueAndDrain(
  ctx: DrainContext,
  tenants: ReadonlyArray<string | undefined>,
  from: number,
  during?: () => Promise<void>,
): Promise<Drain> {
  await ctx.setDelivery(false);
  await ctx.herald.probeReport();
  const queueFrom = nowMs();
  await post(ctx.api, tenants, from);
  const queuedMs = nowMs() - queueFrom;
  await until('the backlog to be held', 600_000, () => (ctx.unsettled() === 0 ? true : undefined), 200);
  await ctx.sink.reset();
  const queueProbe = await ctx.herald.probeReport();
  const startRss = ctx.herald.rss();
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, ctx.herald.rss())), 200);
  const cpuAtStart = processCpuMs(ctx.herald.pid);
  const startedAt = nowMs();
  let stats: Awaited<ReturnType<SinkProcess['waitFor']>>;
  const reader = apiProbe(ctx.api);
  let api: Drain['api'];
  try {
    await ctx.setDelivery(true);
    const extra = during?.();
    stats = await ctx.sink.waitFor(tenants.length, 900_000);
    await extra;
  } finally {
    // also when Herald went away mid-drain: a live interval would keep the bench from exiting
    clearInterval(sampler);
    api = await reader();
  }
  if (stats.timedOut || stats.count < tenants.length) throw new Error(`drain: the sink got ${stats.count} of ${tenants.length}`);
  await until('the drain to be recorded', 120_000, () => (ctx.unsettled() === 0 ? true : undefined), 100);
  ctx.drained?.(startedAt, nowMs());
  const heraldCpuMs = processCpuMs(ctx.herald.pid) - cpuAtStart;
  const ms = stats.lastAt! - startedAt;
  const probe = await ctx.herald.probeReport();
  const claim = probe?.transactions.claim;
  return {
    count: tenants.length,
    queuedMs,
    queue: queueProbe && { memoryMB: queueProbe.memoryMB, mainThread: mainThreadOf(queueProbe)! },
    ms,
    rate: perSecond(tenants.length, ms),
    peakRssMB: peak / 1024 / 1024,
    startRssMB: startRss / 1024 / 1024,
    heraldCpuMs,
    api,
    memoryMB: probe?.memoryMB,
    claims: claim ? { count: claim.count, meanMs: claim.ms / claim.count } : undefined,
    mainThread: mainThreadOf(probe),
  };
}
