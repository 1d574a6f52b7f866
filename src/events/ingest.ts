import { createHash } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { parseMailbox } from '../shared/email-address.js';
import { newId } from '../shared/ids.js';
import { holdReason, resolveEffectiveSettings, systemScopeId, validateRecipientList, type SettingsSecrets } from '../scopes/index.js';
import { evaluateRules, flushRules, newRulesCommit, prepareRules, type RulesCommit } from '../notifications/index.js';
import type { StoreDialect } from '../store/dialect.js';
import type { Database, EventTable, MessageTable } from '../store/schema.js';
import type { Rendered, RenderPool } from '../templates/index.js';
import type { EventInput, IngestResult } from './event-input.js';

export interface IngestDeps {
  db: Kysely<Database>;
  dialect: StoreDialect;
  clock: Clock;
  messageIdDomain: string;
  /** The most messages one submission (one request) may create; more refuses it whole (`too_many_messages`). */
  maxMessagesPerSubmission: number;
  /** Whether a scope's mail-server password opens: one that does not holds its mail. */
  secrets: Pick<SettingsSecrets, 'unreadable'>;
  /** Renders the scopes' own templates (worker threads). */
  templates: RenderPool;
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
 * @example const ingest = createIngest({ db, dialect, clock, messageIdDomain: 'herald.example', maxMessagesPerSubmission: 5000, secrets, templates: createRenderPool({ threads: 2, budgetMs: 50, log }) }); await ingest.submit([{ type: 'disk.threshold' }]);
 */
/** Rows of a commit, inserted together at its end (SQLite allows 32,766 parameters per statement). */
interface Rows {
  events: Insertable<EventTable>[];
  messages: Insertable<MessageTable>[];
  /** The commit's emails being rendered; each fills in its messages' content. */
  renders: Promise<void>[];
  /** Per scope, why its mail cannot be sent now (null: it can), resolved once per commit. */
  holds: Map<string, Promise<string | null>>;
  /** Notification rules state of this commit: settings read once, alert/digest rows, notes. */
  rules: RulesCommit;
}

const newRows = (dialect: StoreDialect, templates: RenderPool): Rows => ({ events: [], messages: [], renders: [], holds: new Map(), rules: newRulesCommit(dialect, templates) });

async function insertRows(trx: Transaction<Database>, rows: Rows): Promise<void> {
  // Every email of the commit renders at the same time; nothing is written before all are done.
  await Promise.all(rows.renders);
  for (let at = 0; at < rows.events.length; at += 500) await trx.insertInto('events').values(rows.events.slice(at, at + 500)).execute();
  for (let at = 0; at < rows.messages.length; at += 500) await trx.insertInto('messages').values(rows.messages.slice(at, at + 500)).execute();
  await flushRules(trx, rows.rules);
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
          const rows = newRows(deps.dialect, deps.templates);
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
                const rows = newRows(deps.dialect, deps.templates);
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
      // One scope lookup per scope in this commit, however many of its events the commit holds.
      const scopes = new Map<string, Promise<{ id: string; name: string } | undefined>>();
      const prepared = await Promise.all(inputs.map((input, index) => prepare(trx, input, inputs.length > 1 ? `/events/${index}` : '', rows, scopes)));
      // Counted before anything is decided or written: every recipient of every new event, an upper bound.
      const planned = prepared.reduce((sum, event) => sum + (event.replay ? 0 : event.rules.audience.recipients.length), 0);
      if (planned > deps.maxMessagesPerSubmission) {
        return new AppError('too_many_messages', `The request would create ${planned} messages; one request may create at most ${deps.maxMessagesPerSubmission}. Split it.`, [{ field: '/', rule: 'max_messages', message: `at most ${deps.maxMessagesPerSubmission} messages per request` }]);
      }
      const results: IngestResult[] = [];
      for (const event of prepared) results.push(event.replay ?? write(event as Prepared & { replay: undefined }, rows));
      return results;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  }

  type Prepared = Awaited<ReturnType<typeof prepare>>;

  async function prepare(trx: Transaction<Database>, input: EventInput, pointer: string, rows: Rows, scopes: Map<string, Promise<{ id: string; name: string } | undefined>>) {
    const scopeId = input.tenant ?? systemScopeId;
    let lookup = scopes.get(scopeId);
    if (!lookup) {
      lookup = trx.selectFrom('scopes').select(['id', 'name']).where('id', '=', scopeId).executeTakeFirst();
      scopes.set(scopeId, lookup);
    }
    const scope = await lookup;
    if (!scope) throw new AppError('tenant_not_found', `${pointer}/tenant: no tenant with id ${scopeId}`, [{ field: `${pointer}/tenant`, rule: 'exists', message: `no tenant with id ${scopeId}` }]);
    const requestHash = createHash('sha256')
      .update(JSON.stringify([input.type, scopeId, input.severity, input.data, input.recipients, input.user, input.dedupKey, input.status, input.group, input.labels]))
      .digest('hex');
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
        return { input, scope, requestHash, replay };
      }
    }
    const recipients = input.recipients ? validateRecipientList(input.recipients, `${pointer}/recipients`) : undefined;
    const rules = await prepareRules(trx, rows.rules, scopeId, { ...input, recipients });
    // A scope that cannot send now gets its messages written as held, with the reason, so no
    // worker claims them only to hold them; they are released once the scope can send.
    if (!rows.holds.has(scopeId)) rows.holds.set(scopeId, resolveEffectiveSettings(trx, scopeId).then((effective) => holdReason(effective, deps.secrets)));
    const held = await rows.holds.get(scopeId)!;
    return { input, scope, requestHash, rules, recipients, held, replay: undefined };
  }

  function write(event: Prepared & { replay: undefined }, rows: Rows): IngestResult {
    const now = deps.clock.now();
    const eventId = newId('evt');
    const { input, scope } = event;
    const evaluation = evaluateRules(event.rules, { ...input, recipients: event.recipients }, { eventId, scope, now }, rows.rules);
    const severity = input.severity ?? event.rules.type.severity;
    rows.events.push({
      id: eventId, scope_id: scope.id, type: input.type, severity, data: JSON.stringify(input.data ?? {}),
      explicit_recipients: input.recipients ? JSON.stringify(input.recipients) : null,
      idempotency_key: input.idempotencyKey ?? null, request_hash: event.requestHash,
      outcome: evaluation.outcome, outcome_reason: evaluation.reason ?? null, created_at: now,
    });
    const rendered = evaluation.rendered;
    const messages = rendered ? evaluation.recipients.map((recipient) => newMessage(scope.id, eventId, recipient, event.held, now)) : [];
    rows.messages.push(...messages);
    if (rendered) {
      const filled = rendered.then((content) => fillContent(messages, content));
      // insertRows awaits it (a failed built-in email fails the commit, as before); a commit that
      // fails before then must not leave it unhandled.
      filled.catch(() => undefined);
      rows.renders.push(filled);
    }
    return {
      eventId, scope: scope.id, outcome: evaluation.outcome, ...(evaluation.reason ? { reason: evaluation.reason } : {}),
      messages: messages.map((m) => ({ id: m.id, recipient: m.recipient, messageId: m.message_id })), replayed: false,
    };
  }

  /** A message row; its content is filled in when the event's email is rendered (fillContent). */
  function newMessage(scopeId: string, eventId: string, recipient: { address: string; name: string | null }, held: string | null, now: number): Insertable<MessageTable> {
    const parsed = parseMailbox(recipient.address);
    const mailbox = parsed.ok ? parsed.mailbox : { address: recipient.address, name: undefined };
    const id = newId('msg');
    return {
      id, scope_id: scopeId, event_id: eventId, recipient: mailbox.address, recipient_name: mailbox.name ?? recipient.name ?? null,
      message_id: `<${id}@${deps.messageIdDomain}>`, subject: '', text_body: '', html_body: null,
      state: held === null ? ('queued' as const) : ('held' as const), held_reason: held, attempts: 0, ambiguous_attempts: 0, next_attempt_at: now,
      lease_owner: null, lease_until: null, last_stage: null, last_reply_code: null, last_reply: null,
      created_at: now, queued_at: now, updated_at: now, sent_at: null,
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

function fillContent(messages: Insertable<MessageTable>[], rendered: Rendered): void {
  for (const message of messages) Object.assign(message, { subject: rendered.subject, text_body: rendered.text, html_body: rendered.html });
}

export type Ingest = ReturnType<typeof createIngest>;
