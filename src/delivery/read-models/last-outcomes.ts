import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** A scope's most recent failed attempt (retried or given up), as stored. */
export interface LastFailure {
  startedAt: number;
  stage: string;
  replyCode: number | null;
  reply: string | null;
  errorCode: string | null;
}

/**
 * When a scope last delivered a message, and its last failed attempt; null when it never did.
 *
 * @example const { lastSuccessAt, lastFailure } = await lastOutcomes(db, 'acme');
 */
export async function lastOutcomes(
  db: Kysely<Database>,
  scopeId: string,
): Promise<{ lastSuccessAt: number | null; lastFailure: LastFailure | null }> {
  const [success, failure] = await Promise.all([
    db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('sent_at').as('at'))
      .where('scope_id', '=', scopeId)
      .where('state', '=', 'sent')
      .executeTakeFirst(),
    db
      .selectFrom('attempts')
      .innerJoin('messages', 'messages.id', 'attempts.message_id')
      .select(['attempts.started_at', 'attempts.stage', 'attempts.reply_code', 'attempts.reply', 'attempts.error_code'])
      .where('messages.scope_id', '=', scopeId)
      .where('attempts.outcome', 'in', ['retry', 'failed'])
      .orderBy('attempts.started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    lastSuccessAt: success?.at === null || success?.at === undefined ? null : Number(success.at),
    lastFailure: failure
      ? {
          startedAt: Number(failure.started_at),
          stage: failure.stage,
          replyCode: failure.reply_code,
          reply: failure.reply,
          errorCode: failure.error_code,
        }
      : null,
  };
}
