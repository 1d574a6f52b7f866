import type Mail from 'nodemailer/lib/mailer';
import type { OutgoingMail } from './mail-transport.js';

/**
 * The nodemailer message of an outgoing mail: every transport builds its MIME from this one
 * object (SMTP through the pool, the HTTP APIs through `buildMime`), so a recipient sees the
 * same email whichever way it left.
 */
export function toMailOptions(mail: OutgoingMail): Mail.Options {
  return {
    from: mail.from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    envelope: { from: mail.from.address, to: [mail.to.address] },
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Herald-Message': mail.id },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
