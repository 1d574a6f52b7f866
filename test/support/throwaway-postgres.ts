import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { adminQuery } from './test-database.js';

/**
 * A PostgreSQL server of the test's own: `initdb` into a temp folder, `postgres` on a free port
 * of 127.0.0.1 with its socket in that folder, run as the `postgres` OS user when the test runs
 * as root (initdb refuses root). Tests that stop, crash or restart PostgreSQL use it, so a test
 * run never touches the machine's own server. Only the postmaster started here is ever signalled.
 *
 * @example
 * await using server = await startThrowawayPostgres();
 * const database = await server.createDatabase();   // { env: { HERALD_DATABASE_URL }, drop }
 * await server.crash();                             // kill -9 of the postmaster
 * await server.start();
 */
export interface ThrowawayPostgres {
  readonly port: number;
  /** The folder holding the data directory, the socket and nothing else; removed by close(). */
  readonly dir: string;
  /** A connection URL for `database` (trust authentication as `postgres`). */
  url(database?: string): string;
  /** The running postmaster's pid, or undefined while it is down. */
  pid(): number | undefined;
  /**
   * Starts the server on the same port and data directory and waits until it answers queries.
   * `standby: true` starts it as a standby with hot standby off: it stays "starting up" (SQLSTATE
   * 57P03 to every connection) until promote().
   */
  start(options?: { standby?: boolean }): Promise<void>;
  /** Ends a standby's recovery (pg_ctl promote) and waits until it answers queries. */
  promote(): Promise<void>;
  /** Graceful (fast) shutdown: SIGINT to the postmaster, then waits for it to exit. */
  stop(): Promise<void>;
  /** Graceful stop, then start on the same port and data directory. */
  restart(): Promise<void>;
  /** kill -9 of the postmaster; waits until it and its backends are gone (they end on their own). */
  crash(): Promise<void>;
  /** A fresh database on this server, in the shape of test-database.ts's TestDatabase. */
  createDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }>;
  /** Stops the server (if running) and removes its folder. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const run = promisify(execFile);

/** The newest installed server binaries (Debian's /usr/lib/postgresql/N/bin), or undefined. */
export function findPostgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions
    .map((version) => join(root, version, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
}

/** Why throwaway clusters cannot run here, or undefined when they can (for a test's `skip`). */
export function throwawayPostgresUnavailable(): string | undefined {
  if (!findPostgresBinaries()) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin';
  if (process.getuid?.() === 0 && !postgresUser()) return 'running as root and there is no postgres OS user to run the server as';
  return undefined;
}

/** Creates a throwaway cluster and (unless `start: false`) starts it. */
export async function startThrowawayPostgres(options: { start?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (process.getuid?.() === 0 && !owner) throw new Error('running as root: initdb needs the postgres OS user');
  const dir = mkdtempSync(join(tmpdir(), 'herald-pg-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...asOwner,
    env,
  });
  const port = await freePort();

  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log = '';
  // Should the test process end without close(), take the server down with it.
  const onExit = () => child?.pid && !child.exitCode && process.kill(child.pid, 'SIGQUIT');
  process.on('exit', onExit);

  const answer = async (database = 'postgres') => {
    const client = new pg.Client({ connectionString: server.url(database), connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  /** Polls until `check` passes, failing early if the postmaster exits. */
  const waitUntil = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return;
      if (!child) throw new Error(`PostgreSQL exited while waiting until ${what}:\n${log.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not get ${what} in ${timeoutMs} ms:\n${log.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const answers = () =>
    answer().then(
      () => true,
      () => false,
    );

  const server: ThrowawayPostgres = {
    port,
    dir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    pid: () => child?.pid,
    async start(startOptions = {}) {
      if (child) throw new Error('the throwaway PostgreSQL is already running');
      const standbySignal = join(data, 'standby.signal');
      if (startOptions.standby) {
        writeFileSync(standbySignal, '');
        if (owner) chownSync(standbySignal, owner.uid, owner.gid);
      } else rmSync(standbySignal, { force: true });
      const settings = [
        'listen_addresses=127.0.0.1',
        'fsync=off',
        'full_page_writes=off',
        `hot_standby=${startOptions.standby ? 'off' : 'on'}`,
      ];
      const started = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])], {
        ...asOwner,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = started;
      started.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-20_000)));
      exited = new Promise((resolve) =>
        started.once('exit', () => {
          if (child === started) child = undefined;
          resolve();
        }),
      );
      if (startOptions.standby)
        await waitUntil('refusing connections as "starting up"', () =>
          answer().then(
            () => false,
            (error) => error?.code === '57P03',
          ),
        );
      else await waitUntil('ready', answers);
    },
    async promote() {
      await run(join(bin, 'pg_ctl'), ['promote', '-D', data, '-w'], { ...asOwner, env });
      await waitUntil('ready after promotion', answers);
    },
    async stop() {
      if (!child) return;
      child.kill('SIGINT');
      await exited;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async crash() {
      const pid = child?.pid;
      if (!pid) throw new Error('the throwaway PostgreSQL is not running');
      const backends = childrenOf(pid);
      child!.kill('SIGKILL');
      await exited;
      // The backends notice the postmaster's death and end; a new postmaster cannot start while
      // they still hold the old shared memory.
      const deadline = Date.now() + 30_000;
      while (backends.some(isRunning)) {
        if (Date.now() > deadline) throw new Error(`backends ${backends.filter(isRunning).join(', ')} outlived their postmaster`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async createDatabase() {
      const name = `herald_t_${Math.random().toString(16).slice(2, 10)}`;
      await adminQuery(`create database ${name}`, server.url());
      return {
        env: { HERALD_DATABASE_URL: server.url(name) },
        drop: async () => {
          if (child) await adminQuery(`drop database if exists ${name} with (force)`, server.url());
        },
      };
    },
    async close() {
      await server.stop();
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
    async [Symbol.asyncDispose]() {
      await server.close();
    },
  };
  if (options.start !== false) await server.start();
  return server;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => parentOf(Number(name)) === pid)
    .map(Number);
}

/** /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
function statOf(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  return statOf(pid)?.ppid;
}

/** Alive and not a zombie (an orphan's zombie may wait for a reaper that never comes in a container). */
function isRunning(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}
