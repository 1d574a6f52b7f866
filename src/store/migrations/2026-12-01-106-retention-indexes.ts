import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// The retention timer looks rows up by age alone (finished messages by state and last change,
// events by creation, the mailbox by arrival); without these it would scan whole tables.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('messages_state_updated').on('messages').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('events_created').on('events').column('created_at').execute();
  await db.schema.createIndex('mailbox_received').on('mailbox').column('received_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['mailbox_received', 'events_created', 'messages_state_updated']) await db.schema.dropIndex(index).execute();
}
