import { Link } from 'react-router';
import { can } from '../api/credentials';
import type { Alert } from '../api/types';
import { useUser } from '../api/session';
import { useApi } from '../api/use-api';
import { Badge, ErrorBanner, Loading, When } from '../components/feedback';
import { ScopePicker, usePageScope } from '../components/scope-picker';
import { useEventTypes } from './event-type-filter';
import { scopeApiPath, scopePagePath } from './scope-links';

const at = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Where "Silence" leads: the scope's new-silence form, filled in with the alert's type and labels. */
export function silencePath(scope: string, alert: Pick<Alert, 'type' | 'labels'>): string {
  const query = new URLSearchParams({ section: 'silences', silenceType: alert.type });
  const labels = Object.entries(alert.labels)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  if (labels) query.set('silenceLabels', labels);
  return `${scopePagePath('/notifications')(scope)}?${query.toString()}`;
}

/**
 * The alerts of a scope (events with a dedup key): firing ones first, each with when it was last
 * notified and when it will be again, resolved ones after; silence one from here.
 */
export function Alerts() {
  const scope = usePageScope();
  const user = useUser();
  const { data, error, loading, reload } = useApi<{ items: Alert[] }>(`${scopeApiPath(scope)}/alerts`);
  const types = useEventTypes();
  const titleOf = (id: string) => types?.find((type) => type.id === id)?.title ?? id;
  const alerts = [...(data?.items ?? [])].sort((a, b) => Number(b.status === 'firing') - Number(a.status === 'firing'));
  return (
    <>
      <div className="page-head">
        <h1>Alerts</h1>
        {can(user, 'system') && <ScopePicker current={scope} pathOf={scopePagePath('/alerts')} />}
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="lead">
        Events sent with a dedup key are alerts: the first fire is notified, repeats wait for the repeat interval, and the resolution is
        notified once.
      </p>
      <ErrorBanner error={error} title="The alerts could not be loaded" />
      {!data && loading && <Loading what="alerts" />}
      {data && alerts.length === 0 && <p>No alerts yet.</p>}
      {alerts.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Alerts" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Alert</th>
                <th scope="col">Labels</th>
                <th scope="col">First seen</th>
                <th scope="col">Last notified</th>
                <th scope="col">Next notification</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((alert) => (
                <tr key={alert.dedupKey}>
                  <td data-label="Status">
                    <Badge tone={alert.status === 'firing' ? 'failing' : 'working'}>{alert.status}</Badge>
                  </td>
                  <td data-label="Alert">
                    {titleOf(alert.type)}
                    <br />
                    <code className="muted action-id">{alert.dedupKey}</code>
                  </td>
                  <td data-label="Labels">
                    {Object.keys(alert.labels).length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      Object.entries(alert.labels).map(([name, value]) => (
                        <span key={name} className="tag">
                          {name}={value}
                        </span>
                      ))
                    )}
                  </td>
                  <td data-label="First seen">
                    <When at={at(alert.firstSeenAt)} />
                  </td>
                  <td data-label="Last notified">
                    <When at={at(alert.lastNotifiedAt)} />
                  </td>
                  <td data-label="Next">
                    {alert.status === 'resolved' ? (
                      <>
                        resolved <When at={at(alert.resolvedAt)} />
                      </>
                    ) : alert.nextNotifyAt === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <When at={at(alert.nextNotifyAt)} />
                    )}
                  </td>
                  <td data-label="Actions" className="row-actions">
                    <Link to={`/events?scope=${encodeURIComponent(scope)}&type=${encodeURIComponent(alert.type)}`}>
                      Events<span className="visually-hidden"> of {alert.dedupKey}</span>
                    </Link>
                    {can(user, 'settings:write') && alert.status === 'firing' && (
                      <Link to={silencePath(scope, alert)}>
                        Silence<span className="visually-hidden"> {alert.dedupKey}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
