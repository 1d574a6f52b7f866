import type { SendFailure } from '../../smtp/smtp-failure.js';

/** One stored message, composed for sending with the sender of the settings in force. */
export interface OutgoingMail {
  /** Herald's id of the message row. */
  id: string;
  scopeId: string;
  from: { address: string; name?: string };
  replyTo?: string;
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html?: string;
  /** The Message-ID header, the same on every attempt. */
  messageId: string;
}

/**
 * What one delivery attempt came to; expected failures are values, not exceptions. `held`: the
 * scope cannot send until an administrator acts (an OAuth2 grant to reconnect); nothing is lost.
 */
export type SendOutcome =
  | { status: 'sent'; replyCode: number | null; reply: string }
  | {
      status: 'retry' | 'failed' | 'ambiguous';
      failure: SendFailure;
      /** The server asked not to be tried again before this long (HTTP `Retry-After`). */
      retryAfterMs?: number;
      /** How many ambiguous attempts may be sent again; past it the message fails (default: no limit of the transport's own). */
      ambiguousResends?: number;
    }
  | { status: 'held'; reason: string };

/**
 * The narrow boundary every way of sending implements: SMTP through a nodemailer pool, the
 * built-in mailbox, and later the OAuth/API providers.
 */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): Promise<void>;
}
