import { CompiledQuery } from 'kysely';
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
