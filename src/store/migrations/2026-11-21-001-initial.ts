import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scopes')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mail_server_version', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_server_settings')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('provider', 'varchar(16)', (c) => c.notNull())
    .addColumn('host', 'varchar(255)')
    .addColumn('port', 'integer')
    .addColumn('security', 'varchar(16)', (c) => c.notNull())
    .addColumn('tls_verify', 'integer', (c) => c.notNull())
    .addColumn('tls_ca', 'text')
    .addColumn('auth', 'varchar(16)', (c) => c.notNull())
    .addColumn('username', 'varchar(320)')
    .addColumn('password_enc', 'text')
    .addColumn('smtp_domain', 'varchar(255)')
    .addColumn('from_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('from_name', 'varchar(200)')
    .addColumn('reply_to', 'varchar(400)')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('apply_to_all_tenants', 'integer', (c) => c.notNull())
    .addColumn('pool_size', 'integer', (c) => c.notNull())
    .addColumn('rate_limit_per_second', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_server_settings_pk', ['scope_id', 'version'])
    .execute();

  await db.schema
    .createTable('scope_recipients')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('address', 'varchar(400)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scope_recipients_pk', ['scope_id', 'address'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('severity', 'varchar(16)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('explicit_recipients', 'text')
    .addColumn('idempotency_key', 'varchar(200)')
    .addColumn('request_hash', 'varchar(64)')
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_idempotency').unique().on('events').columns(['scope_id', 'idempotency_key']).execute();
  await db.schema.createIndex('events_scope_time').on('events').columns(['scope_id', 'created_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('event_id', 'varchar(40)', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('recipient', 'varchar(320)', (c) => c.notNull())
    .addColumn('recipient_name', 'varchar(200)')
    .addColumn('message_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('held_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('ambiguous_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'varchar(80)')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_stage', 'varchar(16)')
    .addColumn('last_reply_code', 'integer')
    .addColumn('last_reply', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('messages_due').on('messages').columns(['state', 'scope_id', 'next_attempt_at']).execute();
  await db.schema.createIndex('messages_lease').on('messages').columns(['state', 'lease_until']).execute();
  await db.schema.createIndex('messages_scope_id').on('messages').columns(['scope_id', 'id']).execute();
  await db.schema.createIndex('messages_event').on('messages').column('event_id').execute();

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('message_id', 'varchar(40)', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('stage', 'varchar(16)', (c) => c.notNull())
    .addColumn('reply_code', 'integer')
    .addColumn('reply', 'text')
    .addColumn('error_code', 'varchar(64)')
    .addColumn('settings_scope', 'varchar(64)')
    .addColumn('settings_version', 'integer')
    .addColumn('node_id', 'varchar(80)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attempts_message').on('attempts').columns(['message_id', 'number']).execute();

  await db.schema
    .createTable('mailbox')
    .addColumn('message_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('recipient', 'varchar(320)', (c) => c.notNull())
    .addColumn('sender', 'varchar(400)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('message_id_header', 'varchar(200)', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailbox_scope_time').on('mailbox').columns(['scope_id', 'received_at']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  const now = Date.now();
  await db
    .insertInto('scopes')
    .values({ id: 'system', kind: 'system', name: 'System', mail_server_version: 1, created_at: now, updated_at: now })
    .execute();
  // A fresh install works with no mail server: the built-in mailbox, inherited by every tenant.
  await db
    .insertInto('mail_server_settings')
    .values({
      scope_id: 'system',
      version: 1,
      provider: 'builtin',
      host: null,
      port: null,
      security: 'none',
      tls_verify: 1,
      tls_ca: null,
      auth: 'none',
      username: null,
      password_enc: null,
      smtp_domain: null,
      from_address: 'no-reply@herald.localhost',
      from_name: 'Herald',
      reply_to: null,
      enabled: 1,
      apply_to_all_tenants: 1,
      pool_size: 5,
      rate_limit_per_second: null,
      created_at: now,
    })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['api_tokens', 'mailbox', 'attempts', 'messages', 'events', 'scope_recipients', 'mail_server_settings', 'scopes']) {
    await db.schema.dropTable(table).execute();
  }
}
