import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database, MessageState } from '../store/schema.js';
import { listNodes, type NodeView } from './nodes.js';

/** What the whole cluster sharing one database is doing: its nodes and its messages by state. */
export interface ClusterStatus {
  /** Every node seen in the last day: alive, stopped cleanly, or lost (no heartbeat). */
  nodes(): Promise<NodeView[]>;
  /** How many messages are in each state. */
  messagesByState(): Promise<Array<{ state: MessageState; count: number }>>;
  /** How many messages each scope has in each state, by scope. */
  messagesByScope(): Promise<Array<{ scope: string; state: MessageState; count: number }>>;
  /** How many messages each scope holds, by the reason they are held. */
  heldByScope(): Promise<Array<{ scope: string; reason: string | null; count: number }>>;
}

export function createClusterStatus({ db, clock }: { db: Kysely<Database>; clock: Clock }): ClusterStatus {
  return {
    nodes: () => listNodes(db, clock.now()),
    async messagesByState() {
      const rows = await db
        .selectFrom('messages')
        .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('state')
        .execute();
      return rows.map((row) => ({ state: row.state, count: Number(row.n) }));
    },
    async messagesByScope() {
      const rows = await db
        .selectFrom('messages')
        .select(['scope_id', 'state', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(['scope_id', 'state'])
        .orderBy('scope_id')
        .execute();
      return rows.map((row) => ({ scope: row.scope_id, state: row.state, count: Number(row.count) }));
    },
    async heldByScope() {
      const rows = await db
        .selectFrom('messages')
        .select(['scope_id', 'held_reason', (eb) => eb.fn.countAll<number>().as('count')])
        .where('state', '=', 'held')
        .groupBy(['scope_id', 'held_reason'])
        .execute();
      return rows.map((row) => ({ scope: row.scope_id, reason: row.held_reason, count: Number(row.count) }));
    },
  };
}
