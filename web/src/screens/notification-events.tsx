import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import type { EventTypeItem } from '../api/rules-types';
import { Badge, ErrorBanner } from '../components/feedback';
import { RecipientList } from '../components/recipient-list';
import { RegisterEventType } from './register-event-type';

type Choice = 'inherit' | 'on' | 'off';

const choiceOf = (enabled: boolean | null): Choice => (enabled === null ? 'inherit' : enabled ? 'on' : 'off');

/** Where a type's effective toggle comes from (the API's enabledSource), in words. */
export function toggleSource(type: EventTypeItem, isSystem: boolean): string {
  if (type.enabledSource === 'scope') return isSystem ? 'set for the system' : 'set for this tenant';
  return type.enabledSource === 'system' ? 'inherited from the system' : 'built-in default';
}

/** The scope's event catalogue grouped by category, each type with its toggle and recipients. */
export function EventTypesPanel({ base, isSystem, types, adminRecipients, onChanged }: { base: string; isSystem: boolean; types: EventTypeItem[]; adminRecipients: string[]; onChanged: () => void }) {
  const categories = [...new Set(types.map((type) => type.category))];
  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading">Event types</h2>
      <p className="hint">
        Each type sends or not in this scope. <em>Inherit</em> follows {isSystem ? 'the built-in default' : "the system's choice (or the built-in default)"}; the line under each shows what applies now and where it comes from.
      </p>
      {categories.map((category) => (
        <section key={category} className="category" aria-labelledby={`category-${category}`}>
          <h3 id={`category-${category}`}>{categoryLabel(category)}</h3>
          <ul className="event-types">
            {types.filter((type) => type.category === category).map((type) => (
              <EventTypeRow key={type.id} base={base} isSystem={isSystem} type={type} adminRecipients={adminRecipients} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      ))}
      <RegisterEventType base={base} isSystem={isSystem} onRegistered={onChanged} />
    </section>
  );
}

function categoryLabel(category: string): string {
  return category.charAt(0).toUpperCase() + category.slice(1);
}

const audienceLabels = { admins: 'to the admin recipients', user: 'to the user it concerns', subscribers: 'to members who opted in' } as const;

function EventTypeRow({ base, isSystem, type, adminRecipients, onChanged }: { base: string; isSystem: boolean; type: EventTypeItem; adminRecipients: string[]; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const path = `${base}/event-types/${encodeURIComponent(type.id)}/settings`;
  const selectId = `toggle-${type.id}`;

  async function put(body: { enabled?: boolean | null; recipients?: string[] | null }) {
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', path, { body });
      onChanged();
    } catch (reason) {
      setError(reason as ApiError);
      throw reason;
    } finally {
      setBusy(false);
    }
  }

  const own = type.override.recipients;
  return (
    <li className="event-type">
      <div className="event-type-head">
        <div>
          <label htmlFor={selectId} className="event-title">{type.title}</label>{' '}
          <code className="muted">{type.id}</code>
          <div className="hint">
            <Badge tone={type.severity === 'critical' ? 'failing' : type.severity === 'warning' ? 'held' : 'untested'}>{type.severity}</Badge>{' '}
            sent {audienceLabels[type.audience]}{!type.optOut && ' · mandatory for members'}
          </div>
        </div>
        <div className="event-toggle">
          <select id={selectId} value={choiceOf(type.override.enabled)} disabled={busy} aria-describedby={`${selectId}-state`}
            onChange={(event) => { const choice = event.target.value as Choice; void put({ enabled: choice === 'inherit' ? null : choice === 'on' }).catch(() => undefined); }}>
            <option value="inherit">Inherit</option>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
          <p id={`${selectId}-state`} className="effective">
            <span className={type.enabled ? 'state-on' : 'state-off'}>{type.enabled ? 'Sends' : 'Does not send'}</span> — {toggleSource(type, isSystem)}
          </p>
        </div>
      </div>
      <ErrorBanner error={error} title={`${type.title} was not changed`} />
      {type.audience === 'admins' && (
        <details className="event-recipients">
          <summary>Recipients: {own === null ? 'the admin recipients' : `${own.length} of its own`}<span className="visually-hidden"> for {type.title}</span></summary>
          {own === null ? (
            <p>
              This event goes to the scope's admin recipients. Its own list starts as a copy of them.{' '}
              <button type="button" disabled={busy} onClick={() => void put({ recipients: adminRecipients }).catch(() => undefined)}>Use its own list<span className="visually-hidden"> for {type.title}</span></button>
            </p>
          ) : (
            <>
              <RecipientList label={`Recipients of ${type.title}`} recipients={own} save={(next) => put({ recipients: next })} />
              <button type="button" className="link-button" disabled={busy} onClick={() => void put({ recipients: null }).catch(() => undefined)}>Go back to the admin recipients<span className="visually-hidden"> for {type.title}</span></button>
            </>
          )}
        </details>
      )}
    </li>
  );
}
