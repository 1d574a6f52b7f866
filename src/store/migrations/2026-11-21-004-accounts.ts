import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// Sign-in sessions, scoped API tokens, counters for login and test-email limits, the SSRF
// allow-list, the one-time setup token and the hash-chained audit log.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey()) // SHA-256 of the cookie value
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // Tokens from before accounts were full administrator tokens of the system scope.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().defaultTo('system'))
    .execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo('["*"]'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('created_by', 'varchar(40)').execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'bigint').execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'bigint').execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_at', 'bigint').execute();
  await db.schema.createIndex('api_tokens_hash').unique().on('api_tokens').column('token_hash').execute();

  await db.schema
    .createTable('attempt_counters')
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attempt_counters_pk', ['key', 'window_start'])
    .execute();

  await db.schema
    .createTable('system_settings')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'varchar(120)', (c) => c.notNull())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('target', 'varchar(200)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_scope').on('audit_log').columns(['scope_id', 'seq']).execute();
  // One row: the newest entry. Appends lock it, so the chain has one order on every dialect, and
  // it lets the verifier notice entries cut from the end.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_head', 'audit_log', 'system_settings', 'attempt_counters', 'sessions'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('api_tokens_hash').execute();
  for (const column of ['revoked_at', 'last_used_at', 'expires_at', 'created_by', 'permissions', 'scope_id'])
    await db.schema.alterTable('api_tokens').dropColumn(column).execute();
}
