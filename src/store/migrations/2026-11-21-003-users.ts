import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// One users table serves both sign-in accounts and notification members: a member may have no
// password (notified only); an administrator has one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('locale', 'varchar(35)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('disabled_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Emails are stored lower-cased; one account per address in a scope.
  await db.schema.createIndex('users_scope_email').unique().on('users').columns(['scope_id', 'email']).execute();
}
