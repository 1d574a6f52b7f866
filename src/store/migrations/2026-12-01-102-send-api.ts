import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// How a scope's mail leaves: over SMTP (every provider), or over the provider's HTTP API
// (Microsoft Graph sendMail for microsoft365, the Gmail API for gmail).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_server_settings')
    .addColumn('api', 'varchar(16)', (c) => c.notNull().defaultTo('smtp'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_server_settings').dropColumn('api').execute();
}
