import type { AuditPage } from '../api/types';
import { useApi } from '../api/use-api';
import { useAddressFilters } from '../components/address-filters';
import { DateRangeFields } from '../components/date-range';
import { ErrorBanner, Loading, When } from '../components/feedback';
import { Pager } from '../components/pager';
import { ScopeFilterField } from '../components/scope-filter';
import { auditActions, isProblem } from './audit-actions';

const pageSize = 50;

/** The audit log, newest first, with filters kept in the address and each entry's details (diffs). */
export function Audit() {
  const { filter, apply, clear, rangeProblem, pages, formKey } = useAddressFilters(['scope', 'action', 'actor']);
  const { data, error, loading, reload } = useApi<AuditPage>('/audit', { ...filter, cursor: pages.cursor, limit: pageSize });
  const names = data?.names ?? {};

  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <button type="button" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="lead">
        Every sign-in, change, test email and token, newest first. Entries are chained by hash; <code>herald audit verify</code> detects
        tampering.
      </p>
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log" key={formKey}>
        <ScopeFilterField id="audit-scope" defaultValue={filter.scope} />
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action}>
            <option value="">Any action</option>
            {Object.entries(auditActions).map(([action, label]) => (
              <option key={action} value={action}>
                {label} ({action})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <input
            id="audit-actor"
            name="actor"
            defaultValue={filter.actor}
            placeholder="Ada, ada@example.com, billing service"
            maxLength={120}
            aria-describedby="audit-actor-hint"
          />
          <p id="audit-actor-hint" className="hint">
            A name, e-mail or token label (part of it), or an id.
          </p>
        </div>
        <DateRangeFields id="audit" since={filter.since} until={filter.until} problem={rangeProblem} />
        <div className="actions">
          <button type="submit" className="primary">
            Apply filters
          </button>
          <button type="button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {!data && loading && <Loading what="the audit log" />}
      {data && data.items.length === 0 && <p>No entries match.</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Audit entries" tabIndex={0}>
          <table className="stack audit-table">
            <thead>
              <tr>
                <th scope="col" className="col-time">
                  Time
                </th>
                <th scope="col" className="col-name">
                  Actor
                </th>
                <th scope="col">Scope</th>
                <th scope="col" className="col-action">
                  Action
                </th>
                <th scope="col" className="col-name">
                  Target
                </th>
                <th scope="col">Address</th>
                <th scope="col" className="col-details">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.seq} className={isProblem(entry.action) ? 'row-problem' : undefined}>
                  <td data-label="Time">
                    <When at={entry.at} />
                  </td>
                  <td data-label="Actor">
                    <Named id={entry.actor} names={names} />
                  </td>
                  <td data-label="Scope">
                    <span title={entry.scope}>{entry.scope === 'system' ? 'System' : (names[`scope:${entry.scope}`] ?? entry.scope)}</span>
                  </td>
                  <td data-label="Action">
                    {auditActions[entry.action] ?? entry.action}
                    <br />
                    <code className="muted action-id">{entry.action}</code>
                  </td>
                  <td data-label="Target">{entry.target ? <Named id={entry.target} names={names} /> : <span className="muted">—</span>}</td>
                  <td data-label="Address">{entry.ip ?? <span className="muted">—</span>}</td>
                  <td data-label="Details">
                    {entry.action === 'access.denied' ? (
                      <DenialDetails details={entry.details} />
                    ) : (
                      <EntryDetails details={entry.details} />
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

/**
 * An actor or target by its name as the API gives it, the id on hover (and to screen readers after
 * the name); a deleted account or an object without a name shows its id.
 */
function Named({ id, names }: { id: string; names: Record<string, string> }) {
  const name = names[id];
  if (!name) return <code className="entry-id">{id}</code>;
  return (
    <span title={id}>
      {name}
      <span className="visually-hidden"> ({id})</span>
    </span>
  );
}

/** A refused request: what it needed, where, and how many more came from the same actor the minute before. */
function DenialDetails({ details }: { details: Record<string, unknown> }) {
  const scopes = Array.isArray(details.scopes) && details.scopes.length > 0 ? ` in ${details.scopes.join(', ')}` : '';
  const reason = details.reason === 'not_found' ? "outside the caller's scope" : `needs ${show(details.permission)}`;
  return (
    <>
      <code>
        {show(details.method)} {show(details.route)}
      </code>
      {scopes}: {reason}
      {typeof details.deniedPreviousMinute === 'number' && (
        <p className="muted">{details.deniedPreviousMinute} refused the minute before</p>
      )}
    </>
  );
}

/** What a user entry's `password` says: whether the account got one, never the password. */
const passwordWords: Record<string, string> = {
  none: 'none (receives notifications only, cannot sign in)',
  set: 'set (can sign in)',
  changed: 'changed',
};

/** A value that reads on one line: not an object, or a list of such values. */
const isFlat = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'));

const show = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(show).join(', ')
        : JSON.stringify(value);

/** An entry's details: a field-level diff as a from → to table, flat values as a list, anything else as JSON. */
function EntryDetails({ details }: { details: Record<string, unknown> }) {
  const { changes, ...rest } = details;
  const hasRest = Object.keys(rest).length > 0;
  if (!changes && !hasRest) return <span className="muted">—</span>;
  return (
    <>
      {changes && typeof changes === 'object' && (
        <table className="diff">
          <caption className="visually-hidden">Changed fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(changes as Record<string, unknown>).map(([field, change]) => {
              const diff =
                change && typeof change === 'object' && 'from' in change ? (change as { from: unknown; to: unknown }) : undefined;
              return (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  {diff ? (
                    <>
                      <td className="from">{show(diff.from)}</td>
                      <td className="to">{show(diff.to)}</td>
                    </>
                  ) : (
                    <td colSpan={2}>{show(change)}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {hasRest && Object.values(rest).every(isFlat) ? (
        <ul className="entry-facts">
          {Object.entries(rest).map(([key, value]) => (
            <li key={key}>
              <span className="muted">{key}:</span> {key === 'password' ? (passwordWords[String(value)] ?? show(value)) : show(value)}
            </li>
          ))}
        </ul>
      ) : (
        hasRest && (
          <details>
            <summary>Details</summary>
            <pre className="details-json">{JSON.stringify(rest, null, 2)}</pre>
          </details>
        )
      )}
    </>
  );
}
