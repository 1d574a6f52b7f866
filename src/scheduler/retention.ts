import type { Kysely } from 'kysely';
import type { RetentionConfig } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Database, MessageState } from '../store/schema.js';
import { repeatEvery } from '../shared/repeat.js';

/** What one pruning run removed. */
export interface PruneReport {
  sent: number;
  failed: number;
  events: number;
  mailbox: number;
}

export interface Retention {
  /** Removes what is older than its retention, in small batches; safe to run on every node at once. */
  prune(): Promise<PruneReport>;
  /** Runs `prune` every interval until stopped. */
  start(): void;
  /** Stops the timer and waits for a running prune. */
  stop(): Promise<void>;
}

export interface RetentionDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: RetentionConfig;
  log: Logger;
  /** Rows deleted per statement: short transactions, so deliveries never wait long behind one. */
  batch?: number;
  /** Batches per table per run; what is left waits for the next run. */
  maxBatches?: number;
  intervalMs?: number;
}

/** Mail still on its way: never pruned, however old. */
const activeStates: MessageState[] = ['queued', 'deferred', 'held', 'sending'];

/**
 * Prunes what Herald no longer needs, off the delivery path on a timer of its own: sent messages
 * after HERALD_RETENTION_SENT, failed (and any other finished) messages after
 * HERALD_RETENTION_FAILED, each with its attempts; events with no message left after
 * HERALD_RETENTION_EVENTS (with their notes); the built-in mailbox after HERALD_RETENTION_MAILBOX.
 * Queued, deferred, held and sending messages are never touched, nor is the audit log (its chain
 * stays whole). Every delete re-checks its condition, so nodes pruning together only share the work.
 *
 * @example
 * declare const deps: RetentionDeps;
 * const report = await createRetention(deps).prune(); // { sent: 120, failed: 3, events: 80, mailbox: 0 }
 */
export function createRetention(deps: RetentionDeps): Retention {
  const batch = deps.batch ?? 500;
  const maxBatches = deps.maxBatches ?? 20;
  let stopTimer: (() => void) | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function repeat(step: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let run = 0; run < maxBatches; run += 1) {
      const removed = await step();
      total += removed;
      if (removed < batch) break;
    }
    return total;
  }

  async function pruneMessages(finished: 'sent' | 'failed', before: number): Promise<number> {
    const pick = () => {
      const query = deps.db.selectFrom('messages').select('id').where('updated_at', '<', before);
      return finished === 'sent'
        ? query.where('state', '=', 'sent')
        : query.where('state', '!=', 'sent').where('state', 'not in', activeStates);
    };
    const ids = (await pick().limit(batch).execute()).map((row) => row.id);
    if (ids.length === 0) return 0;
    return deps.db.transaction().execute(async (trx) => {
      const guard = trx
        .deleteFrom('messages')
        .where('id', 'in', ids)
        .where('updated_at', '<', before)
        .where('state', 'not in', activeStates);
      const removed = await guard.returning('id').execute();
      const gone = removed.map((row) => row.id);
      if (gone.length > 0) await trx.deleteFrom('attempts').where('message_id', 'in', gone).execute();
      return gone.length;
    });
  }

  async function pruneEvents(before: number): Promise<number> {
    const ids = (
      await deps.db
        .selectFrom('events')
        .select('id')
        .where('created_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('messages').select('messages.id').whereRef('messages.event_id', '=', 'events.id'))),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('digest_items')
                .innerJoin('digests', 'digests.id', 'digest_items.digest_id')
                .select('digest_items.event_id')
                .whereRef('digest_items.event_id', '=', 'events.id')
                .where('digests.state', '!=', 'sent'),
            ),
          ),
        )
        .limit(batch)
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return 0;
    return deps.db.transaction().execute(async (trx) => {
      // A message written since the select keeps its event (the foreign key would take it along).
      const removed = await trx
        .deleteFrom('events')
        .where('id', 'in', ids)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('messages').select('messages.id').whereRef('messages.event_id', '=', 'events.id'))),
        )
        .returning('id')
        .execute();
      const gone = removed.map((row) => row.id);
      if (gone.length > 0) {
        await trx.deleteFrom('event_notes').where('event_id', 'in', gone).execute();
        await trx.deleteFrom('digest_items').where('event_id', 'in', gone).execute();
      }
      return gone.length;
    });
  }

  async function pruneMailbox(before: number): Promise<number> {
    const ids = (await deps.db.selectFrom('mailbox').select('message_id').where('received_at', '<', before).limit(batch).execute()).map(
      (row) => row.message_id,
    );
    if (ids.length === 0) return 0;
    const result = await deps.db.deleteFrom('mailbox').where('message_id', 'in', ids).where('received_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async function prune(): Promise<PruneReport> {
    const now = deps.clock.now();
    const { policy } = deps;
    const report = {
      sent: await repeat(() => pruneMessages('sent', now - policy.sentMs)),
      failed: await repeat(() => pruneMessages('failed', now - policy.failedMs)),
      events: await repeat(() => pruneEvents(now - policy.eventsMs)),
      mailbox: await repeat(() => pruneMailbox(now - policy.mailboxMs)),
    };
    if (report.sent + report.failed + report.events + report.mailbox > 0) deps.log.info({ pruned: report }, 'retention: pruned old rows');
    return report;
  }

  return {
    prune() {
      const next = running.then(prune);
      running = next.catch(() => undefined);
      return next;
    },
    start() {
      stopTimer = repeatEvery(
        deps.intervalMs ?? defaultIntervalMs,
        () => this.prune(),
        (error: unknown) => deps.log.warn({ err: error }, 'retention run failed'),
      );
    },
    async stop() {
      stopTimer?.();
      await running;
    },
  };
}

const defaultIntervalMs = 10 * 60_000;
