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
 * Splits rows into the chunks to write them in, one multi-row statement each. On SQLite a chunk is
 * 64, 32 or 16 rows, or a tail of 1 to 8, so a statement shape has at most eleven texts: the
 * statement cache keeps every text it prepared, and a prepared insert of 100 rows holds about
 * 100 KB of SQLite's memory, so one text per row count (1 to 100, for events, messages, outcomes
 * and attempts) came to 20–40 MB. PostgreSQL prepares nothing by text (node-postgres sends each
 * query unnamed), so there a chunk is `max` rows and the statements are as few as can be.
 *
 * @example
 * import { sqliteDialect } from './dialect.js';
 * const rows = Array.from({ length: 37 }, (_, index) => index);
 * [...statementChunks(sqliteDialect, rows)].map((chunk) => chunk.length) // [32, 5]
 */
export function* statementChunks<T>(dialect: StoreDialect, rows: readonly T[], max = 100): Generator<T[]> {
  let size = dialect.name === 'sqlite' ? 64 : max;
  for (let at = 0; at < rows.length;) {
    const left = rows.length - at;
    if (dialect.name === 'sqlite' && left < size && left > 8) {
      size /= 2;
      continue;
    }
    yield rows.slice(at, at + size);
    at += Math.min(size, left);
  }
}

/**
 * How many items to write a statement for when it takes `count` of them (a claim's scopes, an `in`
 * list): on SQLite the next power of two, at most `max` (the caller pads the rest with items that
 * change nothing), so a statement has at most eight texts instead of one per count: the statement
 * cache keeps every text it prepared, and claims over every count of scopes from 1 to 72 (a union
 * of ranges, four `in` lists) added 17–18 MB of RSS that way, 9 MB padded. PostgreSQL prepares
 * nothing by text: `count` itself.
 *
 * @example
 * import { postgresDialect } from './dialect.js'; // sqliteDialect as in statementChunks' example
 * [statementShape(sqliteDialect, 5, 72), statementShape(sqliteDialect, 65, 72), statementShape(postgresDialect, 5, 72)] // [8, 72, 5]
 */
export function statementShape(dialect: StoreDialect, count: number, max: number): number {
  if (dialect.name !== 'sqlite' || count <= 1) return count;
  return Math.max(count, Math.min(2 ** Math.ceil(Math.log2(count)), max));
}

/**
 * Inserts rows that share their columns (the first row's keys, names from code, never from input)
 * with raw multi-row statements (`statementChunks`): the ingest commit's events and messages, where
 * building the insert with Kysely cost more than SQLite's work.
 *
 * @example declare const rows: Array<{ id: string; scope_id: string }>; await insertMany(trx, dialect, 'events', rows);
 */
export async function insertMany(
  db: Pick<Kysely<Database>, 'executeQuery'>,
  dialect: StoreDialect,
  table: keyof Database & string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const chunk of statementChunks(dialect, rows)) {
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
    const text = `insert into ${table} (${columns.join(', ')}) values ${Array.from(chunk, () => tuple).join(', ')}`;
    await db.executeQuery(rawQuery(dialect, text, parameters));
  }
}
