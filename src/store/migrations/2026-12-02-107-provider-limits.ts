import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// Per-mailbox daily caps (Gmail and Workspace: 2,000 messages a day): the setting, and the
// cluster-wide count of each mailbox's sends per UTC day (src/delivery/sending/daily-cap.ts).
// And when a sign-in granted a connection's refresh token, so a Google grant that dies about 7
// days later can be recognised as an app left in "Testing".
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_server_settings').addColumn('daily_limit', 'integer').execute();
  await db.schema
    .createTable('daily_sends')
    .addColumn('scope_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('mailbox', 'varchar(320)', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('sent', 'integer', (c) => c.notNull())
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_sends_pk', ['scope_id', 'mailbox', 'day'])
    .execute();
  await db.schema.alterTable('oauth_connections').addColumn('granted_at', 'bigint').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oauth_connections').dropColumn('granted_at').execute();
  await db.schema.dropTable('daily_sends').execute();
  await db.schema.alterTable('mail_server_settings').dropColumn('daily_limit').execute();
}
