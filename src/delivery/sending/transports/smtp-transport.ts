import { toConnectionOptions, type SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport, OutgoingMail, SendOutcome } from './mail-transport.js';
import { buildMime } from './mime.js';
import { createSessionPool } from './smtp-session-pool.js';

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
 * The SMTP transport for one settings version: nodemailer composes the message, Herald's session
 * pool (smtp-session-pool.ts) sends it over at most `poolSize` reused connections. Every retry is
 * Herald's, recorded and scheduled by the outbox; the send gate (send-gate.ts) bounds the sends
 * handed over at once. Rate limits hold across the cluster (`cluster/rate-limiter.ts`).
 */
export function createSmtpTransport(server: SmtpServerOptions, pool: SmtpPoolOptions, logger?: SmtpTransactionLogger): MailTransport {
  const sessions = createSessionPool(toConnectionOptions(server), { maxSessions: pool.poolSize, maxMessages: 1000 }, logger);
  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const result = await sessions.send({ from: mail.from.address, to: [mail.to.address] }, await buildMime(mail));
      if ('reply' in result) return { status: 'sent', replyCode: Number(/^\d{3}/.exec(result.reply)?.[0]) || null, reply: result.reply };
      const { failure } = result;
      return { status: failure.kind === 'permanent' ? 'failed' : failure.kind === 'ambiguous' ? 'ambiguous' : 'retry', failure };
    },
    async close() {
      sessions.close();
    },
  };
}
