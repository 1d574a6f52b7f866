import nodemailer from 'nodemailer';
import { classifySmtpError, type SendFailure } from '../../smtp/smtp-failure.js';
import { toConnectionOptions, type SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport, OutgoingMail, SendOutcome } from './mail-transport.js';
import { toMailOptions } from './mail-options.js';

export interface SmtpPoolOptions {
  poolSize: number;
  /** Set when the log shows SMTP conversations (HERALD_LOG_LEVEL=debug): the settings they belong to. */
  transcript?: { scope: string; version: number };
}

/** Receives nodemailer's transaction log (bunyan-style: `logger.debug({ tnx }, format, …args)`). */
export type SmtpTransactionLogger = Record<
  'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
  (entry: object, ...message: unknown[]) => void
>;

/**
 * A pooled nodemailer transport for one settings version. Nodemailer's own requeueing is off
 * (`maxRequeues: 0`): every retry is Herald's, recorded and scheduled by the outbox. Rate limits
 * are not nodemailer's either: they hold across the cluster (`cluster/rate-limiter.ts`).
 */
export function createSmtpTransport(server: SmtpServerOptions, pool: SmtpPoolOptions, logger?: SmtpTransactionLogger): MailTransport {
  const transporter = nodemailer.createTransport({
    ...toConnectionOptions(server),
    ...(logger ? { logger, transactionLog: true } : {}),
    pool: true,
    maxConnections: pool.poolSize,
    maxMessages: 1000,
    maxRequeues: 0,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  transporter.on('error', () => undefined);

  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      try {
        const info = await transporter.sendMail(toMailOptions(mail));
        const reply = String(info.response ?? '');
        return { status: 'sent', replyCode: Number(/^\d{3}/.exec(reply)?.[0]) || null, reply };
      } catch (error) {
        const failure = classifyPoolError(error);
        return { status: failure.kind === 'permanent' ? 'failed' : failure.kind === 'ambiguous' ? 'ambiguous' : 'retry', failure };
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Nodemailer's pool reports a connection lost after the final "." exactly as one lost earlier in
 * the session (ECONNECTION/ESOCKET/ETIMEDOUT, command CONN, no reply). Such a mid-session loss may
 * have delivered the message, so it counts as ambiguous; a loss before DATA is over-counted,
 * which only errs towards reporting a possible duplicate. Losses the error places (DNS, connect,
 * TLS, AUTH) keep their stage and stay transient.
 */
export function classifyPoolError(error: unknown): SendFailure {
  const failure = classifySmtpError(error);
  const lostMidSession = failure.kind === 'transient' && failure.stage === 'unknown' && failure.replyCode === null;
  return lostMidSession ? { ...failure, kind: 'ambiguous' } : failure;
}
