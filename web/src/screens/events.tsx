import { Link } from 'react-router';
import type { EventPage } from '../api/types';
import { useApi } from '../api/use-api';
import { DateRangeFields } from '../components/date-range';
import { Badge, ErrorBanner, Loading, StateBadge, When } from '../components/feedback';
import { useAddressFilters } from '../components/address-filters';
import { Pager } from '../components/pager';
import { ScopeFilterField } from '../components/scope-filter';
import { EventTypeFilterField, useEventTypes } from './event-type-filter';
import { scopePagePath } from './scope-links';

const pageSize = 25;
const outcomes = { queued: 'Sent', suppressed: 'Suppressed', grouped: 'Grouped' } as const;

/** What each suppression reason means, said to whoever reads the event, with where to change it. */
const reasonWords: Record<string, { words: string; fix?: 'recipients' | 'event-types' | 'silences' | 'delivery' }> = {
  email_disabled: { words: 'Email is turned off for this scope.' },
  event_disabled: { words: 'This event type is turned off.', fix: 'event-types' },
  silenced: { words: 'A silence covered it.', fix: 'silences' },
  repeat_interval: { words: 'Already notified; it is sent again after the repeat interval.', fix: 'delivery' },
  not_firing: { words: 'A resolution for an alert that was not firing: nothing to say.' },
  no_recipients: { words: 'Nobody to send to: the scope has no admin recipients (and the type no list of its own).', fix: 'recipients' },
};

/** A reason as stored (`code: text`): its code and the API's own words. */
export function splitReason(reason: string | null): { code: string; text: string } {
  const at = (reason ?? '').indexOf(':');
  return at < 0 ? { code: reason ?? '', text: '' } : { code: reason!.slice(0, at).trim(), text: reason!.slice(at + 1).trim() };
}

/**
 * Every event with what Herald decided for it: sent (and to whom, in what state), grouped into a
 * digest, or suppressed and why, in words, with the way to the setting that decided it. Filters
 * live in the address.
 */
export function Events() {
  const { filter, apply, clear, rangeProblem, pages, formKey } = useAddressFilters(['scope', 'type', 'outcome']);
  const { data, error, loading, reload } = useApi<EventPage>('/events', { ...filter, cursor: pages.cursor, limit: pageSize });
  const types = useEventTypes();
  const titleOf = (id: string) => types?.find((type) => type.id === id)?.title ?? id;

  return (
    <>
      <div className="page-head">
        <h1>Events</h1>
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="lead">Every event your platform sent to Herald, and what became of it: the mail it made, or why it made none.</p>
      <form className="filters" onSubmit={apply} aria-label="Filter events" key={formKey}>
        <ScopeFilterField id="events-scope" defaultValue={filter.scope} />
        <EventTypeFilterField id="events-type" types={types} defaultValue={filter.type} />
        <div className="field">
          <label htmlFor="events-outcome">Outcome</label>
          <select id="events-outcome" name="outcome" defaultValue={filter.outcome}>
            <option value="">Any outcome</option>
            {Object.entries(outcomes).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFields id="events" since={filter.since} until={filter.until} problem={rangeProblem} />
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button type="button" className="link-button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <ErrorBanner error={error} title="The events could not be loaded" />
      {!data && loading && <Loading what="events" />}
      {data && data.items.length === 0 && <p>No events match.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Events" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Scope</th>
                <th scope="col">Outcome</th>
                <th scope="col">Mail</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id} className={item.outcome === 'suppressed' ? 'row-problem' : undefined}>
                  <td data-label="Time">
                    <When at={new Date(item.createdAt).toISOString()} />
                  </td>
                  <td data-label="Event">
                    {titleOf(item.type)}
                    <br />
                    <code className="muted action-id">{item.type}</code>
                  </td>
                  <td data-label="Scope">{item.scope}</td>
                  <td data-label="Outcome">
                    <Outcome item={item} />
                  </td>
                  <td data-label="Mail">
                    {item.messages.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="event-messages">
                        {item.messages.map((message) => (
                          <li key={message.id}>
                            <StateBadge state={message.state} />{' '}
                            <Link to={`/deliveries/${encodeURIComponent(message.id)}`}>{message.recipient}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
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

function Outcome({ item }: { item: EventPage['items'][number] }) {
  const { code, text } = splitReason(item.reason);
  const reason = reasonWords[code];
  const notes = item.notes.filter((note) => note.kind === 'warning' || note.recipient !== null);
  return (
    <>
      <Badge tone={item.outcome === 'suppressed' ? 'failing' : item.outcome === 'grouped' ? 'held' : 'working'}>
        {outcomes[item.outcome]}
      </Badge>
      {item.outcome === 'grouped' && <p className="outcome-words">Waiting for the digest of its group (group window).</p>}
      {item.outcome === 'suppressed' && (
        <p className="outcome-words">
          {reason?.words ?? code}{' '}
          {reason?.fix && <Link to={`${scopePagePath('/notifications')(item.scope)}?section=${reason.fix}`}>Change it</Link>}
          {text && <span className="muted"> ({text})</span>}
        </p>
      )}
      {notes.length > 0 && (
        <details>
          <summary>
            {notes.length} note{notes.length === 1 ? '' : 's'}
          </summary>
          <ul className="entry-facts">
            {notes.map((note, index) => (
              <li key={index}>
                <code>{note.code}</code>
                {note.recipient ? ` ${note.recipient}` : ''}: {note.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
