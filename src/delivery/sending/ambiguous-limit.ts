import type { MessageOutcome } from './outbox.js';

export type AttemptOutcome = Extract<MessageOutcome, { kind: 'attempt' }>;

/** The error code a message fails with once its ambiguous re-sends are used up. */
export const ambiguousLimitCode = 'ambiguous_limit';

/**
 * An ambiguous attempt (the connection was lost after the final ".") beyond the configured
 * re-sends (`HERALD_AMBIGUOUS_RESENDS`): the message fails instead of going again, since the
 * server may already hold it several times. An admin may still resend it by hand.
 *
 * @example
 * declare const message: AttemptOutcome['message']; declare const attempt: AttemptOutcome['attempt'];
 * ambiguousLimit(message, attempt).state // 'failed'
 */
export function ambiguousLimit(message: AttemptOutcome['message'], attempt: AttemptOutcome['attempt']): AttemptOutcome {
  const why = 'the server may have accepted it; not sent again to avoid duplicates';
  return {
    kind: 'attempt',
    message,
    state: 'failed',
    attempt: { ...attempt, errorCode: ambiguousLimitCode, reply: `${attempt.reply ?? 'no reply'} (${ambiguousLimitCode}: ${why})` },
  };
}
