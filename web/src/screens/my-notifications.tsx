import { useState } from 'react';
import { api } from '../api/client';
import type { Preference } from '../api/rules-types';
import { useUser } from '../api/session';
import { useApi } from '../api/use-api';
import { Badge, ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { scopeApiPath } from './scope-links';

const audienceHints = {
  user: 'Sent to you when it concerns you; on unless you turn it off.',
  subscribers: 'Sent to members who choose it; off until you turn it on.',
} as const;

/** The signed-in user's own choice of which event types email them (the user of GET /auth/session). */
export function MyNotifications() {
  const user = useUser();
  const path = `${scopeApiPath(user.tenantId ?? 'system')}/users/${encodeURIComponent(user.id)}/preferences`;
  const loaded = useApi<{ preferences: Preference[] }>(path);
  const error = loaded.error;
  return (
    <>
      <h1>My notifications</h1>
      <p className="lead">
        Which notification emails reach you at <strong>{user.email}</strong>. Your administrators decide which events are sent at all; here
        you choose which of them come to you.
      </p>
      {error && !loaded.data && <ErrorBanner error={error} title="Your notification settings could not be loaded" />}
      {!loaded.data && !error && <Loading what="your notification settings" />}
      {loaded.data && <PreferencesForm key={path} path={path} preferences={loaded.data.preferences} onSaved={loaded.reload} />}
    </>
  );
}

function PreferencesForm({ path, preferences, onSaved }: { path: string; preferences: Preference[]; onSaved: () => void }) {
  const [choices, setChoices] = useState<Record<string, boolean>>(() => Object.fromEntries(preferences.map((p) => [p.type, p.receiving])));
  const { error, busy, done: saved, submit, clearDone } = useFormSubmit();
  const changed = preferences.filter((p) => choices[p.type] !== p.receiving);

  const save = submit({}, async () => {
    await api('PUT', path, { body: { preferences: Object.fromEntries(changed.map((p) => [p.type, choices[p.type]])) } });
    onSaved();
  });

  if (preferences.length === 0) return <p>No event types are sent to members in your scope.</p>;
  return (
    <form className="panel" onSubmit={save} noValidate>
      <fieldset className="preferences">
        <legend>Email me about</legend>
        <ul>
          {preferences.map((p) => (
            <li key={p.type} className={p.optOut ? undefined : 'locked'}>
              <label>
                <input
                  type="checkbox"
                  className="check"
                  checked={choices[p.type] ?? p.receiving}
                  disabled={!p.optOut || busy}
                  aria-describedby={`pref-${p.type}`}
                  onChange={(e) => {
                    clearDone();
                    setChoices((c) => ({ ...c, [p.type]: e.target.checked }));
                  }}
                />{' '}
                {p.title}
              </label>
              <p id={`pref-${p.type}`} className="hint">
                {p.optOut ? (
                  audienceHints[p.audience]
                ) : (
                  <>
                    <Badge tone="held">Locked</Badge> <strong>Always sent — cannot be turned off:</strong> it protects your account
                    (password recovery and security notices must reach you).
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      </fieldset>
      <ErrorBanner error={error} title="Your choices were not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && <Notice kind="success">Your choices were saved.</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || changed.length === 0}>
          Save my choices
        </button>
        {changed.length > 0 && (
          <span className="muted">
            {changed.length} unsaved change{changed.length === 1 ? '' : 's'}
          </span>
        )}
      </div>
    </form>
  );
}
