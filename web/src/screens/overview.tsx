import { useEffect } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/use-api';
import type { OverviewPage, ScopeHealth } from '../api/types';
import { Badge, ErrorBanner, Loading, StatusBadge, When } from '../components/feedback';
import { HourlyChart } from '../components/hourly-chart';
import { sourceLabel, mailServerPath, scopePagePath } from './scope-links';
import { replyText } from '../components/reply';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import { ConnectButton } from './mail-server-oauth';
import { PasswordRetiring } from './password-retiring';

/** Per scope: does mail work, last success and failure, queue, held mail and why, 24 h chart. */
export function Overview() {
  const { data, error, loading, reload } = useApi<OverviewPage>('/overview', { limit: 100 });
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <>
      <div className="page-head">
        <h1>Overview</h1>
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <ErrorBanner error={error} title="The overview could not be loaded" />
      {!data && loading && <Loading what="the overview" />}
      {data && <PasswordRetiring scopes={data.passwordAuthRetiring} />}
      {data && (
        <div className="cards">
          {data.scopes.map((scope) => (
            <ScopeCard key={scope.scope} scope={scope} />
          ))}
        </div>
      )}
      {data?.nextCursor && <p className="muted">Showing the first 100 tenants; see Tenants for the rest.</p>}
    </>
  );
}

/** Where a scope's events went: "5 sent, 3 suppressed (2 no recipients, 1 silenced)". */
function eventsText(events: ScopeHealth['events24h']): string {
  const suppressed = Object.entries(events.suppressed);
  const total = suppressed.reduce((sum, [, count]) => sum + count, 0);
  const parts = [`${events.queued} sent`, ...(events.grouped ? [`${events.grouped} grouped`] : [])];
  if (total > 0) parts.push(`${total} suppressed (${suppressed.map(([code, count]) => `${count} ${code.replace(/_/g, ' ')}`).join(', ')})`);
  return events.queued + events.grouped + total === 0 ? 'none' : parts.join(', ');
}

function ScopeCard({ scope }: { scope: ScopeHealth }) {
  const headingId = `scope-${scope.scope}`;
  const user = useUser();
  const reconnect = scope.held.reasons.some((r) => r.reason.startsWith('oauth_reconnect_required'));
  const unreached = scope.events24h.suppressed.no_recipients ?? 0;
  return (
    <section className={`card card-${scope.status}`} aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>
          {scope.name}
          {scope.scope !== 'system' && <span className="muted"> ({scope.scope})</span>}
        </h2>
        <StatusBadge status={scope.status} />
        {scope.paused && <Badge tone="held">Paused</Badge>}
      </div>
      <p>{scope.statusReason}</p>
      {scope.paused && (
        <div className="banner banner-warning">
          <strong>Sending is paused</strong> since <When at={scope.paused.at} /> by {scope.paused.by}
          {scope.paused.reason ? `: ${scope.paused.reason}` : ''}. Its mail stays queued until resumed (
          <code>herald queue resume --scope {scope.scope}</code>).
        </div>
      )}
      {scope.adminRecipients === 0 && (
        <div className="banner banner-warning">
          <strong>No admin recipients.</strong> Events for administrators (host alerts, failing mail…) reach nobody
          {unreached > 0 ? `: ${unreached} in the last 24 hours were suppressed` : ''}.{' '}
          <Link to={`${scopePagePath('/notifications')(scope.scope)}?section=recipients`}>
            Add admin recipients<span className="visually-hidden"> for {scope.name}</span>
          </Link>
        </div>
      )}
      {reconnect && (
        <div className="banner banner-error">
          <strong>The mailbox must be reconnected.</strong> Its OAuth2 grant was revoked or has expired; mail is held until then (nothing is
          lost).{' '}
          {can(user, 'settings:write') ? <ConnectButton scope={scope.scope} label="Reconnect" /> : 'An administrator must reconnect it.'}
        </div>
      )}
      <dl className="facts">
        <dt>Mail server</dt>
        <dd>
          <Link to={mailServerPath(scope.scope)}>{sourceLabel(scope.scope, scope.source, scope.provider)}</Link>
        </dd>
        <dt>Last success</dt>
        <dd>
          <When at={scope.lastSuccessAt} />
        </dd>
        <dt>Last failure</dt>
        <dd>
          {scope.lastFailure ? (
            <>
              <When at={scope.lastFailure.at} /> at {scope.lastFailure.stage}
              {scope.lastFailure.reply && (
                <div>
                  <code>{replyText(scope.lastFailure.replyCode, scope.lastFailure.reply)}</code>
                </div>
              )}
            </>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Events (24 h)</dt>
        <dd>
          <Link to={`/events?scope=${encodeURIComponent(scope.scope)}`}>
            {eventsText(scope.events24h)}
            <span className="visually-hidden"> of {scope.name}</span>
          </Link>
        </dd>
        <dt>Queue</dt>
        <dd>{scope.queueDepth} waiting</dd>
        <dt>Held</dt>
        <dd>
          {scope.held.count === 0 ? (
            'none'
          ) : (
            <>
              <Link to={`/deliveries?scope=${encodeURIComponent(scope.scope)}&state=held`}>{scope.held.count} held</Link>
              <ul className="reasons">
                {scope.held.reasons.map((r) => (
                  <li key={r.reason}>
                    {r.count} × {r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </dl>
      <HourlyChart hours={scope.last24h} />
    </section>
  );
}
