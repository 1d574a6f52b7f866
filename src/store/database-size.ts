import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

/**
 * How many bytes the database takes: SQLite's pages in use (page_count × page_size; the WAL file
 * comes and goes with checkpoints), or PostgreSQL's `pg_database_size` of the current database.
 *
 * @example
 * const bytes = await databaseSize(store.db, store.dialect);
 */
export async function databaseSize(db: Kysely<Database>, dialect: StoreDialect): Promise<number> {
  if (dialect.name === 'postgres') {
    const { rows } = await sql<{ bytes: string | number }>`select pg_database_size(current_database()) as bytes`.execute(db);
    return Number(rows[0]!.bytes);
  }
  const { rows } = await sql<{
    bytes: number;
  }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(db);
  return Number(rows[0]!.bytes);
}
