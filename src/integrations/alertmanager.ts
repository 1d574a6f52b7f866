import type { EventInput } from '../events/event-input.js';

/** Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export interface AlertmanagerPayload {
  version: string;
  groupKey: string;
  truncatedAlerts?: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: Array<{
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }>;
}

const severities = new Set(['info', 'warning', 'critical']);

/**
 * One alert event per Alertmanager alert: the fingerprint is the dedup key, the group key the
 * group, labels and annotations reach templates (`labels`, `annotations`, `data`). A label
 * `herald_type` picks the event type (default `alert.generic`).
 *
 * @example
 * declare const payload: AlertmanagerPayload;
 * alertmanagerEvents(payload, 'acme')[0]?.dedupKey // 'am:…fingerprint'
 */
export function alertmanagerEvents(payload: AlertmanagerPayload, tenant: string | undefined): EventInput[] {
  return payload.alerts.map((alert) => {
    const severity = severities.has(alert.labels.severity ?? '') ? (alert.labels.severity as 'info' | 'warning' | 'critical') : 'warning';
    const name = alert.labels.alertname ?? 'Alert';
    return {
      type: /^[a-z][a-z0-9_.-]{0,99}$/.test(alert.labels.herald_type ?? '') ? alert.labels.herald_type! : 'alert.generic',
      ...(tenant ? { tenant } : {}),
      severity,
      status: alert.status,
      dedupKey: `am:${alert.fingerprint}`,
      group: payload.groupKey.slice(0, 200),
      labels: alert.labels,
      data: {
        title: alert.annotations.summary ? `${name}: ${alert.annotations.summary}` : name,
        alertname: name,
        summary: alert.annotations.summary ?? alert.annotations.description ?? name,
        annotations: alert.annotations,
        startsAt: alert.startsAt,
        ...(alert.status === 'resolved' ? { endsAt: alert.endsAt } : {}),
        generatorURL: alert.generatorURL,
        externalURL: payload.externalURL,
        receiver: payload.receiver,
      },
    };
  });
}
