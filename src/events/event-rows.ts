import type { Insertable, Transaction } from 'kysely';
import { parseMailbox } from '../shared/email-address.js';
import { newId } from '../shared/ids.js';
import { evaluateRules, flushRules, newRulesCommit, type RulesCommit } from '../notifications/index.js';
import type { StoreDialect } from '../store/dialect.js';
import { insertMany } from '../store/raw-query.js';
import type { Database, EventTable, MessageBodyTable, MessageTable } from '../store/schema.js';
import type { Rendered, RenderPool } from '../templates/index.js';
import type { IngestResult } from './event-input.js';
import type { NewEvent } from './prepare-event.js';

/** Rows of a commit, inserted together at its end. */
export interface Rows {
  dialect: StoreDialect;
  events: Insertable<EventTable>[];
  messages: Insertable<MessageTable>[];
  /** One per message, in the same order: its content, filled in when its event's email is rendered. */
  bodies: Insertable<MessageBodyTable>[];
  /** The commit's emails being rendered; each fills in its messages' content. */
  renders: Promise<void>[];
  /** Per scope, why its mail cannot be sent now (null: it can), resolved once per commit. */
  holds: Map<string, Promise<string | null>>;
  /** Per scope named, its row (undefined: no such scope), read once per commit. */
  scopes: Map<string, Promise<{ id: string; name: string } | undefined>>;
  /** Notification rules state of this commit: settings read once, alert/digest rows, notes. */
  rules: RulesCommit;
}

export const newRows = (dialect: StoreDialect, templates: RenderPool): Rows => ({
  dialect,
  events: [],
  messages: [],
  bodies: [],
  renders: [],
  holds: new Map(),
  scopes: new Map(),
  rules: newRulesCommit(dialect, templates),
});

export async function insertRows(trx: Transaction<Database>, rows: Rows): Promise<void> {
  // Every email of the commit renders at the same time; nothing is written before all are done.
  await Promise.all(rows.renders);
  await insertMany(trx, rows.dialect, 'events', rows.events);
  await insertMany(trx, rows.dialect, 'messages', rows.messages);
  await insertMany(trx, rows.dialect, 'message_bodies', rows.bodies);
  await flushRules(trx, rows.rules);
}

/** Decides a new event (in commit order) and adds its event row and one message row per recipient to the commit. */
export function writeEvent(event: NewEvent, rows: Rows, now: number, messageIdDomain: string): IngestResult {
  const eventId = newId('evt');
  const { input, scope } = event;
  const evaluation = evaluateRules(event.rules, { ...input, recipients: event.recipients }, { eventId, scope, now }, rows.rules);
  const severity = input.severity ?? event.rules.type.severity;
  rows.events.push({
    id: eventId,
    scope_id: scope.id,
    type: input.type,
    severity,
    data: JSON.stringify(input.data ?? {}),
    explicit_recipients: input.recipients ? JSON.stringify(input.recipients) : null,
    idempotency_key: input.idempotencyKey ?? null,
    request_hash: event.requestHash,
    outcome: evaluation.outcome,
    outcome_reason: evaluation.reason ?? null,
    created_at: now,
  });
  const rendered = evaluation.rendered;
  const messages = rendered
    ? evaluation.recipients.map((recipient) => newMessage(scope.id, eventId, recipient, event.held, now, messageIdDomain))
    : [];
  const bodies = messages.map((message) => ({ message_id: message.id, text_body: '', html_body: null as string | null }));
  rows.messages.push(...messages);
  rows.bodies.push(...bodies);
  if (rendered) {
    const filled = rendered.then((content) => fillContent(messages, bodies, content));
    // insertRows awaits it (a failed built-in email fails the commit, as before); a commit that
    // fails before then must not leave it unhandled.
    filled.catch(() => undefined);
    rows.renders.push(filled);
  }
  return {
    eventId,
    scope: scope.id,
    outcome: evaluation.outcome,
    ...(evaluation.reason ? { reason: evaluation.reason } : {}),
    messages: messages.map((m) => ({ id: m.id, recipient: m.recipient, messageId: m.message_id })),
    replayed: false,
  };
}

/** A message row; its content is filled in when the event's email is rendered (fillContent). */
function newMessage(
  scopeId: string,
  eventId: string,
  recipient: { address: string; name: string | null },
  held: string | null,
  now: number,
  messageIdDomain: string,
): Insertable<MessageTable> {
  const parsed = parseMailbox(recipient.address);
  const mailbox = parsed.ok ? parsed.mailbox : { address: recipient.address, name: undefined };
  const id = newId('msg');
  return {
    id,
    scope_id: scopeId,
    event_id: eventId,
    recipient: mailbox.address,
    recipient_name: mailbox.name ?? recipient.name ?? null,
    message_id: `<${id}@${messageIdDomain}>`,
    subject: '',
    state: held === null ? ('queued' as const) : ('held' as const),
    held_reason: held,
    attempts: 0,
    ambiguous_attempts: 0,
    next_attempt_at: now,
    lease_owner: null,
    lease_until: null,
    last_stage: null,
    last_reply_code: null,
    last_reply: null,
    created_at: now,
    queued_at: now,
    updated_at: now,
    sent_at: null,
  };
}

function fillContent(messages: Insertable<MessageTable>[], bodies: Insertable<MessageBodyTable>[], rendered: Rendered): void {
  for (const message of messages) message.subject = rendered.subject;
  for (const body of bodies) Object.assign(body, { text_body: rendered.text, html_body: rendered.html });
}
