import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

/** One of Herald's tables as the database itself describes it (whatever migrations exist). */
export interface StoredTable {
  name: string;
  columns: string[];
  /** Primary key columns, in key order; empty when the table has none. */
  key: string[];
}

/** Kysely's own bookkeeping: each database keeps its own. */
const migratorTables = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Every table the migrations created, parents before the tables whose foreign keys point at them,
 * read from the database rather than from a list in code, so tables added by later migrations
 * are included without anyone remembering to.
 *
 * @example
 * for (const table of await storedTables(store.db, store.dialect)) console.log(table.name, table.columns.length);
 */
export async function storedTables(db: Kysely<Database>, dialect: StoreDialect): Promise<StoredTable[]> {
  const found = (await db.introspection.getTables()).filter((table) => !migratorTables.has(table.name));
  const tables = new Map<string, StoredTable>();
  for (const table of found)
    tables.set(table.name, {
      name: table.name,
      columns: table.columns.map((column) => column.name),
      key: await primaryKey(db, dialect, table.name),
    });
  const parents = await foreignKeyParents(db, dialect, [...tables.keys()]);
  const ordered: StoredTable[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) if (parent !== name && tables.has(parent)) place(parent, path);
    placed.add(name);
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) place(name, new Set());
  return ordered;
}

async function primaryKey(db: Kysely<Database>, dialect: StoreDialect, table: string): Promise<string[]> {
  const query =
    dialect.name === 'sqlite'
      ? sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`
      : sql<{ name: string }>`select kcu.column_name as name
          from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
          where tc.table_schema = current_schema() and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
          order by kcu.ordinal_position`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

async function foreignKeyParents(db: Kysely<Database>, dialect: StoreDialect, tables: string[]): Promise<Map<string, string[]>> {
  const parents = new Map<string, string[]>();
  if (dialect.name === 'sqlite') {
    for (const table of tables) {
      const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
      parents.set(
        table,
        rows.map((row) => row.table),
      );
    }
    return parents;
  }
  const { rows } = await sql<{ child: string; parent: string }>`select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'`.execute(db);
  for (const row of rows) parents.set(row.child, [...(parents.get(row.child) ?? []), row.parent]);
  return parents;
}
