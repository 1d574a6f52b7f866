import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';

/** Per-server send rates that hold for the whole cluster. */
export interface ClusterRateLimiter {
  /** Waits until `bucket` has a free slot at `perSecond` sends a second across every node, and takes it. */
  acquire(bucket: string, perSecond: number): Promise<void>;
}

/**
 * A per-server rate limit that holds across every node sharing the database: each send takes a
 * slot in the current window's row (an atomic upsert); when the window is full it waits for the
 * next one. Windows are a tenth of a second (longer for limits under 10/s) so that sends are
 * spread over the second rather than bursting at its start. A limit of 20/s is 20/s for the
 * whole cluster, however many nodes send.
 *
 * @example await createClusterRateLimiter(db, clock).acquire('system:3', 20);
 */
export function createClusterRateLimiter(db: Kysely<Database>, clock: Clock): ClusterRateLimiter {
  let lastPrune = 0;
  return {
    async acquire(bucket: string, perSecond: number): Promise<void> {
      const windowMs = Math.max(100, Math.ceil(1000 / perSecond));
      const capacity = Math.max(1, Math.floor((perSecond * windowMs) / 1000));
      for (;;) {
        const now = clock.now();
        const window = Math.floor(now / windowMs);
        const row = await db
          .insertInto('rate_windows')
          .values({ bucket: `${bucket}/${windowMs}`, second: window, used: 1 })
          .onConflict((oc) => oc.columns(['bucket', 'second']).doUpdateSet((eb) => ({ used: eb('rate_windows.used', '+', 1) })))
          .returning('used')
          .executeTakeFirstOrThrow();
        if (row.used <= capacity) {
          if (now - lastPrune > 60_000) {
            lastPrune = now;
            await db
              .deleteFrom('rate_windows')
              .where('second', '<', window - Math.ceil(60_000 / windowMs))
              .execute();
          }
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, (window + 1) * windowMs - now + Math.random() * 5));
      }
    },
  };
}
