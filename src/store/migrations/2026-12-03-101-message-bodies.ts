import { sql, type Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// A message's text and HTML move to a table of their own (issue 14). Every delivery updates its
// message row twice (claimed, then its outcome), and SQLite rewrites a whole row, with its page,
// for any change: with the bodies in it, a row took about a page of its own (a 3 KB HTML email),
// and a drain wrote about 33 KB per message against 9 KB without them. The bodies are written once
// and read when the message is claimed or shown; nothing updates them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_bodies')
    .addColumn('message_id', 'varchar(40)', (c) => c.primaryKey().references('messages.id').onDelete('cascade'))
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .execute();
  await sql`insert into message_bodies (message_id, text_body, html_body) select id, text_body, html_body from messages`.execute(db);
  await db.schema.alterTable('messages').dropColumn('text_body').execute();
  await db.schema.alterTable('messages').dropColumn('html_body').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('text_body', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('messages').addColumn('html_body', 'text').execute();
  await sql`update messages set
      text_body = coalesce((select b.text_body from message_bodies b where b.message_id = messages.id), ''),
      html_body = (select b.html_body from message_bodies b where b.message_id = messages.id)`.execute(db);
  await db.schema.dropTable('message_bodies').execute();
}
