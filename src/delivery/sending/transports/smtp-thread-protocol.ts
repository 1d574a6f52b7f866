import type { SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { OutgoingMail, SendOutcome } from './mail-transport.js';
import type { SmtpPoolOptions } from './smtp-transport.js';

/**
 * What the delivery worker asks of the SMTP thread (smtp-thread.ts). Plain data only (it is
 * structured-cloned): the composed mail fields, never objects with functions.
 */
export type SmtpThreadRequest =
  | { op: 'open'; pool: number; server: SmtpServerOptions; options: SmtpPoolOptions }
  | { op: 'send'; seq: number; pool: number; mail: OutgoingMail }
  | { op: 'close'; seq: number; pool: number };

/** The answer to a `send` (its outcome, or `error` for a failure no outcome covers) or a `close`. */
export interface SmtpThreadReply {
  seq: number;
  outcome?: SendOutcome;
  error?: string;
}

/**
 * One line of a pool's SMTP conversation, already redacted (transcript-redaction.ts), sent back
 * for the debug log when the pool was opened with `transcript`.
 */
export interface SmtpTranscriptLine {
  transcript: { pool: number; direction: 'client' | 'server'; line: string };
}

/** What the SMTP thread posts back: answers, and transcript lines when asked for. */
export type SmtpThreadMessage = SmtpThreadReply | SmtpTranscriptLine;

/**
 * Collects messages for one port and posts them as one array once the current turn of the event
 * loop is over: a claim batch of sends (or a burst of replies) costs one message, not one each.
 */
export function createBatcher<T>(post: (batch: T[]) => void) {
  let queued: T[] = [];
  const flush = () => {
    const batch = queued;
    queued = [];
    post(batch);
  };
  return (item: T): void => {
    if (queued.push(item) === 1) setImmediate(flush);
  };
}
