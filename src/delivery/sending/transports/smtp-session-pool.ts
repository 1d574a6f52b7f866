import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifySmtpError, type SendFailure } from '../../smtp/smtp-failure.js';
import { createSessionTracker, settle } from '../../smtp/smtp-session.js';
import { loginCredentials, type ConnectionOptions } from '../../smtp/smtp-options.js';
import type { SmtpTransactionLogger } from './smtp-transport.js';

interface Session {
  connection: SMTPConnection;
  tracker: ReturnType<typeof createSessionTracker>;
  messages: number;
  ended: boolean;
  /** Its place among the pool's `maxSessions` was given back. */
  dropped: boolean;
}

export interface SessionPool {
  /** Sends one composed message; resolves with the server's reply or a classified failure, never throws. */
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<{ reply: string } | { failure: SendFailure }>;
  /** Ends the idle sessions; busy ones end when their send is over. */
  close(): void;
}

/**
 * Reused SMTP sessions to one server: at most `maxSessions` at once, `maxMessages` messages each.
 * A send that finds every session busy waits here for the next one to be released, composed and
 * ready, so a session goes straight from one message to the next. Herald's own rather than
 * nodemailer's pool, which re-queues a message whose connection closed before it was sent and
 * then reports "Reached maximum number of retries after connection was closed", losing the stage
 * and the server's reply (a 421 at RCPT, a server closing after its per-connection limit). Here
 * every failure keeps the reply and the stage it happened at, and a connection lost counts as
 * ambiguous only once the final "." was written. The one retry made here: a reused session that
 * turns out to be gone before the server answered anything (it closed while idle) is replaced by
 * a new one, as nothing of the message was sent.
 */
export function createSessionPool(
  options: ConnectionOptions,
  limits: { maxSessions: number; maxMessages: number },
  transcript?: SmtpTransactionLogger,
): SessionPool {
  const idle: Session[] = [];
  /** Sends waiting for a session: handed a released one, or undefined when a place came free to open one. */
  const waiting: Array<(session: Session | undefined) => void> = [];
  let sessions = 0;
  let closed = false;

  /** A session's place comes free once (it ended, failed or was let go): the next waiting send gets it. */
  function drop(session: Session): void {
    if (session.dropped) return;
    session.dropped = true;
    sessions -= 1;
    const at = idle.indexOf(session);
    if (at >= 0) idle.splice(at, 1);
    waiting.shift()?.(undefined);
  }

  async function open(): Promise<Session | SendFailure> {
    sessions += 1;
    const tracker = createSessionTracker();
    const logger = transcript ? bothLoggers(tracker.logger, transcript) : tracker.logger;
    const connection = new SMTPConnection({ ...options, logger, transactionLog: true } as SMTPConnection.Options);
    const session: Session = { connection, tracker, messages: 0, ended: false, dropped: false };
    connection.on('error', () => undefined);
    connection.once('end', () => {
      session.ended = true;
      drop(session);
    });
    try {
      await settle<void>(connection, (done) => connection.connect(done));
      if (options.auth && connection.allowsAuth)
        await settle<boolean>(connection, (done) => connection.login(loginCredentials(options.auth!), done));
    } catch (error) {
      connection.close();
      drop(session);
      return classifySmtpError(error, tracker.context(error));
    }
    return session;
  }

  async function acquire(): Promise<Session | SendFailure> {
    const ready = idle.pop();
    if (ready) return ready;
    if (sessions < limits.maxSessions) return open();
    const handed = await new Promise<Session | undefined>((resolve) => waiting.push(resolve));
    return handed ?? open();
  }

  function release(session: Session): void {
    if (closed || session.ended || session.messages >= limits.maxMessages) {
      session.connection.quit();
      return drop(session);
    }
    const next = waiting.shift();
    if (next) next(session);
    else idle.push(session);
  }

  function discard(session: Session): void {
    session.connection.close();
    drop(session);
  }

  async function attempt(session: Session, envelope: { from: string; to: string[] }, raw: Buffer) {
    try {
      const info = await settle<SMTPConnection.SentMessageInfo>(session.connection, (done) => session.connection.send(envelope, raw, done));
      session.messages += 1;
      release(session);
      return { reply: String(info.response ?? '') };
    } catch (error) {
      const failure = classifySmtpError(error, session.tracker.context(error));
      const refusedOnly = failure.replyCode !== null && failure.replyCode !== 421 && !session.ended;
      // the server refused this message, the session itself is fine: reset it and keep it
      if (refusedOnly) session.connection.reset((resetError) => (resetError ? discard(session) : release(session)));
      else discard(session);
      return { failure };
    }
  }

  return {
    async send(envelope, raw) {
      const session = await acquire();
      if (!('connection' in session)) return { failure: session };
      const reused = session.messages > 0;
      const result = await attempt(session, envelope, raw);
      const lostIdle = reused && 'failure' in result && result.failure!.stage === 'mail' && result.failure!.replyCode === null;
      if (!lostIdle) return result;
      const fresh = sessions < limits.maxSessions ? await open() : await acquire();
      return 'connection' in fresh ? attempt(fresh, envelope, raw) : { failure: fresh };
    },
    close() {
      closed = true;
      for (const session of idle.splice(0)) {
        session.connection.quit();
        drop(session);
      }
    },
  };
}

/** The session tracker reads every line; the debug transcript (HERALD_LOG_LEVEL=debug) gets them too. */
function bothLoggers(first: SmtpTransactionLogger, second: SmtpTransactionLogger): SmtpTransactionLogger {
  const level =
    (name: keyof SmtpTransactionLogger) =>
    (entry: object, ...message: unknown[]) => {
      first[name](entry, ...message);
      second[name](entry, ...message);
    };
  return {
    trace: level('trace'),
    debug: level('debug'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    fatal: level('fatal'),
  };
}
