import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { maxRecipients, newRecipient } from '../notification-validation';
import { TextField } from './field';
import { ErrorBanner, Notice, Progress } from './feedback';
import { UnsavedChanges } from './unsaved-changes';

interface RecipientListProps {
  /** Names the list for screen readers and in the labels ("Admin recipients"). */
  label: string;
  /** The list as stored. */
  recipients: readonly string[];
  /** Stores the whole new list (PUT) and gives it back as stored; throws the API's refusal. */
  save: (next: string[]) => Promise<readonly string[]>;
  /** Only the list, for a role that may not change it. */
  readOnly?: boolean;
}

/**
 * A recipient list: addresses are added and removed here, then stored with Save, like every
 * setting of the console. The count against the cap is always shown ("12 of 50"); an invalid,
 * duplicate or over-the-cap address is refused inline before any request.
 */
export function RecipientList({ label, recipients, save, readOnly = false }: RecipientListProps) {
  const [draft, setDraft] = useState<string[]>([...recipients]);
  const [address, setAddress] = useState('');
  const [tried, setTried] = useState(false);
  const [left, setLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const problem = newRecipient(address, draft);
  const full = draft.length >= maxRecipients;
  const nearlyFull = draft.length >= maxRecipients - 5;
  const added = draft.filter((item) => !recipients.includes(item));
  const removed = recipients.filter((item) => !draft.includes(item));
  const noun = label.toLowerCase();
  // Flagged as typed once the address could be whole (a domain with a dot after the @) or holds a
  // space; before that on leaving the field or on Add. A duplicate or a full list shows at once.
  const typedEnough = /@[^@\s]*\.[^@\s.]|\S\s/.test(address.trim());
  const shownProblem =
    problem === 'is required'
      ? tried
        ? problem
        : undefined
      : problem?.startsWith('is not')
        ? tried || left || typedEnough
          ? problem
          : undefined
        : problem;

  function add(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    setDraft([...draft, address.trim()]);
    setAddress('');
    setTried(false);
    setLeft(false);
    setSaved(false);
  }

  async function store() {
    setBusy(true);
    setError(undefined);
    try {
      setDraft([...(await save(draft))]);
      setSaved(true);
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="recipients">
      <p className={`count${nearlyFull ? ' count-warning' : ''}`} aria-live="polite">
        <strong>
          {draft.length} of {maxRecipients}
        </strong>{' '}
        {noun}
        {full
          ? ' — the list is full; remove one to add another.'
          : nearlyFull
            ? ` — ${maxRecipients - draft.length} more can be added.`
            : ''}
      </p>
      {draft.length > 0 && (
        <ul className="recipient-items" aria-label={label}>
          {draft.map((item) => (
            <li key={item} className={added.includes(item) ? 'recipient-added' : undefined}>
              <span>
                {item}
                {added.includes(item) && <span className="muted"> (not saved yet)</span>}
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => {
                    setDraft(draft.filter((r) => r !== item));
                    setSaved(false);
                  }}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    {item} from {noun}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <form className="add-recipient" onSubmit={add} noValidate>
            <TextField
              label={`Add to ${noun}`}
              type="email"
              inputMode="email"
              value={address}
              onChange={(value) => {
                setAddress(value);
                setError(undefined);
              }}
              onBlur={() => setLeft(address.trim() !== '')}
              error={shownProblem}
              placeholder="ops@example.com"
            />
            <button type="submit" disabled={busy || full}>
              Add<span className="visually-hidden"> to {noun}</span>
            </button>
          </form>
          {busy && <Progress label="Saving the list…" />}
          <ErrorBanner error={error} title="The list was not saved" />
          {saved && added.length + removed.length === 0 && <Notice kind="success">{label} saved.</Notice>}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || added.length + removed.length === 0} onClick={() => void store()}>
              Save {noun}
            </button>
            <UnsavedChanges
              changes={[...added.map((item) => `+ ${item}`), ...removed.map((item) => `− ${item}`)]}
              onDiscard={() => {
                setDraft([...recipients]);
                setSaved(false);
              }}
            />
          </div>
        </>
      )}
    </div>
  );
}
