import { sql, type Kysely, type Transaction } from 'kysely';
import type { Store } from './database.js';
import { storedTables, type StoredTable } from './table-catalogue.js';
import type { Database } from './schema.js';

/** Rows read and written at a time, bounded so a batch stays under both dialects' parameter limits. */
const maxParametersPerStatement = 30_000;
const maxRowsPerBatch = 500;

/**
 * Copies every row of every table from one store to another, both at the same schema version,
 * in one transaction on the target (a failure leaves it as it was). Rows go as stored: secrets
 * stay ciphertext under the same master key, the audit log keeps its hashes and order (inserts
 * only: its append-only triggers refuse updates and deletes, not inserts). Rows the target's own
 * migrations seeded (the system scope, the audit head) are replaced by the source's.
 *
 * @example
 * declare const from: Store, to: Store;
 * const copied = await copyStore(from, to); // { scopes: 3, messages: 12000, … }
 */
export async function copyStore(from: Store, to: Store): Promise<Record<string, number>> {
  const tables = await storedTables(from.db, from.dialect);
  const targetTables = new Set((await storedTables(to.db, to.dialect)).map((table) => table.name));
  const missing = tables.filter((table) => !targetTables.has(table.name)).map((table) => table.name);
  if (missing.length > 0) throw new Error(`the target has no table ${missing.join(', ')}: both must be at the same schema version`);
  const copied: Record<string, number> = {};
  await to.db.transaction().execute(async (trx) => {
    for (const table of [...tables].reverse()) await clearSeededRows(trx, table.name);
    for (const table of tables) copied[table.name] = await copyTable(from.db, trx, table);
    if (to.dialect.name === 'postgres') await advanceSequences(trx);
  });
  return copied;
}

async function clearSeededRows(trx: Transaction<Database>, table: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
  if (Number(rows[0]!.n) > 0) await sql`delete from ${sql.table(table)}`.execute(trx);
}

async function copyTable(source: Kysely<Database>, trx: Transaction<Database>, table: StoredTable): Promise<number> {
  const batch = Math.max(1, Math.min(maxRowsPerBatch, Math.floor(maxParametersPerStatement / table.columns.length)));
  const columns = sql.join(table.columns.map((column) => sql.ref(column)));
  // One key column: pages follow the key (each page an index seek); otherwise pages by offset.
  const [single] = table.key.length === 1 ? table.key : [];
  const order = sql.join((table.key.length > 0 ? table.key : table.columns).map((column) => sql.ref(column)));
  let copied = 0;
  let after: unknown;
  for (let offset = 0; ; offset += batch) {
    const page =
      single === undefined
        ? sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} order by ${order} limit ${batch} offset ${offset}`
        : after === undefined
          ? sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)} order by ${sql.ref(single)} limit ${batch}`
          : sql<
              Record<string, unknown>
            >`select ${columns} from ${sql.table(table.name)} where ${sql.ref(single)} > ${after} order by ${sql.ref(single)} limit ${batch}`;
    const { rows } = await page.execute(source);
    if (rows.length === 0) break;
    const values = sql.join(rows.map((row) => sql`(${sql.join(table.columns.map((column) => row[column] ?? null))})`));
    await sql`insert into ${sql.table(table.name)} (${columns}) values ${values}`.execute(trx);
    copied += rows.length;
    if (single !== undefined) after = rows.at(-1)![single];
    if (rows.length < batch) break;
  }
  return copied;
}

/** A column filled from a sequence must continue after the copied rows, not collide with them. */
async function advanceSequences(trx: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`.execute(trx);
  for (const row of rows)
    await sql`select setval(pg_get_serial_sequence(${row.table_name}, ${row.column_name}), coalesce((select max(${sql.ref(row.column_name)}) from ${sql.table(row.table_name)}), 0) + 1, false)`.execute(
      trx,
    );
}
