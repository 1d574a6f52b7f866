import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// Claims that cost the batch, not the queue (issue 14):
// - messages_due_at: the due messages (queued or deferred) of a scope in time order, one index
//   range, so a claim walks exactly the rows it takes (the two-state index made SQLite read every
//   due row of the scope and sort them);
// - due_scopes: one row per scope that may have due work, `due_at` its place in the claim order, so
//   the claim reads the few scopes due first instead of every tenant. Triggers on messages keep it:
//   a message becoming due (inserted, deferred, retried, released, taken back) lowers its scope's
//   due_at to the message's time at most; only the claim raises it or removes the row
//   (src/delivery/sending/due-scopes.ts). On PostgreSQL the trigger holds a lock on the row it
//   relies on until its transaction ends, so a claim that re-reads the scope cannot miss it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index messages_due_at on messages (scope_id, next_attempt_at) where state in ('queued', 'deferred')`.execute(db);
  await db.schema
    .createTable('due_scopes')
    .addColumn('scope_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('due_scopes_due_at').on('due_scopes').columns(['due_at', 'scope_id']).execute();
  await sql`insert into due_scopes (scope_id, due_at)
    select scope_id, min(next_attempt_at) from messages where state in ('queued', 'deferred') group by scope_id`.execute(db);

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // One statement's due rows, per scope in key order (concurrent writers lock in the same order).
    // A row that already orders the scope early enough is only share-locked: concurrent writers to
    // one scope do not wait for each other, only for a claim that is re-reading the scope.
    await sql`create function due_scopes_note() returns trigger language plpgsql as $$
      declare
        due record;
      begin
        for due in
          select scope_id, min(next_attempt_at) as due_at from due_rows
            where state in ('queued', 'deferred') group by scope_id order by scope_id
        loop
          perform 1 from due_scopes d where d.scope_id = due.scope_id and d.due_at <= due.due_at for key share;
          if not found then
            insert into due_scopes (scope_id, due_at) values (due.scope_id, due.due_at)
              on conflict (scope_id) do update set due_at = excluded.due_at where excluded.due_at < due_scopes.due_at;
          end if;
        end loop;
        return null;
      end
    $$`.execute(db);
    await sql`create trigger messages_due_scopes_insert after insert on messages
      referencing new table as due_rows for each statement execute function due_scopes_note()`.execute(db);
    await sql`create trigger messages_due_scopes_update after update on messages
      referencing new table as due_rows for each statement execute function due_scopes_note()`.execute(db);
    return;
  }
  // SQLite has one writer at a time: no lock to take.
  for (const [name, event] of [
    ['messages_due_scopes_insert', 'insert'],
    ['messages_due_scopes_update', 'update of state, next_attempt_at'],
  ]) {
    await sql
      .raw(
        `create trigger ${name} after ${event} on messages when new.state in ('queued', 'deferred')
        begin
          insert into due_scopes (scope_id, due_at) values (new.scope_id, new.next_attempt_at)
            on conflict (scope_id) do update set due_at = excluded.due_at where excluded.due_at < due_scopes.due_at;
        end`,
      )
      .execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger messages_due_scopes_insert on messages`.execute(db);
    await sql`drop trigger messages_due_scopes_update on messages`.execute(db);
    await sql`drop function due_scopes_note()`.execute(db);
  } else {
    await sql`drop trigger messages_due_scopes_insert`.execute(db);
    await sql`drop trigger messages_due_scopes_update`.execute(db);
  }
  await db.schema.dropTable('due_scopes').execute();
  await sql`drop index messages_due_at`.execute(db);
}
