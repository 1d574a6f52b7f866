import type { Kysely } from 'kysely';
import type { Database, NodeRow } from '../store/schema.js';
import { claimNodeIdentity, nodeStaleAfterMs, releaseNodeIdentity } from './node-identity.js';

export type NodeRole = 'api' | 'worker' | 'all';

export interface NodeStats {
  inFlight: number;
  sent: number;
  failed: number;
}

/**
 * Registers this process in the `nodes` table under its identity (claimNodeIdentity: the same
 * one at every start, unless a live process holds it) and keeps its heartbeat and delivery
 * counters fresh, so `herald status` and `/metrics` on any node can show the whole cluster.
 *
 * @example
 * declare const stats: NodeStats;
 * const registration = await registerNode(db, { identity: nodeId, role: 'all', hostname: 'mail-1', pid: process.pid, version: '0.1.0', now });
 * await registration.beat(stats, now);
 */
export async function registerNode(
  db: Kysely<Database>,
  node: { identity: string; role: NodeRole; hostname: string; pid: number; version: string; now: number },
) {
  const id = await claimNodeIdentity(db, node);
  return {
    /** The identity this process got: `identity`, or `identity#n` while another live process holds it. */
    id,
    async beat(stats: NodeStats, now: number): Promise<void> {
      await db
        .updateTable('nodes')
        .set({ heartbeat_at: now, in_flight: stats.inFlight, sent: stats.sent, failed: stats.failed })
        .where('id', '=', id)
        .execute();
    },
    async stopped(stats: NodeStats, now: number): Promise<void> {
      releaseNodeIdentity(id);
      await db
        .updateTable('nodes')
        .set({ heartbeat_at: now, stopped_at: now, in_flight: 0, sent: stats.sent, failed: stats.failed })
        .where('id', '=', id)
        .execute();
    },
  };
}

export interface NodeView {
  id: string;
  role: NodeRole;
  hostname: string;
  pid: number;
  version: string;
  state: 'alive' | 'stopped' | 'lost';
  startedAt: string;
  heartbeatAt: string;
  inFlight: number;
  sent: number;
  failed: number;
}

/** Every node seen in the last day: alive, stopped cleanly, or lost (no heartbeat). */
export async function listNodes(db: Kysely<Database>, now: number): Promise<NodeView[]> {
  const rows = await db
    .selectFrom('nodes')
    .selectAll()
    .where('heartbeat_at', '>', now - 86_400_000)
    .orderBy('started_at')
    .execute();
  return rows.map((row) => toView(row, now));
}

function toView(row: NodeRow, now: number): NodeView {
  const state = row.stopped_at !== null ? 'stopped' : now - row.heartbeat_at > nodeStaleAfterMs ? 'lost' : 'alive';
  return {
    id: row.id,
    role: row.role,
    hostname: row.hostname,
    pid: row.pid,
    version: row.version,
    state,
    startedAt: new Date(row.started_at).toISOString(),
    heartbeatAt: new Date(row.heartbeat_at).toISOString(),
    inFlight: row.in_flight,
    sent: row.sent,
    failed: row.failed,
  };
}

/** Forgets nodes that stopped or were lost more than a day ago. */
export async function pruneNodes(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .deleteFrom('nodes')
    .where('heartbeat_at', '<', now - 86_400_000)
    .execute();
}
