import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';

/**
 * A per-server rate limit that holds across every node sharing the database: each send takes a
 * slot in the current second's row (an atomic upsert); when the second is full it waits for the
 * next one. A limit of 20/s is 20/s for the whole cluster, however many nodes send.
 *
 * @example await limiter.acquire('system:3', 20);
 */
export function createClusterRateLimiter(db: Kysely<Database>, clock: Clock) {
  let lastPrune = 0;
  return {
    async acquire(bucket: string, perSecond: number): Promise<void> {
      for (;;) {
        const now = clock.now();
        const second = Math.floor(now / 1000);
        const row = await db
          .insertInto('rate_windows')
          .values({ bucket, second, used: 1 })
          .onConflict((oc) => oc.columns(['bucket', 'second']).doUpdateSet((eb) => ({ used: eb('rate_windows.used', '+', 1) })))
          .returning('used')
          .executeTakeFirstOrThrow();
        if (row.used <= perSecond) {
          if (now - lastPrune > 60_000) {
            lastPrune = now;
            await db.deleteFrom('rate_windows').where('second', '<', second - 60).execute();
          }
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, (second + 1) * 1000 - now + Math.random() * 20));
      }
    },
  };
}

export type ClusterRateLimiter = ReturnType<typeof createClusterRateLimiter>;
