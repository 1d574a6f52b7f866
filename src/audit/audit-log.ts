import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../store/schema.js';
import { inTransaction } from '../store/transaction.js';

export interface AuditEntry {
  actor: string;
  scopeId: string;
  action: string;
  target?: string | null;
  ip?: string | null;
  /** Never a secret: changed secrets appear only as "changed". */
  details?: Record<string, unknown>;
}

export const genesisHash = '0'.repeat(64);

/** The hash that chains an entry to the one before it; every stored field takes part. */
export function entryHash(row: Omit<AuditLogRow, 'hash'>): string {
  const fields = [row.seq, row.at, row.actor, row.scope_id, row.action, row.target, row.ip, row.details, row.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends one entry to the hash-chained, append-only log. The head row is updated first, which
 * locks it on PostgreSQL and serialises appends, so sequence numbers and the chain have one order.
 * Given a transaction, it appends inside it: the entry commits with the change it records, or
 * neither does.
 *
 * @example await appendAudit(db, now, { actor: 'user:usr_1', scopeId: 'acme', action: 'settings.save' });
 */
export async function appendAudit(db: Kysely<Database>, at: number, entry: AuditEntry): Promise<AuditLogRow> {
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .execute();
    const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const unhashed = {
      seq: Number(head.seq),
      at,
      actor: entry.actor,
      scope_id: entry.scopeId,
      action: entry.action,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: head.hash,
    };
    const row: AuditLogRow = { ...unhashed, hash: entryHash(unhashed) };
    await trx.insertInto('audit_log').values(row).execute();
    await trx.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
    return row;
  });
}

export interface AuditFilter {
  scope?: string;
  action?: string;
  /** One actor, or any of several (an empty list matches nothing). */
  actor?: string | readonly string[];
  since?: number;
  until?: number;
  /** The seq of the last item of the previous page. */
  cursor?: number;
  limit: number;
}

export interface AuditView {
  seq: number;
  at: string;
  actor: string;
  scope: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** Newest first, filtered; a tenant's administrators are given `scope` = their tenant. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<{ items: AuditView[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1);
  if (filter.scope) query = query.where('scope_id', '=', filter.scope);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (typeof filter.actor === 'string') query = query.where('actor', '=', filter.actor);
  else if (filter.actor) {
    if (filter.actor.length === 0) return { items: [], nextCursor: null };
    query = query.where('actor', 'in', filter.actor);
  }
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('at', '<', filter.until);
  if (filter.cursor !== undefined) query = query.where('seq', '<', filter.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((row) => ({
      seq: Number(row.seq),
      at: new Date(Number(row.at)).toISOString(),
      actor: row.actor,
      scope: row.scope_id,
      action: row.action,
      target: row.target,
      ip: row.ip,
      details: JSON.parse(row.details) as Record<string, unknown>,
      hash: row.hash,
    })),
    nextCursor: rows.length > filter.limit ? String(page[page.length - 1]!.seq) : null,
  };
}
