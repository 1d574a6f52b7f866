import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { StoreDialect } from './dialect.js';

const numbered = new Map<string, string>();

/**
 * A hand-written statement for a hot path (the delivery worker's claims and outcomes): SQL text
 * with `?` placeholders, numbered `$1, $2, …` for PostgreSQL (once per text). It skips Kysely's
 * query building and compilation, which cost more than running these statements; the text must
 * stay dialect-neutral (what differs lives in StoreDialect). Run it with `db.executeQuery()`.
 *
 * @example await trx.executeQuery(rawQuery(dialect, 'update messages set state = ? where id = ?', ['sent', 'msg_1']));
 */
export function rawQuery<R = unknown>(dialect: StoreDialect, text: string, parameters: readonly unknown[]): CompiledQuery<R> {
  if (dialect.name === 'sqlite') return CompiledQuery.raw(text, parameters as unknown[]);
  let sql = numbered.get(text);
  if (sql === undefined) {
    let index = 0;
    sql = text.replace(/\?/g, () => `$${(index += 1)}`);
    if (numbered.size >= 1000) numbered.clear();
    numbered.set(text, sql);
  }
  return CompiledQuery.raw(sql, parameters as unknown[]);
}

/**
 * Inserts rows that share their columns (the first row's keys, names from code, never from input)
 * with raw multi-row statements of at most `chunk` rows: the ingest commit's events and messages,
 * where building the insert with Kysely cost more than SQLite's work. Few distinct texts (one per
 * row count up to `chunk`), so the prepared statements are reused.
 *
 * @example declare const rows: Array<{ id: string; scope_id: string }>; await insertMany(trx, dialect, 'events', rows);
 */
export async function insertMany(
  db: Pick<Kysely<Database>, 'executeQuery'>,
  dialect: StoreDialect,
  table: keyof Database & string,
  rows: readonly object[],
  chunk = 100,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += chunk) {
    const slice = rows.slice(at, at + chunk);
    const parameters: unknown[] = [];
    for (const row of slice) for (const column of columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
    const text = `insert into ${table} (${columns.join(', ')}) values ${Array.from(slice, () => tuple).join(', ')}`;
    await db.executeQuery(rawQuery(dialect, text, parameters));
  }
}
