import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

/** The API's refusal, word for word, with the fields it names. */
export function ErrorBanner({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title ?? 'The request was refused'}</strong>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.field}-${detail.rule}`}>
              <code>{detail.field}</code> {detail.message}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        Code: <code>{error.code}</code>
        {error.status ? ` (HTTP ${error.status})` : ''}
      </p>
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div className={`banner banner-${kind}`} role="status">
      {children}
    </div>
  );
}

/** An indeterminate progress line for operations that take a while. */
export function Progress({ label }: { label: string }) {
  return (
    <div className="progress" role="status" aria-live="polite">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

const stateLabels: Record<string, string> = { working: 'Mail works', failing: 'Failing', held: 'Held', untested: 'No mail yet' };

/** A coloured badge whose text says what the colour means. */
export function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={status}>{stateLabels[status] ?? status}</Badge>;
}

export function StateBadge({ state }: { state: string }) {
  const tone = state === 'sent' ? 'working' : state === 'failed' ? 'failing' : state === 'held' ? 'held' : 'untested';
  return <Badge tone={tone}>{state}</Badge>;
}

export function When({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="muted">never</span>;
  const date = new Date(at);
  return (
    <time dateTime={at} title={date.toISOString()}>
      {date.toLocaleString()}
    </time>
  );
}
