import type { Kysely } from 'kysely';
import { listNodes } from '../../cluster/index.js';
import type { Clock } from '../../shared/clock.js';
import { databaseSize } from '../../store/database-size.js';
import type { Database } from '../../store/schema.js';
import type { AlongWith } from '../../store/transaction.js';
import { ageBuckets } from './age-buckets.js';
import { pauseScope, requireScope, resumeScope, type PauseState } from './paused-scopes.js';
import { purgeQueue, retryQueue, type QueueCommandResult, type QueueFilter } from './queue-commands.js';
import { scopeQueues, type QueueStatus } from './queue-status.js';

/**
 * The operator's view of the queue and the commands on it (`herald status`, `herald queue …`, and
 * the same over the API), wired once with the database and the clock. `onlyScope` limits the
 * status to one scope (a tenant's caller); the commands act on the scope their filter names,
 * which the caller has checked. Each command takes the audit entry as `along`.
 */
export interface Queue {
  /** `cluster: false` (a tenant's caller) leaves out the nodes and the database size. */
  status(options?: { onlyScope?: string; cluster?: boolean }): Promise<QueueStatus>;
  retry(filter: QueueFilter, along?: AlongWith<QueueCommandResult>): Promise<QueueCommandResult>;
  purge(filter: QueueFilter, cancel: { by: string; reason: string }, along?: AlongWith<QueueCommandResult>): Promise<QueueCommandResult>;
  pause(scope: string, pause: { by: string; reason: string | null }, along?: AlongWith<PauseState>): Promise<PauseState>;
  resume(scope: string, along?: AlongWith<PauseState>): Promise<PauseState>;
}

export function createQueue({ db, clock, dialect }: { db: Kysely<Database>; clock: Clock; dialect: 'sqlite' | 'postgres' }): Queue {
  return {
    async status(options = {}) {
      const now = clock.now();
      const [scopes, nodes, sizeBytes] = await Promise.all([
        scopeQueues(db, { now, onlyScope: options.onlyScope }),
        options.cluster === false ? [] : listNodes(db, now),
        options.cluster === false ? 0 : databaseSize(db),
      ]);
      return {
        generatedAt: new Date(now).toISOString(),
        ageBuckets: ageBuckets.map((bucket) => bucket.label),
        scopes,
        nodes,
        database: { dialect, sizeBytes },
      };
    },
    async retry(filter, along) {
      await requireScope(db, filter.scope);
      return retryQueue(db, filter, clock.now(), along);
    },
    async purge(filter, cancel, along) {
      await requireScope(db, filter.scope);
      return purgeQueue(db, filter, { ...cancel, now: clock.now() }, along);
    },
    pause: (scope, pause, along) => pauseScope(db, scope, { ...pause, now: clock.now() }, along),
    resume: (scope, along) => resumeScope(db, scope, along),
  };
}
