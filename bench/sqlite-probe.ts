// Preloaded into the Herald child by the benchmark (compiled, `node --import .tmp/bench/sqlite-probe.mjs
// bin/herald.js start`), it changes nothing in Herald: it only watches. It wraps better-sqlite3's
// prepare and statement calls to count transactions and statements and time them (all of it is
// synchronous, on Herald's one thread), and samples event-loop utilisation, CPU and GC time.
//
// On SIGUSR2 it writes what it saw since the previous dump to `${BENCH_PROBE_OUT}-<n>.json`
// (n = 1, 2, …) and starts counting afresh, so the benchmark gets one report per phase.
import { writeFileSync, renameSync } from 'node:fs';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import Database from 'better-sqlite3';

export interface ProbeReport {
  wallMs: number;
  eventLoopUtilization: number;
  cpuMs: { user: number; system: number };
  gcMs: number;
  gcCount: number;
  /** The largest of each process.memoryUsage() figure sampled every 100 ms, in MB (main thread's heap; rss is the process). */
  memoryMB: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  prepare: { count: number; ms: number };
  /**
   * Per kind of transaction (claim, record outcomes, ingest commit, …, named from its first
   * statement); `autocommit <statement>` for a write outside any transaction.
   */
  transactions: Record<string, { count: number; ms: number; commitMs: number; statements: number }>;
  /** Per statement shape (verb and table). */
  statements: Record<string, { count: number; ms: number; rows: number }>;
  /** The longest single waits, in ms: what can stall every request at once. */
  longest: { eventLoopDelayMs: number; gcPauseMs: number; statementMs: number; statement: string };
}

const out = process.env.BENCH_PROBE_OUT;
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

type Counters = Omit<ProbeReport, 'wallMs' | 'eventLoopUtilization' | 'cpuMs'>;
const fresh = (): Counters => ({
  gcMs: 0,
  gcCount: 0,
  memoryMB: { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 },
  prepare: { count: 0, ms: 0 },
  transactions: {},
  statements: {},
  longest: { eventLoopDelayMs: 0, gcPauseMs: 0, statementMs: 0, statement: '' },
});
let counters = fresh();
let since = nowMs();
let eluMark = performance.eventLoopUtilization();
let cpuMark = process.cpuUsage();
let dumps = 0;

// The open transaction (one SQLite connection, so at most one at a time).
let open: { startedAt: number; kind: string | undefined; statements: number } | undefined;

const shapes = new Map<string, string>();
function shapeOf(sql: string): string {
  let shape = shapes.get(sql);
  if (shape === undefined) {
    const text = sql.replace(/\s+/g, ' ').trim().toLowerCase();
    const verb = /^(\w+)/.exec(text)?.[1] ?? '?';
    const table = /^(?:insert into|update|delete from) "?([\w.]+)"?/.exec(text)?.[1] ?? /\bfrom "?([\w.]+)"?/.exec(text)?.[1] ?? '';
    shape =
      verb === 'select'
        ? `select ${table}${/\bgroup by\b/.test(text) ? ' (group by)' : ''}${/\bjoin\b/.test(text) ? ' (join)' : ''}`
        : `${verb}${table ? ` ${table}` : ''}`;
    shapes.set(sql, shape);
  }
  return shape;
}

/** Names a transaction by its first statement, in Herald's terms where it is recognised. */
function transactionKind(sql: string, shape: string): string {
  if ((/\bmin\(/i.test(sql) && /messages/.test(sql)) || /from due_scopes/.test(sql)) return 'claim';
  if (/"lease_until" </.test(sql)) return 'lease recovery';
  if (/^update "messages"/.test(sql)) return 'record outcomes';
  if (/^select "id", "name" from "scopes"/.test(sql)) return 'ingest commit';
  if (/join "mail_server_settings"/.test(sql)) return 'save settings';
  return shape;
}

function timed<T>(sql: string, rowsOf: (result: T) => number, call: () => T): T {
  const started = nowMs();
  const result = call();
  const ms = nowMs() - started;
  const shape = shapeOf(sql);
  const entry = (counters.statements[shape] ??= { count: 0, ms: 0, rows: 0 });
  entry.count += 1;
  entry.ms += ms;
  entry.rows += rowsOf(result);
  if (ms > counters.longest.statementMs) Object.assign(counters.longest, { statementMs: ms, statement: shape });
  if (shape === 'begin') open = { startedAt: started, kind: undefined, statements: 0 };
  else if (open && (shape === 'commit' || shape === 'rollback')) {
    const kind = open.kind ?? 'empty';
    const tx = (counters.transactions[kind] ??= { count: 0, ms: 0, commitMs: 0, statements: 0 });
    tx.count += 1;
    tx.ms += nowMs() - open.startedAt;
    tx.commitMs += ms;
    tx.statements += open.statements;
    open = undefined;
  } else if (open) {
    open.kind ??= transactionKind(sql, shape);
    open.statements += 1;
  } else if (/^(insert|update|delete)\b/.test(shape)) {
    // A write outside any transaction commits (and syncs) on its own.
    const tx = (counters.transactions[`autocommit ${shape}`] ??= { count: 0, ms: 0, commitMs: 0, statements: 0 });
    tx.count += 1;
    tx.ms += ms;
    tx.commitMs += ms;
    tx.statements += 1;
  }
  return result;
}

// Reach the Statement prototype through a throwaway in-memory database.
const scratch = new Database(':memory:');
const statementProto = Object.getPrototypeOf(scratch.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown> & {
  source?: string;
};
scratch.close();
const databaseProto = Database.prototype as unknown as { prepare: (sql: string) => unknown };

const originalPrepare = databaseProto.prepare;
databaseProto.prepare = function prepare(this: unknown, sql: string) {
  const started = nowMs();
  try {
    return originalPrepare.call(this, sql);
  } finally {
    counters.prepare.count += 1;
    counters.prepare.ms += nowMs() - started;
  }
};
for (const method of ['run', 'all', 'get'] as const) {
  const original = statementProto[method]!;
  const rowsOf =
    method === 'run'
      ? (r: unknown) => Number((r as { changes?: number }).changes ?? 0)
      : method === 'all'
        ? (r: unknown) => (r as unknown[]).length
        : (r: unknown) => (r === undefined ? 0 : 1);
  statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
    return timed(this.source, rowsOf, () => original.apply(this, args));
  };
}

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    counters.gcMs += entry.duration;
    counters.gcCount += 1;
    counters.longest.gcPauseMs = Math.max(counters.longest.gcPauseMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

function dump(): void {
  if (!out) return;
  counters.longest.eventLoopDelayMs = loopDelay.max / 1e6;
  loopDelay.reset();
  const elu = performance.eventLoopUtilization(eluMark);
  const cpu = process.cpuUsage(cpuMark);
  const report: ProbeReport = {
    wallMs: nowMs() - since,
    eventLoopUtilization: elu.utilization,
    cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
    ...counters,
  };
  dumps += 1;
  const file = `${out}-${dumps}.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(report));
  renameSync(`${file}.tmp`, file);
  counters = fresh();
  since = nowMs();
  eluMark = performance.eventLoopUtilization();
  cpuMark = process.cpuUsage();
}

setInterval(() => {
  const usage = process.memoryUsage();
  const peak = counters.memoryMB;
  for (const key of Object.keys(peak) as Array<keyof typeof peak>) peak[key] = Math.max(peak[key], usage[key] / 1024 / 1024);
}, 100).unref();

process.on('SIGUSR2', dump);
