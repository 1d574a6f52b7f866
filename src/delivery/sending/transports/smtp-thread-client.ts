import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../shared/logger.js';
import type { SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport, SendOutcome } from './mail-transport.js';
import type { SmtpPoolOptions } from './smtp-transport.js';
import { createBatcher, type SmtpThreadMessage, type SmtpThreadReply, type SmtpThreadRequest } from './smtp-thread-protocol.js';
import { threadEntry } from '../../../shared/thread-entry.js';

const entry = threadEntry(import.meta.url, 'smtp-thread');

interface Thread {
  worker: Worker;
  post: (request: SmtpThreadRequest) => void;
  waiting: Map<number, (reply: SmtpThreadReply) => void>;
  /** Ended by stop(), not by a failure. */
  stopped: boolean;
}

/** What a send still in flight comes to when the thread ends under it: it may have been accepted. */
const lostInThread = (code: number): SendOutcome => ({
  status: 'ambiguous',
  failure: {
    kind: 'ambiguous',
    stage: 'unknown',
    replyCode: null,
    enhancedCode: null,
    reply: null,
    errorCode: 'smtp_thread_exit',
    message: `the SMTP thread ended (exit code ${code}) while sending`,
  },
});

/** The SMTP threads as the main thread uses them (see `createSmtpThreads`). */
export interface SmtpThreads {
  /** A MailTransport whose sessions run in the SMTP threads, spread over them. */
  transport(server: SmtpServerOptions, options: SmtpPoolOptions): MailTransport;
  /** Ends the threads (after their transports were closed); a later send would start new ones. */
  stop(): Promise<void>;
  /** Starts the threads now, so the first send does not wait for one (about 2–3 s on a busy machine). */
  warm(): void;
  /** How many of the threads are running now. */
  running(): number;
}

/** One SMTP thread, started on first use and again after it ended. */
interface ThreadSlot {
  current(): Thread;
  /** The thread now running, if any. */
  running(): Thread | undefined;
  stop(): Promise<void>;
}

/**
 * The main thread's side of the SMTP threads (smtp-thread.ts): `transport()` gives a MailTransport
 * whose connections are shared out among up to `count` threads (a pool of 5 over 2 threads: 3 and
 * 2 connections, never more than 5 in all), each send going to the share with the most room. A
 * thread starts with its first send; if it dies, its sends in flight come back ambiguous and the
 * next send starts a new one, reopening the pools it needs. Requests and replies are posted in batches.
 *
 * @example
 * declare const server: SmtpServerOptions;
 * const smtp = createSmtpThreads(log, 2); const transport = smtp.transport(server, { poolSize: 5 }); await smtp.stop();
 */
export function createSmtpThreads(log: Logger, count = 1): SmtpThreads {
  let nextPool = 0;
  let nextSeq = 0;
  // The settings each pool sending a transcript belongs to, for its lines in the debug log.
  const transcribed = new Map<number, { scope: string; version: number }>();
  const slots = Array.from({ length: Math.max(1, count) }, () => threadSlot(log, transcribed));

  function ask(target: Thread, request: Extract<SmtpThreadRequest, { seq: number }>): Promise<SmtpThreadReply> {
    return new Promise((resolve) => {
      target.waiting.set(request.seq, resolve);
      if (target.waiting.size === 1) target.worker.ref();
      target.post(request);
    });
  }

  return {
    transport(server, options) {
      const pool = (nextPool += 1);
      if (options.transcript) transcribed.set(pool, options.transcript);
      const shares = shareOut(options.poolSize, slots.length).map((size, index) => ({
        slot: slots[index]!,
        size,
        inFlight: 0,
        openIn: undefined as Thread | undefined,
      }));
      return {
        async send(mail): Promise<SendOutcome> {
          const share = shares.reduce((best, next) => (next.inFlight / next.size < best.inFlight / best.size ? next : best));
          const target = share.slot.current();
          if (share.openIn !== target) {
            target.post({ op: 'open', pool, server, options: { ...options, poolSize: share.size } });
            share.openIn = target;
          }
          share.inFlight += 1;
          try {
            const reply = await ask(target, { op: 'send', seq: (nextSeq += 1), pool, mail });
            if (reply.outcome) return reply.outcome;
            throw new Error(reply.error ?? 'the SMTP thread gave no outcome');
          } finally {
            share.inFlight -= 1;
          }
        },
        async close() {
          transcribed.delete(pool);
          await Promise.all(
            shares.map((share) => {
              const target = share.openIn;
              share.openIn = undefined;
              return target && target === share.slot.running() ? ask(target, { op: 'close', seq: (nextSeq += 1), pool }) : undefined;
            }),
          );
        },
      };
    },
    warm() {
      for (const slot of slots) slot.current();
    },
    running: () => slots.filter((slot) => slot.running() !== undefined).length,
    async stop() {
      await Promise.all(slots.map((slot) => slot.stop()));
    },
  };
}

/** `size` connections shared out among at most `threads` threads, the first ones taking the rest: 5 over 2 is [3, 2]. */
export const shareOut = (size: number, threads: number): number[] => {
  const used = Math.max(1, Math.min(size, threads));
  return Array.from({ length: used }, (_, index) => Math.floor(size / used) + (index < size % used ? 1 : 0));
};

function threadSlot(log: Logger, transcribed: Map<number, { scope: string; version: number }>): ThreadSlot {
  let thread: Thread | undefined;

  function current(): Thread {
    if (thread) return thread;
    // No inherited preloads (the bench's probe): the entry registers tsx itself when run from source.
    // A CPU profiler (node --cpu-prof) profiles this thread too.
    const worker = new Worker(entry, { execArgv: process.execArgv.filter((arg) => arg.startsWith('--cpu-prof')) });
    const started: Thread = {
      worker,
      post: createBatcher((batch) => worker.postMessage(batch)),
      waiting: new Map(),
      stopped: false,
    };
    // Only sends in flight keep the process alive (see ask()).
    worker.unref();
    worker.on('message', (replies: SmtpThreadMessage[]) => {
      for (const reply of replies) {
        if ('transcript' in reply) {
          const { pool, direction, line } = reply.transcript;
          const settings = transcribed.get(pool);
          log.debug({ scope: settings?.scope, settingsVersion: settings?.version, smtp: direction }, line);
          continue;
        }
        const waiter = started.waiting.get(reply.seq);
        started.waiting.delete(reply.seq);
        waiter?.(reply);
      }
      if (started.waiting.size === 0) worker.unref();
    });
    worker.on('error', (error) => log.error({ err: error }, 'the SMTP thread failed'));
    worker.on('exit', (code) => {
      if (thread === started) thread = undefined;
      if (!started.stopped) log.warn({ code, inFlight: started.waiting.size }, 'the SMTP thread ended; the next send starts a new one');
      for (const [seq, waiter] of started.waiting) waiter({ seq, outcome: lostInThread(code) });
      started.waiting.clear();
    });
    thread = started;
    return started;
  }

  return {
    current,
    running: () => thread,
    async stop() {
      const ending = thread;
      thread = undefined;
      if (!ending) return;
      ending.stopped = true;
      await ending.worker.terminate();
    },
  };
}
