import type { AlertRow } from '../../store/schema.js';
import type { NotificationContext } from '../../templates/index.js';
import { decideAlert, nextAlertState } from '../alert-state.js';
import type { Audience, Recipient } from '../audience.js';
import type { EventType } from '../catalogue.js';
import { notificationContext } from '../context.js';
import type { ScopeRules } from '../scope-rules.js';
import { eventEnabled } from '../settings.js';
import { activeSilence } from '../silences.js';
import type { RuleInput } from './rule-input.js';
import type { AlertSlot, Digest, DigestSlot, RuleNote } from './slots.js';

/** The event being decided. */
export interface RuleEvent {
  id: string;
  scope: { id: string; name: string };
  input: RuleInput;
}

/** What deciding an event reads: prepared once (rules, type, audience), and the alert and digest as the commit's earlier events left them. */
export interface RuleState {
  rules: ScopeRules;
  type: EventType;
  audience: Audience;
  /** The event's alert (events with a dedupKey). */
  alert?: Readonly<AlertSlot>;
  /** The open digest of the event's group (alert events, when the scope has a group window). */
  digest?: Readonly<DigestSlot>;
}

interface Changes {
  /** Suppression notes, in order. */
  notes: RuleNote[];
  /** The alert's next row (events with a dedupKey). */
  alert?: AlertRow;
}

/** What the rules decided for one event, and what it changes; nothing is written yet. */
export type Decision =
  | (Changes & { outcome: 'queued'; recipients: Recipient[]; /** What the email is rendered from. */ email: NotificationContext })
  | (Changes & { outcome: 'suppressed'; reason: string })
  | (Changes & { outcome: 'grouped'; reason: string; /** The digest the event joins, its recipients merged. */ digest: Digest });

/**
 * Decides one event, in commit order: email on, type enabled, alert state (dedup, repeat,
 * resolved), silences, audience, group window. Pure: the caller records the decision in the
 * commit's slots (`recordDecision`) before deciding the next event, so the events of one commit see
 * each other's effects. Every suppression comes with a note.
 *
 * @example
 * declare const state: RuleState;
 * decide({ id: 'evt_1', scope: { id: 'system', name: 'System' }, input: { type: 'host.cpu', dedupKey: 'cpu' } }, state, Date.now())
 */
export function decide(event: RuleEvent, state: RuleState, now: number): Decision {
  const { input, scope } = event;
  const { rules, type, audience } = state;
  const severity = input.severity ?? type.severity;
  const data = input.data ?? {};
  const labels = input.labels ?? {};
  const status = input.dedupKey ? (input.status ?? 'firing') : null;
  const repeatMs = rules.settings.repeatIntervalMs;
  const alert = state.alert ? (state.alert.write ?? state.alert.loaded) : undefined;
  const notes: RuleNote[] = [];
  const note = (code: string, message: string, recipient: string | null = null) =>
    notes.push({ kind: 'suppressed', code, recipient, message });
  const settle = (notified: boolean, retryAt?: number): AlertRow | undefined => {
    if (!state.alert || !status || !input.dedupKey) return undefined;
    return nextAlertState(
      alert,
      {
        scopeId: scope.id,
        dedupKey: input.dedupKey,
        type: type.id,
        status,
        severity,
        group: input.group ?? null,
        data: JSON.stringify(data),
        labels: JSON.stringify(labels),
        eventId: event.id,
      },
      now,
      repeatMs,
      { notified, retryAt },
    );
  };
  const suppress = (code: string, message: string, retryAt?: number): Decision => {
    note(code, message);
    return { outcome: 'suppressed', reason: `${code}: ${message}`, notes, alert: settle(false, retryAt) };
  };

  if (!rules.settings.emailEnabled) return suppress('email_disabled', 'email notifications are turned off for this scope');
  if (!eventEnabled(rules.overrides, type.id, type.defaultEnabled))
    return suppress('event_disabled', `the event type ${type.id} is turned off in this scope`);
  let sending: 'firing' | 'renotify' | 'resolved' | undefined;
  if (status) {
    const verdict = decideAlert(alert, status, now, repeatMs);
    if ('suppress' in verdict) return suppress(verdict.suppress, verdict.message);
    sending = verdict.send;
  }
  const silenced = activeSilence(rules.silences, { type: type.id, labels }, now);
  if (silenced)
    return suppress(
      'silenced',
      `silence ${silenced.silence.id} covers this event until ${new Date(silenced.endsAt).toISOString()}`,
      silenced.endsAt,
    );
  for (const excluded of audience.excluded) note(excluded.code, excluded.message, excluded.recipient);
  if (audience.recipients.length === 0) {
    const why =
      audience.excluded.length > 0
        ? audience.excluded.map((e) => e.message).join('; ')
        : 'the event names none and the scope has no admin recipients';
    return { outcome: 'suppressed', reason: `no_recipients: ${why}`, notes, alert: settle(false) };
  }
  if (state.digest && sending !== 'resolved') {
    const digest = joinDigest(
      state.digest,
      { scopeId: scope.id, group: input.group ?? type.id },
      audience.recipients,
      now,
      rules.settings.groupWindowMs,
    );
    return {
      outcome: 'grouped',
      reason: `grouped: merged into digest ${digest.id} sent when the group window closes`,
      notes,
      alert: settle(true),
      digest,
    };
  }
  const email = notificationContext({
    eventId: event.id,
    type,
    severity,
    status,
    dedupKey: input.dedupKey ?? null,
    renotify: sending === 'renotify' || input.renotify === true,
    data,
    labels,
    scope,
    brand: rules.settings.branding,
    user: audience.user,
    occurredAt: now,
  });
  return { outcome: 'queued', notes, alert: settle(true), recipients: audience.recipients, email };
}

/** The digest an event joins: the one this commit already joined, else the group's open one while it is not due, else a new one. */
function joinDigest(
  slot: Readonly<DigestSlot>,
  group: { scopeId: string; group: string },
  recipients: Recipient[],
  now: number,
  windowMs: number,
): Digest {
  const joined =
    slot.write ??
    (slot.loaded && slot.loaded.due_at > now
      ? slot.loaded
      : {
          id: slot.opens,
          scope_id: group.scopeId,
          group_key: group.group,
          state: 'open' as const,
          recipients: '[]',
          opened_at: now,
          due_at: now + windowMs,
          sent_event_id: null,
        });
  const merged = new Set(JSON.parse(joined.recipients) as string[]);
  for (const recipient of recipients) merged.add(recipient.address);
  return { ...joined, recipients: JSON.stringify([...merged]) };
}
