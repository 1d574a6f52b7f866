// Delivery at scale (issue 14), run by `npm run bench` after the core phases on the same Herald:
//
// - backlog: N events queued with delivery held, then released; delivered/s at each N. The rate
//   at the largest N over the rate at the smallest is the figure (target ≥ 0.9: a claim costs the
//   batch, not the queue).
// - tenants: the same number of messages drained from one tenant, then from many tenants with a
//   few each plus one big one; delivered/s within 10%, and a new tenant's single event, posted
//   while the many-tenant backlog drains, delivered within 5 s (fairness).
// Peak RSS is sampled while each backlog drains (target ≤ 200 MB).
//
// Sizes: the default keeps `npm run bench` to minutes; `--full` runs the sizes (a 100,000
// backlog, 10,000 tenants and a 50,000-message tenant: tens of minutes on a 2-core machine);
// `--quick` the smallest. Environment (all optional) overrides either:
//   BENCH_SCALE=0                  skips these phases
//   BENCH_BACKLOGS=1000,10000      backlog sizes (--full 1000,10000,100000; --quick 1000,5000)
//   BENCH_TENANTS=2000             tenants with a few due messages each (--full 10000; --quick 200)
//   BENCH_TENANT_MESSAGES=3        messages each of them has
//   BENCH_BIG_TENANT=10000         messages of the one big tenant (--full 50000; --quick 2000)
import type { ApiClient } from './http-client.js';
import type { HeraldProcess } from './herald-process.js';
import type { SinkProcess } from './sink-process.js';
import type { ProbeReport } from './sqlite-probe.js';
import { eventBody, fromAddress, fromName } from './bench-mail.js';
import { closedLoop, formatNumber, nowMs, perSecond, sleep, table, until } from './stats.js';

export interface ScaleContext {
  herald: HeraldProcess;
  api: ApiClient;
  sink: SinkProcess;
  connections: number;
  /** Counts of queued, sending and deferred messages (the bench reads Herald's database). */
  unsettled(): number;
}

export interface ScaleSettings {
  backlogs: number[];
  tenants: number;
  tenantMessages: number;
  bigTenant: number;
}

export function scaleSettings(env: NodeJS.ProcessEnv, size: 'quick' | 'default' | 'full'): ScaleSettings | undefined {
  if (env.BENCH_SCALE === '0') return undefined;
  const whole = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: "${raw}" must be a whole number ≥ 1`);
    return value;
  };
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
  };
}

interface Drain {
  count: number;
  ms: number;
  rate: number;
  peakRssMB: number;
  /** RSS when the release starts: what the drain adds is the peak over this. */
  startRssMB: number;
  /** The main thread's largest heap while draining, from the probe (BENCH_PROBE=1). */
  memoryMB?: ProbeReport['memoryMB'];
  /** Claim transactions while draining, from the probe: count and mean ms open. */
  claims?: { count: number; meanMs: number };
}

const targets = { backlogRatio: 0.9, tenantsRatio: 0.9, newTenantMs: 5000, peakRssMB: 200 };

async function request(api: ApiClient, method: string, path: string, body: unknown, expected: number): Promise<any> {
  const response = await api.request(method, path, body);
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
  return response.body;
}

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

/** Posts events (tenant per event; undefined: the system) in batches of 500, two in flight. */
async function post(ctx: ScaleContext, tenants: ReadonlyArray<string | undefined>, from: number): Promise<void> {
  const batches = Math.ceil(tenants.length / 500);
  await closedLoop(batches, 2, async (batch) => {
    const events = tenants.slice(batch * 500, batch * 500 + 500).map((tenant, i) => eventBody(from + batch * 500 + i, tenant));
    await request(ctx.api, 'POST', '/api/v1/events/batch', { events }, 202);
  });
}

/** Queues `tenants.length` events with delivery held, waits until all are held, releases them and times the drain. */
async function queueAndDrain(
  ctx: ScaleContext,
  tenants: ReadonlyArray<string | undefined>,
  from: number,
  during?: () => Promise<void>,
): Promise<Drain> {
  await setDelivery(ctx, false);
  await post(ctx, tenants, from);
  await until('the backlog to be held', 600_000, () => (ctx.unsettled() === 0 ? true : undefined), 200);
  await ctx.sink.reset();
  await ctx.herald.probeReport();
  const startRss = ctx.herald.rss();
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, ctx.herald.rss())), 200);
  const startedAt = nowMs();
  await setDelivery(ctx, true);
  const extra = during?.();
  const stats = await ctx.sink.waitFor(tenants.length, 900_000);
  clearInterval(sampler);
  await extra;
  if (stats.timedOut || stats.count < tenants.length) throw new Error(`drain: the sink got ${stats.count} of ${tenants.length}`);
  await until('the drain to be recorded', 120_000, () => (ctx.unsettled() === 0 ? true : undefined), 100);
  const ms = stats.lastAt! - startedAt;
  const probe = await ctx.herald.probeReport();
  const claim = probe?.transactions.claim;
  return {
    count: tenants.length,
    ms,
    rate: perSecond(tenants.length, ms),
    peakRssMB: peak / 1024 / 1024,
    startRssMB: startRss / 1024 / 1024,
    memoryMB: probe?.memoryMB,
    claims: claim ? { count: claim.count, meanMs: claim.ms / claim.count } : undefined,
  };
}

async function createTenants(ctx: ScaleContext, ids: readonly string[]): Promise<void> {
  await closedLoop(ids.length, 16, async (i) => {
    await request(ctx.api, 'POST', '/api/v1/tenants', { id: ids[i], name: ids[i] }, 201);
  });
}

export interface ScaleResults {
  backlog: Array<Drain & { size: number }>;
  oneTenant?: Drain;
  manyTenants?: Drain;
  newTenantMs?: number;
}

/** Runs the backlog and tenants phases; `progress` reports each step. */
export async function runScalePhases(ctx: ScaleContext, settings: ScaleSettings, progress: (text: string) => void): Promise<ScaleResults> {
  const results: ScaleResults = { backlog: [] };
  let from = 10_000_000;
  for (const size of settings.backlogs) {
    progress(`backlog: ${formatNumber(size)} queued, then released`);
    const drain = await queueAndDrain(
      ctx,
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

  progress(`tenants: ${formatNumber(total)} messages of one tenant`);
  results.oneTenant = await queueAndDrain(
    ctx,
    Array.from({ length: total }, () => 'bench-one'),
    from,
  );
  from += total;
  progress(`  ${formatNumber(results.oneTenant.rate)}/s`);

  progress(
    `tenants: ${formatNumber(settings.tenants)} × ${settings.tenantMessages} messages plus one tenant with ${formatNumber(settings.bigTenant)}`,
  );
  // The big tenant's backlog first: the oldest work; the small tenants' interleaved after it.
  const many = [
    ...Array.from({ length: settings.bigTenant }, () => 'bench-big'),
    ...Array.from({ length: settings.tenantMessages }, () => small).flat(),
  ];
  const newTenant = async () => {
    await sleep(1000);
    const sentAt = nowMs();
    const body = await request(ctx.api, 'POST', '/api/v1/events', eventBody(from + total + 1, 'bench-new'), 202);
    const messageId = body.messages[0].messageId as string;
    const arrived = await until('the new tenant’s event', 900_000, async () => (await ctx.sink.dump()).get(messageId), 500);
    results.newTenantMs = arrived - sentAt;
  };
  results.manyTenants = await queueAndDrain(ctx, many, from, newTenant);
  progress(`  ${formatNumber(results.manyTenants.rate)}/s; the new tenant's event in ${formatNumber(results.newTenantMs ?? NaN)} ms`);
  return results;
}

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
  const peak = Math.max(...results.backlog.map((drain) => drain.peakRssMB), results.manyTenants?.peakRssMB ?? 0);
  rows.push(['peak RSS while draining', `${formatNumber(peak)} MB`, `≤ ${targets.peakRssMB} MB`, mark(peak <= targets.peakRssMB)]);
  if (results.oneTenant && results.manyTenants) {
    const ratio = results.manyTenants.rate / results.oneTenant.rate;
    rows.push(['delivered/s one tenant', `${formatNumber(results.oneTenant.rate)}/s`, '', '']);
    rows.push(['delivered/s many tenants', `${formatNumber(results.manyTenants.rate)}/s`, '', '']);
    rows.push(['many tenants / one tenant', formatNumber(ratio, 2), `≥ ${targets.tenantsRatio}`, mark(ratio >= targets.tenantsRatio)]);
  }
  if (results.newTenantMs !== undefined)
    rows.push([
      "new tenant's event delivered in",
      `${formatNumber(results.newTenantMs)} ms`,
      `≤ ${formatNumber(targets.newTenantMs)} ms`,
      mark(results.newTenantMs <= targets.newTenantMs),
    ]);
  const details = [
    ...results.backlog.map((d) => ({ name: `backlog ${formatNumber(d.size)}`, ...d })),
    ...(results.oneTenant ? [{ name: 'one tenant', ...results.oneTenant }] : []),
    ...(results.manyTenants ? [{ name: 'many tenants', ...results.manyTenants }] : []),
  ].map(
    (d) =>
      `- ${d.name}: ${formatNumber(d.count)} in ${formatNumber(d.ms)} ms (release → last at the sink); RSS ${formatNumber(d.startRssMB)} MB at the release, peak ${formatNumber(d.peakRssMB)} MB` +
      (d.memoryMB
        ? `; main-thread heap peak ${formatNumber(d.memoryMB.heapUsed)} MB used of ${formatNumber(d.memoryMB.heapTotal)} MB, external ${formatNumber(d.memoryMB.external)} MB`
        : '') +
      (d.claims ? `; ${formatNumber(d.claims.count)} claim transactions, ${formatNumber(d.claims.meanMs, 2)} ms each` : ''),
  );
  return ['', 'Delivery at scale (issue 14)', '', table(rows), '', ...details].join('\n');
}
