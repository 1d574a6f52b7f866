import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, type ApiError } from '../api/client';
import type { EventTypeItem, Silence } from '../api/rules-types';
import { useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/confirm';
import { Field, SelectField, TextField } from '../components/field';
import { ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { timeOfDay } from '../notification-validation';

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Label matchers typed one a line as `name=value` (an event matches when it has every one), or
 * what is wrong with them.
 */
export function parseLabels(text: string): { labels: Record<string, string>; problem?: string } {
  const labels: Record<string, string> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const match = /^([^=\s]{1,100})\s*=\s*(.{1,1000})$/.exec(line);
    if (!match) return { labels, problem: `has "${line}": write each as name=value` };
    labels[match[1]!] = match[2]!.trim();
  }
  return Object.keys(labels).length > 20 ? { labels, problem: 'may hold at most 20 labels' } : { labels };
}

/** A UTC moment from a datetime-local value read as UTC ("2026-11-21T02:00"), or undefined. */
const utcFromInput = (value: string) => (value ? Date.parse(`${value}:00Z`) : undefined);
const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function describeSilence(silence: Silence): string {
  const bounds = [
    silence.startsAt !== undefined ? `from ${utcText(silence.startsAt)}` : '',
    silence.endsAt !== undefined ? `until ${utcText(silence.endsAt)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (!silence.recurring) return bounds;
  const days = silence.recurring.days.length === 7 ? 'Every day' : silence.recurring.days.map((d) => `${dayNames[d]}s`).join(', ');
  return `${days} ${silence.recurring.from}–${silence.recurring.to} UTC${bounds ? ` (${bounds})` : ''}`;
}

/** The scope's silences: list, create (one-off or recurring, in UTC), delete after confirming. */
export function SilencesPanel({ base, types }: { base: string; types: EventTypeItem[] }) {
  const list = useApi<{ items: Silence[] }>(`${base}/silences`);
  const [deleting, setDeleting] = useState<Silence>();
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const titleOf = (id: string | undefined) => (id ? (types.find((t) => t.id === id)?.title ?? id) : 'Every event type');

  async function remove(silence: Silence) {
    setDeleting(undefined);
    setError(undefined);
    try {
      await api('DELETE', `${base}/silences/${encodeURIComponent(silence.id)}`);
      setNotice('The silence was deleted.');
      list.reload();
    } catch (reason) {
      setError(reason as ApiError);
    }
  }

  return (
    <section className="panel" aria-labelledby="silences-heading">
      <h2 id="silences-heading">Silences</h2>
      <p className="hint">
        While a silence covers an event, its notification is not sent and the event is recorded as suppressed (<code>silenced</code>). All
        times are UTC.
      </p>
      <ErrorBanner error={list.error ?? error} />
      {notice && <Notice kind="success">{notice}</Notice>}
      {!list.data && list.loading && <Loading what="silences" />}
      {list.data && list.data.items.length === 0 && <p>No silences.</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Silences" tabIndex={0}>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">Matches</th>
                <th scope="col">When (UTC)</th>
                <th scope="col">Comment</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((silence) => (
                <tr key={silence.id}>
                  <td data-label="Matches">
                    {titleOf(silence.eventType)}
                    {Object.keys(silence.labels).length > 0 && (
                      <div className="muted">
                        {Object.entries(silence.labels)
                          .map(([k, v]) => `${k}=${v}`)
                          .join(', ')}
                      </div>
                    )}
                  </td>
                  <td data-label="When">{describeSilence(silence)}</td>
                  <td data-label="Comment">{silence.comment || <span className="muted">—</span>}</td>
                  <td data-label="Actions">
                    <button type="button" className="danger" onClick={() => setDeleting(silence)}>
                      Delete
                      <span className="visually-hidden">
                        {' '}
                        silence: {titleOf(silence.eventType)}, {describeSilence(silence)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewSilence
        base={base}
        types={types}
        onCreated={() => {
          setNotice('The silence was created.');
          list.reload();
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title="Delete this silence?"
        confirmLabel="Delete silence"
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          {deleting && `${titleOf(deleting.eventType)}, ${describeSilence(deleting)}.`} Matching notifications are sent again from now on.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** A new silence; "Silence" on an alert opens it filled in (`?silenceType=…&silenceLabels=…`). */
function NewSilence({ base, types, onCreated }: { base: string; types: EventTypeItem[]; onCreated: () => void }) {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<'once' | 'recurring'>('once');
  const [eventType, setEventType] = useState(params.get('silenceType') ?? '');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [days, setDays] = useState<number[]>([]);
  const [from, setFrom] = useState('02:00');
  const [to, setTo] = useState('04:00');
  const [comment, setComment] = useState('');
  const [labelText, setLabelText] = useState(params.get('silenceLabels') ?? '');
  const { submitted, error, busy, submit } = useFormSubmit();
  const labels = parseLabels(labelText);
  const start = utcFromInput(startsAt);
  const end = utcFromInput(endsAt);
  const problems = {
    labels: labels.problem,
    ...(kind === 'once'
      ? {
          endsAt:
            end === undefined
              ? 'is required for a one-off silence'
              : start !== undefined && end <= start
                ? 'must be after the start'
                : undefined,
        }
      : { days: days.length === 0 ? 'choose at least one day' : undefined, from: timeOfDay(from), to: timeOfDay(to) }),
  };
  const shown = (key: string) =>
    (submitted ? (problems as Record<string, string | undefined>)[key] : undefined) ?? error?.fieldErrors()[key];

  const create = submit(problems, async () => {
    await api('POST', `${base}/silences`, {
      body: {
        ...(eventType ? { eventType } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(Object.keys(labels.labels).length > 0 ? { labels: labels.labels } : {}),
        ...(kind === 'once'
          ? { ...(start !== undefined ? { startsAt: start } : {}), endsAt: end }
          : { recurring: { days: [...days].sort(), from, to } }),
      },
    });
    setComment('');
    setLabelText('');
    onCreated();
  });

  return (
    <form className="subpanel" onSubmit={create} noValidate aria-labelledby="new-silence">
      <h3 id="new-silence">New silence</h3>
      <fieldset className="switch">
        <legend>Kind</legend>
        <label>
          <input type="radio" name="silence-kind" checked={kind === 'once'} onChange={() => setKind('once')} /> One-off
        </label>
        <label>
          <input type="radio" name="silence-kind" checked={kind === 'recurring'} onChange={() => setKind('recurring')} /> Recurring weekly
        </label>
      </fieldset>
      <div className="grid">
        <SelectField
          label="Event type"
          value={eventType}
          onChange={setEventType}
          options={[{ value: '', label: 'Every event type' }, ...types.map((t) => ({ value: t.id, label: `${t.title} (${t.id})` }))]}
        />
        <TextField label="Comment" value={comment} onChange={setComment} hint="Why, for whoever reads the list later." />
      </div>
      <Field
        label="Labels to match (optional)"
        error={shown('labels')}
        hint={
          <>
            One a line as <code>name=value</code>, such as <code>host=db-1</code>: the silence covers only events with every one of these
            labels.
          </>
        }
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            spellCheck={false}
            value={labelText}
            onChange={(e) => setLabelText(e.target.value)}
            placeholder="host=db-1"
          />
        )}
      </Field>
      {kind === 'once' ? (
        <div className="grid">
          <Field label="Starts (UTC)" hint="Empty: now.">
            {(props) => <input {...props} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
          </Field>
          <Field label="Ends (UTC)" error={shown('endsAt')}>
            {(props) => <input {...props} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />}
          </Field>
        </div>
      ) : (
        <>
          <fieldset
            className={`switch days${shown('days') ? ' field-invalid' : ''}`}
            aria-describedby={shown('days') ? 'days-error' : undefined}
          >
            <legend>Days (UTC)</legend>
            {dayNames.map((name, day) => (
              <label key={name}>
                <input
                  type="checkbox"
                  checked={days.includes(day)}
                  onChange={(e) => setDays((d) => (e.target.checked ? [...d, day] : d.filter((x) => x !== day)))}
                />{' '}
                {name}
              </label>
            ))}
          </fieldset>
          {shown('days') && (
            <p id="days-error" className="error-text">
              Days: {shown('days')}
            </p>
          )}
          <div className="grid">
            <TextField label="From (UTC, HH:MM)" value={from} onChange={setFrom} error={shown('from')} />
            <TextField
              label="To (UTC, HH:MM)"
              value={to}
              onChange={setTo}
              error={shown('to')}
              hint="A window may pass midnight: 22:00–02:00."
            />
          </div>
        </>
      )}
      <ErrorBanner error={error} title="The silence was not created" />
      {busy && <Progress label="Creating…" />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create silence
        </button>
      </div>
    </form>
  );
}
