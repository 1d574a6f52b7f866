import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { EventInput } from '../events/event-input.js';
import type { Ingest } from '../events/ingest.js';
import { loadSettings } from '../notifications/index.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Database } from '../store/schema.js';
import { checkDeliveryFailing } from './delivery-failing.js';
import type { HostSampler } from './host-sampler.js';
import { thresholdTracker, type ThresholdTracker } from './threshold-tracker.js';
import { repeatEvery } from '../shared/repeat.js';

export interface MonitorDeps {
  db: Kysely<Database>;
  clock: Clock;
  ingest: Ingest;
  sampler: HostSampler;
  log: Logger;
  intervalMs: number;
  holdMs: number;
  hysteresis: number;
  /** Sample the host (HERALD_MONITOR); the delivery check runs either way. */
  sampleHost: boolean;
  /** How long a scope's mail must fail or be deferred before "mail delivery failing". */
  deliveryFailingAfterMs: number;
}

/** The host and delivery watch, run on a timer or by hand. */
export interface Monitor {
  /** Samples once, checks delivery, and submits what changed (tests call it with injected samples and clock). */
  tick(): Promise<EventInput[]>;
  /** Runs `tick` every interval until stopped. */
  start(): void;
  stop(): void;
}

/**
 * Samples the host and turns threshold crossings (system scope thresholds; 0 disables) into
 * `host.cpu`, `host.memory` and `host.disk` alert events through the ingest, like API events;
 * and watches every scope's delivery for "mail delivery failing" (./delivery-failing.ts).
 */
export function createMonitor(deps: MonitorDeps): Monitor {
  const host = hostname();
  const trackers = new Map<string, ThresholdTracker>();
  let stopTimer: (() => void) | undefined;

  async function sampleHost(): Promise<EventInput[]> {
    const sample = await deps.sampler();
    const { thresholds } = (await loadSettings(deps.db, 'system')).effective;
    const now = deps.clock.now();
    const readings = [
      { type: 'host.cpu', key: 'cpu', value: sample.cpu, threshold: thresholds.cpu, path: undefined as string | undefined },
      { type: 'host.memory', key: 'memory', value: sample.memory, threshold: thresholds.memory, path: undefined },
      ...sample.disks.map((disk) => ({
        type: 'host.disk',
        key: `disk:${disk.path}`,
        value: disk.usage,
        threshold: thresholds.disk,
        path: disk.path,
      })),
    ];
    const events: EventInput[] = [];
    for (const reading of readings) {
      let tracker = trackers.get(reading.key);
      if (!tracker) trackers.set(reading.key, (tracker = thresholdTracker()));
      const change = tracker.observe(reading.value, reading.threshold, now, { holdMs: deps.holdMs, hysteresis: deps.hysteresis });
      if (!change) continue;
      events.push({
        type: reading.type,
        severity: 'warning',
        status: change,
        dedupKey: `host:${host}:${reading.key}`,
        labels: { host, ...(reading.path ? { path: reading.path } : {}) },
        data: { host, value: reading.value, threshold: reading.threshold, ...(reading.path ? { path: reading.path } : {}) },
      });
    }
    if (events.length > 0) await deps.ingest.submit(events);
    return events;
  }

  async function tick(): Promise<EventInput[]> {
    const host = deps.sampleHost ? await sampleHost() : [];
    const delivery = await checkDeliveryFailing(
      { db: deps.db, ingest: deps.ingest, afterMs: deps.deliveryFailingAfterMs },
      deps.clock.now(),
    );
    return [...host, ...delivery];
  }

  return {
    tick,
    start(): void {
      stopTimer = repeatEvery(
        deps.intervalMs,
        () => tick(),
        (error: unknown) => deps.log.warn({ err: error }, 'host monitor tick failed'),
      );
    },
    stop(): void {
      stopTimer?.();
    },
  };
}
