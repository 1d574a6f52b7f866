import type { RuleInput } from '../notifications/index.js';

/**
 * An event as an application reports it: what the notification rules read (type, severity, data,
 * explicit recipients, the user it concerns, alert fields: dedupKey, status, group, labels), plus
 * where it belongs and its idempotency key.
 */
export interface EventInput extends RuleInput {
  /** The tenant the event belongs to; omitted for the system scope. */
  tenant?: string;
  idempotencyKey?: string;
}

/** What the ingest answered for one event. */
export interface IngestResult {
  eventId: string;
  scope: string;
  outcome: 'queued' | 'suppressed' | 'grouped';
  reason?: string;
  messages: Array<{ id: string; recipient: string; messageId: string }>;
  /** True when the idempotency key matched an earlier, identical request. */
  replayed: boolean;
}
