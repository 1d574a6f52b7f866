import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Database, EventOutcome, EventTable } from '../store/schema.js';

/** An accepted event as stored, with the notes that say what the rules decided for it. */
export interface EventRecord {
  id: string;
  scope: string;
  type: string;
  severity: string;
  data: Record<string, unknown>;
  outcome: EventOutcome;
  reason: string | null;
  createdAt: number;
  notes: Array<{ kind: 'suppressed' | 'warning'; code: string; recipient: string | null; message: string }>;
}

/**
 * One event by id; `scope` restricts it to that scope, so another scope's event is `not_found`
 * exactly like one that does not exist.
 *
 * @example await getEventRecord(db, 'evt_01…', 'acme')
 */
export async function getEventRecord(db: Kysely<Database>, id: string, scope: string | undefined): Promise<EventRecord> {
  let query = db.selectFrom('events').selectAll().where('id', '=', id);
  if (scope !== undefined) query = query.where('scope_id', '=', scope);
  const event = await query.executeTakeFirst();
  if (!event) throw new AppError('not_found', `No event ${id} in this scope.`);
  const notes = await db
    .selectFrom('event_notes')
    .select(['kind', 'code', 'recipient', 'message'])
    .where('event_id', '=', event.id)
    .orderBy('id')
    .execute();
  return eventRecord(event, notes);
}

/** A stored event row and its notes, as the API shows them. */
function eventRecord(event: Selectable<EventTable>, notes: EventRecord['notes']): EventRecord {
  return {
    id: event.id,
    scope: event.scope_id,
    type: event.type,
    severity: event.severity,
    data: JSON.parse(event.data) as Record<string, unknown>,
    outcome: event.outcome,
    reason: event.outcome_reason,
    createdAt: Number(event.created_at),
    notes,
  };
}

export interface EventFilter {
  scope?: string;
  type?: string;
  outcome?: EventOutcome;
  since?: number;
  until?: number;
  /** The id of the last item of the previous page. */
  cursor?: string;
  limit: number;
}

/** An event in a list: its record, and the messages it made (recipient and state). */
export interface EventListItem extends EventRecord {
  messages: Array<{ id: string; recipient: string; state: string }>;
}

/**
 * Events newest first with what the rules decided for each (outcome, reason, notes) and the
 * messages they made: what happened to an event that sent nothing is here too.
 */
export async function listEventRecords(
  db: Kysely<Database>,
  filter: EventFilter,
): Promise<{ items: EventListItem[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.scope) query = query.where('scope_id', '=', filter.scope);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.since !== undefined) query = query.where('created_at', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('created_at', '<', filter.until);
  if (filter.cursor) query = query.where('id', '<', filter.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const ids = page.map((row) => row.id);
  const [notes, messages] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('event_notes')
            .select(['event_id', 'kind', 'code', 'recipient', 'message'])
            .where('event_id', 'in', ids)
            .orderBy('id')
            .execute(),
          db.selectFrom('messages').select(['id', 'event_id', 'recipient', 'state']).where('event_id', 'in', ids).orderBy('id').execute(),
        ]);
  return {
    items: page.map((event) => ({
      ...eventRecord(
        event,
        notes
          .filter((note) => note.event_id === event.id)
          .map(({ kind, code, recipient, message }) => ({ kind, code, recipient, message })),
      ),
      messages: messages.filter((message) => message.event_id === event.id).map(({ id, recipient, state }) => ({ id, recipient, state })),
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
  };
}

/** What became of a scope's events: how many were queued or grouped, and the suppressed ones by reason code. */
export interface EventOutcomes {
  queued: number;
  grouped: number;
  suppressed: Record<string, number>;
}

/**
 * Per scope, what became of its events since `since`: how many were queued or grouped, and the
 * suppressed ones by reason code (`no_recipients`, `silenced`…).
 */
export async function eventOutcomes(db: Kysely<Database>, scopeIds: readonly string[], since: number): Promise<Map<string, EventOutcomes>> {
  const outcomes = new Map<string, EventOutcomes>(scopeIds.map((id) => [id, { queued: 0, grouped: 0, suppressed: {} }]));
  if (scopeIds.length === 0) return outcomes;
  const rows = await db
    .selectFrom('events')
    .select(['scope_id', 'outcome', 'outcome_reason', (eb) => eb.fn.countAll<number>().as('count')])
    .where('scope_id', 'in', scopeIds)
    .where('created_at', '>=', since)
    .groupBy(['scope_id', 'outcome', 'outcome_reason'])
    .execute();
  for (const row of rows) {
    const scope = outcomes.get(row.scope_id)!;
    const count = Number(row.count);
    if (row.outcome === 'suppressed') {
      const code = (row.outcome_reason ?? 'unknown').split(':')[0]!.trim();
      scope.suppressed[code] = (scope.suppressed[code] ?? 0) + count;
    } else scope[row.outcome] += count;
  }
  return outcomes;
}

/** The accepted events of one database, read back. */
export interface EventLog {
  /** One event with its notes; `scope` restricts it to that scope (another scope's is `not_found`). */
  get(id: string, scope: string | undefined): Promise<EventRecord>;
  /** Events newest first, each with what the rules decided and the messages it made. */
  list(filter: EventFilter): Promise<{ items: EventListItem[]; nextCursor: string | null }>;
  /** Per scope, what became of its events since `since` (queued, grouped, suppressed by reason). */
  outcomes(scopeIds: readonly string[], since: number): Promise<Map<string, EventOutcomes>>;
}

export function createEventLog({ db }: { db: Kysely<Database> }): EventLog {
  return {
    get: (id, scope) => getEventRecord(db, id, scope),
    list: (filter) => listEventRecords(db, filter),
    outcomes: (scopeIds, since) => eventOutcomes(db, scopeIds, since),
  };
}
