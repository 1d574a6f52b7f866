import type { Kysely } from 'kysely';
import { assertScope } from '../scopes/index.js';
import type { AlertRow, Database } from '../store/schema.js';
import type { Severity } from './catalogue.js';

/** An alert (events sharing a dedup key) as the API shows it; times in epoch milliseconds. */
export interface AlertView {
  dedupKey: string;
  type: string;
  status: 'firing' | 'resolved';
  severity: Severity;
  group: string | null;
  labels: Record<string, string>;
  firstSeenAt: number;
  lastSeenAt: number;
  lastNotifiedAt: number | null;
  resolvedAt: number | null;
  nextNotifyAt: number | null;
  lastEventId: string;
}

const orNull = (ms: number | null) => (ms === null ? null : Number(ms));

const toView = (row: AlertRow): AlertView => ({
  dedupKey: row.dedup_key,
  type: row.event_type,
  status: row.status,
  severity: row.severity,
  group: row.group_key,
  labels: JSON.parse(row.labels) as Record<string, string>,
  firstSeenAt: Number(row.first_seen_at),
  lastSeenAt: Number(row.last_seen_at),
  lastNotifiedAt: orNull(row.last_notified_at),
  resolvedAt: orNull(row.resolved_at),
  nextNotifyAt: orNull(row.next_notify_at),
  lastEventId: row.last_event_id,
});

/** Every scope's alerts. */
export interface Alerts {
  /** The scope's latest 500 alerts, most recently seen first, optionally only firing or only resolved ones. */
  list(scopeId: string, filter: { status?: 'firing' | 'resolved' }): Promise<AlertView[]>;
}

export function createAlerts({ db }: { db: Kysely<Database> }): Alerts {
  return {
    async list(scopeId, filter) {
      await assertScope(db, scopeId);
      let query = db.selectFrom('alerts').selectAll().where('scope_id', '=', scopeId);
      if (filter.status) query = query.where('status', '=', filter.status);
      const rows = await query.orderBy('last_seen_at', 'desc').limit(500).execute();
      return rows.map(toView);
    },
  };
}
