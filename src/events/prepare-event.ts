import { hash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { AppError } from '../shared/app-error.js';
import {
  holdReason,
  resolveEffectiveSettings,
  resolveEffectiveSettingsOf,
  systemScopeId,
  validateRecipientList,
  type SettingsSecrets,
} from '../scopes/index.js';
import { preloadRules, prepareRules, type PreparedRules, type RulesCommit } from '../notifications/index.js';
import { inLists } from '../store/in-lists.js';
import type { Database } from '../store/schema.js';
import type { EventInput, IngestResult } from './event-input.js';

/** A new event, read and checked, ready to be decided and written. */
export interface NewEvent {
  kind: 'new';
  input: EventInput;
  scope: { id: string; name: string };
  requestHash: string;
  rules: PreparedRules;
  /** The explicit recipients, validated. */
  recipients: string[] | undefined;
  /** Why the scope's mail cannot be sent now (null: it can). */
  held: string | null;
}

/** An event whose idempotency key matched an earlier, identical request: the first answer again. */
export interface ReplayedEvent {
  kind: 'replay';
  result: IngestResult;
}

export type PreparedEvent = NewEvent | ReplayedEvent;

/** What the events of one submission and one commit share while they are prepared. */
export interface PrepareContext {
  /** One scope lookup per scope in the commit, however many of its events it holds. */
  scopes: Map<string, Promise<{ id: string; name: string } | undefined>>;
  /** The commit's notification rules state. */
  rules: RulesCommit;
  /** Per scope, why its mail cannot be sent now (null: it can), resolved once per commit. */
  holds: Map<string, Promise<string | null>>;
  secrets: Pick<SettingsSecrets, 'unreadable'>;
}

/**
 * Reads what the events of a commit's submissions share, for all their scopes at once: the scopes
 * themselves, whether each one's mail is held, their rules and templates. `prepareEvent` then finds
 * them read; a commit of 500 events from 500 tenants ran some 4,500 queries one scope at a time.
 */
export async function preloadScopes(trx: Transaction<Database>, inputs: readonly EventInput[], context: PrepareContext): Promise<void> {
  const scopeIds = [...new Set(inputs.map(scopeOf))].filter((scopeId) => !context.scopes.has(scopeId));
  if (scopeIds.length === 0) return;
  const found = new Map<string, { id: string; name: string }>();
  for (const ids of inLists(scopeIds)) {
    for (const scope of await trx.selectFrom('scopes').select(['id', 'name']).where('id', 'in', ids).execute()) found.set(scope.id, scope);
  }
  for (const scopeId of scopeIds) context.scopes.set(scopeId, Promise.resolve(found.get(scopeId)));
  const existing = [...found.keys()];
  const [effective] = await Promise.all([
    resolveEffectiveSettingsOf(trx, existing),
    preloadRules(
      trx,
      context.rules,
      inputs
        .filter((input) => found.has(scopeOf(input)))
        .map((input) => ({ scopeId: scopeOf(input), type: input.type, severity: input.severity })),
    ),
  ]);
  for (const [scopeId, settings] of effective) {
    if (!context.holds.has(scopeId)) context.holds.set(scopeId, Promise.resolve(holdReason(settings, context.secrets)));
  }
}

const scopeOf = (input: EventInput) => input.tenant ?? systemScopeId;

/**
 * Reads what writing an event needs: its scope (refused when unknown), the answer to an earlier
 * request with its idempotency key (refused when that request differed), its validated recipients,
 * the rules' state and whether the scope's mail is held. `pointer` names the event in errors.
 */
export async function prepareEvent(
  trx: Transaction<Database>,
  input: EventInput,
  pointer: string,
  context: PrepareContext,
): Promise<PreparedEvent> {
  const scopeId = scopeOf(input);
  let lookup = context.scopes.get(scopeId);
  if (!lookup) {
    lookup = trx.selectFrom('scopes').select(['id', 'name']).where('id', '=', scopeId).executeTakeFirst();
    context.scopes.set(scopeId, lookup);
  }
  const scope = await lookup;
  if (!scope)
    throw new AppError('tenant_not_found', `${pointer}/tenant: no tenant with id ${scopeId}`, [
      { field: `${pointer}/tenant`, rule: 'exists', message: `no tenant with id ${scopeId}` },
    ]);
  const requestHash = hash(
    'sha256',
    JSON.stringify([
      input.type,
      scopeId,
      input.severity,
      input.data,
      input.recipients,
      input.user,
      input.dedupKey,
      input.status,
      input.group,
      input.labels,
    ]),
    'hex',
  );
  if (input.idempotencyKey) {
    const replayed = await replay(trx, scopeId, input.idempotencyKey, requestHash, pointer);
    if (replayed) return replayed;
  }
  const recipients = input.recipients ? validateRecipientList(input.recipients, `${pointer}/recipients`) : undefined;
  const rules = await prepareRules(trx, context.rules, scopeId, { ...input, recipients });
  // A scope that cannot send now gets its messages written as held, with the reason, so no
  // worker claims them only to hold them; they are released once the scope can send.
  if (!context.holds.has(scopeId))
    context.holds.set(
      scopeId,
      resolveEffectiveSettings(trx, scopeId).then((effective) => holdReason(effective, context.secrets)),
    );
  const held = await context.holds.get(scopeId)!;
  return { kind: 'new', input, scope, requestHash, rules, recipients, held };
}

/** The first answer to the request that used this idempotency key, if any; a different request with it is refused. */
async function replay(
  trx: Transaction<Database>,
  scopeId: string,
  idempotencyKey: string,
  requestHash: string,
  pointer: string,
): Promise<ReplayedEvent | undefined> {
  const earlier = await trx
    .selectFrom('events')
    .select(['id', 'request_hash', 'outcome', 'outcome_reason'])
    .where('scope_id', '=', scopeId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!earlier) return undefined;
  if (earlier.request_hash !== requestHash) {
    throw new AppError('idempotency_conflict', `${pointer}: the idempotency key ${idempotencyKey} was used for a different event`, [
      { field: `${pointer}/idempotencyKey`, rule: 'unique', message: 'was used for a different event' },
    ]);
  }
  const messages = await trx
    .selectFrom('messages')
    .select(['id', 'recipient', 'message_id'])
    .where('event_id', '=', earlier.id)
    .orderBy('id')
    .execute();
  return {
    kind: 'replay',
    result: {
      eventId: earlier.id,
      scope: scopeId,
      outcome: earlier.outcome,
      ...(earlier.outcome_reason ? { reason: earlier.outcome_reason } : {}),
      messages: messages.map((m) => ({ id: m.id, recipient: m.recipient, messageId: m.message_id })),
      replayed: true,
    },
  };
}
