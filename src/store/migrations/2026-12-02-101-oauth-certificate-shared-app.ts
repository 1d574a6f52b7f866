import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// OAuth2 connections gain a certificate credential (Microsoft app-only: the certificate in the
// clear, its private key sealed) and the system's app shared with tenants: the system's row says
// whether it shares, a tenant's row whether it signs in with the system's app (whose credentials
// are read from the system's row at token time, never copied). One column per statement: SQLite
// adds a single column per ALTER TABLE.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oauth_connections').addColumn('certificate_pem', 'text').execute();
  await db.schema.alterTable('oauth_connections').addColumn('private_key_enc', 'text').execute();
  await db.schema
    .alterTable('oauth_connections')
    .addColumn('shares_app', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('oauth_connections')
    .addColumn('uses_system_app', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['uses_system_app', 'shares_app', 'private_key_enc', 'certificate_pem'])
    await db.schema.alterTable('oauth_connections').dropColumn(column).execute();
}
