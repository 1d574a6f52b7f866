import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026-11-21-001-initial.js';
import * as cluster from './migrations/2026-11-21-002-cluster.js';
import * as users from './migrations/2026-11-21-003-users.js';
import * as accounts from './migrations/2026-11-21-004-accounts.js';
import * as rules from './migrations/2026-11-21-005-rules.js';
import * as auditAppendOnly from './migrations/2026-11-21-006-audit-append-only.js';
import * as dueScopes from './migrations/2026-12-01-104-due-scopes.js';
import * as queueControl from './migrations/2026-12-01-105-queue-control.js';
import * as retentionIndexes from './migrations/2026-12-01-106-retention-indexes.js';
import * as oauth from './migrations/2026-12-01-101-oauth.js';
import * as sendApi from './migrations/2026-12-01-102-send-api.js';
import * as serverBackoff from './migrations/2026-12-01-103-server-backoff.js';
import * as ntlm from './migrations/2026-12-02-101-ntlm.js';
import * as oauthCertificateSharedApp from './migrations/2026-12-02-101-oauth-certificate-shared-app.js';
import * as providerLimits from './migrations/2026-12-02-107-provider-limits.js';
import * as dueScopesNewcomers from './migrations/2026-12-02-110-due-scopes-newcomers.js';
import * as messageBodies from './migrations/2026-12-03-101-message-bodies.js';
import * as sendingIndex from './migrations/2026-12-03-102-sending-index.js';
import type { Database } from './schema.js';

const migrations: Record<string, Migration> = {
  '2026-11-21-001-initial': initial,
  '2026-11-21-002-cluster': cluster,
  '2026-11-21-003-users': users,
  '2026-11-21-004-accounts': accounts,
  '2026-11-21-005-rules': rules,
  '2026-11-21-006-audit-append-only': auditAppendOnly,
  '2026-12-01-104-due-scopes': dueScopes,
  '2026-12-01-105-queue-control': queueControl,
  '2026-12-01-106-retention-indexes': retentionIndexes,
  '2026-12-01-101-oauth': oauth,
  '2026-12-01-102-send-api': sendApi,
  '2026-12-01-103-server-backoff': serverBackoff,
  '2026-12-02-101-ntlm': ntlm,
  '2026-12-02-101-oauth-certificate-shared-app': oauthCertificateSharedApp,
  '2026-12-02-107-provider-limits': providerLimits,
  '2026-12-02-110-due-scopes-newcomers': dueScopesNewcomers,
  '2026-12-03-101-message-bodies': messageBodies,
  '2026-12-03-102-sending-index': sendingIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema to the newest version. Throws (so the CLI exits non-zero) when any
 * migration fails; a failed migration leaves the database at the last good one.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Every migration this version of Herald knows, oldest first (their names sort by date). */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/**
 * Brings the schema to the named migration and no further (the upgrade tests build a database at
 * an earlier release's schema with it). Throws when the name is unknown or a migration fails.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  if (!(name in migrations)) throw new Error(`no migration named ${name}`);
  const { error, results } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** The migrations applied to a database, oldest first; empty for a database Herald never migrated. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}
