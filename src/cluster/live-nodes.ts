import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { mayStillRun, nodeStaleAfterMs } from './node-identity.js';

/**
 * The registered nodes whose process may still be running on this database: not stopped, and
 * alive by pid (this host) or by heartbeat (another host). Commands that replace or copy a whole
 * database (restore, migrate-store) refuse while there is one.
 *
 * @example
 * if ((await liveNodes(db, Date.now())).length > 0) console.error('stop Herald first');
 */
export async function liveNodes(db: Kysely<Database>, now: number): Promise<Array<{ id: string; hostname: string; pid: number }>> {
  const rows = await db
    .selectFrom('nodes')
    .select(['id', 'hostname', 'pid', 'heartbeat_at', 'stopped_at'])
    .where('stopped_at', 'is', null)
    .execute();
  const here = { hostname: hostname(), pid: process.pid };
  return rows.filter((row) => mayStillRun(row, here, now)).map(({ id, hostname, pid }) => ({ id, hostname, pid }));
}

/**
 * The nodes that deliver now (role worker or all, not stopped, heartbeat fresh), by id: what a
 * cluster-wide concurrency is shared among.
 *
 * @example const senders = await liveSenders(db, Date.now()); // ['mail-1:all:…', 'mail-2:worker:…']
 */
export async function liveSenders(db: Kysely<Database>, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('nodes')
    .select('id')
    .where('role', '!=', 'api')
    .where('stopped_at', 'is', null)
    .where('heartbeat_at', '>', now - nodeStaleAfterMs)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}
