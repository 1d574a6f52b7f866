import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SinkReply, SinkRequest, SinkStats } from './smtp-sink.js';
import type { SinkAuthOptions, SinkAuthStats } from './sink-auth.js';

const sinkScript = fileURLToPath(new URL('./smtp-sink.ts', import.meta.url));

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The SMTP sink running in its own process, driven over IPC. */
export interface SinkProcess {
  readonly port: number;
  readonly pid: number;
  /** The fake identity provider's origin, when the sink was started with `auth`. */
  readonly idpOrigin: string | undefined;
  reset(): Promise<void>;
  stats(): Promise<SinkStats>;
  /** Resolves once `count` messages arrived since the last reset, or after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<SinkStats & { timedOut: boolean }>;
  /** Every Message-ID received since the last reset, with its arrival time (monotonic ms). */
  dump(): Promise<Map<string, number>>;
  /** Logins by mechanism and token requests since the last reset (all 0 without `auth`). */
  auth(): Promise<SinkAuthStats>;
  stop(): Promise<void>;
}

/**
 * Forks bench/smtp-sink.ts (through tsx) and resolves when it listens; with `auth` it requires
 * AUTH (password or XOAUTH2) and runs the fake identity provider.
 *
 * @example const sink = await startSink(); console.log(sink.port); await sink.stop();
 */
export function startSink(options: { auth?: SinkAuthOptions; timeoutMs?: number } = {}): Promise<SinkProcess> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const args = options.auth ? [JSON.stringify(options.auth)] : [];
  const child: ChildProcess = fork(sinkScript, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (reply: SinkReply) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  function call(request: DistributiveOmit<SinkRequest, 'id'>): Promise<SinkReply> {
    return new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error('the SMTP sink is not running'));
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...request, id });
    });
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the SMTP sink did not start in time'));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      for (const [, answer] of pending) answer({ id: -1, type: 'ok' });
      reject(new Error(`the SMTP sink exited (${code ?? signal}) before it was ready`));
    });
    child.on('message', (reply: SinkReply) => {
      if (reply.type === 'ready') {
        clearTimeout(timer);
        resolve({
          port: reply.port,
          pid: child.pid!,
          idpOrigin: reply.idpOrigin,
          async reset() {
            await call({ type: 'reset' });
          },
          async stats() {
            return asStats(await call({ type: 'stats' }));
          },
          async waitFor(count, waitMs) {
            const reply = await call({ type: 'waitFor', count, timeoutMs: waitMs });
            return { ...asStats(reply), timedOut: reply.type === 'stats' ? reply.timedOut === true : true };
          },
          async dump() {
            const reply = await call({ type: 'dump' });
            if (reply.type !== 'dump') throw new Error('the SMTP sink answered a dump with something else');
            return new Map(reply.records);
          },
          async auth() {
            const reply = await call({ type: 'auth' });
            if (reply.type !== 'auth') throw new Error('the SMTP sink answered an auth request with something else');
            const { password, xoauth2, refused, tokenRequests } = reply;
            return { password, xoauth2, refused, tokenRequests };
          },
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            if (child.connected) child.send({ id: 0, type: 'stop' });
            const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
            await exited;
            clearTimeout(killer);
          },
        });
        return;
      }
      const answer = pending.get(reply.id);
      if (answer) {
        pending.delete(reply.id);
        answer(reply);
      }
    });
  });
}

function asStats(reply: SinkReply): SinkStats {
  if (reply.type !== 'stats') throw new Error(`the SMTP sink answered ${reply.type} where stats were expected`);
  const { count, duplicates, withoutMessageId, firstAt, lastAt, connections } = reply;
  return { count, duplicates, withoutMessageId, firstAt, lastAt, connections };
}
