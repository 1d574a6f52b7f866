import { createHash } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { parseMailbox } from '../shared/email-address.js';
import { newId } from '../shared/ids.js';
import { holdReason, resolveEffectiveSettings, systemScopeId, validateRecipientList } from '../scopes/index.js';
import type { Database, EventTable, MessageTable } from '../store/schema.js';
import type { EventInput, IngestResult } from './event-input.js';
import { renderPlain } from './render-plain.js';

export interface IngestDeps {
  db: Kysely<Database>;
  clock: Clock;
  messageIdDomain: string;
  /** Called after a commit that queued messages, to wake the delivery worker. */
  onQueued?: () => void;
}

interface Submission {
  inputs: EventInput[];
  resolve: (results: IngestResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Accepts events durably. Every event and its messages are written in one transaction before the
 * promise resolves. Submissions that arrive while a commit is running are grouped into the next
 * commit (group commit), so concurrent requests share one fsync without waiting for each other.
 *
 * @example const ingest = createIngest({ db, clock, messageIdDomain: 'herald.example' }); await ingest.submit([{ type: 'disk.threshold' }]);
 */
/** Rows of a commit, inserted together at its end (SQLite allows 32,766 parameters per statement). */
interface Rows {
  events: Insertable<EventTable>[];
  messages: Insertable<MessageTable>[];
  /** Per scope, why its mail cannot be sent now (null: it can), resolved once per commit. */
  holds: Map<string, Promise<string | null>>;
}

async function insertRows(trx: Transaction<Database>, rows: Rows): Promise<void> {
  for (let at = 0; at < rows.events.length; at += 500) await trx.insertInto('events').values(rows.events.slice(at, at + 500)).execute();
  for (let at = 0; at < rows.messages.length; at += 500) await trx.insertInto('messages').values(rows.messages.slice(at, at + 500)).execute();
}

export function createIngest(deps: IngestDeps) {
  let queue: Submission[] = [];
  let committing = false;

  async function commitQueued(): Promise<void> {
    committing = true;
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      try {
        const results = await deps.db.transaction().execute(async (trx) => {
          // Every accepted event of the group goes in with a few multi-row inserts.
          const rows: Rows = { events: [], messages: [], holds: new Map() };
          const outcomes: Array<IngestResult[] | AppError> = [];
          for (const submission of group) outcomes.push(await writeOrRefuse(trx, submission.inputs, rows));
          await insertRows(trx, rows);
          return outcomes;
        });
        group.forEach((submission, index) => settle(submission, results[index]!));
      } catch {
        // One submission broke the shared transaction (a race on an idempotency key between
        // nodes, say): commit each on its own so the others still go through.
        for (const submission of group) {
          try {
            settle(
              submission,
              await deps.db.transaction().execute(async (trx) => {
                const rows: Rows = { events: [], messages: [], holds: new Map() };
                const outcome = await writeOrRefuse(trx, submission.inputs, rows);
                await insertRows(trx, rows);
                return outcome;
              }),
            );
          } catch (error) {
            submission.reject(error);
          }
        }
      }
      if (deps.onQueued) deps.onQueued();
    }
    committing = false;
  }

  function settle(submission: Submission, outcome: IngestResult[] | AppError): void {
    if (outcome instanceof AppError) submission.reject(outcome);
    else submission.resolve(outcome);
  }

  async function writeOrRefuse(trx: Transaction<Database>, inputs: EventInput[], rows: Rows): Promise<IngestResult[] | AppError> {
    try {
      const prepared = await Promise.all(inputs.map((input, index) => prepare(trx, input, inputs.length > 1 ? `/events/${index}` : '', rows)));
      const results: IngestResult[] = [];
      for (const event of prepared) results.push(event.replay ?? write(event, rows));
      return results;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  }

  type Prepared = Awaited<ReturnType<typeof prepare>>;

  async function prepare(trx: Transaction<Database>, input: EventInput, pointer: string, rows: Rows) {
    const scopeId = input.tenant ?? systemScopeId;
    const scope = await trx.selectFrom('scopes').select(['id', 'name']).where('id', '=', scopeId).executeTakeFirst();
    if (!scope) throw new AppError('tenant_not_found', `${pointer}/tenant: no tenant with id ${scopeId}`, [{ field: `${pointer}/tenant`, rule: 'exists', message: `no tenant with id ${scopeId}` }]);
    const requestHash = createHash('sha256').update(JSON.stringify([input.type, scopeId, input.severity, input.data, input.recipients])).digest('hex');
    if (input.idempotencyKey) {
      const earlier = await trx.selectFrom('events').select(['id', 'request_hash', 'outcome', 'outcome_reason']).where('scope_id', '=', scopeId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (earlier) {
        if (earlier.request_hash !== requestHash) {
          throw new AppError('idempotency_conflict', `${pointer}: the idempotency key ${input.idempotencyKey} was used for a different event`, [{ field: `${pointer}/idempotencyKey`, rule: 'unique', message: 'was used for a different event' }]);
        }
        const messages = await trx.selectFrom('messages').select(['id', 'recipient', 'message_id']).where('event_id', '=', earlier.id).orderBy('id').execute();
        const replay: IngestResult = {
          eventId: earlier.id, scope: scopeId, outcome: earlier.outcome, ...(earlier.outcome_reason ? { reason: earlier.outcome_reason } : {}),
          messages: messages.map((m) => ({ id: m.id, recipient: m.recipient, messageId: m.message_id })), replayed: true,
        };
        return { input, scope, requestHash, recipients: [] as string[], replay };
      }
    }
    const recipients = input.recipients
      ? validateRecipientList(input.recipients, `${pointer}/recipients`)
      : (await trx.selectFrom('scope_recipients').select('address').where('scope_id', '=', scopeId).orderBy('created_at').execute()).map((row) => row.address);
    // A scope that cannot send now gets its messages written as held, with the reason, so no
    // worker claims them only to hold them; they are released once the scope can send.
    if (!rows.holds.has(scopeId)) rows.holds.set(scopeId, resolveEffectiveSettings(trx, scopeId).then(holdReason));
    const held = await rows.holds.get(scopeId)!;
    return { input, scope, requestHash, recipients, held, replay: undefined };
  }

  function write(event: Prepared, rows: Rows): IngestResult {
    const now = deps.clock.now();
    const eventId = newId('evt');
    const { input, scope } = event;
    const severity = input.severity ?? 'info';
    const data = input.data ?? {};
    const outcome = event.recipients.length === 0 ? 'suppressed' : 'queued';
    const reason = outcome === 'suppressed' ? 'no recipients: the event names none and the scope has no admin recipients' : undefined;
    rows.events.push({
      id: eventId, scope_id: scope.id, type: input.type, severity, data: JSON.stringify(data),
      explicit_recipients: input.recipients ? JSON.stringify(input.recipients) : null,
      idempotency_key: input.idempotencyKey ?? null, request_hash: event.requestHash,
      outcome, outcome_reason: reason ?? null, created_at: now,
    });
    const { subject, text } = renderPlain({ type: input.type, severity, scopeName: scope.name, data, occurredAt: now });
    const messages = event.recipients.map((recipient) => {
      const parsed = parseMailbox(recipient);
      const mailbox = parsed.ok ? parsed.mailbox : { address: recipient };
      const id = newId('msg');
      return {
        id, scope_id: scope.id, event_id: eventId, recipient: mailbox.address, recipient_name: mailbox.name ?? null,
        message_id: `<${id}@${deps.messageIdDomain}>`, subject, text_body: text, html_body: null,
        state: event.held === null ? ('queued' as const) : ('held' as const), held_reason: event.held, attempts: 0, ambiguous_attempts: 0, next_attempt_at: now,
        lease_owner: null, lease_until: null, last_stage: null, last_reply_code: null, last_reply: null,
        created_at: now, queued_at: now, updated_at: now, sent_at: null,
      };
    });
    rows.messages.push(...messages);
    return {
      eventId, scope: scope.id, outcome, ...(reason ? { reason } : {}),
      messages: messages.map((m) => ({ id: m.id, recipient: m.recipient, messageId: m.message_id })), replayed: false,
    };
  }

  return {
    /** Resolves once the events and their messages are committed; rejects with an AppError for bad input. */
    submit(inputs: EventInput[]): Promise<IngestResult[]> {
      return new Promise((resolve, reject) => {
        queue.push({ inputs, resolve, reject });
        if (!committing) {
          // better-sqlite3 runs the whole transaction in microtasks: started now, it would hold
          // only this request. Waiting for the check phase lets every request that arrived in this
          // turn of the event loop join the same commit (one fsync for all of them).
          committing = true;
          setImmediate(() => void commitQueued());
        }
      });
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
