import type { Kysely } from 'kysely';
import type { Ingest } from '../events/ingest.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { StoreDialect } from '../store/dialect.js';
import type { Database } from '../store/schema.js';
import { repeatEvery } from '../shared/repeat.js';

export interface SchedulerDeps {
  db: Kysely<Database>;
  dialect: StoreDialect;
  clock: Clock;
  ingest: Ingest;
  log: Logger;
  intervalMs: number;
  /** How long a claimed row stays with its node before another may take it (a crashed node's work). */
  leaseMs?: number;
}

const batch = 100;

/** Timed notification work (re-notifications and digests), run on a timer or by hand. */
export interface Scheduler {
  /** Runs whatever is due now (tests call it with an injected clock). */
  tick(): Promise<{ renotified: number; digests: number }>;
  /** Runs `tick` every interval until stopped. */
  start(): void;
  /** Stops the timer and waits for a running tick. */
  stop(): Promise<void>;
}

/**
 * Timed notification work as due rows in the database, claimed like the outbox (SKIP LOCKED on
 * PostgreSQL), so any node runs it and a crashed node's claims expire: re-notifications of
 * still-firing alerts (`alerts.next_notify_at`) and digests whose group window closed.
 * Both go through the ingest, so rules, silences and templates apply as for any event.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  let stopTimer: (() => void) | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function claimAlerts(now: number) {
    return deps.db.transaction().execute(async (trx) => {
      const due = await deps.dialect
        .lockForClaim(
          trx
            .selectFrom('alerts')
            .selectAll()
            .where('status', '=', 'firing')
            .where('next_notify_at', '<=', now)
            .orderBy('next_notify_at')
            .limit(batch),
        )
        .execute();
      for (const alert of due) {
        await trx
          .updateTable('alerts')
          .set({ next_notify_at: now + leaseMs })
          .where('scope_id', '=', alert.scope_id)
          .where('dedup_key', '=', alert.dedup_key)
          .execute();
      }
      return due;
    });
  }

  async function claimDigests(now: number) {
    return deps.db.transaction().execute(async (trx) => {
      const due = await deps.dialect
        .lockForClaim(
          trx
            .selectFrom('digests')
            .selectAll()
            .where('state', 'in', ['open', 'sending'])
            .where('due_at', '<=', now)
            .orderBy('due_at')
            .limit(batch),
        )
        .execute();
      for (const digest of due)
        await trx
          .updateTable('digests')
          .set({ state: 'sending', due_at: now + leaseMs })
          .where('id', '=', digest.id)
          .execute();
      return due;
    });
  }

  async function renotify(now: number): Promise<number> {
    const due = await claimAlerts(now);
    for (const alert of due) {
      await deps.ingest.submit([
        {
          type: alert.event_type,
          ...(alert.scope_id === 'system' ? {} : { tenant: alert.scope_id }),
          severity: alert.severity,
          data: JSON.parse(alert.data) as Record<string, unknown>,
          labels: JSON.parse(alert.labels) as Record<string, string>,
          dedupKey: alert.dedup_key,
          status: 'firing',
          ...(alert.group_key ? { group: alert.group_key } : {}),
          renotify: true,
          // A node that crashes after this commit leaves the claim to expire; the retry replays.
          idempotencyKey: `renotify:${alert.dedup_key}:${alert.next_notify_at}`,
        },
      ]);
    }
    return due.length;
  }

  async function sendDigests(now: number): Promise<number> {
    const due = await claimDigests(now);
    for (const digest of due) {
      const events = await deps.db
        .selectFrom('digest_items')
        .innerJoin('events', 'events.id', 'digest_items.event_id')
        .select(['events.type', 'events.severity', 'events.data', 'events.created_at'])
        .where('digest_items.digest_id', '=', digest.id)
        .orderBy('events.created_at')
        .execute();
      if (events.length > 0) {
        const alerts = events.map((event) => {
          const data = JSON.parse(event.data) as Record<string, unknown>;
          return {
            type: event.type,
            title: typeof data.title === 'string' ? data.title : event.type,
            severity: event.severity,
            status: 'firing',
            occurredAt: new Date(Number(event.created_at)).toISOString(),
            data,
          };
        });
        const recipients = JSON.parse(digest.recipients) as string[];
        for (let at = 0; at < recipients.length; at += 50) {
          await deps.ingest.submit([
            {
              type: events[0]!.type,
              ...(digest.scope_id === 'system' ? {} : { tenant: digest.scope_id }),
              severity: events[0]!.severity,
              recipients: recipients.slice(at, at + 50),
              data: { title: `${alerts.length} alerts in ${digest.group_key}`, group: digest.group_key, alerts },
              idempotencyKey: `digest:${digest.id}:${at}`,
            },
          ]);
        }
      }
      await deps.db.updateTable('digests').set({ state: 'sent' }).where('id', '=', digest.id).execute();
    }
    return due.length;
  }

  async function tick(): Promise<{ renotified: number; digests: number }> {
    const now = deps.clock.now();
    return { renotified: await renotify(now), digests: await sendDigests(now) };
  }

  return {
    tick(): Promise<{ renotified: number; digests: number }> {
      const next = running.then(tick);
      running = next.catch(() => undefined);
      return next;
    },
    start(): void {
      stopTimer = repeatEvery(
        deps.intervalMs,
        () => this.tick(),
        (error: unknown) => deps.log.warn({ err: error }, 'scheduler tick failed'),
      );
    },
    async stop(): Promise<void> {
      stopTimer?.();
      await running;
    },
  };
}
