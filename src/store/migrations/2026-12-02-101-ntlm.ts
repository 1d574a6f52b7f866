import type { Kysely } from 'kysely';

// Frozen history: never edit a migration that has shipped; add a new one.
// NTLM sign-in (auth 'ntlm', on-premises Exchange): the account's Windows domain (NetBIOS or DNS
// name) and, optionally, the workstation name Herald announces. Null for every other auth mode.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_server_settings').addColumn('ntlm_domain', 'varchar(253)').execute();
  await db.schema.alterTable('mail_server_settings').addColumn('ntlm_workstation', 'varchar(15)').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_server_settings').dropColumn('ntlm_workstation').execute();
  await db.schema.alterTable('mail_server_settings').dropColumn('ntlm_domain').execute();
}
