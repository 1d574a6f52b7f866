import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// A mail server (one scope's settings version) marked down after connection-level failures: one
// probe per backoff step, its queue waits without attempts (src/delivery/sending/server-backoff.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('server_backoff')
    .addColumn('scope_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('down_since', 'bigint', (c) => c.notNull())
    .addColumn('retry_at', 'bigint', (c) => c.notNull())
    .addColumn('probe_until', 'bigint')
    .addColumn('last_failure', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('server_backoff_pk', ['scope_id', 'settings_version'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_backoff').execute();
}
