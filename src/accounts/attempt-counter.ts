import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { tokenDigest } from './secret-token.js';

/**
 * Counts attempts per key in fixed windows, in the database so every node of a cluster shares
 * the count. Keys are stored as digests (an email address or IP is not kept here).
 *
 * @example const n = await counter.add('login-ip:203.0.113.9', 15 * 60_000);
 */
export function createAttemptCounter(db: Kysely<Database>, clock: Clock) {
  const windowOf = (windowMs: number) => Math.floor(clock.now() / windowMs) * windowMs;
  const keyOf = (key: string) => tokenDigest(key).slice(0, 64);
  return {
    /** Counts one more attempt; returns the count in the current window. */
    async add(key: string, windowMs: number): Promise<number> {
      const window_start = windowOf(windowMs);
      const row = await db
        .insertInto('attempt_counters')
        .values({ key: keyOf(key), window_start, count: 1 })
        .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('attempt_counters.count', '+', 1) })))
        .returning('count')
        .executeTakeFirstOrThrow();
      if (Math.random() < 0.01) await db.deleteFrom('attempt_counters').where('window_start', '<', clock.now() - 86_400_000).execute();
      return row.count;
    },
    /** The count in the current window, or in the one `windowsBack` windows before it. */
    async count(key: string, windowMs: number, windowsBack = 0): Promise<number> {
      const row = await db.selectFrom('attempt_counters').select('count').where('key', '=', keyOf(key)).where('window_start', '=', windowOf(windowMs) - windowsBack * windowMs).executeTakeFirst();
      return row?.count ?? 0;
    },
    async clear(key: string): Promise<void> {
      await db.deleteFrom('attempt_counters').where('key', '=', keyOf(key)).execute();
    },
  };
}

export type AttemptCounter = ReturnType<typeof createAttemptCounter>;
