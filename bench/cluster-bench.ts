// Delivered emails/s on PostgreSQL with 1, 2 and 3 Herald nodes, against raw nodemailer sending the
// same email to the same sink in the same run, and where the CPU went: npm run bench:cluster
// (BENCH_N, BENCH_NODES=1,2,3, BENCH_POSTGRES_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { eventBody, fromAddress, fromName, rawMail } from './bench-mail.js';
import { machineContextSwitches, machineCpuMs, mainThreadCpuMs, postgresCpuMs, processCpuMs } from './cpu.js';
import { startSink } from './sink-process.js';
import { startHerald, type HeraldProcess } from './herald-process.js';
import { createApiClient } from './http-client.js';
import { formatNumber, nowMs, perSecond, table } from './stats.js';

const total = Number(process.env.BENCH_N ?? 6000);
const nodeCounts = (process.env.BENCH_NODES ?? '1,2,3').split(',').map(Number);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const token = `bench-${randomBytes(16).toString('hex')}`;
const connections = 5;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
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

function cpuMeter(heraldPids: number[], sinkPid: number): () => CpuSpent {
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
    return Object.fromEntries(
      Object.entries(after).map(([key, value]) => [key, value - before[key as keyof CpuSpent]]),
    ) as unknown as CpuSpent;
  };
}

async function heraldCluster(
  nodes: number,
  sink: { port: number; pid: number },
  waitFor: (count: number) => Promise<void>,
): Promise<{ rate: number; cpu: CpuSpent }> {
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
  try {
    started.push(await startHerald({ env }));
    for (let i = 1; i < nodes; i += 1) started.push(await startHerald({ env }));
    const api = createApiClient(started[0]!.url, token, 4);
    const settings = {
      provider: 'smtp',
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      fromAddress,
      fromName,
      poolSize: connections,
    };
    await api.request('PUT', '/api/v1/system/mail-server', { ...settings, enabled: false });
    for (let at = 0; at < total; at += 1000) {
      const events = Array.from({ length: Math.min(1000, total - at) }, (_, i) => eventBody(at + i));
      const answer = await api.request('POST', '/api/v1/events/batch', { events });
      if (answer.status !== 202) throw new Error(`batch refused: ${answer.text}`);
    }
    const begin = nowMs();
    const meter = cpuMeter(
      started.map((node) => node.pid),
      sink.pid,
    );
    await api.request('PUT', '/api/v1/system/mail-server', settings);
    await waitFor(total);
    const rate = perSecond(total, nowMs() - begin);
    const cpu = meter();
    api.close();
    return { rate, cpu };
  } finally {
    await Promise.all(started.map((node) => node.stop(5000)));
    await admin(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
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
  const rows: string[][] = [['nodes', 'delivered/s', 'vs 1 node', 'vs raw nodemailer']];
  const cpuRows: string[][] = [
    [
      'nodes',
      'cores busy',
      'event loops',
      'other threads',
      'PostgreSQL',
      'sink',
      'all',
      `if all ${cores} cores were busy`,
      'context switches',
    ],
  ];
  let single = 0;
  for (const nodes of nodeCounts) {
    await sink.reset();
    const { rate, cpu } = await heraldCluster(nodes, sink, waitFor);
    if (nodes === 1) single = rate;
    rows.push([String(nodes), formatNumber(rate), single ? `${formatNumber(rate / single, 2)}×` : '', `${formatNumber(rate / raw, 2)}×`]);
    const perMessage = (ms: number) => formatNumber(ms / total, 3);
    const all = cpu.eventLoops + cpu.otherThreads + cpu.postgres + cpu.sink;
    // At this CPU cost per message, every core busy would deliver this many per second.
    const ceiling = (cores * 1000) / (all / total);
    cpuRows.push([
      String(nodes),
      formatNumber(cpu.busy / cpu.wallMs, 2),
      perMessage(cpu.eventLoops),
      perMessage(cpu.otherThreads),
      perMessage(cpu.postgres),
      perMessage(cpu.sink),
      perMessage(all),
      `${formatNumber(ceiling)}/s${single ? ` (${formatNumber(ceiling / single, 2)}× 1 node)` : ''}`,
      formatNumber(cpu.contextSwitches / total, 1),
    ]);
  }
  console.log(
    `Herald on PostgreSQL, ${total} messages, ${connections} SMTP connections per node; raw nodemailer ${formatNumber(raw)}/s to the same sink, same email\n`,
  );
  console.log(table(rows));
  console.log(
    `\nCPU ms and context switches per delivered message while delivering (Herald: its event loops, then its other threads — SMTP, GC, libuv)\n`,
  );
  console.log(table(cpuRows));
} finally {
  await sink.stop();
}
