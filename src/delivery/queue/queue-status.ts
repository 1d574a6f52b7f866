import { sql, type Kysely } from 'kysely';
import type { NodeView } from '../../cluster/index.js';
import { systemScopeId } from '../../scopes/index.js';
import type { Database, MessageState } from '../../store/schema.js';
import { lastOutcomes } from '../read-models/last-outcomes.js';
import { ageBuckets } from './age-buckets.js';
import { pausedScopes } from './paused-scopes.js';
import { replyHint } from './reply-hint.js';

/** The states of mail still waiting to leave, in the order `herald status` shows them. */
export const waitingStates = ['queued', 'sending', 'deferred', 'held'] as const satisfies readonly MessageState[];
export type WaitingState = (typeof waitingStates)[number];

/** One scope's queue, as `herald status` and `GET /api/v1/status` show it. */
export interface ScopeQueue {
  scope: string;
  name: string;
  paused: { at: string; by: string; reason: string | null } | null;
  /** Per waiting state, the total and the count in each age bucket (age since the message entered the queue). */
  shape: Array<{ state: WaitingState; total: number; byAge: number[] }>;
  /** The oldest deferred or held message: what has been stuck longest, and why. */
  oldest: {
    id: string;
    state: 'deferred' | 'held';
    queuedAt: string;
    ageMs: number;
    attempts: number;
    heldReason: string | null;
    lastStage: string | null;
    lastReplyCode: number | null;
    lastReply: string | null;
    hint: string | null;
  } | null;
  held: Array<{ reason: string; count: number }>;
  /** Mailboxes of this scope's server that reached their daily cap today: their waiting mail goes at `resumesAt`. */
  dailyLimitReached: Array<{ mailbox: string; sent: number; limit: number; resumesAt: string }>;
  lastSuccessAt: string | null;
  lastFailure: { at: string; stage: string; replyCode: number | null; reply: string | null; hint: string | null } | null;
}

export interface QueueStatus {
  generatedAt: string;
  /** The age buckets' labels, in the order of each `byAge`. */
  ageBuckets: string[];
  scopes: ScopeQueue[];
  nodes: NodeView[];
  database: { dialect: 'sqlite' | 'postgres'; sizeBytes: number };
}

const iso = (ms: number) => new Date(ms).toISOString();
const dayMs = 86_400_000;

/**
 * Each scope's queue now: messages by waiting state and age, the oldest stuck message with its
 * last reply and hint, held reasons, last success and failure. With `onlyScope` (a tenant's
 * caller) that scope alone; otherwise the system scope, every paused scope and every scope with
 * waiting mail.
 *
 * @example const scopes = await scopeQueues(db, { now: Date.now() });
 */
export async function scopeQueues(db: Kysely<Database>, options: { now: number; onlyScope?: string }): Promise<ScopeQueue[]> {
  const { now, onlyScope } = options;
  const today = Math.floor(now / dayMs);
  const [shapeRows, heldRows, paused, capped] = await Promise.all([
    queueShape(db, now, onlyScope),
    (onlyScope === undefined ? db.selectFrom('messages') : db.selectFrom('messages').where('scope_id', '=', onlyScope))
      .select(['scope_id', 'held_reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('state', '=', 'held')
      .groupBy(['scope_id', 'held_reason'])
      .execute(),
    pausedScopes(db, onlyScope),
    (onlyScope === undefined ? db.selectFrom('daily_sends') : db.selectFrom('daily_sends').where('scope_id', '=', onlyScope))
      .select(['scope_id', 'mailbox', 'sent', 'cap'])
      .where('day', '=', today)
      .whereRef('sent', '>=', 'cap')
      .execute(),
  ]);
  const ids = new Set<string>(onlyScope === undefined ? [systemScopeId] : [onlyScope]);
  for (const row of shapeRows) ids.add(row.scope_id);
  for (const id of paused.keys()) ids.add(id);
  const names = new Map(
    (
      await db
        .selectFrom('scopes')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    ).map((row) => [row.id, row.name]),
  );
  const scopes = [...ids]
    .filter((id) => names.has(id))
    .sort((a, b) => (a === systemScopeId ? -1 : b === systemScopeId ? 1 : a.localeCompare(b)));
  return Promise.all(
    scopes.map(async (id): Promise<ScopeQueue> => {
      const [oldest, outcomes] = await Promise.all([oldestStuck(db, id, now), lastOutcomes(db, id)]);
      const pause = paused.get(id);
      return {
        scope: id,
        name: names.get(id)!,
        paused: pause ?? null,
        shape: waitingStates.map((state) => {
          const byAge = ageBuckets.map(() => 0);
          for (const row of shapeRows) if (row.scope_id === id && row.state === state) byAge[Number(row.bucket)]! += Number(row.n);
          return { state, total: byAge.reduce((sum, n) => sum + n, 0), byAge };
        }),
        oldest,
        held: heldRows.filter((row) => row.scope_id === id).map((row) => ({ reason: row.held_reason ?? 'unknown', count: Number(row.n) })),
        dailyLimitReached: capped
          .filter((row) => row.scope_id === id)
          .map((row) => ({ mailbox: row.mailbox, sent: row.sent, limit: row.cap, resumesAt: iso((today + 1) * dayMs) })),
        lastSuccessAt: outcomes.lastSuccessAt === null ? null : iso(outcomes.lastSuccessAt),
        lastFailure: outcomes.lastFailure && {
          at: iso(outcomes.lastFailure.startedAt),
          stage: outcomes.lastFailure.stage,
          replyCode: outcomes.lastFailure.replyCode,
          reply: outcomes.lastFailure.reply,
          hint: replyHint(outcomes.lastFailure),
        },
      };
    }),
  );
}

/** Waiting messages counted by scope, state and age bucket, in one grouped query. */
async function queueShape(db: Kysely<Database>, now: number, onlyScope?: string) {
  const bucket = sql<number>`case ${sql.join(
    ageBuckets.slice(0, -1).map((b, index) => sql`when ${now} - queued_at < ${b.belowMs} then ${index}`),
    sql` `,
  )} else ${ageBuckets.length - 1} end`;
  let query = db
    .selectFrom('messages')
    .select(['scope_id', 'state', bucket.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', [...waitingStates]);
  if (onlyScope !== undefined) query = query.where('scope_id', '=', onlyScope);
  return query.groupBy(['scope_id', 'state', 'bucket']).execute();
}

/** The scope's longest-waiting deferred or held message, with its last attempt's reply and the hint for it. */
async function oldestStuck(db: Kysely<Database>, scopeId: string, now: number): Promise<ScopeQueue['oldest']> {
  const row = await db
    .selectFrom('messages')
    .select(['id', 'state', 'queued_at', 'attempts', 'held_reason', 'last_stage', 'last_reply_code', 'last_reply'])
    .where('scope_id', '=', scopeId)
    .where('state', 'in', ['deferred', 'held'])
    .orderBy('queued_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const attempt = await db
    .selectFrom('attempts')
    .select('error_code')
    .where('message_id', '=', row.id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const queuedAt = Number(row.queued_at);
  return {
    id: row.id,
    state: row.state as 'deferred' | 'held',
    queuedAt: iso(queuedAt),
    ageMs: now - queuedAt,
    attempts: row.attempts,
    heldReason: row.held_reason,
    lastStage: row.last_stage,
    lastReplyCode: row.last_reply_code,
    lastReply: row.last_reply,
    hint: replyHint({
      stage: row.last_stage,
      replyCode: row.last_reply_code,
      reply: row.last_reply,
      errorCode: attempt?.error_code ?? null,
    }),
  };
}
