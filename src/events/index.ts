export { createEventLog, type EventLog, type EventRecord } from './event-record.js';
export { createIngest, type Ingest } from './ingest.js';
export type { EventInput } from './event-input.js';
