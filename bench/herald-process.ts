import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ProbeReport } from './sqlite-probe.js';
import { messageIdDomain } from './bench-mail.js';
import { nodeFlags } from '../bin/node-flags.js';

const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
const probeSource = fileURLToPath(new URL('./sqlite-probe.ts', import.meta.url));
// Compiled, so Herald runs without tsx's loader thread and transforms (about 30 MB of RSS, and
// CPU): the figures are Herald's, not the instrument's. In the repository, so it finds better-sqlite3.
const probe = fileURLToPath(new URL('../.tmp/bench/sqlite-probe.mjs', import.meta.url));

let probeCompiled: Promise<unknown> | undefined;
/** Once per bench process: Heralds started together never read a file being written. */
function compileProbe(): Promise<unknown> {
  probeCompiled ??= build({
    entryPoints: [probeSource],
    outfile: probe,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return probeCompiled;
}

export interface HeraldProcessOptions {
  env: Record<string, string>;
  /** Preload bench/sqlite-probe.ts; reports are written next to `probeOut`. */
  probeOut?: string;
  /** Write a V8 CPU profile of the whole run into this directory (node --cpu-prof). */
  cpuProfileDir?: string;
  timeoutMs?: number;
}

/**
 * The environment the benches start Herald with: SQLite in `dataDir` (the bench reads it between
 * phases), API and delivery in one process, the admin token, SMTP to 127.0.0.1 only, and the
 * bench's Message-ID domain; `extra` adds to it.
 */
export function benchHeraldEnv(dataDir: string, token: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: token,
    HERALD_LOG_LEVEL: process.env.HERALD_LOG_LEVEL ?? 'warn',
    HERALD_SMTP_ALLOWED_HOSTS: '127.0.0.1',
    HERALD_MESSAGE_ID_DOMAIN: messageIdDomain,
    HERALD_DATABASE_URL: '',
    HERALD_ROLE: 'all',
    ...extra,
  };
}

/** Herald started for real (`node bin/herald.js start`) in a child process. */
export interface HeraldProcess {
  readonly url: string;
  readonly pid: number;
  /** The last few kilobytes of its stdout and stderr. */
  output(): string;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  /** Resident set size now (VmRSS), in bytes. */
  rss(): number;
  /**
   * Template render threads alive now: the threads of the process whose nice value is 10, as a
   * render thread sets its own on Linux (src/templates/render-thread.ts).
   */
  renderThreads(): number;
  /** Asks the probe for what it saw since the previous report. */
  probeReport(): Promise<ProbeReport | undefined>;
  /** SIGTERM (graceful stop), SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/**
 * Starts `herald start` with the given environment (copied from test/support/herald-process.ts)
 * and resolves once it prints the URL it listens on.
 *
 * @example const herald = await startHerald({ env: { HERALD_DATA_DIR: dir, HERALD_ADMIN_TOKEN: token } });
 */
export async function startHerald(options: HeraldProcessOptions): Promise<HeraldProcess> {
  if (options.probeOut) await compileProbe();
  const execArgv = [
    ...nodeFlags,
    ...(options.probeOut ? ['--import', probe] : []),
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    // Node or V8 flags to try on Herald (BENCH_NODE_FLAGS='--max-semi-space-size=8'), space-separated.
    // Not --heapsnapshot-signal=SIGUSR2: the probe dumps on SIGUSR2, so every probe report would write a snapshot.
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  const env = {
    ...process.env,
    HERALD_HOST: '127.0.0.1',
    HERALD_PORT: '0',
    ...options.env,
    ...(options.probeOut ? { BENCH_PROBE_OUT: options.probeOut } : {}),
  };
  const child: ChildProcess = spawn(process.execPath, [...execArgv, bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-16_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let reports = 0;

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`herald did not start in time:\n${output.slice(-2000)}`));
    }, options.timeoutMs ?? 30_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`herald exited with ${code} before listening:\n${output.slice(-2000)}`));
    };
    child.once('exit', onExit);
    const onData = () => {
      const match = /Herald is listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      resolve({
        url: match[1]!,
        pid: child.pid!,
        output: () => output,
        peakRss: () => readStatusKb(child.pid!, 'VmHWM') * 1024,
        rss: () => readStatusKb(child.pid!, 'VmRSS') * 1024,
        renderThreads: () => nicedThreads(child.pid!),
        async probeReport() {
          if (!options.probeOut || child.exitCode !== null) return undefined;
          reports += 1;
          const file = `${options.probeOut}-${reports}.json`;
          child.kill('SIGUSR2');
          const deadline = Date.now() + 5000;
          while (!existsSync(file)) {
            if (Date.now() > deadline) throw new Error('the SQLite probe in the Herald process did not answer');
            await new Promise((r) => setTimeout(r, 10));
          }
          return JSON.parse(readFileSync(file, 'utf8')) as ProbeReport;
        },
        async stop(graceMs = 15_000) {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          const code = await exited;
          clearTimeout(killer);
          return code;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
}

/** The threads of a process whose nice value is 10 (field 19 of /proc/<pid>/task/<tid>/stat). */
function nicedThreads(pid: number): number {
  let count = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // The fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[16] === '10') count += 1;
    }
  } catch {
    // The process or a thread ended while being read.
  }
  return count;
}

/** A `Vm*` line of /proc/<pid>/status, in kilobytes (0 if unavailable). */
export function readStatusKb(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
