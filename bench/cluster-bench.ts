// Delivered emails/s on PostgreSQL with 1, 2 and 3 Herald nodes, against raw nodemailer sending the
// same email to the same sink in the same run, and where the CPU went: npm run bench:cluster
// (BENCH_N, BENCH_NODES=1,2,3, BENCH_POSTGRES_URL, BENCH_CONNECTIONS=5 per node, BENCH_SEPARATE=0 to
// skip the separate deployments, BENCH_WARMUP=messages each node delivers before the measured drain
// (3000; 0 measures cold nodes), BENCH_STEADY_RATE=events per second offered to each node in the
// steady phase (150; 0 skips it), BENCH_STEADY_SECONDS (15), BENCH_PROFILE=DIR for CPU profiles with a
// `delivery` phase).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { eventBody, fromAddress, fromName, rawMail } from './bench-mail.js';
import { machineContextSwitches, machineCpuMs, mainThreadCpuMs, otherThreadsCpuMs, postgresCpuMs, processCpuMs } from './cpu.js';
import { startSink } from './sink-process.js';
import { startHerald, type HeraldProcess } from './herald-process.js';
import { createApiClient } from './http-client.js';
import { formatNumber, nowMs, perSecond, sleep, table } from './stats.js';

const total = Number(process.env.BENCH_N ?? 6000);
const nodeCounts = (process.env.BENCH_NODES ?? '1,2,3').split(',').map(Number);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const token = `bench-${randomBytes(16).toString('hex')}`;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 5);
// A new node's V8 compiles its hot code while it delivers its first thousands of messages (under
// callgrind, the optimizing compiler took 36-42% of one node's instructions over its first 1,000
// and 3,000 messages); n nodes pay that n times. The measured drain starts after it.
const warmupPerNode = Number(process.env.BENCH_WARMUP ?? 3000);
// The drain runs every node flat out, so on fewer cores than processes each node runs at a fraction
// of one node's rate, and fewer messages share each claim, commit and thread wake-up. The steady phase
// offers each node the same rate whatever their number: what n nodes cost beyond one is then the
// cluster's and the machine's, not a smaller batch's.
const steadyRate = Number(process.env.BENCH_STEADY_RATE ?? 150);
const steadySeconds = Number(process.env.BENCH_STEADY_SECONDS ?? 15);
const steadyBatch = 10;

async function admin(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Transactions committed so far in these databases (PostgreSQL's statistics). */
async function databaseCommits(names: string[]): Promise<number> {
  const { rows } = await admin(`select coalesce(sum(xact_commit), 0)::int as commits from pg_stat_database where datname = any($1)`, [
    names,
  ]);
  return Number(rows[0]?.commits ?? 0);
}

async function rawNodemailer(port: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxRequeues: 0,
  });
  const runId = randomBytes(3).toString('hex');
  const started = nowMs();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) await transport.sendMail(rawMail(next++, runId));
    }),
  );
  const rate = perSecond(total, nowMs() - started);
  transport.close();
  return rate;
}

/** CPU milliseconds spent while delivering, by whom; `busy` is the whole machine's. */
interface CpuSpent {
  eventLoops: number;
  otherThreads: number;
  postgres: number;
  sink: number;
  busy: number;
  contextSwitches: number;
  wallMs: number;
}

/** Each node's other threads' CPU ms so far, by node and thread id. */
function threadsOf(pids: number[]): Map<string, number> {
  const all = new Map<string, number>();
  for (const pid of pids) for (const [tid, ms] of otherThreadsCpuMs(pid)) all.set(`${pid}/${tid}`, ms);
  return all;
}

function cpuMeter(heraldPids: number[], sinkPid: number): () => CpuSpent & { threads: Map<string, number> } {
  const threadsBefore = threadsOf(heraldPids);
  const read = () => {
    const loops = heraldPids.reduce((sum, pid) => sum + mainThreadCpuMs(pid), 0);
    return {
      eventLoops: loops,
      otherThreads: heraldPids.reduce((sum, pid) => sum + processCpuMs(pid), 0) - loops,
      postgres: postgresCpuMs(),
      sink: processCpuMs(sinkPid),
      busy: machineCpuMs(),
      contextSwitches: machineContextSwitches(),
      wallMs: nowMs(),
    };
  };
  const before = read();
  return () => {
    const after = read();
    const threads = threadsOf(heraldPids);
    for (const [tid, ms] of threads) threads.set(tid, ms - (threadsBefore.get(tid) ?? 0));
    const spent = Object.fromEntries(
      Object.entries(after).map(([key, value]) => [key, value - before[key as keyof CpuSpent]]),
    ) as unknown as CpuSpent;
    return { ...spent, threads };
  };
}

/**
 * One Herald deployment: its own PostgreSQL database and `nodes` processes on it, warmed by
 * delivering `warmupPerNode` messages each (`delivered(n)` waits until the sink has n more), then
 * `events` queued and held.
 */
async function deployment(nodes: number, events: number, sinkPort: number, delivered: (count: number) => Promise<void>) {
  const name = `herald_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cluster-bench-'));
  const env = {
    HERALD_DATABASE_URL: url.toString(),
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: token,
    HERALD_LOG_LEVEL: 'warn',
    HERALD_SMTP_ALLOWED_HOSTS: '127.0.0.1',
    HERALD_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  const started: HeraldProcess[] = [];
  const dispose = async () => {
    await Promise.all(started.map((node) => node.stop(5000)));
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const cpuProfileDir = process.env.BENCH_PROFILE;
    for (let i = 0; i < nodes; i += 1) started.push(await startHerald({ env, cpuProfileDir }));
    const apis = started.map((node) => createApiClient(node.url, token, 4));
    const api = apis[0]!;
    const settings = {
      provider: 'smtp',
      host: '127.0.0.1',
      port: sinkPort,
      security: 'none',
      fromAddress,
      fromName,
      poolSize: connections,
    };
    /** Posts events `from`… to one node (the first by default), in batches of up to 1,000. */
    const post = async (from: number, count: number, node = 0) => {
      for (let at = from; at < from + count; at += 1000) {
        const batch = Array.from({ length: Math.min(1000, from + count - at) }, (_, i) => eventBody(at + i));
        const answer = await apis[node]!.request('POST', '/api/v1/events/batch', { events: batch });
        if (answer.status !== 202) throw new Error(`batch refused: ${answer.text}`);
      }
    };
    if (warmupPerNode > 0) {
      await api.request('PUT', '/api/v1/system/mail-server', settings);
      await post(events, warmupPerNode * nodes);
      await delivered(warmupPerNode * nodes);
    }
    await api.request('PUT', '/api/v1/system/mail-server', { ...settings, enabled: false });
    await post(0, events);
    return {
      name,
      pids: started.map((node) => node.pid),
      post,
      /** Enables the mail server: the held events go. */
      release: async () => {
        await api.request('PUT', '/api/v1/system/mail-server', settings);
      },
      dispose: async () => {
        for (const client of apis) client.close();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Offers `steadyRate` events a second to each node of a deployment for `steadySeconds`, in batches of `steadyBatch`. */
async function offerSteadily(d: Awaited<ReturnType<typeof deployment>>, begin: number): Promise<void> {
  const perNode = steadyRate * steadySeconds;
  await Promise.all(
    d.pids.map(async (_, node) => {
      for (let sent = 0; sent < perNode; sent += steadyBatch) {
        // open loop: each batch leaves at its time whatever the earlier ones took
        const wait = begin + (sent * 1000) / steadyRate - nowMs();
        if (wait > 1) await sleep(wait);
        await d.post(1_000_000 + node * perNode + sent, Math.min(steadyBatch, perNode - sent), node);
      }
    }),
  );
}

/**
 * Messages delivered by `nodes` Herald processes: one cluster on one database, or (`separate`)
 * as many one-node deployments with a database each, sharing the machine and the sink but no queue.
 * `drain`: `total` messages queued while held, then released at once; `steady`: each node offered
 * `steadyRate` events a second while it delivers.
 */
async function heraldRun(
  nodes: number,
  separate: boolean,
  load: 'drain' | 'steady',
  sink: { port: number; pid: number; reset(): Promise<unknown> },
  waitFor: (count: number) => Promise<void>,
): Promise<{ messages: number; rate: number; cpu: CpuSpent & { threads: Map<string, number> }; commits: number }> {
  const messages = load === 'drain' ? total : steadyRate * steadySeconds * nodes;
  const shares = separate
    ? Array.from({ length: nodes }, (_, i) => Math.floor((messages * (i + 1)) / nodes) - Math.floor((messages * i) / nodes))
    : [messages];
  const deployments: Array<Awaited<ReturnType<typeof deployment>>> = [];
  try {
    let warmed = 0;
    const delivered = async (count: number) => waitFor((warmed += count));
    const held = (events: number) => (load === 'drain' ? events : 0);
    for (const events of shares) deployments.push(await deployment(separate ? 1 : nodes, held(events), sink.port, delivered));
    if (load === 'steady') await Promise.all(deployments.map((d) => d.release()));
    await sink.reset();
    await admin('select pg_stat_clear_snapshot()');
    const commitsBefore = await databaseCommits(deployments.map((d) => d.name));
    const begin = nowMs();
    const pids = deployments.flatMap((d) => d.pids);
    const meter = cpuMeter(pids, sink.pid);
    if (load === 'drain') await Promise.all(deployments.map((d) => d.release()));
    else await Promise.all(deployments.map((d) => offerSteadily(d, begin)));
    await waitFor(messages);
    const rate = perSecond(messages, nowMs() - begin);
    const cpu = meter();
    const profileDir = process.env.BENCH_PROFILE;
    if (profileDir)
      for (const pid of pids)
        writeFileSync(join(profileDir, `phases-${pid}.json`), JSON.stringify([{ name: 'delivery', startMs: begin, endMs: nowMs() }]));
    // a backend reports its counts to the statistics when it goes idle: give the last ones time
    await sleep(1500);
    const commits = (await databaseCommits(deployments.map((d) => d.name))) - commitsBefore;
    return { messages, rate, cpu, commits };
  } finally {
    for (const d of deployments) await d.dispose();
  }
}

const sink = await startSink();
try {
  const waitFor = async (count: number) => {
    const stats = await sink.waitFor(count, 300_000);
    if (stats.timedOut) throw new Error(`only ${stats.count} of ${count} arrived`);
  };
  await sink.reset();
  const raw = await rawNodemailer(sink.port);
  const cores = availableParallelism();
  const most = Math.max(...nodeCounts);
  // Each cluster size beside as many separate one-node deployments: the same processes on the same
  // cores, without a shared queue; what the cluster costs beyond them is the cluster's own.
  const sizes = (load: 'drain' | 'steady') =>
    nodeCounts.flatMap((nodes) =>
      nodes > 1 && process.env.BENCH_SEPARATE !== '0'
        ? [
            { nodes, separate: false, load },
            { nodes, separate: true, load },
          ]
        : [{ nodes, separate: false, load }],
    );
  // The machine's speed drifts over a run: one node again at the end, and its two runs averaged.
  const again = nodeCounts.includes(1) && nodeCounts.length > 1 ? [{ nodes: 1, separate: false, load: 'drain' as const }] : [];
  const steady =
    steadyRate > 0
      ? [...nodeCounts, ...again.map(({ nodes }) => nodes)].map((nodes) => ({ nodes, separate: false, load: 'steady' as const }))
      : [];
  const layouts = [...sizes('drain'), ...again, ...steady];
  const rows: string[][] = [['nodes', 'delivered/s', 'vs 1 node', 'vs raw nodemailer', 'commits per message']];
  const cpuRows: string[][] = [
    [
      'nodes',
      'cores busy',
      'event loops',
      'SMTP threads',
      'other threads',
      'PostgreSQL',
      'sink',
      'all',
      `if all ${cores} cores were busy`,
      'context switches',
    ],
  ];
  const heraldMs = new Map<string, number>();
  const postgresMs = new Map<string, number>();
  let single = 0;
  for (const { nodes, separate, load } of layouts) {
    await sink.reset();
    const { messages, rate, cpu, commits } = await heraldRun(nodes, separate, load, sink, waitFor);
    const label = `${separate ? `${nodes} separate` : String(nodes)}${load === 'steady' ? `, ${steadyRate}/s each` : ''}`;
    const repeated = heraldMs.has(label);
    if (nodes === 1 && load === 'drain') single = repeated ? (single + rate) / 2 : rate;
    rows.push([
      repeated ? `${label} again` : label,
      formatNumber(rate),
      // a steady run delivers what it is offered: only a drain's rate compares
      single && load === 'drain' ? `${formatNumber(rate / single, 2)}×` : '',
      load === 'drain' ? `${formatNumber(rate / raw, 2)}×` : '',
      formatNumber(commits / messages, 3),
    ]);
    const perMessage = (ms: number) => formatNumber(ms / messages, 3);
    const all = cpu.eventLoops + cpu.otherThreads + cpu.postgres + cpu.sink;
    const mean = (of: Map<string, number>, value: number) => of.set(label, repeated ? (of.get(label)! + value) / 2 : value);
    mean(heraldMs, (cpu.eventLoops + cpu.otherThreads) / messages);
    mean(postgresMs, cpu.postgres / messages);
    // At this CPU cost per message, every core busy would deliver this many per second.
    const ceiling = (cores * 1000) / (all / messages);
    // Each node's busiest thread besides its event loop is its SMTP thread.
    const busiest = new Map<string, number>();
    for (const [id, ms] of cpu.threads) {
      const pid = id.split('/')[0]!;
      busiest.set(pid, Math.max(busiest.get(pid) ?? 0, ms));
    }
    const smtpMs = [...busiest.values()].reduce((sum, ms) => sum + ms, 0);
    cpuRows.push([
      repeated ? `${label} again` : label,
      formatNumber(cpu.busy / cpu.wallMs, 2),
      perMessage(cpu.eventLoops),
      perMessage(smtpMs),
      perMessage(cpu.otherThreads - smtpMs),
      perMessage(cpu.postgres),
      perMessage(cpu.sink),
      perMessage(all),
      `${formatNumber(ceiling)}/s${single ? ` (${formatNumber(ceiling / single, 2)}× 1 node)` : ''}`,
      formatNumber(cpu.contextSwitches / messages, 1),
    ]);
  }
  console.log(
    `Herald on PostgreSQL, ${total} messages drained, ${connections} SMTP connections per node, each node warmed by delivering ${warmupPerNode} first; raw nodemailer ${formatNumber(raw)}/s to the same sink, same email` +
      (steady.length > 0 ? `; steady: ${steadyRate} events/s offered to each node for ${steadySeconds} s` : '') +
      '\n',
  );
  console.log(table(rows));
  console.log(
    `\nCPU ms and context switches per delivered message while delivering (Herald: its event loops, its SMTP threads, its other threads: GC, compiler, libuv)\n`,
  );
  console.log(table(cpuRows));
  const ratio = (of: Map<string, number>, a: string, b: string) => (of.get(a) ?? NaN) / (of.get(b) ?? NaN);
  const verdict = (a: string, b: string) => {
    const herald = ratio(heraldMs, a, b);
    const postgres = ratio(postgresMs, a, b);
    return `Herald ${formatNumber(herald, 2)}×, PostgreSQL ${formatNumber(postgres, 2)}× — ${herald <= 1.15 && postgres <= 1.15 ? 'PASS' : 'MISS'}`;
  };
  if (most > 1 && heraldMs.has('1')) {
    console.log(
      `\nCPU per delivered message, ${most} nodes against 1, draining flat out (both one-node runs averaged; target ≤ 1.15×): ${verdict(String(most), '1')}`,
    );
    if (heraldMs.has(`${most} separate`))
      console.log(
        `${most} separate one-node deployments against 1 (the machine's share): Herald ${formatNumber(ratio(heraldMs, `${most} separate`, '1'), 2)}×, PostgreSQL ${formatNumber(ratio(postgresMs, `${most} separate`, '1'), 2)}×; the cluster against them: Herald ${formatNumber(ratio(heraldMs, String(most), `${most} separate`), 2)}×, PostgreSQL ${formatNumber(ratio(postgresMs, String(most), `${most} separate`), 2)}×`,
      );
  }
  if (steady.length > 0 && most > 1 && nodeCounts.includes(1))
    console.log(
      `CPU per delivered message, ${most} nodes against 1, each node offered ${steadyRate} events/s (both one-node runs averaged; target ≤ 1.15×): ${verdict(`${most}, ${steadyRate}/s each`, `1, ${steadyRate}/s each`)}`,
    );
} finally {
  await sink.stop();
}
