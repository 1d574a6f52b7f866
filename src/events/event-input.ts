/** An event as an application reports it. */
export interface EventInput {
  type: string;
  /** The tenant the event belongs to; omitted for the system scope. */
  tenant?: string;
  severity?: 'info' | 'warning' | 'critical';
  data?: Record<string, unknown>;
  /** Explicit recipients; when omitted, the scope's admin recipients. */
  recipients?: string[];
  idempotencyKey?: string;
}

/** What the ingest answered for one event. */
export interface IngestResult {
  eventId: string;
  scope: string;
  outcome: 'queued' | 'suppressed';
  reason?: string;
  messages: Array<{ id: string; recipient: string; messageId: string }>;
  /** True when the idempotency key matched an earlier, identical request. */
  replayed: boolean;
}
