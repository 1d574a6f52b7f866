import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * How many bytes the database takes: SQLite's pages (the WAL file aside), or PostgreSQL's
 * `pg_database_size` of the current database.
 *
 * @example const bytes = await databaseSize(store.db);
 */
export async function databaseSize(db: Kysely<Database>): Promise<number> {
  const query =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<{ size: number | string }>`select pg_database_size(current_database()) as size`
      : sql<{ size: number | string }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`;
  const { rows } = await query.execute(db);
  return Number(rows[0]?.size ?? 0);
}
