import { sql, type Kysely } from 'kysely';
import type { EventInput } from '../events/event-input.js';
import type { Ingest } from '../events/ingest.js';
import { AppError } from '../shared/app-error.js';
import type { Database } from '../store/schema.js';

export interface DeliveryFailingDeps {
  db: Kysely<Database>;
  ingest: Ingest;
  /** How long a scope's mail must fail or be deferred, with nothing delivered, before it fires. */
  afterMs: number;
}

const eventType = 'mail.delivery_failing';
const dedupPrefix = `${eventType}:`;

interface ScopeTrouble {
  id: string;
  name: string;
  deferred: number;
  lastFailedAt: number | null;
  /** Messages held because the password of the scope's mail server cannot be decrypted. */
  unreadable: number;
}

/**
 * Held for a password that does not open, or for an OAuth2 grant that died: retries cannot fix
 * either (an administrator must act), so they count as failing at once.
 */
const unreadableHold = 'secret_unreadable%';
const reconnectHold = 'oauth_reconnect_required%';

/** Since when the scope's mail has been held for an unreadable password, and the reason. */
async function unreadableSince(db: Kysely<Database>, scopeId: string) {
  const row = await db
    .selectFrom('messages')
    .select(['held_reason', (eb) => eb.fn.min('updated_at').as('since')])
    .where('state', '=', 'held')
    .where('scope_id', '=', scopeId)
    .where((eb) => eb.or([eb('held_reason', 'like', unreadableHold), eb('held_reason', 'like', reconnectHold)]))
    .groupBy('held_reason')
    .orderBy('since')
    .limit(1)
    .executeTakeFirst();
  return row ? { since: Number(row.since), reason: row.held_reason ?? '' } : undefined;
}

/** When the scope last delivered a message (0: never). */
async function lastDelivered(db: Kysely<Database>, scopeId: string): Promise<number> {
  // A sent message's next_attempt_at is its send time, so the messages_due index (state, scope_id,
  // next_attempt_at) finds the newest one with a seek; sent_at is read from that one row.
  const row = await db
    .selectFrom('messages')
    .select('sent_at')
    .where('state', '=', 'sent')
    .where('scope_id', '=', scopeId)
    .orderBy('next_attempt_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sent_at ?? 0;
}

/** The scope's failed or deferred attempts since it last delivered: when they began, how many messages, the last reply. */
async function streakSince(db: Kysely<Database>, scopeId: string, delivered: number) {
  const failing = () =>
    db
      .selectFrom('attempts')
      .innerJoin('messages', 'messages.id', 'attempts.message_id')
      .where('messages.scope_id', '=', scopeId)
      .where('messages.state', 'in', ['deferred', 'failed', 'queued', 'sending'])
      .where('messages.next_attempt_at', '>', delivered)
      .where('attempts.started_at', '>', delivered)
      .where('attempts.outcome', '<>', 'sent');
  const [span, last] = await Promise.all([
    failing()
      .select([
        (eb) => eb.fn.min('attempts.started_at').as('since'),
        sql<number>`count(distinct case when messages.state = 'failed' then messages.id end)`.as('failed'),
      ])
      .executeTakeFirst(),
    failing().select(['attempts.reply_code', 'attempts.reply']).orderBy('attempts.started_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  if (!span || span.since === null) return undefined;
  return {
    since: Number(span.since),
    failed: Number(span.failed),
    lastError: last ? (last.reply ?? (last.reply_code === null ? 'no reply' : String(last.reply_code))) : 'no reply',
  };
}

function minutes(ms: number): string {
  const total = Math.round(ms / 60_000);
  return total < 120 ? `${total} minutes` : `${Math.round(total / 60)} hours`;
}

/**
 * "Mail delivery failing": a scope whose messages have failed or been deferred continuously for
 * `afterMs` (no message delivered since the first failure, and some still deferred or failing
 * within that time) raises the `mail.delivery_failing` alert in the system scope, so it goes
 * through the system's settings to the system's admins even when the failing server is a
 * tenant's. A scope whose mail is held because its password cannot be decrypted fires at once
 * (no retry can fix it). It resolves once the scope delivers again.
 *
 * Every node runs this check: the alert row (one per failing scope) and an idempotency key made of
 * the scope and the start of its failing streak, both read from the database, make the nodes agree
 * on one email.
 */
export async function checkDeliveryFailing(deps: DeliveryFailingDeps, now: number): Promise<EventInput[]> {
  const { db } = deps;
  const [scopes, firing] = await Promise.all([
    sql<ScopeTrouble>`
      select s.id, s.name,
        (select count(*) from messages m where m.state = 'deferred' and m.scope_id = s.id) as deferred,
        (select max(m.next_attempt_at) from messages m where m.state = 'failed' and m.scope_id = s.id) as "lastFailedAt",
        (select count(*) from messages m where m.state = 'held' and m.scope_id = s.id and (m.held_reason like ${unreadableHold} or m.held_reason like ${reconnectHold})) as unreadable
      from scopes s`.execute(db),
    db
      .selectFrom('alerts')
      .select(['dedup_key', 'data'])
      .where('scope_id', '=', 'system')
      .where('event_type', '=', eventType)
      .where('status', '=', 'firing')
      .execute(),
  ]);
  const firingSince = new Map(
    firing.map((alert) => [
      alert.dedup_key.slice(dedupPrefix.length),
      Number((JSON.parse(alert.data) as { sinceMs?: number }).sinceMs ?? 0),
    ]),
  );
  const events: EventInput[] = [];
  for (const scope of scopes.rows) {
    const deferred = Number(scope.deferred);
    const unreadable = Number(scope.unreadable);
    const troubled = deferred > 0 || unreadable > 0 || (scope.lastFailedAt !== null && Number(scope.lastFailedAt) >= now - deps.afterMs);
    const since = firingSince.get(scope.id);
    if (!troubled && since === undefined) continue;
    const delivered = await lastDelivered(db, scope.id);
    const labels = { scope: scope.id };
    if (since !== undefined) {
      if (delivered > since) {
        events.push({
          type: eventType,
          status: 'resolved',
          dedupKey: `${dedupPrefix}${scope.id}`,
          labels,
          data: { scope: scope.name, scopeId: scope.id, sinceMs: since },
          idempotencyKey: `${dedupPrefix}${scope.id}:${since}:resolved`,
        });
      }
      continue;
    }
    const held = unreadable > 0 ? await unreadableSince(db, scope.id) : undefined;
    if (held) {
      events.push({
        type: eventType,
        status: 'firing',
        dedupKey: `${dedupPrefix}${scope.id}`,
        labels,
        data: {
          scope: scope.name,
          scopeId: scope.id,
          held: unreadable,
          heldReason: held.reason,
          since: new Date(held.since).toISOString(),
          sinceMs: held.since,
        },
        idempotencyKey: `${dedupPrefix}${scope.id}:${held.since}:firing`,
      });
      continue;
    }
    const streak = await streakSince(db, scope.id, delivered);
    if (!streak || now - streak.since < deps.afterMs) continue;
    events.push({
      type: eventType,
      status: 'firing',
      dedupKey: `${dedupPrefix}${scope.id}`,
      labels,
      data: {
        scope: scope.name,
        scopeId: scope.id,
        failingFor: minutes(now - streak.since),
        failed: streak.failed,
        deferred,
        lastError: streak.lastError,
        since: new Date(streak.since).toISOString(),
        sinceMs: streak.since,
      },
      idempotencyKey: `${dedupPrefix}${scope.id}:${streak.since}:firing`,
    });
  }
  const submitted: EventInput[] = [];
  for (const event of events) {
    try {
      // One submission each: another node that raced us to this key must not sink the others.
      const [result] = await deps.ingest.submit([event]);
      if (result && !result.replayed) submitted.push(event);
    } catch (error) {
      // Another node submitted this very alert first (with counts read a moment apart).
      if (!(error instanceof AppError && error.code === 'idempotency_conflict')) throw error;
    }
  }
  return submitted;
}
