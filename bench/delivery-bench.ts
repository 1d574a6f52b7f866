// Herald's delivery benchmark: `npm run bench`.
//
// In one run, on this machine: a raw nodemailer baseline, then Herald started for real
// (`node bin/herald.js start`) measured for accepted events/s (single and batch, delivery held),
// delivered emails/s (release of the held backlog), event→250 latency (paced), and peak RSS. The
// SMTP sink (bench/smtp-sink.ts) runs in its own process; every time is CLOCK_MONOTONIC, which the
// processes share. See docs/benchmarks.md for what each figure means and what limits it.
//
// Environment (all optional):
//   BENCH_N=5000                 messages per throughput phase (baseline, single ingest, batch ingest)
//   BENCH_LATENCY_N=2500         events in the paced latency phase
//   BENCH_LATENCY_RATE=500       events per second offered in the latency phase (issue 14: p99 ≤ 50 ms at 500/s)
//   BENCH_CONNECTIONS=5          SMTP connections: nodemailer maxConnections and Herald's poolSize
//   BENCH_HTTP_CONCURRENCY=64    HTTP requests in flight for POST /api/v1/events
//   BENCH_SEND_CONCURRENCY=64    sendMail calls in flight for the first baseline run (Herald's delivery
//                                concurrency); the second run keeps BENCH_CONNECTIONS in flight (Herald's
//                                send gate); the faster of the two is the baseline
//   BENCH_BATCH_SIZE=500         events per POST /api/v1/events/batch
//   BENCH_BATCH_CONCURRENCY=2    batch requests in flight
//   BENCH_PAIRS=3                more delivery runs, each paired with a raw nodemailer run next to it
//                                (order alternating); the ratio is the median over every pair, since
//                                this machine's speed drifts by tens of percent from one phase to the next
//   BENCH_BURST_N=10000          events of the burst phase: posted in batches as fast as Herald accepts
//                                them while it delivers, against raw nodemailer sending as many (0: skip)
//   BENCH_BURST_PAIRS=3          burst runs, each paired with a raw nodemailer run, order alternating
//   BENCH_WARMUP=1000            events sent through each path first, not measured
//   BENCH_PROBE=1                0 disables the SQLite/event-loop probe in the Herald process
//   BENCH_PROFILE=DIR            write a V8 CPU profile of Herald to DIR (see bench/profile-summary.ts)
//   BENCH_JSON=FILE              also write the results as JSON
//   HERALD_*                     passed to Herald (e.g. HERALD_SQLITE_SYNCHRONOUS=NORMAL)
//   BENCH_SCALE, BENCH_BACKLOGS, BENCH_TENANTS, …  the backlog and tenants phases: bench/scale-phases.ts
//   --full / --quick             the issue's sizes for the backlog and tenants phases (100,000 backlog,
//                                10,000 tenants: tens of minutes) / smaller ones
//   --scale-only                 only the backlog and tenants phases (after the warm-up)
//   BENCH_OAUTH, BENCH_OAUTH_N, …  the OAuth phase (XOAUTH2 against a password): bench/oauth-phase.ts
//   --oauth-only                 only the OAuth phase (after the warm-up)
//   --latency-only               only the latency phase, BENCH_LATENCY_RUNS=5 times (after the warm-up)
//
// Exits non-zero only when the benchmark itself fails (a child does not start, a request is
// refused, mail goes missing); a missed target is reported, not an error.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import SqliteDatabase from 'better-sqlite3';
import { eventBody, fromAddress, fromName, rawMail } from './bench-mail.js';
import { wholeFromEnv } from './env.js';
import { startSink, type SinkProcess } from './sink-process.js';
import { machineCpuMs, processCpuMs } from './cpu.js';
import { benchHeraldEnv, startHerald, type HeraldProcess } from './herald-process.js';
import { createApiClient, type ApiClient } from './http-client.js';
import type { ProbeReport } from './sqlite-probe.js';
import { rulesScenario } from './rules-scenario.js';
import { runScalePhases, scaleReport, scaleSettings, type ScaleResults } from './scale-phases.js';
import { oauthReport, oauthSettings, oauthSinkAuth, runOAuthPhase, type OAuthResults } from './oauth-phase.js';
import { closedLoop, formatNumber, nowMs, perSecond, quantile, sleep, table, until } from './stats.js';

const intFromEnv = (name: string, fallback: number, min = 1) => wholeFromEnv(process.env, name, fallback, min);

const settings = {
  n: intFromEnv('BENCH_N', 5000),
  latencyN: intFromEnv('BENCH_LATENCY_N', 2500),
  latencyRate: intFromEnv('BENCH_LATENCY_RATE', 500),
  latencyRuns: intFromEnv('BENCH_LATENCY_RUNS', 5),
  connections: intFromEnv('BENCH_CONNECTIONS', 5),
  httpConcurrency: intFromEnv('BENCH_HTTP_CONCURRENCY', 64),
  sendConcurrency: intFromEnv('BENCH_SEND_CONCURRENCY', 64),
  batchSize: intFromEnv('BENCH_BATCH_SIZE', 500),
  batchConcurrency: intFromEnv('BENCH_BATCH_CONCURRENCY', 2),
  pairs: intFromEnv('BENCH_PAIRS', 3, 0),
  burstN: intFromEnv('BENCH_BURST_N', 10_000, 0),
  burstPairs: intFromEnv('BENCH_BURST_PAIRS', 3),
  warmup: intFromEnv('BENCH_WARMUP', 1000, 0),
  probe: process.env.BENCH_PROBE !== '0',
  profileDir: process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined,
  json: process.env.BENCH_JSON ? resolve(process.env.BENCH_JSON) : undefined,
  synchronous: (process.env.HERALD_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase(),
};
const size = process.argv.includes('--full') ? 'full' : process.argv.includes('--quick') ? 'quick' : 'default';
const scaleOnly = process.argv.includes('--scale-only');
const oauthOnly = process.argv.includes('--oauth-only');
const latencyOnly = process.argv.includes('--latency-only');
if ([scaleOnly, oauthOnly, latencyOnly].filter(Boolean).length > 1)
  throw new Error('--scale-only, --oauth-only and --latency-only exclude each other');
const scale = oauthOnly || latencyOnly ? undefined : scaleSettings(process.env, size);
const oauth = scaleOnly || latencyOnly ? undefined : oauthSettings(process.env, size);
if (oauthOnly && !oauth) throw new Error('--oauth-only with BENCH_OAUTH=0 runs nothing');
/** The core phases: baseline, ingest, delivery, latency and the rules path. */
const core = !scaleOnly && !oauthOnly && !latencyOnly;
if (settings.batchSize > 1000) throw new Error('BENCH_BATCH_SIZE: the API takes at most 1,000 events per batch');

const targets = { deliveredRatio: 0.8, burstRatio: 1.0, acceptedPerSecond: 3000, latencyP99Ms: 50 };

// ---------------------------------------------------------------------------------------------
// What is sent: the same mail through nodemailer directly and through Herald.

/** The tenant the batch phase posts to: its own mail server is disabled, so its mail stays held. */
const heldTenant = 'bench-held';

function mailServerBody(port: number, enabled: boolean, system: boolean) {
  return {
    provider: 'smtp',
    host: '127.0.0.1',
    port,
    security: 'none',
    fromAddress,
    fromName,
    ...(system ? { applyToAllTenants: true } : {}),
    poolSize: settings.connections,
    enabled,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU use per phase, as a share of one core: Herald, the sink, and this process (the load).

interface CpuShare {
  herald: number;
  sink: number;
  bench: number;
  /** Everything else on the machine (other processes, steal); high means the figures are suspect. */
  other: number;
  /** CPU milliseconds over the phase: Herald (all its threads), the sink, this process. */
  ms: { herald: number; sink: number; bench: number };
}

function cpuMeter(heraldPid: number | undefined, sinkPid: number) {
  const startedAt = nowMs();
  const herald = heraldPid === undefined ? 0 : processCpuMs(heraldPid);
  const sink = processCpuMs(sinkPid);
  const self = process.cpuUsage();
  const machine = machineCpuMs();
  return (): CpuShare => {
    const wall = nowMs() - startedAt;
    const selfNow = process.cpuUsage(self);
    const ms = {
      herald: heraldPid === undefined ? 0 : processCpuMs(heraldPid) - herald,
      sink: processCpuMs(sinkPid) - sink,
      bench: (selfNow.user + selfNow.system) / 1000,
    };
    const share = { herald: ms.herald / wall, sink: ms.sink / wall, bench: ms.bench / wall };
    const busy = (machineCpuMs() - machine) / wall;
    return { ...share, other: Math.max(0, busy - share.herald - share.sink - share.bench), ms };
  };
}

// ---------------------------------------------------------------------------------------------
// Results

interface PhaseResult {
  name: string;
  count: number;
  ms: number;
  rate: number;
  cpu: CpuShare;
  probe?: ProbeReport;
  notes: string[];
}

interface Results {
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverageAtStart: number };
  settings: typeof settings;
  baseline?: PhaseResult & { callbackMs: number };
  /** The baseline with only as many sends in flight as connections (what Herald's send gate allows). */
  baselineGated?: PhaseResult & { callbackMs: number };
  ingestSingle?: PhaseResult & { ackP50: number; ackP99: number };
  ingestBatch?: PhaseResult & { requestP50: number; requestP99: number };
  holding?: PhaseResult;
  delivery?: PhaseResult & { firstToLastMs: number; releaseMs: number };
  /** Further delivery runs, each beside a raw nodemailer run (BENCH_PAIRS). */
  pairs?: Array<{ raw: NonNullable<Results['baseline']>; herald: NonNullable<Results['delivery']>; rawFirst: boolean }>;
  /** The burst phase: events posted while Herald delivers, each run beside a raw nodemailer run. */
  bursts?: Array<{ raw: NonNullable<Results['baseline']>; herald: PhaseResult & { acceptedMs: number }; rawFirst: boolean }>;
  latency?: PhaseResult & { p50: number; p99: number; max: number; ackP50: number; ackP99: number; deliveredRate: number };
  peakRssBytes?: number;
  /** RSS right after the start (before any request), to tell the footprint from the load. */
  startRssBytes?: number;
  startupMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Phases

async function baselinePhase(
  sink: SinkProcess,
  runId: string,
  concurrency: number,
  warmUp: boolean,
  count = settings.n,
): Promise<Results['baseline']> {
  const options = {
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    requireTLS: false,
    pool: true,
    maxConnections: settings.connections,
    maxMessages: 1000,
    maxRequeues: 0,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as const;
  const run = async (count: number, prefix: string, concurrency: number) => {
    const transporter = nodemailer.createTransport(options);
    transporter.on('error', () => undefined);
    let failed = 0;
    let firstError: unknown;
    const startedAt = nowMs();
    await closedLoop(count, concurrency, async (index) => {
      try {
        await transporter.sendMail(rawMail(index, prefix));
      } catch (error) {
        failed += 1;
        firstError ??= error;
      }
    });
    const callbacksAt = nowMs();
    transporter.close();
    if (failed > 0) throw new Error(`raw nodemailer: ${failed} of ${count} sends failed: ${String(firstError)}`);
    return { startedAt, callbacksAt };
  };

  // Warm-up on its own pool (JIT, sockets), then a cold pool for the measurement, as Herald gets
  // a new pool when its settings change.
  if (warmUp && settings.warmup > 0) {
    await sink.reset();
    await run(settings.warmup, `${runId}w`, concurrency);
    await sink.waitFor(settings.warmup, 30_000);
  }
  await sink.reset();
  const meter = cpuMeter(undefined, sink.pid);
  const { startedAt, callbacksAt } = await run(count, runId, concurrency);
  const stats = await sink.waitFor(count, 60_000);
  const cpu = meter();
  if (stats.timedOut || stats.count !== count) throw new Error(`raw nodemailer: the sink got ${stats.count} of ${count}`);
  const ms = stats.lastAt! - startedAt;
  return {
    name: `raw nodemailer, ${concurrency} sendMail in flight`,
    count,
    ms,
    rate: perSecond(count, ms),
    cpu,
    callbackMs: callbacksAt - startedAt,
    notes: [`${stats.connections} SMTP connections, ${stats.duplicates} duplicates`],
  };
}

interface HeraldContext {
  herald: HeraldProcess;
  api: ApiClient;
  sink: SinkProcess;
  db: SqliteDatabase.Database;
}

async function saveMailServer(ctx: HeraldContext, enabled: boolean, scope = '/system'): Promise<void> {
  const response = await ctx.api.request('PUT', `/api/v1${scope}/mail-server`, mailServerBody(ctx.sink.port, enabled, scope === '/system'));
  if (response.status !== 200) throw new Error(`PUT /api/v1${scope}/mail-server answered ${response.status}: ${response.text}`);
}

async function createHeldTenant(ctx: HeraldContext): Promise<void> {
  const response = await ctx.api.request('POST', '/api/v1/tenants', { id: heldTenant, name: 'Bench (held)' });
  if (response.status !== 201) throw new Error(`POST /api/v1/tenants answered ${response.status}: ${response.text}`);
  await saveMailServer(ctx, false, `/tenants/${heldTenant}`);
}

/** Message counts per state (this process reads Herald's database, read-only, between phases). */
function messageStates(db: SqliteDatabase.Database, scope?: string): Record<string, number> {
  const rows = (
    scope === undefined
      ? db.prepare('select state, count(*) as n from messages group by state').all()
      : db.prepare('select state, count(*) as n from messages where scope_id = ? group by state').all(scope)
  ) as Array<{ state: string; n: number }>;
  return Object.fromEntries(rows.map((row) => [row.state, row.n]));
}

const unsettled = (states: Record<string, number>) => (states.queued ?? 0) + (states.sending ?? 0) + (states.deferred ?? 0);

async function postEvent(api: ApiClient, index: number): Promise<string> {
  const response = await api.request('POST', '/api/v1/events', eventBody(index));
  if (response.status !== 202) throw new Error(`POST /api/v1/events answered ${response.status}: ${response.text}`);
  return response.body.messages[0].messageId as string;
}

async function postBatch(api: ApiClient, from: number, count: number, tenant?: string): Promise<void> {
  const events = Array.from({ length: count }, (_, offset) => eventBody(from + offset, tenant));
  const response = await api.request('POST', '/api/v1/events/batch', { events });
  if (response.status !== 202) throw new Error(`POST /api/v1/events/batch answered ${response.status}: ${response.text.slice(0, 500)}`);
  if (response.body.events.length !== count)
    throw new Error(`POST /api/v1/events/batch accepted ${response.body.events.length} of ${count}`);
}

async function warmHerald(ctx: HeraldContext): Promise<void> {
  await saveMailServer(ctx, true);
  if (settings.warmup === 0) return;
  await ctx.sink.reset();
  await closedLoop(settings.warmup, 16, async (index) => {
    await postEvent(ctx.api, 1_000_000 + index);
  });
  await postBatch(ctx.api, 2_000_000, Math.min(100, settings.batchSize));
  const expected = settings.warmup + Math.min(100, settings.batchSize);
  const stats = await ctx.sink.waitFor(expected, 60_000);
  if (stats.timedOut) throw new Error(`warm-up: the sink got ${stats.count} of ${expected}`);
  await until('the warm-up to be recorded', 30_000, () => (unsettled(messageStates(ctx.db)) === 0 ? true : undefined));
}

async function ingestSinglePhase(ctx: HeraldContext): Promise<Results['ingestSingle']> {
  const acks: number[] = [];
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  await closedLoop(settings.n, settings.httpConcurrency, async (index) => {
    const sentAt = nowMs();
    await postEvent(ctx.api, index);
    acks.push(nowMs() - sentAt);
  });
  const ms = nowMs() - startedAt;
  const cpu = meter();
  return {
    name: 'ingest, POST /events',
    count: settings.n,
    ms,
    rate: perSecond(settings.n, ms),
    cpu,
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
    probe: await ctx.herald.probeReport(),
    notes: [`${settings.httpConcurrency} requests in flight, keep-alive`],
  };
}

async function ingestBatchPhase(ctx: HeraldContext): Promise<Results['ingestBatch']> {
  const batches = Math.ceil(settings.n / settings.batchSize);
  const times: number[] = [];
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  await closedLoop(batches, settings.batchConcurrency, async (batch) => {
    const sentAt = nowMs();
    const from = settings.n + batch * settings.batchSize;
    await postBatch(ctx.api, from, Math.min(settings.batchSize, settings.n - batch * settings.batchSize), heldTenant);
    times.push(nowMs() - sentAt);
  });
  const ms = nowMs() - startedAt;
  const cpu = meter();
  return {
    name: `ingest, POST /events/batch ×${settings.batchSize}`,
    count: settings.n,
    ms,
    rate: perSecond(settings.n, ms),
    cpu,
    requestP50: quantile(times, 0.5),
    requestP99: quantile(times, 0.99),
    probe: await ctx.herald.probeReport(),
    notes: [`${batches} requests, ${settings.batchConcurrency} in flight, to tenant ${heldTenant} (its mail stays held)`],
  };
}

/**
 * With a mail server disabled the worker still claims each message and records it held; this
 * waits for what it had not finished during the ingest phases. Resolves to the system's held count.
 */
async function holdingPhase(ctx: HeraldContext, expected: number): Promise<PhaseResult> {
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  await until('every message to be held', 120_000, () => (unsettled(messageStates(ctx.db)) === 0 ? true : undefined), 20);
  const ms = nowMs() - startedAt;
  const held = messageStates(ctx.db, 'system').held ?? 0;
  if (held < expected) throw new Error(`expected ${expected} held system messages, found ${held}`);
  return {
    name: 'holding (after ingest)',
    count: held,
    ms,
    rate: Number.NaN,
    cpu: meter(),
    probe: await ctx.herald.probeReport(),
    notes: [`all states: ${JSON.stringify(messageStates(ctx.db))}`],
  };
}

async function deliveryPhase(ctx: HeraldContext, expected: number): Promise<Results['delivery']> {
  await ctx.sink.reset();
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  await saveMailServer(ctx, true);
  const releaseMs = nowMs() - startedAt;
  const { firstAt, lastAt, ...delivered } = await deliveredFrom(ctx, 'delivery (release of the backlog)', expected, startedAt, meter);
  return { ...delivered, firstToLastMs: lastAt - firstAt, releaseMs };
}

/**
 * Waits for `expected` messages at the sink and every outcome recorded, checks that the system's
 * mail was all sent (duplicates are counted in the notes), and gives the rate from `startedAt` to
 * the last message.
 */
async function deliveredFrom(
  ctx: HeraldContext,
  name: string,
  expected: number,
  startedAt: number,
  meter: () => CpuShare,
): Promise<PhaseResult & { firstAt: number; lastAt: number }> {
  const stats = await ctx.sink.waitFor(expected, 180_000);
  const cpu = meter();
  if (stats.timedOut || stats.count < expected) throw new Error(`${name}: the sink got ${stats.count} of ${expected} in 180 s`);
  const states = await until('every delivery to be recorded', 60_000, () => {
    const now = messageStates(ctx.db);
    return unsettled(now) === 0 ? now : undefined;
  });
  // Herald's CPU per message counts the outcomes it records after the last message arrived.
  cpu.ms.herald = meter().ms.herald;
  const ms = stats.lastAt! - startedAt;
  const notes = [
    `${stats.connections} SMTP connections, ${stats.duplicates} duplicates, ${stats.withoutMessageId} without a Message-ID`,
    `states after: ${JSON.stringify(states)}`,
  ];
  const system = messageStates(ctx.db, 'system');
  if (Object.keys(system).some((state) => state !== 'sent')) throw new Error(`${name}: not everything was sent: ${JSON.stringify(system)}`);
  return {
    name,
    count: expected,
    ms,
    rate: perSecond(expected, ms),
    cpu,
    firstAt: stats.firstAt!,
    lastAt: stats.lastAt!,
    probe: await ctx.herald.probeReport(),
    notes,
  };
}

/**
 * Issue 14's burst: `BENCH_BURST_N` one-recipient events posted in batches of `BENCH_BATCH_SIZE`
 * (2 requests in flight) as fast as Herald accepts them while it delivers them. The time runs from
 * the first request to the last message at the sink, so accepting, committing, claiming and
 * sending all share the machine, as after an outage or in a storm of alerts.
 */
async function burstPhase(ctx: HeraldContext, from: number): Promise<NonNullable<Results['bursts']>[number]['herald']> {
  await ctx.sink.reset();
  const count = settings.burstN;
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  await closedLoop(Math.ceil(count / settings.batchSize), settings.batchConcurrency, (batch) =>
    postBatch(ctx.api, from + batch * settings.batchSize, Math.min(settings.batchSize, count - batch * settings.batchSize)),
  );
  const acceptedMs = nowMs() - startedAt;
  const { firstAt, lastAt, ...delivered } = await deliveredFrom(ctx, 'burst (posted while delivering)', count, startedAt, meter);
  const notes = [
    `all ${formatNumber(count)} accepted in ${formatNumber(acceptedMs)} ms (${formatNumber(perSecond(count, acceptedMs))}/s); first at the sink ${formatNumber(firstAt - startedAt)} ms after the first request, first → last ${formatNumber(perSecond(count, lastAt - firstAt))}/s`,
  ];
  return { ...delivered, notes: [...notes, ...delivered.notes], acceptedMs };
}

/** The burst phase `BENCH_BURST_PAIRS` times, each beside a raw nodemailer run of as many messages (Herald first in the first pair). */
async function burstPairs(ctx: HeraldContext, baseline: NonNullable<Results['baseline']>, runId: string): Promise<Results['bursts']> {
  const inFlight = baselineInFlight(baseline);
  const bursts: NonNullable<Results['bursts']> = [];
  for (let pair = 0; pair < settings.burstPairs; pair += 1) {
    bursts.push(
      await besideRaw(
        pair % 2 === 1,
        () => baselinePhase(ctx.sink, `${runId}b${pair}`, inFlight, false, settings.burstN),
        () => burstPhase(ctx, 6_000_000 + pair * 100_000),
      ),
    );
  }
  return bursts;
}

/**
 * The delivery phase again, `settings.pairs` times, each run next to a raw nodemailer run with the
 * best baseline's sends in flight (raw first in even pairs, Herald first in odd ones), so that a
 * drift of the machine's speed falls on both sides of each ratio.
 */
async function deliveryPairs(ctx: HeraldContext, baseline: NonNullable<Results['baseline']>, runId: string): Promise<Results['pairs']> {
  const inFlight = baselineInFlight(baseline);
  const pairs: NonNullable<Results['pairs']> = [];
  for (let pair = 0; pair < settings.pairs; pair += 1) {
    await saveMailServer(ctx, false);
    const from = 3_000_000 + pair * 100_000;
    for (let at = 0; at < settings.n; at += settings.batchSize)
      await postBatch(ctx.api, from + at, Math.min(settings.batchSize, settings.n - at));
    const held = await holdingPhase(ctx, settings.n);
    pairs.push(
      await besideRaw(
        pair % 2 === 0,
        () => baselinePhase(ctx.sink, `${runId}p${pair}`, inFlight, false),
        async () => (await deliveryPhase(ctx, held.count))!,
      ),
    );
  }
  return pairs;
}

/** One Herald run and one raw nodemailer run, one after the other in the order given. */
async function besideRaw<H>(
  rawFirst: boolean,
  runRaw: () => Promise<Results['baseline']>,
  runHerald: () => Promise<H>,
): Promise<{ raw: NonNullable<Results['baseline']>; herald: H; rawFirst: boolean }> {
  const early = rawFirst ? await runRaw() : undefined;
  const herald = await runHerald();
  return { raw: (early ?? (await runRaw()))!, herald, rawFirst };
}

/**
 * Where the event→250 time went, for the median messages and the slowest 1%: from the request to
 * the message's insert (queued_at), from there to the send's start (commit, wake-up, claim, the
 * send gate: the attempt's started_at), and from there to the sink (the SMTP thread and session).
 * Herald's timestamps are wall-clock milliseconds; the bench's and the sink's are monotonic.
 */
function latencyStages(db: SqliteDatabase.Database, sentAt: Map<string, number>, received: Map<string, number>): string[] {
  const wallMinusMonotonic = Date.now() - nowMs();
  const rows = db
    .prepare(
      `select m.message_id as messageId, m.queued_at as queuedAt, a.started_at as startedAt from messages m
       join attempts a on a.message_id = m.id and a.number = 1 where m.message_id in (select value from json_each(?))`,
    )
    .all(JSON.stringify([...sentAt.keys()])) as Array<{ messageId: string; queuedAt: number; startedAt: number }>;
  const timed = rows
    .map((row) => {
      const sent = sentAt.get(row.messageId)!;
      const queued = row.queuedAt - wallMinusMonotonic;
      const started = row.startedAt - wallMinusMonotonic;
      const at = received.get(row.messageId)!;
      return { total: at - sent, request: queued - sent, queue: started - queued, send: at - started };
    })
    .sort((a, b) => a.total - b.total);
  const mean = (group: typeof timed, key: 'total' | 'request' | 'queue' | 'send') =>
    formatNumber(group.reduce((sum, row) => sum + row[key], 0) / Math.max(1, group.length), 1);
  const describe = (label: string, group: typeof timed) =>
    `${label} (${group.length}): ${mean(group, 'total')} ms = request→insert ${mean(group, 'request')} + insert→send ${mean(group, 'queue')} + send→sink ${mean(group, 'send')}`;
  const middle = Math.floor(timed.length / 2);
  return [
    describe('median 10%', timed.slice(middle - Math.floor(timed.length / 20), middle + Math.floor(timed.length / 20))),
    describe('slowest 1%', timed.slice(Math.floor(timed.length * 0.99))),
  ];
}

async function latencyPhase(ctx: HeraldContext): Promise<Results['latency']> {
  await ctx.sink.reset();
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  const requests: Promise<void>[] = [];
  const interval = 1000 / settings.latencyRate;
  const meter = cpuMeter(ctx.herald.pid, ctx.sink.pid);
  const startedAt = nowMs();
  // Open loop: each event leaves at its scheduled time whatever happened to the earlier ones.
  for (let index = 0; index < settings.latencyN; index += 1) {
    const due = startedAt + index * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait);
    const sent = nowMs();
    requests.push(
      postEvent(ctx.api, 3_000_000 + index).then((messageId) => {
        acks.push(nowMs() - sent);
        sentAt.set(messageId, sent);
      }),
    );
  }
  await Promise.all(requests);
  const stats = await ctx.sink.waitFor(settings.latencyN, 60_000);
  const cpu = meter();
  if (stats.timedOut) throw new Error(`latency: the sink got ${stats.count} of ${settings.latencyN}`);
  const received = await ctx.sink.dump();
  const latencies: number[] = [];
  for (const [messageId, sent] of sentAt) {
    const at = received.get(messageId);
    if (at === undefined) throw new Error(`latency: ${messageId} never reached the sink`);
    latencies.push(at - sent);
  }
  const ms = stats.lastAt! - startedAt;
  await until('the latency phase to be recorded', 30_000, () => (unsettled(messageStates(ctx.db)) === 0 ? true : undefined));
  const stages = latencyStages(ctx.db, sentAt, received);
  return {
    name: `latency, ${settings.latencyRate} events/s paced`,
    count: settings.latencyN,
    ms,
    rate: perSecond(settings.latencyN, ms),
    cpu,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: quantile(latencies, 1),
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
    deliveredRate: perSecond(settings.latencyN, ms),
    probe: await ctx.herald.probeReport(),
    notes: stages,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function describeProbe(probe: ProbeReport | undefined): string[] {
  if (!probe) return [];
  const lines = [
    `herald event loop ${formatNumber(probe.eventLoopUtilization * 100)}% busy, CPU ${formatNumber(probe.cpuMs.user + probe.cpuMs.system)} ms ` +
      `(user ${formatNumber(probe.cpuMs.user)}, sys ${formatNumber(probe.cpuMs.system)}), GC ${formatNumber(probe.gcMs)} ms in ${probe.gcCount} pauses; ` +
      `SQLite prepare ${formatNumber(probe.prepare.count)}× ${formatNumber(probe.prepare.ms)} ms`,
  ];
  const transactions = Object.entries(probe.transactions).sort((a, b) => b[1].ms - a[1].ms);
  for (const [name, tx] of transactions) {
    lines.push(
      `  ${name.padEnd(30)} ${formatNumber(tx.count).padStart(6)} tx  ${formatNumber(tx.ms).padStart(6)} ms open  ` +
        `${formatNumber(tx.commitMs).padStart(6)} ms commit  ${formatNumber(tx.statements / tx.count, 1).padStart(6)} stmts/tx`,
    );
  }
  const statements = Object.entries(probe.statements)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 6);
  lines.push(
    `  top statements: ${statements.map(([shape, s]) => `${shape} ${formatNumber(s.count)}× ${formatNumber(s.ms)} ms`).join('; ')}`,
  );
  const { longest } = probe;
  lines.push(
    `  longest: event-loop delay ${formatNumber(longest.eventLoopDelayMs, 1)} ms, GC pause ${formatNumber(longest.gcPauseMs, 1)} ms, ` +
      `statement ${formatNumber(longest.statementMs, 1)} ms (${longest.statement})`,
  );
  return lines;
}

function cpuText(cpu: CpuShare): string {
  return `CPU (share of one core): herald ${formatNumber(cpu.herald * 100)}%, sink ${formatNumber(cpu.sink * 100)}%, bench ${formatNumber(cpu.bench * 100)}%, anything else ${formatNumber(cpu.other * 100)}%`;
}

/**
 * The baseline is the faster of the two raw runs (64 sends in flight, or as many as connections),
 * so Herald is compared with the best nodemailer does here, not with a handicapped setup.
 */
/** The sends in flight of a baseline run (its name says it). */
const baselineInFlight = (run: PhaseResult) => Number(/(\d+) sendMail in flight/.exec(run.name)?.[1] ?? settings.connections);

/** Each pair's delivered / raw nodemailer: the first delivery run against the best baseline, then BENCH_PAIRS more. */
function pairRatios(results: Results): number[] {
  const baseline = bestBaseline(results);
  const first = results.delivery && baseline ? [results.delivery.rate / baseline.rate] : [];
  return [...first, ...(results.pairs ?? []).map((pair) => pair.herald.rate / pair.raw.rate)];
}

const median = (values: readonly number[]) => (values.length === 0 ? Number.NaN : quantile(values, 0.5));

function bestBaseline(results: Results): Results['baseline'] {
  const runs = [results.baseline, results.baselineGated].filter((run) => run !== undefined);
  return runs.sort((a, b) => b.rate - a.rate)[0];
}

/** The headline figures and the verdict on each target. */
function summarize(results: Results) {
  const baseline = bestBaseline(results);
  const acceptedSingle = results.ingestSingle?.rate ?? Number.NaN;
  const acceptedBatch = results.ingestBatch?.rate ?? Number.NaN;
  const delivered = results.delivery?.rate ?? Number.NaN;
  const ratios = pairRatios(results);
  const ratio = median(ratios);
  const burstRatios = (results.bursts ?? []).map((pair) => pair.herald.rate / pair.raw.rate);
  const burstRatio = median(burstRatios);
  // CPU per message, the repeatable figure on a shared machine: Herald's whole process over the
  // delivery phase, and the bench process (nodemailer and nothing else) over the chosen baseline.
  const perMessage = (ms: number | undefined, count: number | undefined) => (ms ?? Number.NaN) / (count ?? Number.NaN);
  const deliveries = [results.delivery, ...(results.pairs ?? []).map((pair) => pair.herald)].filter((run) => run !== undefined);
  const raws = [baseline, ...(results.pairs ?? []).map((pair) => pair.raw)].filter((run) => run !== undefined);
  const heraldCpuMsPerMessage = median(deliveries.map((run) => perMessage(run.cpu.ms.herald, run.count)));
  const rawCpuMsPerMessage = median(raws.map((run) => perMessage(run.cpu.ms.bench, run.count)));
  const ingestCpuMsPerEvent = perMessage(results.ingestSingle?.cpu.ms.herald, results.ingestSingle?.count);
  return {
    acceptedSingle,
    acceptedBatch,
    delivered,
    raw: baseline?.rate ?? Number.NaN,
    rawSetup: baseline?.name ?? '',
    ratio,
    ratios,
    burstRatio,
    burstRatios,
    heraldCpuMsPerMessage,
    rawCpuMsPerMessage,
    ingestCpuMsPerEvent,
    latencyP50: results.latency?.p50 ?? Number.NaN,
    latencyP99: results.latency?.p99 ?? Number.NaN,
    peakRssMB: (results.peakRssBytes ?? Number.NaN) / 1024 / 1024,
    pass: {
      acceptedSingle: acceptedSingle >= targets.acceptedPerSecond,
      acceptedBatch: acceptedBatch >= targets.acceptedPerSecond,
      deliveredRatio: ratio >= targets.deliveredRatio,
      burstRatio: burstRatio >= targets.burstRatio,
      latencyP99: (results.latency?.p99 ?? Infinity) <= targets.latencyP99Ms,
    },
  };
}

function report(results: Results): string {
  const { ingestSingle, ingestBatch, delivery, latency } = results;
  const summary = summarize(results);
  const baseline = bestBaseline(results);
  const ratio = summary.ratio;
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const rows: string[][] = [
    ['metric', 'value', 'target', 'result'],
    [
      'accepted events/s, POST /events',
      `${formatNumber(summary.acceptedSingle)}/s`,
      `≥ ${formatNumber(targets.acceptedPerSecond)}/s (sync ${settings.synchronous})`,
      mark(summary.pass.acceptedSingle),
    ],
    [
      `accepted events/s, batch ×${settings.batchSize}`,
      `${formatNumber(summary.acceptedBatch)}/s`,
      `≥ ${formatNumber(targets.acceptedPerSecond)}/s`,
      mark(summary.pass.acceptedBatch),
    ],
    ['delivered emails/s (Herald)', `${formatNumber(delivery?.rate ?? NaN)}/s`, '', ''],
    [
      'raw nodemailer emails/s (best of 2)',
      `${formatNumber(baseline?.rate ?? NaN)}/s`,
      baseline ? baseline.name.replace('raw nodemailer, ', '') : '',
      '',
    ],
    [
      summary.ratios.length > 1 ? `delivered / raw nodemailer (median of ${summary.ratios.length} pairs)` : 'delivered / raw nodemailer',
      formatNumber(ratio, 2),
      `≥ ${formatNumber(targets.deliveredRatio, 2)}`,
      mark(summary.pass.deliveredRatio),
    ],
    ...(summary.ratios.length > 1 ? [['  each pair', summary.ratios.map((r) => formatNumber(r, 2)).join(', '), '', '']] : []),
    ...(summary.burstRatios.length > 0
      ? [
          [
            `burst of ${formatNumber(settings.burstN)} posted while delivering / raw (median of ${summary.burstRatios.length})`,
            formatNumber(summary.burstRatio, 2),
            `≥ ${formatNumber(targets.burstRatio, 2)}`,
            mark(summary.pass.burstRatio),
          ],
          ['  each pair', summary.burstRatios.map((r) => formatNumber(r, 2)).join(', '), 'first request → last at the sink', ''],
        ]
      : []),
    ['CPU ms per delivered message (Herald)', formatNumber(summary.heraldCpuMsPerMessage, 3), 'all threads, until recorded; median', ''],
    ['CPU ms per message (raw nodemailer)', formatNumber(summary.rawCpuMsPerMessage, 3), 'the bench process; median', ''],
    ['CPU ms per accepted event (Herald)', formatNumber(summary.ingestCpuMsPerEvent, 3), 'POST /events phase', ''],
    [
      `event→250 latency p50 / p99 at ${formatNumber(settings.latencyRate)}/s offered`,
      latency ? `${formatNumber(latency.p50, 1)} / ${formatNumber(latency.p99, 1)} ms` : 'n/a',
      `p99 ≤ ${targets.latencyP99Ms} ms`,
      latency ? mark(summary.pass.latencyP99) : '',
    ],
    [
      '  delivered / offered in that phase',
      latency ? formatNumber(latency.deliveredRate / settings.latencyRate, 2) : 'n/a',
      'keeps up: 1.00',
      '',
    ],
    [
      'peak RSS (Herald, VmHWM)',
      results.peakRssBytes ? `${formatNumber(results.peakRssBytes / 1024 / 1024)} MB` : 'n/a',
      results.startRssBytes ? `${formatNumber(results.startRssBytes / 1024 / 1024)} MB after start` : '',
      '',
    ],
  ];
  const m = results.machine;
  const out = [
    '',
    `Herald delivery benchmark — ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, SQLite synchronous=${settings.synchronous}, ` +
      `${settings.connections} SMTP connections, N=${settings.n}, latency ${settings.latencyN} @ ${settings.latencyRate}/s ` +
      `(1-min load average at start ${formatNumber(m.loadAverageAtStart, 2)}: anything else running skews every figure)`,
    '',
    table(rows),
  ];
  const phases = [results.baseline, results.baselineGated, results.ingestSingle, results.ingestBatch, results.delivery, results.latency];
  const busy = phases.filter((p) => p !== undefined && p.ms >= 250 && p.cpu.other > 0.15);
  for (const p of busy)
    out.push(`warning: something else used ${formatNumber(p!.cpu.other * 100)}% of a core during "${p!.name}"; rerun on a quiet machine`);
  out.push('', 'Details');
  const phase = (p: PhaseResult | undefined, extra: string[]) => {
    if (!p) return;
    out.push(
      `- ${p.name}: ${formatNumber(p.count)} in ${formatNumber(p.ms)} ms${Number.isFinite(p.rate) ? ` = ${formatNumber(p.rate)}/s` : ''}`,
    );
    // CPU shares and probe figures over a few milliseconds say nothing.
    const measured = p.ms >= 250 ? [cpuText(p.cpu), ...describeProbe(p.probe)] : [];
    for (const line of [...extra, ...p.notes, ...measured]) out.push(`    ${line}`);
  };
  for (const raw of [results.baseline, results.baselineGated])
    phase(raw, raw ? [`first send → last 250 callback ${formatNumber(raw.callbackMs)} ms`] : []);
  phase(
    ingestSingle,
    ingestSingle ? [`POST→202 p50 ${formatNumber(ingestSingle.ackP50, 1)} ms, p99 ${formatNumber(ingestSingle.ackP99, 1)} ms`] : [],
  );
  phase(
    ingestBatch,
    ingestBatch ? [`request p50 ${formatNumber(ingestBatch.requestP50)} ms, p99 ${formatNumber(ingestBatch.requestP99)} ms`] : [],
  );
  phase(results.holding, []);
  phase(
    delivery,
    delivery
      ? [
          `release (PUT) answered in ${formatNumber(delivery.releaseMs)} ms; first → last at the sink ${formatNumber(delivery.firstToLastMs)} ms = ${formatNumber(perSecond(delivery.count, delivery.firstToLastMs))}/s`,
        ]
      : [],
  );
  for (const [label, pairs] of [
    ['pair', results.pairs ?? []],
    ['burst', results.bursts ?? []],
  ] as const)
    for (const [index, pair] of pairs.entries()) {
      const runs: PhaseResult[] = pair.rawFirst ? [pair.raw, pair.herald] : [pair.herald, pair.raw];
      for (const run of runs) phase({ ...run, name: `${label} ${index + 1}, ${run.name}` }, []);
    }
  phase(
    latency,
    latency
      ? [
          `event→250 p50 ${formatNumber(latency.p50, 1)} ms, p99 ${formatNumber(latency.p99, 1)} ms, max ${formatNumber(latency.max, 1)} ms; POST→202 p50 ${formatNumber(latency.ackP50, 1)} ms, p99 ${formatNumber(latency.ackP99, 1)} ms`,
        ]
      : [],
  );
  if (results.startupMs !== undefined) out.push(`- herald start → listening: ${formatNumber(results.startupMs)} ms`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const results: Results = {
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadavg()[0]!,
    },
    settings,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  const runId = randomBytes(4).toString('hex');
  let sink: SinkProcess | undefined;
  /** The OAuth phase's sink: it requires AUTH and runs the fake identity provider Herald is pointed at. */
  let authSink: SinkProcess | undefined;
  let herald: HeraldProcess | undefined;
  let api: ApiClient | undefined;
  let db: SqliteDatabase.Database | undefined;
  let interrupted = false;
  const cleanup = async () => {
    api?.close();
    db?.close();
    await herald?.stop().catch(() => undefined);
    await sink?.stop().catch(() => undefined);
    await authSink?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write('\ninterrupted: stopping Herald and the sink\n');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
  // Phase windows on the monotonic clock, so bench/profile-summary.ts can cut the CPU profile.
  const windows: Array<{ name: string; startMs: number; endMs: number }> = [];
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const startMs = nowMs();
    try {
      return await run();
    } finally {
      windows.push({ name, startMs, endMs: nowMs() });
    }
  };
  try {
    progress(`starting the SMTP sink`);
    sink = await startSink();
    if (oauth) authSink = await startSink({ auth: oauthSinkAuth(oauth) });

    if (core) {
      progress(`raw nodemailer: ${settings.n} messages, ${settings.connections} connections, ${settings.sendConcurrency} in flight`);
      results.baseline = await baselinePhase(sink, runId, settings.sendConcurrency, true);
      progress(`  ${formatNumber(results.baseline!.rate)}/s`);
      progress(`raw nodemailer: ${settings.n} messages, ${settings.connections} in flight`);
      results.baselineGated = await baselinePhase(sink, `${runId}g`, settings.connections, false);
      progress(`  ${formatNumber(results.baselineGated!.rate)}/s`);
    }

    progress('starting Herald');
    if (settings.profileDir) mkdirSync(settings.profileDir, { recursive: true });
    const token = `bench_${randomBytes(24).toString('base64url')}`;
    const startAt = nowMs();
    herald = await startHerald({
      env: benchHeraldEnv(dataDir, token, authSink?.idpOrigin ? { HERALD_OAUTH_TEST_ENDPOINTS: authSink.idpOrigin } : {}),
      probeOut: settings.probe ? join(dataDir, 'probe') : undefined,
      cpuProfileDir: settings.profileDir,
    });
    results.startupMs = nowMs() - startAt;
    results.startRssBytes = herald.rss();
    api = createApiClient(herald.url, token, Math.max(settings.httpConcurrency, settings.batchConcurrency, 16));
    db = new SqliteDatabase(join(dataDir, 'herald.sqlite'), { readonly: true, fileMustExist: true });
    const ctx: HeraldContext = { herald, api, sink, db };

    progress(`warm-up: ${settings.warmup} events`);
    await timed('warm-up', () => warmHerald(ctx));
    await herald.probeReport();

    if (latencyOnly) {
      for (let run = 1; run <= settings.latencyRuns; run += 1) {
        progress(`latency ${run} of ${settings.latencyRuns}: ${settings.latencyN} events at ${settings.latencyRate}/s`);
        const latency = (await timed(`latency ${run}`, () => latencyPhase(ctx)))!;
        progress(
          `  p50 ${formatNumber(latency.p50, 1)} ms, p99 ${formatNumber(latency.p99, 1)} ms, max ${formatNumber(latency.max, 1)} ms`,
        );
        const probe = describeProbe(latency.probe);
        for (const line of [...latency.notes, ...probe.slice(0, 4), ...probe.slice(-1)]) progress(`    ${line}`);
      }
    }

    let rules: string | undefined;
    if (core) {
      progress('ingest with delivery held (mail server saved with enabled: false)');
      await createHeldTenant(ctx);
      await saveMailServer(ctx, false);
      results.ingestSingle = await timed('ingest', () => ingestSinglePhase(ctx));
      progress(`  POST /events: ${formatNumber(results.ingestSingle!.rate)}/s`);
      results.ingestBatch = await timed('batch', () => ingestBatchPhase(ctx));
      progress(`  POST /events/batch: ${formatNumber(results.ingestBatch!.rate)}/s`);
      results.holding = await timed('holding', () => holdingPhase(ctx, settings.n));

      progress(`delivery: releasing ${results.holding.count} held messages`);
      results.delivery = await timed('delivery', () => deliveryPhase(ctx, results.holding!.count));
      progress(`  ${formatNumber(results.delivery!.rate)}/s`);
      const baseline = bestBaseline(results);
      if (settings.pairs > 0 && baseline) {
        progress(`delivery against raw nodemailer: ${settings.pairs} more pairs of runs`);
        results.pairs = await timed('pairs', () => deliveryPairs(ctx, baseline, runId));
        progress(
          `  ratios ${pairRatios(results)
            .map((r) => formatNumber(r, 2))
            .join(', ')}`,
        );
      }

      if (settings.burstN > 0 && baseline) {
        progress(
          `burst: ${formatNumber(settings.burstN)} events posted while delivering, ${settings.burstPairs} pairs with raw nodemailer`,
        );
        results.bursts = await timed('burst', () => burstPairs(ctx, baseline, runId));
        progress(
          `  ratios ${summarize(results)
            .burstRatios.map((r) => formatNumber(r, 2))
            .join(', ')}`,
        );
      }

      progress(`latency: ${settings.latencyN} events at ${settings.latencyRate}/s`);
      results.latency = await timed('latency', () => latencyPhase(ctx));
      progress(`  p50 ${formatNumber(results.latency!.p50, 1)} ms, p99 ${formatNumber(results.latency!.p99, 1)} ms`);
      progress('notification rules path (bench/rules-scenario.ts)');
      rules = await timed('rules', () =>
        rulesScenario({
          ...ctx,
          n: settings.n,
          httpConcurrency: settings.httpConcurrency,
          connections: settings.connections,
          core: { ingest: results.ingestSingle!, delivery: results.delivery! },
        }),
      );
    }
    results.peakRssBytes = herald.peakRss();
    let oauthResults: OAuthResults | undefined;
    if (oauth && authSink) {
      const oauthContext = {
        herald,
        api,
        sink: authSink,
        connections: settings.connections,
        unsettled: () => unsettled(messageStates(ctx.db)),
      };
      oauthResults = await timed('oauth', () => runOAuthPhase(oauthContext, oauth, progress));
    }
    let scaleResults: ScaleResults | undefined;
    if (scale) {
      const unsettledNow = () => unsettled(messageStates(ctx.db));
      scaleResults = await timed('scale', () =>
        runScalePhases(
          {
            herald: herald!,
            api: api!,
            sink: sink!,
            connections: settings.connections,
            unsettled: unsettledNow,
            recordWindow: (name, startMs, endMs) => windows.push({ name, startMs, endMs }),
          },
          scale,
          progress,
        ),
      );
    }
    const code = await herald.stop();
    if (code !== 0) throw new Error(`herald exited with ${code} on SIGTERM:\n${herald.output().slice(-2000)}`);

    if (core) console.log(report(results));
    if (rules) console.log(rules);
    if (oauthResults) console.log(oauthReport(oauthResults));
    if (scaleResults) console.log(scaleReport(scaleResults));
    if (settings.profileDir) {
      const phases = join(settings.profileDir, `phases-${herald.pid}.json`);
      writeFileSync(phases, JSON.stringify(windows, null, 2));
      console.log(`\nCPU profile of Herald (pid ${herald.pid}) written to ${settings.profileDir}; phase windows in ${phases}.`);
      console.log(
        `Summarise: node --import tsx bench/profile-summary.ts ${settings.profileDir}/CPU.*.${herald.pid}.*.cpuprofile [--phase delivery]`,
      );
    }
    if (settings.json)
      writeFileSync(settings.json, JSON.stringify({ summary: summarize(results), targets, ...results, oauth: oauthResults }, null, 2));
    return 0;
  } catch (error) {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (herald) process.stderr.write(`\nlast Herald output:\n${herald.output().slice(-3000)}\n`);
    return 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
