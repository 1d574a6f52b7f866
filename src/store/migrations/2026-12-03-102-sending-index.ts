import { sql, type Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// The lease index holds only the messages being sent (issue 14). messages_lease (state,
// lease_until) held every message, so each delivery moved its entry twice (queued → sending →
// sent); the partial index gets one entry at the claim and loses it at the outcome, and stays as
// small as what is in flight. Its readers (expired and orphaned leases) ask for `state = 'sending'`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('messages_lease').execute();
  await sql`create index messages_sending on messages (lease_until) where state = 'sending'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('messages_sending').execute();
  await db.schema.createIndex('messages_lease').on('messages').columns(['state', 'lease_until']).execute();
}
