import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import type { DeliveryDetail } from '../api/types';
import { ErrorBanner, Loading, Notice, Progress, StateBadge, When } from '../components/feedback';
import { RenderedEmail } from '../components/rendered-email';
import { replyText } from '../components/reply';

const inFlight = new Set(['queued', 'sending']);

/** One message: its state, every attempt with the server's reply, the rendered email, resend (or retry now, when deferred). */
export function DeliveryDetailScreen() {
  const { id = '' } = useParams();
  const path = `/deliveries/${encodeURIComponent(id)}`;
  const { data, error, loading, reload } = useApi<DeliveryDetail>(path);
  const [resending, setResending] = useState(false);
  const [resent, setResent] = useState(false);
  const [triedBefore, setTriedBefore] = useState(0);
  const [resendError, setResendError] = useState<ApiError>();
  // After a resend, follow the message until it leaves the queue (a deferred one until it is tried).
  const watching =
    resent &&
    (loading || (data !== undefined && (inFlight.has(data.state) || (data.state === 'deferred' && data.attempts === triedBefore))));

  useEffect(() => {
    if (!watching || loading) return;
    const timer = setTimeout(reload, 700);
    return () => clearTimeout(timer);
  }, [watching, loading, reload]);

  async function resend() {
    setResending(true);
    setResendError(undefined);
    try {
      setTriedBefore(data?.attempts ?? 0);
      await api('POST', `${path}/retry`);
      setResent(true);
      reload();
    } catch (reason) {
      setResendError(reason as ApiError);
    } finally {
      setResending(false);
    }
  }

  if (error) return <ErrorBanner error={error} title="The message could not be loaded" />;
  if (!data) return <Loading what="the message" />;
  const canResend = data.state === 'failed' || data.state === 'held';
  const canRetryNow = data.state === 'deferred';
  return (
    <>
      <p>
        <Link to="/deliveries">← Deliveries</Link>
      </p>
      <div className="page-head">
        <h1>{data.subject || '(no subject)'}</h1>
        <StateBadge state={data.state} />
      </div>
      <dl className="facts">
        <dt>To</dt>
        <dd>{data.recipient}</dd>
        <dt>Scope</dt>
        <dd>{data.scope}</dd>
        <dt>Event</dt>
        <dd>
          <code>{data.eventId}</code>
        </dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{data.messageId}</code>
        </dd>
        <dt>Created</dt>
        <dd>
          <When at={data.createdAt} />
        </dd>
        <dt>Sent</dt>
        <dd>
          <When at={data.sentAt} />
        </dd>
        {data.nextAttemptAt && (
          <>
            <dt>Next attempt</dt>
            <dd>
              <When at={data.nextAttemptAt} />
            </dd>
          </>
        )}
        {data.heldReason && (
          <>
            <dt>Held because</dt>
            <dd>{data.heldReason}</dd>
          </>
        )}
        {data.cancelled && (
          <>
            <dt>Cancelled</dt>
            <dd>
              by {data.cancelled.by}: {data.cancelled.reason}
            </dd>
          </>
        )}
        {data.lastReply && (
          <>
            <dt>Last reply</dt>
            <dd>
              <code>{replyText(data.lastReplyCode, data.lastReply)}</code>
              {data.lastStage && <> at {data.lastStage}</>}
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        {canResend && (
          <button type="button" className="primary" onClick={resend} disabled={resending || watching}>
            Resend
          </button>
        )}
        {canRetryNow && (
          <button type="button" className="primary" onClick={resend} disabled={resending || watching}>
            Retry now
          </button>
        )}
        {canRetryNow && data.nextAttemptAt && (
          <span className="muted">
            Next retry by itself: <When at={data.nextAttemptAt} />
          </span>
        )}
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      {(resending || watching) && <Progress label="Resending… waiting for the outcome" />}
      {!watching && data.state === 'sent' && data.attempts > 1 && <Notice kind="success">Delivered on attempt {data.attempts}.</Notice>}
      <ErrorBanner error={resendError} title="The message was not resent" />

      <h2>Attempts</h2>
      {data.attemptHistory.length === 0 ? (
        <p>No attempt yet.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Attempts" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col">Stage</th>
                <th scope="col">Server reply</th>
                <th scope="col">Settings</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {data.attemptHistory.map((attempt) => (
                <tr key={attempt.number} className={attempt.outcome === 'sent' ? '' : 'row-problem'}>
                  <td data-label="#">{attempt.number}</td>
                  <td data-label="Started">
                    <When at={attempt.startedAt} />
                  </td>
                  <td data-label="Outcome">{attempt.outcome}</td>
                  <td data-label="Stage">{attempt.stage}</td>
                  <td data-label="Server reply">
                    {attempt.reply || attempt.replyCode ? (
                      <code>{replyText(attempt.replyCode, attempt.reply)}</code>
                    ) : (
                      <span className="muted">{attempt.errorCode ?? '—'}</span>
                    )}
                  </td>
                  <td data-label="Settings">{attempt.settingsScope ? `${attempt.settingsScope} v${attempt.settingsVersion}` : '—'}</td>
                  <td data-label="Took">{attempt.durationMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>The email</h2>
      <RenderedEmail subject={data.subject} html={data.html} text={data.text} />
    </>
  );
}
