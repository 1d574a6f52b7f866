import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// OAuth2 connections per scope (the app's credentials, the sealed tokens, the cluster-wide refresh
// lease and the version a refresh compares and swaps on) and the sign-in flow's single-use states.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_connections')
    .addColumn('scope_id', 'varchar(64)', (c) => c.primaryKey().references('scopes.id').onDelete('cascade'))
    .addColumn('mode', 'varchar(32)', (c) => c.notNull())
    .addColumn('cloud', 'varchar(16)', (c) => c.notNull())
    .addColumn('directory_id', 'varchar(64)')
    .addColumn('client_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('client_secret_enc', 'text')
    .addColumn('service_key_enc', 'text')
    .addColumn('mailbox', 'varchar(320)', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('account', 'varchar(320)')
    .addColumn('granted_scopes', 'text')
    .addColumn('access_token_enc', 'text')
    .addColumn('refresh_token_enc', 'text')
    .addColumn('access_expires_at', 'bigint')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_refreshed_at', 'bigint')
    .addColumn('lease_owner', 'varchar(120)')
    .addColumn('lease_until', 'bigint')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_try_at', 'bigint')
    .addColumn('token_requests', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'varchar(64)', (c) => c.primaryKey()) // SHA-256 of the state
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('binding', 'varchar(80)', (c) => c.notNull()) // SHA-256 of the caller's session (or token id)
    .addColumn('verifier_enc', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('token_version', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
  await db.schema.dropTable('oauth_connections').execute();
}
