import type { Kysely } from 'kysely';
import { AppError } from '../../shared/app-error.js';
import type { Database } from '../../store/schema.js';
import { inTransaction, type AlongWith } from '../../store/transaction.js';

/** A scope's pause state after a pause or resume; `changed` is false when it already was so. */
export interface PauseState {
  scope: string;
  paused: { at: string; by: string; reason: string | null } | null;
  changed: boolean;
}

const toPause = (row: { paused_at: number; paused_by: string; reason: string | null }) => ({
  at: new Date(Number(row.paused_at)).toISOString(),
  by: row.paused_by,
  reason: row.reason,
});

/** Throws `not_found` for a scope that does not exist. */
export async function requireScope(db: Kysely<Database>, scopeId: string): Promise<void> {
  const found = await db.selectFrom('scopes').select('id').where('id', '=', scopeId).executeTakeFirst();
  if (!found) throw new AppError('not_found', `No scope ${scopeId}.`);
}

async function readPause(db: Kysely<Database>, scopeId: string): Promise<PauseState['paused']> {
  const row = await db.selectFrom('paused_scopes').selectAll().where('scope_id', '=', scopeId).executeTakeFirst();
  return row ? toPause(row) : null;
}

/**
 * Pauses a scope's sending: its mail stays queued (the worker does not claim it) until resumed.
 * Pausing a paused scope changes nothing (its first pause stands). `along` runs in the same transaction.
 *
 * @example await pauseScope(db, 'acme', { by: 'cli', reason: 'the relay refuses our password', now: Date.now() });
 */
export async function pauseScope(
  db: Kysely<Database>,
  scopeId: string,
  pause: { by: string; reason: string | null; now: number },
  along?: AlongWith<PauseState>,
): Promise<PauseState> {
  return inTransaction(db, async (trx) => {
    await requireScope(trx, scopeId);
    const before = await readPause(trx, scopeId);
    if (!before)
      await trx
        .insertInto('paused_scopes')
        .values({ scope_id: scopeId, paused_by: pause.by, reason: pause.reason, paused_at: pause.now })
        .onConflict((oc) => oc.column('scope_id').doNothing())
        .execute();
    const state = { scope: scopeId, paused: before ?? (await readPause(trx, scopeId)), changed: before === null };
    await along?.(trx, state);
    return state;
  });
}

/** Resumes a paused scope's sending; resuming one that is not paused changes nothing. */
export async function resumeScope(db: Kysely<Database>, scopeId: string, along?: AlongWith<PauseState>): Promise<PauseState> {
  return inTransaction(db, async (trx) => {
    await requireScope(trx, scopeId);
    const result = await trx.deleteFrom('paused_scopes').where('scope_id', '=', scopeId).executeTakeFirst();
    const state = { scope: scopeId, paused: null, changed: Number(result.numDeletedRows) > 0 };
    await along?.(trx, state);
    return state;
  });
}

/** Every paused scope with who paused it, when and why. */
export async function pausedScopes(db: Kysely<Database>, onlyScope?: string): Promise<Map<string, NonNullable<PauseState['paused']>>> {
  let query = db.selectFrom('paused_scopes').selectAll();
  if (onlyScope !== undefined) query = query.where('scope_id', '=', onlyScope);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.scope_id, toPause(row)]));
}
