import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// Notification rules: registered event types, per-scope settings and per-event overrides, member
// preferences, alert state with its due re-notify time, digests, silences, templates, and the
// notes (suppression reasons, template warnings) each event leaves.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_types')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('id', 'varchar(100)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_types_pk', ['scope_id', 'id'])
    .execute();

  // One row per scope; a null column inherits (tenant → system → built-in default).
  await db.schema
    .createTable('notification_settings')
    .addColumn('scope_id', 'varchar(64)', (c) => c.primaryKey().references('scopes.id').onDelete('cascade'))
    .addColumn('email_enabled', 'integer')
    .addColumn('cpu_threshold', 'integer')
    .addColumn('memory_threshold', 'integer')
    .addColumn('disk_threshold', 'integer')
    .addColumn('repeat_interval_ms', 'bigint')
    .addColumn('group_window_ms', 'bigint')
    .addColumn('branding', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_settings')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('enabled', 'integer')
    .addColumn('recipients', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_settings_pk', ['scope_id', 'event_type'])
    .execute();

  await db.schema
    .createTable('user_preferences')
    .addColumn('user_id', 'varchar(40)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_preferences_pk', ['user_id', 'event_type'])
    .execute();
  await db.schema.createIndex('user_preferences_type').on('user_preferences').columns(['event_type', 'enabled']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('dedup_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('severity', 'varchar(16)', (c) => c.notNull())
    .addColumn('group_key', 'varchar(200)')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_notified_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('last_event_id', 'varchar(40)', (c) => c.notNull())
    // The scheduler's due row: when to re-notify a still-firing alert (null: nothing due).
    .addColumn('next_notify_at', 'bigint')
    .addPrimaryKeyConstraint('alerts_pk', ['scope_id', 'dedup_key'])
    .execute();
  await db.schema.createIndex('alerts_due').on('alerts').columns(['next_notify_at']).execute();

  await db.schema
    .createTable('digests')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('group_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_event_id', 'varchar(40)')
    .execute();
  await db.schema.createIndex('digests_open').on('digests').columns(['scope_id', 'group_key', 'state']).execute();
  await db.schema.createIndex('digests_due').on('digests').columns(['state', 'due_at']).execute();
  await db.schema
    .createTable('digest_items')
    .addColumn('digest_id', 'varchar(40)', (c) => c.notNull().references('digests.id').onDelete('cascade'))
    .addColumn('event_id', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_items_pk', ['digest_id', 'event_id'])
    .execute();

  await db.schema
    .createTable('silences')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('silences_scope').on('silences').columns(['scope_id']).execute();

  await db.schema
    .createTable('templates')
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull().references('scopes.id').onDelete('cascade'))
    .addColumn('event_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('templates_pk', ['scope_id', 'event_type'])
    .execute();

  await db.schema
    .createTable('event_notes')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('event_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('scope_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(320)')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_notes_event').on('event_notes').columns(['event_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'event_notes',
    'templates',
    'silences',
    'digest_items',
    'digests',
    'alerts',
    'user_preferences',
    'event_settings',
    'notification_settings',
    'event_types',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
