import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { EventTypeItem } from '../api/rules-types';
import { Badge, ErrorBanner, Notice, Progress } from '../components/feedback';
import { RecipientList } from '../components/recipient-list';
import { UnsavedChanges } from '../components/unsaved-changes';
import { RegisterEventType } from './register-event-type';

type Choice = 'inherit' | 'on' | 'off';

const choiceOf = (enabled: boolean | null): Choice => (enabled === null ? 'inherit' : enabled ? 'on' : 'off');
const choiceLabels: Record<Choice, string> = { inherit: 'Inherit', on: 'On', off: 'Off' };
const settingsPath = (base: string, type: string) => `${base}/event-types/${encodeURIComponent(type)}/settings`;

/** Where a type's effective toggle comes from (the API's enabledSource), in words. */
export function toggleSource(type: EventTypeItem, isSystem: boolean): string {
  if (type.enabledSource === 'scope') return isSystem ? 'set for the system' : 'set for this tenant';
  return type.enabledSource === 'system' ? 'inherited from the system' : 'built-in default';
}

interface PanelProps {
  base: string;
  isSystem: boolean;
  types: EventTypeItem[];
  adminRecipients: string[];
  onChanged: () => void;
}

/**
 * The scope's event catalogue grouped by category: each type's toggle (changed here, stored with
 * Save event types) and who it goes to, with its own recipient list for the admins' types.
 */
export function EventTypesPanel({ base, isSystem, types, adminRecipients, onChanged }: PanelProps) {
  const [draft, setDraft] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const categories = [...new Set(types.map((type) => type.category))];
  const changed = types.filter((type) => draft[type.id] !== undefined);

  function choose(type: EventTypeItem, choice: Choice) {
    const { [type.id]: _, ...rest } = draft;
    setDraft(choice === choiceOf(type.override.enabled) ? rest : { ...rest, [type.id]: choice });
    setSaved(false);
  }

  async function save() {
    setBusy(true);
    setError(undefined);
    const left = { ...draft };
    try {
      for (const type of changed) {
        const choice = draft[type.id]!;
        await api('PUT', settingsPath(base, type.id), { body: { enabled: choice === 'inherit' ? null : choice === 'on' } });
        delete left[type.id];
      }
      setSaved(true);
    } catch (reason) {
      setError(reason instanceof ApiError ? reason : new ApiError(0, 'unknown', String(reason)));
    } finally {
      setDraft(left);
      setBusy(false);
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading">Event types</h2>
      <p className="hint">
        Each type sends or not in this scope. <em>Inherit</em> follows{' '}
        {isSystem ? 'the built-in default' : "the system's choice (or the built-in default)"}; the line under each says what applies now and
        where it comes from. An event that names its own recipients goes to those, whatever the lists here say.
      </p>
      {categories.map((category) => (
        <section key={category} className="category" aria-labelledby={`category-${category}`}>
          <h3 id={`category-${category}`}>{categoryLabel(category)}</h3>
          <ul className="event-types">
            {types
              .filter((type) => type.category === category)
              .map((type) => (
                <EventTypeRow
                  key={type.id}
                  base={base}
                  isSystem={isSystem}
                  type={type}
                  choice={draft[type.id] ?? choiceOf(type.override.enabled)}
                  changed={draft[type.id] !== undefined}
                  onChoose={(choice) => choose(type, choice)}
                  adminRecipients={adminRecipients}
                  onChanged={onChanged}
                />
              ))}
          </ul>
        </section>
      ))}
      <ErrorBanner error={error} title="Not every change was saved" />
      {busy && <Progress label="Saving the event types…" />}
      {saved && changed.length === 0 && <Notice kind="success">Event types saved.</Notice>}
      <div className="actions sticky-actions">
        <button type="button" className="primary" disabled={busy || changed.length === 0} onClick={() => void save()}>
          Save event types
        </button>
        <UnsavedChanges
          changes={changed.map((type) => `${type.title}: ${choiceLabels[draft[type.id]!].toLowerCase()}`)}
          onDiscard={() => setDraft({})}
        />
      </div>
      <RegisterEventType base={base} isSystem={isSystem} onRegistered={onChanged} />
    </section>
  );
}

function categoryLabel(category: string): string {
  return category.charAt(0).toUpperCase() + category.slice(1);
}

/** Who a type's emails go to, said as it is. */
function audienceText(type: EventTypeItem, adminRecipients: string[], isSystem: boolean): string {
  const scope = isSystem ? 'the system' : 'this tenant';
  if (type.audience === 'user') return 'the user the event names, unless they turned it off in My notifications';
  if (type.audience === 'subscribers') return `members of ${scope} who turned it on in My notifications`;
  if (type.override.recipients !== null) return `its own list of ${type.override.recipients.length} (not the admin recipients)`;
  return adminRecipients.length === 0
    ? `the admin recipients of ${scope}: none yet, so it reaches nobody`
    : `the admin recipients of ${scope} (${adminRecipients.length})`;
}

interface RowProps {
  base: string;
  isSystem: boolean;
  type: EventTypeItem;
  choice: Choice;
  changed: boolean;
  onChoose: (choice: Choice) => void;
  adminRecipients: string[];
  onChanged: () => void;
}

function EventTypeRow({ base, isSystem, type, choice, changed, onChoose, adminRecipients, onChanged }: RowProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const selectId = `toggle-${type.id}`;

  /** Stores the type's own recipient list (null: back to the admin recipients); gives the list as stored. */
  async function putRecipients(recipients: string[] | null): Promise<string[]> {
    setBusy(true);
    setError(undefined);
    try {
      const stored = await api<{ recipients: string[] | null }>('PUT', settingsPath(base, type.id), { body: { recipients } });
      onChanged();
      return stored.recipients ?? [];
    } catch (reason) {
      setError(reason as ApiError);
      throw reason;
    } finally {
      setBusy(false);
    }
  }

  const own = type.override.recipients;
  return (
    <li className={`event-type${changed ? ' event-type-changed' : ''}`}>
      <div className="event-type-head">
        <div>
          <label htmlFor={selectId} className="event-title">
            {type.title}
          </label>{' '}
          <code className="muted">{type.id}</code>
          <div className="hint">
            <Badge tone={type.severity === 'critical' ? 'failing' : type.severity === 'warning' ? 'held' : 'untested'}>
              {type.severity}
            </Badge>{' '}
            goes to {audienceText(type, adminRecipients, isSystem)}
            {!type.optOut && ' · mandatory for members'}
          </div>
        </div>
        <div className="event-toggle">
          <select
            id={selectId}
            value={choice}
            aria-describedby={`${selectId}-state`}
            onChange={(event) => onChoose(event.target.value as Choice)}
          >
            <option value="inherit">Inherit</option>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
          <p id={`${selectId}-state`} className="effective">
            <span className={type.enabled ? 'state-on' : 'state-off'}>{type.enabled ? 'Sends' : 'Does not send'}</span> —{' '}
            {toggleSource(type, isSystem)}
            {changed && <span className="changed-mark"> · changed, not saved</span>}
          </p>
        </div>
      </div>
      <ErrorBanner error={error} title={`${type.title} was not changed`} />
      {type.audience === 'admins' && (
        <details className="event-recipients">
          <summary>
            Recipients: {own === null ? 'the admin recipients' : `its own list of ${own.length}`}
            <span className="visually-hidden"> for {type.title}</span>
          </summary>
          {own === null ? (
            <p>
              It goes to the admin recipients. Give it a list of its own, which starts as a copy of them.{' '}
              <button type="button" disabled={busy} onClick={() => void putRecipients(adminRecipients).catch(() => undefined)}>
                Use its own list<span className="visually-hidden"> for {type.title}</span>
              </button>
            </p>
          ) : (
            <>
              <RecipientList label={`Recipients of ${type.title}`} recipients={own} save={putRecipients} />
              <button type="button" className="link-button" disabled={busy} onClick={() => void putRecipients(null).catch(() => undefined)}>
                Go back to the admin recipients<span className="visually-hidden"> for {type.title}</span>
              </button>
            </>
          )}
        </details>
      )}
    </li>
  );
}
