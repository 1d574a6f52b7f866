import type { Kysely } from 'kysely';
import type { Database, MessageState } from '../store/schema.js';

/** Messages still waiting to be delivered, by scope and state, with the oldest one's age. */
export interface QueueRow {
  scope: string;
  state: Extract<MessageState, 'queued' | 'deferred' | 'held' | 'sending'>;
  count: number;
  /** When the oldest of them was accepted (epoch ms). */
  oldestAt: number;
}

const waitingStates = ['queued', 'deferred', 'held', 'sending'] as const;

/**
 * Reads the queue by scope and state, at most once per `maxAgeMs`: scrapes from several
 * Prometheus servers (or a dashboard refreshing) share one query, and a scrape in progress is
 * joined rather than repeated.
 *
 * @example
 * const snapshot = createQueueSnapshot(db, 5000); const rows = await snapshot.read(Date.now());
 */
export function createQueueSnapshot(db: Kysely<Database>, maxAgeMs: number) {
  let cached: { at: number; rows: Promise<QueueRow[]> } | undefined;

  async function query(): Promise<QueueRow[]> {
    const rows = await db
      .selectFrom('messages')
      .select(['scope_id', 'state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<number>('created_at').as('oldest')])
      .where('state', 'in', waitingStates)
      .groupBy(['scope_id', 'state'])
      .execute();
    return rows.map((row) => ({
      scope: row.scope_id,
      state: row.state as QueueRow['state'],
      count: Number(row.n),
      oldestAt: Number(row.oldest),
    }));
  }

  return {
    read(now: number): Promise<QueueRow[]> {
      if (!cached || now - cached.at >= maxAgeMs) {
        const rows = query();
        cached = { at: now, rows };
        // A failed read is not kept: the next scrape asks again.
        rows.catch(() => {
          if (cached?.rows === rows) cached = undefined;
        });
      }
      return cached.rows;
    },
  };
}
