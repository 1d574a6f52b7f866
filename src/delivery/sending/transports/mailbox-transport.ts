import type { Kysely } from 'kysely';
import { formatMailbox } from '../../../shared/email-address.js';
import type { Clock } from '../../../shared/clock.js';
import type { Database } from '../../../store/schema.js';
import type { MailTransport } from './mail-transport.js';

/**
 * The built-in provider: delivers into Herald's own mailbox table. Keyed by the message id, so
 * a retry after a crash never shows the same email twice.
 */
export function createMailboxTransport(db: Kysely<Database>, clock: Clock): MailTransport {
  return {
    async send(mail) {
      await db
        .insertInto('mailbox')
        .values({
          message_id: mail.id,
          scope_id: mail.scopeId,
          recipient: mail.to.address,
          sender: formatMailbox(mail.from),
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html ?? null,
          message_id_header: mail.messageId,
          received_at: clock.now(),
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
      return { status: 'sent', replyCode: 250, reply: '250 Stored in the built-in mailbox' };
    },
    close: async () => undefined,
  };
}
