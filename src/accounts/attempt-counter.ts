import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { tokenDigest } from './secret-token.js';

/** Attempts per key in fixed windows, counted in the database so every node shares them. */
export interface AttemptCounter {
  /** Counts one more attempt; returns the count in the current window. */
  add(key: string, windowMs: number): Promise<number>;
  /** The count in the current window, or in the one `windowsBack` windows before it. */
  count(key: string, windowMs: number, windowsBack?: number): Promise<number>;
  /** Counts one more attempt for `recent`, in slices of a 60th of `windowMs`. */
  addRecent(key: string, windowMs: number): Promise<void>;
  /**
   * Attempts in the last `windowMs`, sliding: no count starts again at a window's edge. A slice
   * that began up to a 60th of the window before counts whole, so the error is never an undercount.
   */
  recent(key: string, windowMs: number): Promise<number>;
  /** Forgets every window of a key (a successful sign-in clears its failures). */
  clear(key: string): Promise<void>;
}

/**
 * Counts attempts per key in fixed windows, in the database so every node of a cluster shares
 * the count. Keys are stored as digests (an email address or IP is not kept here).
 *
 * @example const n = await createAttemptCounter(db, clock).add('login-ip:203.0.113.9', 15 * 60_000);
 */
export function createAttemptCounter(db: Kysely<Database>, clock: Clock): AttemptCounter {
  const windowOf = (windowMs: number) => Math.floor(clock.now() / windowMs) * windowMs;
  const keyOf = (key: string) => tokenDigest(key).slice(0, 64);
  const sliceOf = (windowMs: number) => Math.max(1, Math.floor(windowMs / 60));
  const increment = async (key: string, windowStart: number): Promise<number> => {
    const row = await db
      .insertInto('attempt_counters')
      .values({ key: keyOf(key), window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('attempt_counters.count', '+', 1) })))
      .returning('count')
      .executeTakeFirstOrThrow();
    if (Math.random() < 0.01)
      await db
        .deleteFrom('attempt_counters')
        .where('window_start', '<', clock.now() - 86_400_000)
        .execute();
    return row.count;
  };
  return {
    add: (key, windowMs) => increment(key, windowOf(windowMs)),
    async addRecent(key: string, windowMs: number): Promise<void> {
      await increment(key, windowOf(sliceOf(windowMs)));
    },
    async recent(key: string, windowMs: number): Promise<number> {
      const row = await db
        .selectFrom('attempt_counters')
        .select((eb) => eb.fn.sum<number | string | bigint>('count').as('total'))
        .where('key', '=', keyOf(key))
        .where('window_start', '>', clock.now() - windowMs - sliceOf(windowMs))
        .executeTakeFirst();
      return Number(row?.total ?? 0);
    },
    async count(key: string, windowMs: number, windowsBack = 0): Promise<number> {
      const row = await db
        .selectFrom('attempt_counters')
        .select('count')
        .where('key', '=', keyOf(key))
        .where('window_start', '=', windowOf(windowMs) - windowsBack * windowMs)
        .executeTakeFirst();
      return row?.count ?? 0;
    },
    async clear(key: string): Promise<void> {
      await db.deleteFrom('attempt_counters').where('key', '=', keyOf(key)).execute();
    },
  };
}
