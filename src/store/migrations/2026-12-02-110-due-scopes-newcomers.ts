import { sql, type Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// A newcomer lane for the claim (issue 14): `fresh` is 1 while a scope has not been served since
// it last became due (a row the triggers insert; their conflict path leaves the column alone), 0
// once a claim has served it. The claim takes the newest fresh scopes besides the longest waiting
// ones, so a tenant's first mail does not wait a whole round behind thousands of tenants with a
// backlog; due_scopes_fresh makes that an index walk of the few it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('due_scopes')
    .addColumn('fresh', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index due_scopes_fresh on due_scopes (due_at) where fresh = 1`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index due_scopes_fresh`.execute(db);
  await db.schema.alterTable('due_scopes').dropColumn('fresh').execute();
}
