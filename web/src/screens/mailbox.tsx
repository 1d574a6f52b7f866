import { Link, useParams } from 'react-router';
import { useApi } from '../api/use-api';
import type { MailboxItem, MailboxMessage, Page } from '../api/types';
import { ErrorBanner, Loading, When } from '../components/feedback';
import { Pager, useCursorPages } from '../components/pager';
import { RenderedEmail } from '../components/rendered-email';

/** What the built-in provider "delivered": Herald's own mailbox, newest first. */
export function Mailbox() {
  const pages = useCursorPages();
  const { data, error, loading, reload } = useApi<Page<MailboxItem>>('/mailbox', { cursor: pages.cursor, limit: 25 });
  return (
    <>
      <div className="page-head">
        <h1>Built-in mailbox</h1>
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="lead">Mail sent with the Built-in provider stays here instead of leaving the machine.</p>
      <ErrorBanner error={error} title="The mailbox could not be loaded" />
      {!data && loading && <Loading what="the mailbox" />}
      {data && data.items.length === 0 && <p>The mailbox is empty.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Mailbox" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">From</th>
                <th scope="col">Scope</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td data-label="Subject">
                    <Link to={`/mailbox/${encodeURIComponent(item.id)}`}>{item.subject || '(no subject)'}</Link>
                  </td>
                  <td data-label="To">{item.to}</td>
                  <td data-label="From">{item.from}</td>
                  <td data-label="Scope">{item.scope}</td>
                  <td data-label="Received">
                    <When at={item.receivedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pages={pages} nextCursor={data?.nextCursor} />
    </>
  );
}

export function MailboxMessageScreen() {
  const { id = '' } = useParams();
  const { data, error } = useApi<MailboxMessage>(`/mailbox/${encodeURIComponent(id)}`);
  if (error) return <ErrorBanner error={error} title="The message could not be loaded" />;
  if (!data) return <Loading what="the message" />;
  return (
    <>
      <p>
        <Link to="/mailbox">← Mailbox</Link>
      </p>
      <h1>{data.subject || '(no subject)'}</h1>
      <dl className="facts">
        <dt>From</dt>
        <dd>{data.from}</dd>
        <dt>To</dt>
        <dd>{data.to}</dd>
        <dt>Received</dt>
        <dd>
          <When at={data.receivedAt} />
        </dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{data.messageId}</code>
        </dd>
      </dl>
      <RenderedEmail subject={data.subject} html={data.html} text={data.text} />
    </>
  );
}
