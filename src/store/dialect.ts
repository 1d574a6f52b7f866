import type { SelectQueryBuilder } from 'kysely';

/**
 * What differs between SQLite and PostgreSQL, kept here so domain queries stay dialect-neutral.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Appended to the claim's select (hand-written SQL, src/store/raw-query.ts) so concurrent
   * claimers take disjoint sets of rows.
   */
  readonly claimLockClause: string;
  /**
   * After `from messages` in the claim: SQLite's planner, given the statistics of many small
   * tenants, prefers the two-state index and sorts; the claim must walk messages_due_at.
   */
  readonly dueIndexHint: string;
  /** The same for a claim built with Kysely (the scheduler's due rows). */
  lockForClaim<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Locks the selected rows until the transaction ends, waiting for other holders (no skipping). */
  lockForUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
}

/** SQLite has one writer at a time, so a claim in a write transaction is already exclusive. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  claimLockClause: '',
  dueIndexHint: 'indexed by messages_due_at',
  lockForClaim: (query) => query,
  lockForUpdate: (query) => query,
};

/** PostgreSQL: concurrent claimers on any number of nodes skip each other's locked rows. */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  claimLockClause: 'for update skip locked',
  dueIndexHint: '',
  lockForClaim: (query) => query.forUpdate().skipLocked(),
  lockForUpdate: (query) => query.forUpdate(),
};
