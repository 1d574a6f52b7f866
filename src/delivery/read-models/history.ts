import type { Kysely } from 'kysely';
import { AppError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import type { AttemptRow, Database, MessageRow, MessageState } from '../../store/schema.js';
import { inTransaction, type AlongWith } from '../../store/transaction.js';
import { systemScopeId } from '../../scopes/index.js';

export interface DeliveryFilter {
  scope?: string;
  state?: MessageState[];
  recipient?: string;
  eventId?: string;
  /** The type of the event the message is for. */
  eventType?: string;
  since?: number;
  until?: number;
  /** The id of the last item of the previous page. */
  cursor?: string;
  limit: number;
}

export interface DeliverySummary {
  id: string;
  scope: string;
  eventId: string;
  recipient: string;
  subject: string;
  messageId: string;
  state: MessageState;
  heldReason: string | null;
  attempts: number;
  ambiguousAttempts: number;
  nextAttemptAt: string | null;
  lastStage: string | null;
  lastReplyCode: number | null;
  lastReply: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  /** Who cancelled it and why; null unless `cancelled`. */
  cancelled: { by: string; reason: string } | null;
}

export interface DeliveryDetail extends DeliverySummary {
  text: string;
  html: string | null;
  attemptHistory: Array<{
    number: number;
    startedAt: string;
    durationMs: number;
    outcome: AttemptRow['outcome'];
    stage: string;
    replyCode: number | null;
    reply: string | null;
    errorCode: string | null;
    settingsScope: string | null;
    settingsVersion: number | null;
    node: string;
  }>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toSummary(row: MessageRow): DeliverySummary {
  const waiting = row.state === 'queued' || row.state === 'deferred';
  return {
    id: row.id,
    scope: row.scope_id,
    eventId: row.event_id,
    recipient: row.recipient,
    subject: row.subject,
    messageId: row.message_id,
    state: row.state,
    heldReason: row.held_reason,
    attempts: row.attempts,
    ambiguousAttempts: row.ambiguous_attempts,
    nextAttemptAt: waiting ? iso(row.next_attempt_at) : null,
    lastStage: row.last_stage,
    lastReplyCode: row.last_reply_code,
    lastReply: row.last_reply,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    sentAt: iso(row.sent_at),
    cancelled: row.state === 'cancelled' ? { by: row.cancelled_by ?? 'unknown', reason: row.cancel_reason ?? '' } : null,
  };
}

/**
 * Lists messages newest first with filters and a cursor (`nextCursor` is null on the last page).
 *
 * @example await listDeliveries(db, { scope: 'acme', state: ['failed'], limit: 50 })
 */
export async function listDeliveries(
  db: Kysely<Database>,
  filter: DeliveryFilter,
): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.scope) query = query.where('scope_id', '=', filter.scope);
  if (filter.state && filter.state.length > 0) query = query.where('state', 'in', filter.state);
  if (filter.recipient) query = query.where('recipient', '=', filter.recipient);
  if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
  if (filter.eventType) query = query.where('event_id', 'in', db.selectFrom('events').select('id').where('type', '=', filter.eventType));
  if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('created_at', '<', filter.until);
  if (filter.cursor) query = query.where('id', '<', filter.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return { items: page.map(toSummary), nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null };
}

/** One message with every attempt; `scope` restricts it to a scope (404 for another's). */
export async function getDelivery(db: Kysely<Database>, id: string, scope?: string): Promise<DeliveryDetail> {
  let query = db.selectFrom('messages').selectAll().where('id', '=', id);
  if (scope) query = query.where('scope_id', '=', scope);
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', `No delivery with id ${id}.`);
  const [attempts, body] = await Promise.all([
    db.selectFrom('attempts').selectAll().where('message_id', '=', id).orderBy('number').execute(),
    db.selectFrom('message_bodies').select(['text_body', 'html_body']).where('message_id', '=', id).executeTakeFirst(),
  ]);
  return {
    ...toSummary(row),
    text: body?.text_body ?? '',
    html: body?.html_body ?? null,
    attemptHistory: attempts.map((a) => ({
      number: a.number,
      startedAt: iso(a.started_at)!,
      durationMs: a.duration_ms,
      outcome: a.outcome,
      stage: a.stage,
      replyCode: a.reply_code,
      reply: a.reply,
      errorCode: a.error_code,
      settingsScope: a.settings_scope,
      settingsVersion: a.settings_version,
      node: a.node_id,
    })),
  };
}

/** The failure history: failed messages and those deferred now, with their last reply. */
export function listFailures(db: Kysely<Database>, filter: Omit<DeliveryFilter, 'state'>) {
  return listDeliveries(db, { ...filter, state: ['failed', 'deferred'] });
}

const retryable: MessageState[] = ['failed', 'held', 'deferred'];

/**
 * Sends a failed or held message again (after the settings were fixed), keeping its Message-ID; a
 * deferred one is tried now instead of at its next retry, within its retry window as before.
 * `along` runs in the same transaction.
 */
export async function retryDelivery(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  scope?: string,
  along?: AlongWith<DeliveryDetail>,
): Promise<DeliveryDetail> {
  return inTransaction(db, async (trx) => {
    const current = await getDelivery(trx, id, scope);
    if (!retryable.includes(current.state)) {
      throw new AppError('not_retryable', `The delivery is ${current.state}; only failed, held or deferred deliveries can be retried.`, [
        { field: '/id', rule: 'state', message: `is ${current.state}` },
      ]);
    }
    const now = clock.now();
    await trx
      .updateTable('messages')
      .set(
        current.state === 'deferred'
          ? { next_attempt_at: now, updated_at: now }
          : { state: 'queued', held_reason: null, next_attempt_at: now, queued_at: now, updated_at: now },
      )
      .where('id', '=', id)
      .where('state', '=', current.state)
      .execute();
    // a retry by hand is the probe of a server marked down (sending/server-backoff.ts): its step ends now
    await trx
      .updateTable('server_backoff')
      .set({ retry_at: now, probe_until: null, updated_at: now })
      .where('scope_id', 'in', [current.scope, systemScopeId])
      .where('retry_at', '>', now)
      .execute();
    const detail = await getDelivery(trx, id, scope);
    await along?.(trx, detail);
    return detail;
  });
}
