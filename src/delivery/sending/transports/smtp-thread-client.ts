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
  generation: number;
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

/** The SMTP thread as the main thread uses it (see `createSmtpThread`). */
export interface SmtpThread {
  /** A MailTransport whose nodemailer pool runs in the SMTP thread. */
  transport(server: SmtpServerOptions, options: SmtpPoolOptions): MailTransport;
  /** Ends the thread (after its transports were closed); a later send would start a new one. */
  stop(): Promise<void>;
  /** Starts the thread now, so the first send does not wait for it (about 2–3 s on a busy machine). */
  warm(): void;
}

/**
 * The main thread's side of the SMTP thread (smtp-thread.ts): `transport()` gives a
 * MailTransport whose nodemailer pool lives in that one thread. The thread starts with the first
 * SMTP transport; if it dies, its sends in flight come back ambiguous and the next send starts a
 * new one, reopening the pools it needs. Requests and replies are posted in batches.
 *
 * @example
 * declare const server: SmtpServerOptions;
 * const smtp = createSmtpThread(log); const transport = smtp.transport(server, { poolSize: 5 }); await smtp.stop();
 */
export function createSmtpThread(log: Logger): SmtpThread {
  let thread: Thread | undefined;
  let generation = 0;
  let nextPool = 0;
  let nextSeq = 0;
  // The settings each pool sending a transcript belongs to, for its lines in the debug log.
  const transcribed = new Map<number, { scope: string; version: number }>();

  function current(): Thread {
    if (thread) return thread;
    // No inherited preloads (the bench's probe): the entry registers tsx itself when run from source.
    // A CPU profiler (node --cpu-prof) profiles this thread too.
    const worker = new Worker(entry, { execArgv: process.execArgv.filter((arg) => arg.startsWith('--cpu-prof')) });
    const started: Thread = {
      worker,
      generation: (generation += 1),
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
      let openIn: Thread | undefined;
      return {
        async send(mail): Promise<SendOutcome> {
          const target = current();
          if (openIn !== target) {
            target.post({ op: 'open', pool, server, options });
            openIn = target;
          }
          const reply = await ask(target, { op: 'send', seq: (nextSeq += 1), pool, mail });
          if (reply.outcome) return reply.outcome;
          throw new Error(reply.error ?? 'the SMTP thread gave no outcome');
        },
        async close() {
          const target = openIn;
          openIn = undefined;
          transcribed.delete(pool);
          if (target && target === thread) await ask(target, { op: 'close', seq: (nextSeq += 1), pool });
        },
      };
    },
    warm() {
      current();
    },
    async stop() {
      const ending = thread;
      thread = undefined;
      if (!ending) return;
      ending.stopped = true;
      await ending.worker.terminate();
    },
  };
}
