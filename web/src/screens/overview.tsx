import { useEffect } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/use-api';
import type { OverviewPage, ScopeHealth } from '../api/types';
import { ErrorBanner, Loading, StatusBadge, When } from '../components/feedback';
import { HourlyChart } from '../components/hourly-chart';
import { sourceLabel, mailServerPath } from './scope-links';
import { replyText } from '../components/reply';

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
        <button type="button" onClick={reload} disabled={loading}>Refresh</button>
      </div>
      <ErrorBanner error={error} title="The overview could not be loaded" />
      {!data && loading && <Loading what="the overview" />}
      {data && (
        <div className="cards">
          {data.scopes.map((scope) => <ScopeCard key={scope.scope} scope={scope} />)}
        </div>
      )}
      {data?.nextCursor && <p className="muted">Showing the first 100 tenants; see Tenants for the rest.</p>}
    </>
  );
}

function ScopeCard({ scope }: { scope: ScopeHealth }) {
  const headingId = `scope-${scope.scope}`;
  return (
    <section className={`card card-${scope.status}`} aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{scope.name}{scope.scope !== 'system' && <span className="muted"> ({scope.scope})</span>}</h2>
        <StatusBadge status={scope.status} />
      </div>
      <p>{scope.statusReason}</p>
      <dl className="facts">
        <dt>Mail server</dt>
        <dd><Link to={mailServerPath(scope.scope)}>{sourceLabel(scope.scope, scope.source, scope.provider)}</Link></dd>
        <dt>Last success</dt>
        <dd><When at={scope.lastSuccessAt} /></dd>
        <dt>Last failure</dt>
        <dd>
          {scope.lastFailure ? (
            <>
              <When at={scope.lastFailure.at} /> at {scope.lastFailure.stage}
              {scope.lastFailure.reply && <div><code>{replyText(scope.lastFailure.replyCode, scope.lastFailure.reply)}</code></div>}
            </>
          ) : <span className="muted">none</span>}
        </dd>
        <dt>Queue</dt>
        <dd>{scope.queueDepth} waiting</dd>
        <dt>Held</dt>
        <dd>
          {scope.held.count === 0 ? 'none' : (
            <>
              <Link to={`/deliveries?scope=${encodeURIComponent(scope.scope)}&state=held`}>{scope.held.count} held</Link>
              <ul className="reasons">{scope.held.reasons.map((r) => <li key={r.reason}>{r.count} × {r.reason}</li>)}</ul>
            </>
          )}
        </dd>
      </dl>
      <HourlyChart hours={scope.last24h} />
    </section>
  );
}
