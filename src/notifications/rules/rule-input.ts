import type { Severity } from '../catalogue.js';

/** What the rules read from an event (a subset of the ingest's EventInput). */
export interface RuleInput {
  type: string;
  severity?: Severity;
  data?: Record<string, unknown>;
  /** Explicit recipients; when omitted, the type's audience. */
  recipients?: string[];
  /** The user the event concerns (id or email in the scope): the audience of `user` events. */
  user?: string;
  /** Makes the event an alert: one alert per (scope, dedupKey), deduplicated and re-notified. */
  dedupKey?: string;
  /** An alert's state; `resolved` sends the all-clear once. */
  status?: 'firing' | 'resolved';
  /** Alerts of one group arriving within the scope's group window share one digest (default: the type). */
  group?: string;
  /** Labels that silences match and templates read. */
  labels?: Record<string, string>;
  /** Set by the scheduler for the re-notification of a still-firing alert. */
  renotify?: boolean;
}
