import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Work a caller adds to a change's own transaction, after the change and with its result: the
 * audit entry that records it, so the change and its record commit together or not at all.
 *
 * @example
 * const recordRename: AlongWith<{ before: { name: string }; after: { name: string } }> = (trx, { before, after }) =>
 *   trx.updateTable('scopes').set({ updated_at: now }).where('name', '=', before.name).where('name', '!=', after.name).execute();
 */
export type AlongWith<T> = (trx: Transaction<Database>, result: T) => Promise<unknown>;

/** Runs `work` in a transaction, or in the caller's when `db` already is one (Kysely does not nest them). */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
