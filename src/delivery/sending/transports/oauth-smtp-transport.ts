import type { AccessTokenSource } from '../../../oauth/index.js';
import type { SendFailure } from '../../smtp/smtp-failure.js';
import type { MailTransport, SendOutcome } from './mail-transport.js';

/**
 * SMTP with XOAUTH2: each send takes the token service's current access token, and goes through a
 * pool opened with that token (`poolFor`, in the SMTP thread). A pool authenticates its connections
 * with the token it was opened with, so a new token gets a new pool and the old one closes once its
 * sends are done. A rejected token (`535 5.7.3`, the `334` challenge nodemailer cannot answer) is
 * renewed once and the send tried again; a second rejection is the send's outcome. Nodemailer never
 * refreshes by itself.
 *
 * @example
 * declare const source: AccessTokenSource; declare const poolFor: (token: string) => MailTransport;
 * const transport = createOAuthSmtpTransport(source, poolFor);
 */
export function createOAuthSmtpTransport(source: AccessTokenSource, poolFor: (accessToken: string) => MailTransport): MailTransport {
  let current: { token: string; pool: MailTransport; inFlight: number } | undefined;
  const retired = new Set<{ token: string; pool: MailTransport; inFlight: number }>();

  const entryFor = (token: string) => {
    if (current?.token === token) return current;
    if (current) {
      retired.add(current);
      if (current.inFlight === 0) void closeRetired(current);
    }
    current = { token, pool: poolFor(token), inFlight: 0 };
    return current;
  };
  const closeRetired = async (entry: { pool: MailTransport }) => {
    retired.delete(entry as never);
    await entry.pool.close();
  };

  const sendWith = async (token: string, mail: Parameters<MailTransport['send']>[0]): Promise<SendOutcome> => {
    const entry = entryFor(token);
    entry.inFlight += 1;
    try {
      return await entry.pool.send(mail);
    } finally {
      entry.inFlight -= 1;
      if (entry.inFlight === 0 && retired.has(entry)) void closeRetired(entry);
    }
  };

  return {
    async send(mail) {
      const token = await source.accessToken();
      const outcome = await sendWith(token, mail);
      if (outcome.status === 'sent' || outcome.status === 'held' || !tokenRejected(outcome.failure)) return outcome;
      return sendWith(await source.renew(token), mail);
    },
    async close() {
      const all = [...retired, ...(current ? [current] : [])];
      current = undefined;
      retired.clear();
      await Promise.all(all.map((entry) => entry.pool.close()));
    },
  };
}

/** The server refused the token itself (not the sender, not the message). */
export function tokenRejected(failure: SendFailure): boolean {
  return failure.stage === 'auth' && (failure.replyCode === 535 || failure.replyCode === 334 || failure.errorCode === 'EAUTH');
}
