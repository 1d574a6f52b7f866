import type { SendOutcome } from './transports/mail-transport.js';

/**
 * Whether an ambiguous outcome must not be sent again: its transport allows `ambiguousResends`
 * re-sends (an HTTP API: one) and the message already had that many ambiguous attempts.
 */
export function overAmbiguousResends(result: Exclude<SendOutcome, { status: 'sent' | 'held' }>, ambiguousSoFar: number): boolean {
  return result.status === 'ambiguous' && result.ambiguousResends !== undefined && ambiguousSoFar >= result.ambiguousResends;
}

/** The attempt of an ambiguous send that is not sent again, marked `ambiguous_limit`. */
export function ambiguousLimited<T extends { reply: string | null; errorCode: string | null }>(attempt: T): T {
  const why = 'the server may have accepted it; not sent again to avoid a duplicate';
  return { ...attempt, reply: `${attempt.reply ?? 'no answer'} (${why})`, errorCode: 'ambiguous_limit' };
}
