import type { MailServerSender } from '../../scopes/index.js';
import type { MessageWithBody } from '../../store/schema.js';
import type { OutgoingMail } from './transports/mail-transport.js';

/** A stored message addressed with the sender of the settings in force now. */
export function composeMail(message: MessageWithBody, sender: MailServerSender): OutgoingMail {
  return {
    id: message.id,
    scopeId: message.scope_id,
    from: sender.from,
    replyTo: sender.replyTo,
    to: message.recipient_name ? { address: message.recipient, name: message.recipient_name } : { address: message.recipient },
    subject: message.subject,
    text: message.text_body,
    html: message.html_body ?? undefined,
    messageId: message.message_id,
  };
}
