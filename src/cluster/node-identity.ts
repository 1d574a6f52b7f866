import type { Kysely } from 'kysely';
import type { Database, NodeRow } from '../store/schema.js';
import type { NodeRole } from './nodes.js';

/** A node is alive while its heartbeat is younger than this. */
export const nodeStaleAfterMs = 30_000;

/** Where this process runs: what tells its own earlier incarnations from other live processes. */
export interface ThisProcess {
  hostname: string;
  pid: number;
}

/** Identities tried after the configured one: `<identity>#2` … `#100`. */
const maxSlots = 100;

/** The identities this process holds (tests run several Herald instances in one process). */
const heldHere = new Set<string>();

/**
 * Whether the process behind a registered node may still be running. On this host the answer is
 * certain: its pid is checked (our own pid is this process only while it holds the identity, else
 * an earlier incarnation in another pid namespace: a restarted container). For another host only
 * the heartbeat can tell.
 */
export function mayStillRun(
  node: Pick<NodeRow, 'id' | 'hostname' | 'pid' | 'heartbeat_at' | 'stopped_at'>,
  here: ThisProcess,
  now: number,
): boolean {
  if (node.stopped_at !== null) return false;
  if (node.hostname === here.hostname) return node.pid === here.pid ? heldHere.has(node.id) : processExists(node.pid);
  return now - node.heartbeat_at <= nodeStaleAfterMs;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Registers this process under `identity`, taking it over from an earlier holder that is gone (a
 * restart, after a crash too), or under the first free `<identity>#n` while another live process
 * holds it (several nodes sharing host, role and data directory). The row is taken with a
 * compare-and-set, so two nodes starting together never get the same identity.
 *
 * @example const id = await claimNodeIdentity(db, { identity: 'web1:all:3f2a9c1d', role: 'all', hostname: 'web1', pid: 4242, version: '0.1.0', now });
 */
export async function claimNodeIdentity(
  db: Kysely<Database>,
  node: ThisProcess & { identity: string; role: NodeRole; version: string; now: number },
): Promise<string> {
  const row = {
    role: node.role,
    hostname: node.hostname,
    pid: node.pid,
    version: node.version,
    started_at: node.now,
    heartbeat_at: node.now,
    stopped_at: null,
    in_flight: 0,
    sent: 0,
    failed: 0,
  };
  for (let slot = 1; slot <= maxSlots; slot += 1) {
    const id = slot === 1 ? node.identity : `${node.identity}#${slot}`;
    // Held, or being claimed, by this very process. Marked before the first read: another claim
    // here that read the row between our write and our return would take it for an earlier
    // incarnation of ours (same pid, not held) and take it over.
    if (heldHere.has(id)) continue;
    heldHere.add(id);
    if (await claimSlot(db, id, row, node)) return id;
    heldHere.delete(id);
  }
  throw new Error(`no free node identity: ${maxSlots} live processes hold ${node.identity} and its numbered variants`);
}

/** Takes `id`: a free row is inserted, a row whose process is gone is taken over (compare-and-set on its holder). */
async function claimSlot(
  db: Kysely<Database>,
  id: string,
  row: Omit<NodeRow, 'id'>,
  here: ThisProcess & { now: number },
): Promise<boolean> {
  const holder = await db.selectFrom('nodes').selectAll().where('id', '=', id).executeTakeFirst();
  if (holder === undefined) {
    const inserted = await db
      .insertInto('nodes')
      .values({ id, ...row })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  // Our own pid on a row this process did not hold before this claim: an earlier incarnation (a
  // restarted container). mayStillRun would read it as held, since the claim marked it.
  const earlierSelf = holder.hostname === here.hostname && holder.pid === here.pid;
  if (!earlierSelf && mayStillRun(holder, here, here.now)) return false;
  const taken = await db
    .updateTable('nodes')
    .set(row)
    .where('id', '=', id)
    .where('pid', '=', holder.pid)
    .where('started_at', '=', holder.started_at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** This process no longer holds `id` (it stopped). */
export function releaseNodeIdentity(id: string): void {
  heldHere.delete(id);
}
