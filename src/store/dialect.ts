import type { SelectQueryBuilder } from 'kysely';

/**
 * What differs between SQLite and PostgreSQL, kept here so domain queries stay dialect-neutral.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Locks the selected rows for a claim so concurrent claimers take disjoint sets. */
  lockForClaim<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
}

/** SQLite has one writer at a time, so a claim in a write transaction is already exclusive. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  lockForClaim: (query) => query,
};

/** PostgreSQL: concurrent claimers on any number of nodes skip each other's locked rows. */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  lockForClaim: (query) => query.forUpdate().skipLocked(),
};
