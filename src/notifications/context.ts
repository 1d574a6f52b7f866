import type { NotificationContext } from '../templates/index.js';
import type { EventType } from './catalogue.js';
import type { Branding } from './settings.js';

export interface ContextInput {
  eventId: string;
  type: EventType;
  severity: string;
  status: 'firing' | 'resolved' | null;
  dedupKey: string | null;
  renotify: boolean;
  data: Record<string, unknown>;
  labels: Record<string, string>;
  scope: { id: string; name: string };
  brand: Branding;
  user: NotificationContext['user'];
  occurredAt: number;
  alerts?: NotificationContext['alerts'];
}

/** The variables a template sees; `annotations` come from `data.annotations` (Alertmanager). */
export function notificationContext(input: ContextInput): NotificationContext {
  const title = typeof input.data.title === 'string' && input.data.title !== '' ? input.data.title : input.type.title;
  const annotations =
    input.data.annotations && typeof input.data.annotations === 'object' ? (input.data.annotations as Record<string, string>) : {};
  return {
    event: {
      id: input.eventId,
      type: input.type.id,
      title,
      severity: input.severity,
      status: input.status,
      occurredAt: new Date(input.occurredAt).toISOString(),
      dedupKey: input.dedupKey,
      renotify: input.renotify,
    },
    data: input.data,
    labels: input.labels,
    annotations,
    scope: input.scope,
    brand: input.brand,
    user: input.user,
    alerts: input.alerts ?? (Array.isArray(input.data.alerts) ? (input.data.alerts as NotificationContext['alerts']) : []),
  };
}

/** The context a template is checked against when saved and previewed: the type's sample data. */
export function sampleContext(
  type: EventType,
  scope: { id: string; name: string },
  brand: Branding,
  data?: Record<string, unknown>,
): NotificationContext {
  return notificationContext({
    eventId: 'evt_sample',
    type,
    severity: type.severity,
    status: 'firing',
    dedupKey: 'sample',
    renotify: false,
    data: data ?? type.sampleData,
    scope,
    brand,
    labels:
      typeof type.sampleData.labels === 'object' && type.sampleData.labels !== null
        ? (type.sampleData.labels as Record<string, string>)
        : { severity: type.severity },
    user: { name: 'Jane Doe', email: 'jane@example.com', locale: 'en' },
    occurredAt: Date.UTC(2026, 0, 1, 12),
  });
}
