import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Database, EventOutcome } from '../store/schema.js';

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
  const notes = await db.selectFrom('event_notes').select(['kind', 'code', 'recipient', 'message']).where('event_id', '=', event.id).orderBy('id').execute();
  return {
    id: event.id, scope: event.scope_id, type: event.type, severity: event.severity, data: JSON.parse(event.data) as Record<string, unknown>,
    outcome: event.outcome, reason: event.outcome_reason, createdAt: Number(event.created_at), notes,
  };
}

/** The accepted events of one database, read back. */
export interface EventLog {
  /** One event with its notes; `scope` restricts it to that scope (another scope's is `not_found`). */
  get(id: string, scope: string | undefined): Promise<EventRecord>;
}

export function createEventLog({ db }: { db: Kysely<Database> }): EventLog {
  return { get: (id, scope) => getEventRecord(db, id, scope) };
}
