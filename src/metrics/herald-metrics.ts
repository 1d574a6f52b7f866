import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { createQueueSnapshot } from './queue-snapshot.js';
import { createTenantLabels } from './tenant-labels.js';

/** One delivery attempt as the metrics count it. */
export interface AttemptSample {
  scope: string;
  /** The provider of the settings it was sent with (`smtp`, `builtin`, …); `none` when there were none. */
  provider: string;
  outcome: 'sent' | 'retry' | 'failed' | 'ambiguous';
  /** Why it did not succeed (`auth`, `tls`, `connect`, `rejected`, `throttled`, `ambiguous`, `other`); `none` when sent. */
  reason: string;
  /** For a sent message: from the event's acceptance to the server's acceptance, in milliseconds. */
  latencyMs?: number;
}

/** This node's metrics: what its delivery worker and token service count, and the queue. */
export interface HeraldMetrics {
  /** The Prometheus registry `/metrics` serves (with the node's other gauges). */
  readonly registry: Registry;
  /** Counts one delivery attempt (and, when sent, its latency). */
  deliveryAttempt(sample: AttemptSample): void;
  /** Counts a failed OAuth token refresh of a scope's mail server (`provider`: `gmail`, `microsoft365`, …). */
  tokenRefreshFailed(labels: { scope: string; provider: string }): void;
}

/** Latency buckets in seconds: from a quick local relay to a message retried for a day. */
const latencyBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600];

/**
 * The node's metrics. Tenants beyond the busiest `topTenants` share the scope label `other`
 * (see `createTenantLabels`), so a thousand tenants cost a bounded number of series. The queue
 * gauges read the database through a snapshot kept `queueCacheMs`.
 *
 * @example
 * const metrics = createHeraldMetrics({ db, clock, topTenants: 20 });
 * metrics.deliveryAttempt({ scope: 'acme', provider: 'smtp', outcome: 'sent', reason: 'none', latencyMs: 820 });
 */
export function createHeraldMetrics(options: {
  db: Kysely<Database>;
  clock: Clock;
  topTenants: number;
  queueCacheMs?: number;
}): HeraldMetrics {
  const registry = new Registry();
  const queue = createQueueSnapshot(options.db, options.queueCacheMs ?? 5000);
  // The series each labelled tenant has, so a tenant that loses its label loses them too.
  const series = new Map<string, Map<string, () => void>>();
  const labels = createTenantLabels({
    topTenants: options.topTenants,
    onEvict(tenant) {
      for (const remove of series.get(tenant)?.values() ?? []) remove();
      series.delete(tenant);
    },
  });
  const track = (scope: string, key: string, remove: () => void) => {
    if (scope === 'other') return;
    const own = series.get(scope) ?? new Map<string, () => void>();
    series.set(scope, own);
    if (!own.has(key)) own.set(key, remove);
  };

  const attempts = new Counter({
    name: 'herald_delivery_attempts_total',
    help: 'Delivery attempts made by this node, by scope, provider, outcome (sent, retry, failed, ambiguous) and reason class',
    labelNames: ['scope', 'provider', 'outcome', 'reason'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'herald_delivery_latency_seconds',
    help: 'From an event being accepted to its message being accepted by the mail server, retries included',
    labelNames: ['scope', 'provider'] as const,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const refreshFailures = new Counter({
    name: 'herald_oauth_token_refresh_failures_total',
    help: 'OAuth access-token refreshes of a mail server that failed, on this node',
    labelNames: ['scope', 'provider'] as const,
    registers: [registry],
  });
  // Both queue gauges are set from one snapshot; a scrape collects them concurrently, so each
  // waits for the same refresh.
  let refreshing: Promise<void> | undefined;
  const refreshQueue = () => {
    refreshing ??= setQueueGauges().finally(() => (refreshing = undefined));
    return refreshing;
  };
  const depth = new Gauge({
    name: 'herald_queue_messages',
    help: 'Messages waiting by scope and state (queued, deferred, held, sending), read from the database: the whole cluster',
    labelNames: ['scope', 'state'] as const,
    registers: [registry],
    collect: refreshQueue,
  });
  const oldest = new Gauge({
    name: 'herald_queue_oldest_age_seconds',
    help: 'Age of the oldest waiting message by scope and state, since its event was accepted: the whole cluster',
    labelNames: ['scope', 'state'] as const,
    registers: [registry],
    collect: refreshQueue,
  });

  async function setQueueGauges(): Promise<void> {
    const now = options.clock.now();
    const rows = await queue.read(now);
    const sizes = new Map<string, number>();
    for (const row of rows) sizes.set(row.scope, (sizes.get(row.scope) ?? 0) + row.count);
    labels.setQueued(sizes);
    const merged = new Map<string, { scope: string; state: string; count: number; oldestAt: number }>();
    for (const row of rows) {
      const scope = labels.labelOf(row.scope);
      const key = `${scope}\u0000${row.state}`;
      const entry = merged.get(key);
      if (entry) Object.assign(entry, { count: entry.count + row.count, oldestAt: Math.min(entry.oldestAt, row.oldestAt) });
      else merged.set(key, { scope, state: row.state, count: row.count, oldestAt: row.oldestAt });
    }
    depth.reset();
    oldest.reset();
    for (const entry of merged.values()) {
      depth.set({ scope: entry.scope, state: entry.state }, entry.count);
      oldest.set({ scope: entry.scope, state: entry.state }, Math.max(0, (now - entry.oldestAt) / 1000));
    }
  }

  return {
    registry,
    deliveryAttempt(sample) {
      labels.add(sample.scope);
      const scope = labels.labelOf(sample.scope);
      const counted = { scope, provider: sample.provider, outcome: sample.outcome, reason: sample.reason };
      attempts.inc(counted);
      track(scope, `a:${sample.provider}:${sample.outcome}:${sample.reason}`, () => attempts.remove(counted));
      if (sample.latencyMs !== undefined) {
        latency.observe({ scope, provider: sample.provider }, Math.max(0, sample.latencyMs) / 1000);
        track(scope, `l:${sample.provider}`, () => latency.remove({ scope, provider: sample.provider }));
      }
    },
    tokenRefreshFailed({ scope: scopeId, provider }) {
      const scope = labels.labelOf(scopeId);
      refreshFailures.inc({ scope, provider });
      track(scope, `r:${provider}`, () => refreshFailures.remove({ scope, provider }));
    },
  };
}
