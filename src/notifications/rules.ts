import type { Insertable, Kysely } from 'kysely';
import { newId } from '../shared/ids.js';
import type { StoreDialect } from '../store/dialect.js';
import type { AlertRow, Database, DigestTable, EventNoteTable, EventOutcome, TemplateRow } from '../store/schema.js';
import { findTemplate, type Rendered, type RenderPool } from '../templates/index.js';
import { decideAlert, nextAlertState } from './alert-state.js';
import { resolveAudience, type Audience, type Recipient } from './audience.js';
import { findType, type EventType, type Severity } from './catalogue.js';
import { notificationContext } from './context.js';
import { renderForSend } from './render-for-send.js';
import { loadScopeRules, type ScopeRules } from './scope-rules.js';
import { eventEnabled } from './settings.js';
import { activeSilence } from './silences.js';

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

/**
 * State shared by the events of one ingest commit: scope rules and templates read once, alert and
 * digest rows read once and updated in order, notes to insert. Written by `flushRules` in the
 * commit's transaction.
 */
export interface RulesCommit {
  dialect: StoreDialect;
  /** Renders the scopes' own templates, off this thread. */
  pool: RenderPool;
  scopes: Map<string, Promise<ScopeRules>>;
  templates: Map<string, Promise<TemplateRow | undefined>>;
  alerts: Map<string, Promise<AlertRow | undefined>>;
  /** Alert rows as read from the database (undefined: none yet). */
  alertLoaded: Map<string, AlertRow | undefined>;
  alertState: Map<string, { row: AlertRow; existed: boolean }>;
  digests: Map<string, Promise<Digest | undefined>>;
  digestLoaded: Map<string, Digest | undefined>;
  digestState: Map<string, { row: Digest; existed: boolean; items: string[] }>;
  notes: Insertable<EventNoteTable>[];
}

type Digest = Insertable<DigestTable> & { id: string };

export function newRulesCommit(dialect: StoreDialect, pool: RenderPool): RulesCommit {
  return { dialect, pool, scopes: new Map(), templates: new Map(), alerts: new Map(), alertLoaded: new Map(), alertState: new Map(), digests: new Map(), digestLoaded: new Map(), digestState: new Map(), notes: [] };
}

function once<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    map.set(key, value);
  }
  return value;
}

export interface PreparedRules {
  rules: ScopeRules;
  type: EventType;
  audience: Audience;
  template: TemplateRow | undefined;
  alertKey: string | undefined;
  digestKey: string | undefined;
}

/** Reads what deciding this event needs (async, may run concurrently with other events of the commit). */
export async function prepareRules(db: Kysely<Database>, commit: RulesCommit, scopeId: string, input: RuleInput): Promise<PreparedRules> {
  const rules = await once(commit.scopes, scopeId, () => loadScopeRules(db, scopeId));
  const type = findType(rules.registered, input.type, input.severity);
  const [audience, template] = await Promise.all([
    resolveAudience(db, scopeId, type, rules, input),
    once(commit.templates, `${scopeId}\u0000${type.id}`, () => findTemplate(db, scopeId, type.id)),
  ]);
  let alertKey: string | undefined;
  let digestKey: string | undefined;
  if (input.dedupKey) {
    alertKey = `${scopeId}\u0000${input.dedupKey}`;
    // Locked until this commit ends: another node deciding about the same alert (the same event
    // posted to two nodes, or a scheduler's re-notify) waits, then sees what that one decided.
    // A first firing has no row to lock; the second insert of it fails and is retried alone.
    commit.alertLoaded.set(alertKey, await once(commit.alerts, alertKey, () =>
      commit.dialect.lockForUpdate(db.selectFrom('alerts').selectAll().where('scope_id', '=', scopeId).where('dedup_key', '=', input.dedupKey!)).executeTakeFirst()));
    if (rules.settings.groupWindowMs > 0) {
      const group = input.group ?? type.id;
      digestKey = `${scopeId}\u0000${group}`;
      // The open digest stays locked until this commit ends, so the scheduler cannot claim it
      // (and read its items) while this event joins it; one it claimed first is no longer open
      // (PostgreSQL re-checks the state after the wait) and this event opens a new digest.
      commit.digestLoaded.set(digestKey, await once(commit.digests, digestKey, async () =>
        (await commit.dialect.lockForUpdate(db.selectFrom('digests').selectAll().where('scope_id', '=', scopeId).where('group_key', '=', group).where('state', '=', 'open')).executeTakeFirst()) as Digest | undefined));
    }
  }
  return { rules, type, audience, template, alertKey, digestKey };
}

export interface Evaluation {
  outcome: EventOutcome;
  /** `code: explanation` when suppressed or grouped. */
  reason?: string;
  recipients: Recipient[];
  /** The email's content, being rendered (a template's failure gives the built-in email); the commit waits for it before writing. */
  rendered?: Promise<Rendered>;
}

export interface EvaluateContext {
  eventId: string;
  scope: { id: string; name: string };
  now: number;
}

/**
 * Decides one event, in commit order: email on, type enabled, alert state (dedup, repeat,
 * resolved), silences, audience, group window; then starts rendering it (a scope's template renders
 * in the render pool, so the events of a commit render concurrently). Every suppression is recorded.
 */
export function evaluateRules(prepared: PreparedRules, input: RuleInput, context: EvaluateContext, commit: RulesCommit): Evaluation {
  const { rules, type, audience } = prepared;
  const { eventId, scope, now } = context;
  const severity = input.severity ?? type.severity;
  const data = input.data ?? {};
  const labels = input.labels ?? {};
  const status = input.dedupKey ? (input.status ?? 'firing') : null;
  const repeatMs = rules.settings.repeatIntervalMs;
  const note = (code: string, message: string, recipient: string | null = null, kind: 'suppressed' | 'warning' = 'suppressed') =>
    commit.notes.push({ id: newId('note'), event_id: eventId, scope_id: scope.id, kind, code, recipient, message, created_at: now });
  const alertSlot = prepared.alertKey ? currentAlert(commit, prepared.alertKey) : undefined;
  const settle = (notified: boolean, retryAt?: number) => {
    if (!prepared.alertKey || !status) return;
    const row = nextAlertState(alertSlot?.row, {
      scopeId: scope.id, dedupKey: input.dedupKey!, type: type.id, status, severity, group: input.group ?? null,
      data: JSON.stringify(data), labels: JSON.stringify(labels), eventId,
    }, now, repeatMs, { notified, retryAt });
    commit.alertState.set(prepared.alertKey, { row, existed: alertSlot?.existed ?? false });
  };
  const suppress = (code: string, message: string, retryAt?: number): Evaluation => {
    note(code, message);
    settle(false, retryAt);
    return { outcome: 'suppressed', reason: `${code}: ${message}`, recipients: [] };
  };

  if (!rules.settings.emailEnabled) return suppress('email_disabled', 'email notifications are turned off for this scope');
  if (!eventEnabled(rules.overrides, type.id, type.defaultEnabled)) return suppress('event_disabled', `the event type ${type.id} is turned off in this scope`);
  let sending: 'firing' | 'renotify' | 'resolved' | undefined;
  if (status) {
    const decision = decideAlert(alertSlot?.row, status, now, repeatMs);
    if ('suppress' in decision) {
      note(decision.suppress, decision.message);
      settle(false);
      return { outcome: 'suppressed', reason: `${decision.suppress}: ${decision.message}`, recipients: [] };
    }
    sending = decision.send;
  }
  const silenced = activeSilence(rules.silences, { type: type.id, labels }, now);
  if (silenced) return suppress('silenced', `silence ${silenced.silence.id} covers this event until ${new Date(silenced.endsAt).toISOString()}`, silenced.endsAt);
  for (const excluded of audience.excluded) note(excluded.code, excluded.message, excluded.recipient);
  if (audience.recipients.length === 0) {
    const why = audience.excluded.length > 0 ? audience.excluded.map((e) => e.message).join('; ') : 'the event names none and the scope has no admin recipients';
    settle(false);
    return { outcome: 'suppressed', reason: `no_recipients: ${why}`, recipients: [] };
  }
  if (prepared.digestKey && sending !== 'resolved') {
    const digest = joinDigest(commit, prepared.digestKey, scope.id, input.group ?? type.id, eventId, audience.recipients, now, rules.settings.groupWindowMs);
    settle(true);
    return { outcome: 'grouped', reason: `grouped: merged into digest ${digest} sent when the group window closes`, recipients: [] };
  }
  const ctx = notificationContext({
    eventId, type, severity, status, dedupKey: input.dedupKey ?? null, renotify: sending === 'renotify' || input.renotify === true,
    data, labels, scope, brand: rules.settings.branding, user: audience.user, occurredAt: now,
  });
  const rendered = renderForSend(commit.pool, prepared.template, type, ctx, now, (code, message) => note(code, message, null, 'warning'));
  settle(true);
  return { outcome: 'queued', recipients: audience.recipients, rendered };
}

function currentAlert(commit: RulesCommit, key: string): { row: AlertRow; existed: boolean } | undefined {
  const touched = commit.alertState.get(key);
  if (touched) return touched;
  const loaded = commit.alertLoaded.get(key);
  return loaded ? { row: loaded, existed: true } : undefined;
}

function joinDigest(commit: RulesCommit, key: string, scopeId: string, group: string, eventId: string, recipients: Recipient[], now: number, windowMs: number): string {
  let slot = commit.digestState.get(key);
  if (!slot) {
    const loaded = commit.digestLoaded.get(key);
    slot = loaded && loaded.due_at > now
      ? { row: loaded, existed: true, items: [] }
      : { row: { id: newId('dig'), scope_id: scopeId, group_key: group, state: 'open', recipients: '[]', opened_at: now, due_at: now + windowMs, sent_event_id: null }, existed: false, items: [] };
    commit.digestState.set(key, slot);
  }
  const merged = new Set(JSON.parse(slot.row.recipients) as string[]);
  for (const recipient of recipients) merged.add(recipient.address);
  slot.row.recipients = JSON.stringify([...merged]);
  slot.items.push(eventId);
  return slot.row.id;
}

/** Writes the commit's alert, digest and note rows (inside the ingest transaction). */
export async function flushRules(db: Kysely<Database>, commit: RulesCommit): Promise<void> {
  for (const { row, existed } of commit.alertState.values()) {
    if (existed) {
      const { scope_id, dedup_key, ...rest } = row;
      await db.updateTable('alerts').set(rest).where('scope_id', '=', scope_id).where('dedup_key', '=', dedup_key).execute();
    } else await db.insertInto('alerts').values(row).execute();
  }
  for (const { row, existed, items } of commit.digestState.values()) {
    if (existed) await db.updateTable('digests').set({ recipients: row.recipients }).where('id', '=', row.id).execute();
    else await db.insertInto('digests').values(row).execute();
    if (items.length > 0) await db.insertInto('digest_items').values(items.map((event_id) => ({ digest_id: row.id, event_id }))).execute();
  }
  for (let at = 0; at < commit.notes.length; at += 500) await db.insertInto('event_notes').values(commit.notes.slice(at, at + 500)).execute();
}
