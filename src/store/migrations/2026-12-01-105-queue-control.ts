import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// Queue control (herald queue …): a scope's sending paused by hand, and who cancelled a message and why
// (a purge marks messages `cancelled`, it never deletes them).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paused_scopes')
    .addColumn('scope_id', 'varchar(64)', (c) => c.primaryKey().references('scopes.id').onDelete('cascade'))
    .addColumn('paused_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('paused_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('messages').addColumn('cancelled_by', 'varchar(200)').execute();
  await db.schema.alterTable('messages').addColumn('cancel_reason', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('cancel_reason').execute();
  await db.schema.alterTable('messages').dropColumn('cancelled_by').execute();
  await db.schema.dropTable('paused_scopes').execute();
}
