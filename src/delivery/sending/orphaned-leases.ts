import type { Kysely } from 'kysely';
import { mayStillRun, type ThisProcess } from '../../cluster/node-identity.js';
import type { Logger } from '../../shared/logger.js';
import type { StoreDialect } from '../../store/dialect.js';
import type { Database } from '../../store/schema.js';
import { recoverExpiredLeases } from './outbox.js';

/**
 * Run once when a delivering node starts, before its worker: the messages left `sending` by a
 * worker known to be gone go back to the queue at once instead of waiting for their lease to expire,
 * so mail in flight at a crash is retried within seconds of the restart. Known to be gone: this
 * node's own identity (it was taken over from a process that no longer runs), any node of this host
 * whose process is gone, and on SQLite, whose file only one host can use, any owner that is neither
 * running here nor heartbeating from another host name. A live worker's leases are never touched;
 * on PostgreSQL a node on another host keeps its leases until they expire.
 *
 * @example await reclaimOrphanedLeases({ db, dialect, nodeId, here: { hostname: 'mail-1', pid: process.pid }, now: clock.now(), log });
 */
export async function reclaimOrphanedLeases(deps: {
  db: Kysely<Database>;
  dialect: StoreDialect;
  nodeId: string;
  here: ThisProcess;
  now: number;
  log: Logger;
}): Promise<number> {
  const { db, here, now } = deps;
  const owners = (await db.selectFrom('messages').select('lease_owner').distinct().where('state', '=', 'sending').execute())
    .map((row) => row.lease_owner)
    .filter((owner): owner is string => owner !== null);
  if (owners.length === 0) return 0;
  const nodes = new Map((await db.selectFrom('nodes').selectAll().where('id', 'in', owners).execute()).map((node) => [node.id, node]));
  const sqlite = deps.dialect.name === 'sqlite';
  const gone = owners.filter((owner) => {
    const node = nodes.get(owner);
    if (owner === deps.nodeId || node === undefined) return owner === deps.nodeId || sqlite;
    return (sqlite || node.hostname === here.hostname) && !mayStillRun(node, here, now);
  });
  if (gone.length === 0) return 0;
  const reclaimed = await recoverExpiredLeases(db, deps.nodeId, now, gone);
  if (reclaimed > 0) deps.log.warn({ reclaimed, from: gone }, 'took back at once the messages a stopped worker was sending');
  return reclaimed;
}
