import type { Kysely, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { AppError } from '../../shared/app-error.js';
import type { Database, MessageState } from '../../store/schema.js';
import { inTransaction, type AlongWith } from '../../store/transaction.js';

/** Which of a scope's messages a queue command acts on; every field narrows it. */
export interface QueueFilter {
  scope: string;
  /** Default: `deferred` for a retry, every waiting state (queued, deferred, held) for a purge. */
  states?: MessageState[];
  /** Only messages that entered the queue at least this long ago. */
  olderThanMs?: number;
  recipient?: string;
  /** The type of the event the message is for. */
  eventType?: string;
  /** One message. */
  messageId?: string;
}

/** What a retry may act on: deferred ones are made due now (like `postqueue -f`), failed and held ones queued again. */
export const retryableStates = ['deferred', 'failed', 'held'] as const satisfies readonly MessageState[];
/** What a purge may cancel: mail that is waiting. Never `sending` (a server may be receiving it now) nor a final state. */
export const purgeableStates = ['queued', 'deferred', 'held'] as const satisfies readonly MessageState[];

/** The result of a queue command: how many messages it changed, with the filter it used. */
export interface QueueCommandResult {
  scope: string;
  count: number;
  filter: Omit<QueueFilter, 'scope'> & { states: MessageState[] };
}

function checkStates(states: readonly MessageState[], allowed: readonly MessageState[], command: string): void {
  const refused = states.filter((state) => !allowed.includes(state));
  if (refused.length > 0)
    throw new AppError('validation_failed', `/states: ${command} acts only on ${allowed.join(', ')} messages, not ${refused.join(', ')}.`, [
      { field: '/states', rule: 'enum', message: `must be among ${allowed.join(', ')}` },
    ]);
}

function narrowed(
  db: Kysely<Database>,
  query: UpdateQueryBuilder<Database, 'messages', 'messages', UpdateResult>,
  filter: QueueFilter,
  now: number,
) {
  let narrowedQuery = query.where('scope_id', '=', filter.scope);
  if (filter.olderThanMs !== undefined) narrowedQuery = narrowedQuery.where('queued_at', '<=', now - filter.olderThanMs);
  if (filter.recipient !== undefined) narrowedQuery = narrowedQuery.where('recipient', '=', filter.recipient);
  if (filter.messageId !== undefined) narrowedQuery = narrowedQuery.where('id', '=', filter.messageId);
  if (filter.eventType !== undefined)
    narrowedQuery = narrowedQuery.where('event_id', 'in', db.selectFrom('events').select('id').where('type', '=', filter.eventType));
  return narrowedQuery;
}

const updated = (result: UpdateResult) => Number(result.numUpdatedRows);

/**
 * Retries a scope's messages (or one): deferred ones become due now, keeping their retry window;
 * failed and held ones are queued again with a fresh window and their Message-ID. `along` runs
 * in the same transaction (the audit entry).
 *
 * @example await retryQueue(db, { scope: 'acme' }, Date.now()) // every deferred message of acme, due now
 */
export async function retryQueue(
  db: Kysely<Database>,
  filter: QueueFilter,
  now: number,
  along?: AlongWith<QueueCommandResult>,
): Promise<QueueCommandResult> {
  const states = filter.states ?? ['deferred'];
  checkStates(states, retryableStates, 'retry');
  return inTransaction(db, async (trx) => {
    let count = 0;
    if (states.includes('deferred'))
      count += updated(
        await narrowed(trx, trx.updateTable('messages').set({ next_attempt_at: now, updated_at: now }), filter, now)
          .where('state', '=', 'deferred')
          .executeTakeFirst(),
      );
    const again = states.filter((state) => state !== 'deferred');
    if (again.length > 0)
      count += updated(
        await narrowed(
          trx,
          trx.updateTable('messages').set({ state: 'queued', held_reason: null, next_attempt_at: now, queued_at: now, updated_at: now }),
          filter,
          now,
        )
          .where('state', 'in', again)
          .executeTakeFirst(),
      );
    const result = { scope: filter.scope, count, filter: { ...withoutScope(filter), states } };
    await along?.(trx, result);
    return result;
  });
}

/**
 * Cancels a scope's waiting messages that match the filter: they become `cancelled`, with who
 * did it and why, and are never sent; nothing is deleted. A message being sent is never touched.
 *
 * @example await purgeQueue(db, { scope: 'acme', states: ['deferred'], olderThanMs: 86_400_000 }, { by: 'cli', reason: 'stale', now: Date.now() })
 */
export async function purgeQueue(
  db: Kysely<Database>,
  filter: QueueFilter,
  cancel: { by: string; reason: string; now: number },
  along?: AlongWith<QueueCommandResult>,
): Promise<QueueCommandResult> {
  const states = filter.states ?? [...purgeableStates];
  checkStates(states, purgeableStates, 'purge');
  if (cancel.reason.trim() === '')
    throw new AppError('validation_failed', '/reason: say why the messages are cancelled.', [
      { field: '/reason', rule: 'required', message: 'say why the messages are cancelled' },
    ]);
  return inTransaction(db, async (trx) => {
    const result = await narrowed(
      trx,
      trx.updateTable('messages').set({
        state: 'cancelled',
        held_reason: null,
        cancelled_by: cancel.by,
        cancel_reason: cancel.reason,
        updated_at: cancel.now,
      }),
      filter,
      cancel.now,
    )
      .where('state', 'in', states)
      .executeTakeFirst();
    const done = { scope: filter.scope, count: updated(result), filter: { ...withoutScope(filter), states } };
    await along?.(trx, done);
    return done;
  });
}

function withoutScope(filter: QueueFilter): Omit<QueueFilter, 'scope'> {
  const { scope: _scope, ...rest } = filter;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}
