import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StoreDialect } from '../../store/dialect.js';
import { rawQuery, statementShape } from '../../store/raw-query.js';

// The claim order across scopes lives in due_scopes (src/store/migrations/2026-12-01-104-due-scopes.ts):
// triggers on messages add a scope or move it earlier when a message becomes due; the claim reads
// the scopes due first (an index walk on due_at, whatever the number of tenants) and, after
// taking their messages, moves each to its next due time, at the earliest now (so scopes with a
// backlog take turns with a scope whose first message just arrived), or removes it. A served scope
// is no longer fresh (the newcomer lane below) until it leaves and becomes due again.

// A paused scope (queue pause) keeps its row, and so its place, until it is resumed.
const notPaused = 'scope_id not in (select scope_id from paused_scopes)';
/** The longest waiting scopes whose turn has come. */
const dueScopesSql = `select scope_id from due_scopes where due_at <= ? and ${notPaused} order by due_at limit ?`;
/**
 * The newcomer lane: the scopes that became due most recently and have not been served since
 * (fresh), newest first. Without it a tenant's first mail waits a whole round behind every tenant
 * with older mail; the other lane still serves the longest waiting, so no scope starves.
 */
const newcomersSql = `select scope_id from due_scopes where fresh = 1 and due_at <= ? and ${notPaused} order by due_at desc limit ?`;

/** How many scopes one claim looks at in each lane; the batch is shared between those with room. */
export const dueScopesPerClaim = 64;
export const newcomersPerClaim = 8;
/** The most scopes one claim serves. */
export const mostScopesPerClaim = newcomersPerClaim + dueScopesPerClaim;

/**
 * The scopes with due work: the newest not yet served, then the longest waiting. Reads at most
 * `newcomersPerClaim + dueScopesPerClaim` rows of due_scopes, never the messages or the scopes table.
 */
export async function dueScopes(trx: Transaction<Database>, dialect: StoreDialect, now: number): Promise<string[]> {
  const read = async (statement: string, limit: number) =>
    (await trx.executeQuery(rawQuery<{ scope_id: string }>(dialect, statement, [now, limit]))).rows.map((row) => row.scope_id);
  const newcomers = await read(newcomersSql, newcomersPerClaim);
  const longestWaiting = await read(dueScopesSql, dueScopesPerClaim);
  return [...new Set([...newcomers, ...longestWaiting])];
}

const list = (count: number) => Array.from({ length: count }, () => '?').join(', ');
const never = Number.MAX_SAFE_INTEGER;

// The rows are locked first, in a statement of their own (PostgreSQL; SQLite has one writer at a
// time), so the statements after it read with a snapshot taken once no writer of a due message for
// these scopes is still open: its trigger holds the row until it commits, and such a scope is
// skipped here and keeps its place.
const lockSql = (count: number, dialect: StoreDialect) =>
  `select scope_id from due_scopes where scope_id in (${list(count)}) ${dialect.claimLockClause}`;
const nextDueSql = (count: number) => `update due_scopes set fresh = 0, due_at = coalesce((select min(m.next_attempt_at) from messages m
    where m.state in ('queued', 'deferred') and m.scope_id = due_scopes.scope_id), ?) where scope_id in (${list(count)})`;
const dropEmptySql = (count: number) => `delete from due_scopes where due_at = ? and scope_id in (${list(count)})`;
const notBeforeNowSql = (count: number) => `update due_scopes set due_at = ? where due_at < ? and scope_id in (${list(count)})`;

/**
 * After a claim served `scopeIds`: each goes to its next due message's time, at the earliest
 * `now`, or leaves due_scopes when nothing of it is due any more. Index seeks only (one per
 * scope), whatever the backlog.
 */
export async function rescheduleScopes(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  scopeIds: readonly string[],
  now: number,
): Promise<void> {
  if (scopeIds.length === 0) return;
  const served = padded(dialect, scopeIds);
  const { rows } = await trx.executeQuery(rawQuery<{ scope_id: string }>(dialect, lockSql(served.length, dialect), served));
  if (rows.length === 0) return;
  const locked = padded(
    dialect,
    rows.map((row) => row.scope_id),
  );
  await trx.executeQuery(rawQuery(dialect, nextDueSql(locked.length), [never, ...locked]));
  await trx.executeQuery(rawQuery(dialect, dropEmptySql(locked.length), [never, ...locked]));
  await trx.executeQuery(rawQuery(dialect, notBeforeNowSql(locked.length), [now, now, ...locked]));
}

/** The ids for an `in` list of the statement's shape (`statementShape`): the last repeated, which changes nothing. */
function padded(dialect: StoreDialect, ids: readonly string[]): string[] {
  const shape = statementShape(dialect, ids.length, mostScopesPerClaim);
  return [...ids, ...Array.from({ length: shape - ids.length }, () => ids.at(-1)!)];
}
