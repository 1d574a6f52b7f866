import type { AlertRow } from '../store/schema.js';

export type AlertDecision = { send: 'firing' | 'renotify' | 'resolved' } | { suppress: 'repeat_interval' | 'not_firing'; message: string };

/**
 * What an alert event does given the alert's stored state: the first `firing` sends, another
 * within the repeat interval is suppressed, one after it re-notifies, and `resolved` sends once.
 *
 * @example decideAlert(undefined, 'firing', 0, 43_200_000) // { send: 'firing' }
 */
export function decideAlert(alert: AlertRow | undefined, status: 'firing' | 'resolved', now: number, repeatMs: number): AlertDecision {
  const firing = alert?.status === 'firing';
  if (status === 'resolved') {
    if (firing && alert.last_notified_at !== null) return { send: 'resolved' };
    return { suppress: 'not_firing', message: firing ? 'the alert was never notified while firing' : 'the alert is not firing' };
  }
  if (!firing || alert.last_notified_at === null) return { send: 'firing' };
  const since = now - alert.last_notified_at;
  if (since >= repeatMs) return { send: 'renotify' };
  return {
    suppress: 'repeat_interval',
    message: `notified ${Math.round(since / 1000)} s ago; the repeat interval is ${Math.round(repeatMs / 1000)} s`,
  };
}

export interface AlertEvent {
  scopeId: string;
  dedupKey: string;
  type: string;
  status: 'firing' | 'resolved';
  severity: 'info' | 'warning' | 'critical';
  group: string | null;
  data: string;
  labels: string;
  eventId: string;
}

/**
 * The alert's next state. `notified`: mail was sent (or grouped) for this event. `retryAt`: when a
 * firing alert that was not notified (silenced, disabled) should be tried again.
 */
export function nextAlertState(
  alert: AlertRow | undefined,
  event: AlertEvent,
  now: number,
  repeatMs: number,
  outcome: { notified: boolean; retryAt?: number },
): AlertRow {
  const reopened = !alert || alert.status === 'resolved';
  const base: AlertRow = alert ?? {
    scope_id: event.scopeId,
    dedup_key: event.dedupKey,
    event_type: event.type,
    status: event.status,
    severity: event.severity,
    group_key: event.group,
    data: event.data,
    labels: event.labels,
    first_seen_at: now,
    last_seen_at: now,
    last_notified_at: null,
    resolved_at: null,
    last_event_id: event.eventId,
    next_notify_at: null,
  };
  const next: AlertRow = { ...base, last_seen_at: now, last_event_id: event.eventId };
  if (event.status === 'resolved') {
    if (next.status === 'firing') Object.assign(next, { status: 'resolved', resolved_at: now, next_notify_at: null });
    return next;
  }
  Object.assign(next, {
    status: 'firing',
    severity: event.severity,
    data: event.data,
    labels: event.labels,
    group_key: event.group,
    event_type: event.type,
  });
  if (reopened) Object.assign(next, { first_seen_at: now, resolved_at: null, last_notified_at: null });
  if (outcome.notified) Object.assign(next, { last_notified_at: now, next_notify_at: now + repeatMs });
  else if (next.last_notified_at === null || outcome.retryAt !== undefined)
    next.next_notify_at = Math.min(outcome.retryAt ?? now + repeatMs, now + repeatMs);
  return next;
}
