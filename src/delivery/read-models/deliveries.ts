import type { Kysely } from 'kysely';
import type { SettingsSecrets } from '../../scopes/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Database } from '../../store/schema.js';
import type { AlongWith } from '../../store/transaction.js';
import {
  getDelivery,
  listDeliveries,
  listFailures,
  retryDelivery,
  type DeliveryDetail,
  type DeliveryFilter,
  type DeliverySummary,
} from './history.js';
import { overview, type OverviewPage } from './overview.js';

export interface DeliveryPage {
  items: DeliverySummary[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}

/**
 * The delivery history and each scope's delivery health, read from the outbox, and resending a
 * message; wired once with the database, the clock and the settings secrets (a password that does
 * not open holds a scope's mail, and the overview says so). `scope` limits a call to one scope.
 */
export interface Deliveries {
  /** Messages newest first, with filters and a cursor. */
  list(filter: DeliveryFilter): Promise<DeliveryPage>;
  /** Failed messages and those deferred now, with their last reply. */
  failures(filter: Omit<DeliveryFilter, 'state'>): Promise<DeliveryPage>;
  /** One message with every attempt; `not_found` for an unknown id or another scope's. */
  get(id: string, scope?: string): Promise<DeliveryDetail>;
  /** Queues a failed or held message again, keeping its Message-ID; `along` runs in the same transaction. */
  retry(id: string, options?: { scope?: string; along?: AlongWith<DeliveryDetail> }): Promise<DeliveryDetail>;
  /** The system scope and a page of tenants (or only `onlyTenant`), with their delivery health now. */
  overview(page: { after?: string; limit: number; onlyTenant?: string }): Promise<OverviewPage & { generatedAt: string }>;
}

export function createDeliveries({
  db,
  clock,
  secrets,
}: {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Pick<SettingsSecrets, 'unreadable'>;
}): Deliveries {
  return {
    list: (filter) => listDeliveries(db, filter),
    failures: (filter) => listFailures(db, filter),
    get: (id, scope) => getDelivery(db, id, scope),
    retry: (id, options = {}) => retryDelivery(db, clock, id, options.scope, options.along),
    async overview(page) {
      const now = clock.now();
      return { generatedAt: new Date(now).toISOString(), ...(await overview(db, secrets, { ...page, now })) };
    },
  };
}
