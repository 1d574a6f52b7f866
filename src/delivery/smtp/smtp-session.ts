import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { stageOfCommand, type SmtpErrorContext, type SmtpStage } from './smtp-failure.js';

/**
 * Resolves once `start`'s callback reports, or rejects on the connection's error or end (an
 * SMTPConnection reports some failures only as events).
 */
export function settle<T>(connection: SMTPConnection, start: (done: (error?: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onError = (error: Error) => finish(error);
    // after a 421 the end comes before the callback with the reply: let the callback win
    const onEnd = () =>
      setImmediate(() => finish(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' })));
    connection.once('error', onError);
    connection.once('end', onEnd);
    start((error, value) => finish(error ?? null, value));
    let finished = false;
    function finish(error: Error | null, value?: T) {
      if (finished) return;
      finished = true;
      connection.off('error', onError);
      connection.off('end', onEnd);
      if (error) reject(error);
      else resolve(value as T);
    }
  });
}

/**
 * Follows one SMTP session through nodemailer's transaction log (pass `logger` and
 * `transactionLog: true` to the SMTPConnection): the stage of the last command sent and whether
 * the message and its final "." have been written. Nodemailer reports a lost connection as
 * command `CONN` at every stage; this says where it was.
 */
export function createSessionTracker() {
  // the stages of the commands sent and not yet answered, oldest first (commands are pipelined)
  const unanswered: SmtpStage[] = [];
  let last: SmtpStage = 'connect';
  // the stage of the command the latest reply answered (the greeting answers the connection)
  let answered: SmtpStage = 'connect';
  let messageSent = false;
  const log = (entry: { tnx?: string } | undefined, message: unknown) => {
    if (entry?.tnx === 'client') {
      last = stageOfCommand(String(message)) ?? last;
      if (last === 'mail') messageSent = false;
      unanswered.push(last);
    } else if (entry?.tnx === 'server') {
      answered = unanswered.shift() ?? answered;
    } else if (entry?.tnx === 'message' && /bytes encoded mime message/.test(String(message))) {
      // logged once the body and its final "." are written; the final reply answers it
      messageSent = true;
      unanswered.push('data');
    }
  };
  return {
    logger: { trace: log, debug: log, info: log, warn: log, error: log, fatal: log },
    /** Where the session was when `error` came: at the command its reply answered, else at the oldest unanswered one. */
    context: (error?: unknown): SmtpErrorContext => {
      const replied = typeof error === 'object' && error !== null && typeof (error as { response?: unknown }).response === 'string';
      return { stage: replied ? answered : (unanswered[0] ?? last), messageSent };
    },
  };
}
