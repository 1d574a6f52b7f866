import nodemailer from 'nodemailer';
import { toConnectionOptions, type SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { MailTransport, OutgoingMail, SendOutcome } from './mail-transport.js';
import { createSessionPool } from './smtp-session-pool.js';

export interface SmtpPoolOptions {
  poolSize: number;
}

/**
 * The SMTP transport for one settings version: nodemailer composes the message, Herald's session
 * pool (smtp-session-pool.ts) sends it over reused connections. Every retry is Herald's, recorded
 * and scheduled by the outbox; the send gate (send-gate.ts) bounds the sends at once to
 * `poolSize`. Rate limits hold across the cluster (`cluster/rate-limiter.ts`).
 */
export function createSmtpTransport(server: SmtpServerOptions, _pool: SmtpPoolOptions): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, disableFileAccess: true, disableUrlAccess: true });
  const sessions = createSessionPool(toConnectionOptions(server), 1000);
  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const composed = await composer.sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Herald-Message': mail.id },
      });
      const result = await sessions.send({ from: mail.from.address, to: [mail.to.address] }, composed.message as Buffer);
      if ('reply' in result) return { status: 'sent', replyCode: Number(/^\d{3}/.exec(result.reply)?.[0]) || null, reply: result.reply };
      const { failure } = result;
      return { status: failure.kind === 'permanent' ? 'failed' : failure.kind === 'ambiguous' ? 'ambiguous' : 'retry', failure };
    },
    async close() {
      sessions.close();
    },
  };
}
