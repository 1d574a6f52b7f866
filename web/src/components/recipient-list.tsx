import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { maxRecipients, newRecipient } from '../notification-validation';
import { TextField } from './field';
import { ErrorBanner, Progress } from './feedback';

interface RecipientListProps {
  /** Names the list for screen readers and in the labels ("Admin recipients"). */
  label: string;
  recipients: readonly string[];
  /** Stores the whole new list (PUT); throws the API's refusal. */
  save: (next: string[]) => Promise<void>;
}

/**
 * A recipient list with add and remove: the count against the cap is always shown ("12 of 50"),
 * and an invalid, duplicate or over-the-cap address is refused inline before any request.
 */
export function RecipientList({ label, recipients, save }: RecipientListProps) {
  const [address, setAddress] = useState('');
  const [tried, setTried] = useState(false);
  const [left, setLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const problem = newRecipient(address, recipients);
  const full = recipients.length >= maxRecipients;
  const nearlyFull = recipients.length >= maxRecipients - 5;
  // Flagged as typed once the address could be whole (a domain with a dot after the @) or holds a
  // space; before that on leaving the field or on Add. A duplicate or a full list shows at once.
  const typedEnough = /@[^@\s]*\.[^@\s.]|\S\s/.test(address.trim());
  const shownProblem = problem === 'is required' ? (tried ? problem : undefined)
    : problem?.startsWith('is not') ? (tried || left || typedEnough ? problem : undefined) : problem;

  async function store(next: string[]) {
    setBusy(true);
    setError(undefined);
    try {
      await save(next);
      return true;
    } catch (reason) {
      setError(reason as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    if (await store([...recipients, address.trim()])) {
      setAddress('');
      setTried(false);
      setLeft(false);
    }
  }

  return (
    <div className="recipients">
      <p className={`count${nearlyFull ? ' count-warning' : ''}`} aria-live="polite">
        <strong>{recipients.length} of {maxRecipients}</strong> {label.toLowerCase()}
        {full ? ' — the list is full; remove one to add another.' : nearlyFull ? ` — ${maxRecipients - recipients.length} more can be added.` : ''}
      </p>
      {recipients.length > 0 && (
        <ul className="recipient-items" aria-label={label}>
          {recipients.map((item) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" className="link-button" disabled={busy} onClick={() => store(recipients.filter((r) => r !== item))}>
                Remove<span className="visually-hidden"> {item} from {label.toLowerCase()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="add-recipient" onSubmit={add} noValidate>
        <TextField
          label={`Add to ${label.toLowerCase()}`}
          type="email"
          inputMode="email"
          value={address}
          onChange={(value) => { setAddress(value); setError(undefined); }}
          onBlur={() => setLeft(address.trim() !== '')}
          error={shownProblem}
          placeholder="ops@example.com"
        />
        <button type="submit" disabled={busy || full}>Add<span className="visually-hidden"> to {label.toLowerCase()}</span></button>
      </form>
      {busy && <Progress label="Saving the list…" />}
      <ErrorBanner error={error} title="The list was not changed" />
    </div>
  );
}
