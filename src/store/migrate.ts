import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026-11-21-001-initial.js';
import * as cluster from './migrations/2026-11-21-002-cluster.js';
import * as users from './migrations/2026-11-21-003-users.js';
import * as accounts from './migrations/2026-11-21-004-accounts.js';
import * as rules from './migrations/2026-11-21-005-rules.js';
import * as auditAppendOnly from './migrations/2026-11-21-006-audit-append-only.js';
import * as serverBackoff from './migrations/2026-12-01-103-server-backoff.js';
import type { Database } from './schema.js';

const migrations: Record<string, Migration> = {
  '2026-11-21-001-initial': initial,
  '2026-11-21-002-cluster': cluster,
  '2026-11-21-003-users': users,
  '2026-11-21-004-accounts': accounts,
  '2026-11-21-005-rules': rules,
  '2026-11-21-006-audit-append-only': auditAppendOnly,
  '2026-12-01-103-server-backoff': serverBackoff,
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
