import { sql, type Kysely, type Transaction } from 'kysely';
import type { Insertable } from 'kysely';
import type { AttemptTable, Database, MessageRow } from '../store/schema.js';
import type { StoreDialect } from '../store/dialect.js';
import { newId } from '../shared/ids.js';

const dueStates = ['queued', 'deferred'] as const;

export interface ClaimRequest {
  nodeId: string;
  now: number;
  leaseMs: number;
  limit: number;
  /** How many more messages each scope may take now (its in-flight cap minus what it has). */
  roomFor(scopeId: string): number;
}

/**
 * Claims due messages under a lease, fairly across scopes: the scopes with the oldest due work
 * share the batch, so one tenant's backlog cannot starve another's mail.
 *
 * @example const batch = await claimDueMessages(db, dialect, { nodeId, now, leaseMs: 300_000, limit: 100, roomFor: () => 32 });
 */
export async function claimDueMessages(db: Kysely<Database>, dialect: StoreDialect, request: ClaimRequest): Promise<MessageRow[]> {
  return db.transaction().execute(async (trx) => {
    // Per scope, the oldest queued and the oldest deferred message are one index seek each
    // (messages_due: state, scope_id, next_attempt_at), so this costs O(scopes); grouping the due
    // rows by scope read the whole due backlog on every claim.
    const never = Number.MAX_SAFE_INTEGER;
    const oldest = (state: (typeof dueStates)[number]) =>
      sql<number>`coalesce((select min(m.next_attempt_at) from messages m where m.state = ${state} and m.scope_id = s.id), ${never})`;
    const { rows: scopes } = await sql<{ scope_id: string; due: number }>`
      select id as scope_id, case when q <= d then q else d end as due
      from (select s.id, ${oldest('queued')} as q, ${oldest('deferred')} as d from scopes s) per_scope
      where q <= ${request.now} or d <= ${request.now}
      order by due limit 64`.execute(trx);
    const open = scopes.map((scope) => ({ id: scope.scope_id, room: request.roomFor(scope.scope_id) })).filter((scope) => scope.room > 0);
    if (open.length === 0) return [];
    const share = Math.max(1, Math.ceil(request.limit / open.length));
    const ids: string[] = [];
    for (const scope of open) {
      const take = Math.min(share, scope.room, request.limit - ids.length);
      if (take <= 0) break;
      const rows = await dialect
        .lockForClaim(
          trx
            .selectFrom('messages')
            .select('id')
            .where('state', 'in', dueStates)
            .where('scope_id', '=', scope.id)
            .where('next_attempt_at', '<=', request.now)
            .orderBy('next_attempt_at')
            .limit(take),
        )
        .execute();
      ids.push(...rows.map((row) => row.id));
    }
    if (ids.length === 0) return [];
    await trx
      .updateTable('messages')
      .set({ state: 'sending', lease_owner: request.nodeId, lease_until: request.now + request.leaseMs, updated_at: request.now })
      .where('id', 'in', ids)
      .where('state', 'in', dueStates)
      .execute();
    return trx.selectFrom('messages').selectAll().where('id', 'in', ids).where('lease_owner', '=', request.nodeId).where('state', '=', 'sending').execute();
  });
}

/** What became of one claimed message, to be written with its attempt row. */
export type MessageOutcome =
  | {
      kind: 'attempt';
      message: Pick<MessageRow, 'id' | 'attempts' | 'ambiguous_attempts'>;
      state: 'sent' | 'deferred' | 'failed';
      nextAttemptAt?: number;
      attempt: {
        startedAt: number;
        durationMs: number;
        outcome: 'sent' | 'retry' | 'failed' | 'ambiguous';
        stage: string;
        replyCode: number | null;
        reply: string | null;
        errorCode: string | null;
        settingsScope: string | null;
        settingsVersion: number | null;
      };
    }
  | { kind: 'held'; message: Pick<MessageRow, 'id'>; reason: string }
  /** Not attempted (the worker is stopping): back to the queue, no attempt recorded. */
  | { kind: 'released'; message: Pick<MessageRow, 'id'> };

/**
 * Writes a batch of outcomes in one transaction. Each update is conditional on this node still
 * holding the lease, so a worker that lost its lease can never overwrite the new owner's result.
 */
export async function recordOutcomes(db: Kysely<Database>, nodeId: string, now: number, outcomes: readonly MessageOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const attempts: Insertable<AttemptTable>[] = [];
    for (const outcome of outcomes) {
      const attempt = await recordOne(trx, nodeId, now, outcome);
      if (attempt) attempts.push(attempt);
    }
    if (attempts.length > 0) await trx.insertInto('attempts').values(attempts).execute();
  });
}

/** Updates one message if this node still holds its lease; returns the attempt row to insert. */
async function recordOne(trx: Transaction<Database>, nodeId: string, now: number, outcome: MessageOutcome): Promise<Insertable<AttemptTable> | undefined> {
  const owned = () =>
    trx.updateTable('messages').where('id', '=', outcome.message.id).where('lease_owner', '=', nodeId).where('state', '=', 'sending');
  if (outcome.kind === 'released') {
    await owned().set({ state: 'queued', lease_owner: null, lease_until: null, updated_at: now }).execute();
    return undefined;
  }
  if (outcome.kind === 'held') {
    await owned()
      .set({ state: 'held', held_reason: outcome.reason, lease_owner: null, lease_until: null, updated_at: now })
      .execute();
    return undefined;
  }
  const { attempt, message } = outcome;
  const result = await owned()
    .set({
      state: outcome.state,
      attempts: message.attempts + 1,
      ambiguous_attempts: message.ambiguous_attempts + (attempt.outcome === 'ambiguous' ? 1 : 0),
      next_attempt_at: outcome.nextAttemptAt ?? now,
      held_reason: null,
      lease_owner: null,
      lease_until: null,
      last_stage: attempt.stage,
      last_reply_code: attempt.replyCode,
      last_reply: attempt.reply,
      updated_at: now,
      ...(outcome.state === 'sent' ? { sent_at: now } : {}),
    })
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return {
    id: newId('att'),
    message_id: message.id,
    number: message.attempts + 1,
    started_at: attempt.startedAt,
    duration_ms: attempt.durationMs,
    outcome: attempt.outcome,
    stage: attempt.stage,
    reply_code: attempt.replyCode,
    reply: attempt.reply,
    error_code: attempt.errorCode,
    settings_scope: attempt.settingsScope,
    settings_version: attempt.settingsVersion,
    node_id: nodeId,
  };
}

/**
 * Returns messages whose lease expired (their worker died) to the queue, recording the lost
 * attempt: the message may or may not have reached the server, so it counts as ambiguous.
 */
export async function recoverExpiredLeases(db: Kysely<Database>, nodeId: string, now: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('messages')
      .select(['id', 'attempts', 'lease_owner', 'lease_until'])
      .where('state', '=', 'sending')
      .where('lease_until', '<', now)
      .limit(1000)
      .execute();
    for (const row of expired) {
      await trx
        .updateTable('messages')
        .set({ state: 'deferred', attempts: row.attempts + 1, next_attempt_at: now, lease_owner: null, lease_until: null, updated_at: now, last_stage: 'unknown', last_reply: 'lease expired: the worker stopped while sending' })
        .where('id', '=', row.id)
        .where('state', '=', 'sending')
        .execute();
      await trx
        .insertInto('attempts')
        .values({
          id: newId('att'), message_id: row.id, number: row.attempts + 1, started_at: (row.lease_until ?? now), duration_ms: 0,
          outcome: 'lease_expired', stage: 'unknown', reply_code: null,
          reply: `lease held by ${row.lease_owner ?? 'unknown'} expired: the worker stopped while sending`,
          error_code: null, settings_scope: null, settings_version: null, node_id: nodeId,
        })
        .execute();
    }
    return expired.length;
  });
}

/** Gives back the leases this node holds without sending (graceful stop). */
export async function releaseLeases(db: Kysely<Database>, nodeId: string, ids: readonly string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('messages')
    .set({ state: 'queued', lease_owner: null, lease_until: null, updated_at: now })
    .where('id', 'in', ids)
    .where('lease_owner', '=', nodeId)
    .where('state', '=', 'sending')
    .execute();
}

/** Scopes that have held messages; the worker re-checks them and releases what can go now. */
export async function scopesWithHeldMessages(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('messages').select('scope_id').where('state', '=', 'held').groupBy('scope_id').execute();
  return rows.map((row) => row.scope_id);
}

/** Puts a scope's held messages back in the queue. */
export async function releaseHeld(db: Kysely<Database>, scopeId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ state: 'queued', held_reason: null, next_attempt_at: now, updated_at: now })
    .where('scope_id', '=', scopeId)
    .where('state', '=', 'held')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
