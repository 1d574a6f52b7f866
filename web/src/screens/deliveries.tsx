import { Link } from 'react-router';
import { useApi } from '../api/use-api';
import { EventTypeFilterField, useEventTypes } from './event-type-filter';
import type { DeliverySummary, MessageState, Page } from '../api/types';
import { ErrorBanner, Loading, StateBadge, When } from '../components/feedback';
import { useAddressFilters } from '../components/address-filters';
import { Pager } from '../components/pager';
import { DateRangeFields } from '../components/date-range';
import { ScopeFilterField } from '../components/scope-filter';
import { replyText } from '../components/reply';

const states: MessageState[] = ['queued', 'sending', 'sent', 'deferred', 'failed', 'held', 'cancelled'];
const pageSize = 25;

/**
 * The delivery history (every message) or the failure history (failed and deferred, with the
 * last reply). Filters live in the address, so a filtered view can be shared and reloaded.
 */
export function Deliveries({ mode }: { mode: 'all' | 'failures' }) {
  const {
    filter: address,
    apply,
    clear,
    rangeProblem,
    pages,
    formKey,
  } = useAddressFilters(['scope', 'state', 'recipient', 'type', 'event']);
  const filter = { ...address, state: mode === 'all' ? address.state : '' };
  const types = useEventTypes();
  const { data, error, loading, reload } = useApi<Page<DeliverySummary>>(mode === 'all' ? '/deliveries' : '/deliveries/failures', {
    ...filter,
    state: filter.state ? [filter.state] : undefined,
    cursor: pages.cursor,
    limit: pageSize,
  });
  const title = mode === 'all' ? 'Deliveries' : 'Failure history';

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      {mode === 'failures' && (
        <p className="lead">Messages that failed for good, and those waiting to be retried, with the server's last reply.</p>
      )}
      <form className="filters" onSubmit={apply} aria-label={`Filter ${title.toLowerCase()}`} key={formKey}>
        <ScopeFilterField id="filter-scope" defaultValue={filter.scope} />
        {mode === 'all' && (
          <div className="field">
            <label htmlFor="filter-state">State</label>
            <select id="filter-state" name="state" defaultValue={filter.state}>
              <option value="">Any state</option>
              {states.map((state) => (
                <option key={state} value={state}>
                  {state}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="filter-recipient">Recipient</label>
          <input id="filter-recipient" name="recipient" type="email" defaultValue={filter.recipient} autoComplete="off" />
        </div>
        <EventTypeFilterField id="filter-type" types={types} defaultValue={filter.type} />
        <div className="field">
          <label htmlFor="filter-event">Event id</label>
          <input id="filter-event" name="event" defaultValue={filter.event} autoComplete="off" />
        </div>
        <DateRangeFields id="filter" since={filter.since} until={filter.until} problem={rangeProblem} />
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button type="button" className="link-button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <ErrorBanner error={error} title="The list could not be loaded" />
      {!data && loading && <Loading what={title.toLowerCase()} />}
      {data && data.items.length === 0 && <p>No messages match.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Subject</th>
                <th scope="col">Recipient</th>
                <th scope="col">Scope</th>
                <th scope="col">Attempts</th>
                <th scope="col">{mode === 'all' ? 'Created' : 'Last reply'}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td data-label="State">
                    <StateBadge state={item.state} />
                  </td>
                  <td data-label="Subject">
                    <Link to={`/deliveries/${encodeURIComponent(item.id)}`}>{item.subject || '(no subject)'}</Link>
                  </td>
                  <td data-label="Recipient">{item.recipient}</td>
                  <td data-label="Scope">{item.scope}</td>
                  <td data-label="Attempts">{item.attempts}</td>
                  <td data-label="When / reply">
                    {mode === 'all' ? (
                      <When at={item.createdAt} />
                    ) : (
                      <>
                        {item.lastReply ? (
                          <code>{replyText(item.lastReplyCode, item.lastReply)}</code>
                        ) : (
                          <span className="muted">no reply</span>
                        )}
                        {item.lastStage && <div className="muted">at {item.lastStage}</div>}
                      </>
                    )}
                    {item.heldReason && <div className="muted">held: {item.heldReason}</div>}
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
