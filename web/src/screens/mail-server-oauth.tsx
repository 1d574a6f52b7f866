import { useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { api, type ApiError } from '../api/client';
import type { OAuthConnection, OAuthMode } from '../api/oauth-types';
import type { MailServerSettings } from '../api/types';
import { useApi } from '../api/use-api';
import { Field, SelectField, TextField } from '../components/field';
import { Badge, ErrorBanner, Loading, Notice, Progress, When } from '../components/feedback';
import { MicrosoftAppSteps } from './oauth-admin-steps';
import { connectWithProvider, type SignInOutcome } from './oauth-sign-in';

const modeOptions: Record<'microsoft365' | 'gmail', Array<{ value: OAuthMode; label: string }>> = {
  microsoft365: [
    { value: 'microsoft_delegated', label: 'Delegated (a user signs in once)' },
    { value: 'microsoft_app', label: 'App-only (client credentials)' },
  ],
  gmail: [
    { value: 'google_signin', label: 'Sign in with Google' },
    { value: 'google_service_account', label: 'Workspace service account' },
  ],
};

/** How the console names a connection mode. */
export const oauthModeLabel = (mode: string) =>
  Object.values(modeOptions)
    .flat()
    .find((option) => option.value === mode)?.label ?? mode;

const cloudOptions = [
  { value: 'global', label: 'Global' },
  { value: 'usgov', label: 'US Government' },
  { value: 'china', label: 'China (21Vianet)' },
] as const;

const providerName: Record<OAuthMode, string> = {
  microsoft_app: 'Microsoft',
  microsoft_delegated: 'Microsoft',
  google_signin: 'Google',
  google_service_account: 'Google',
};

const statusText: Record<OAuthConnection['status'], { tone: string; text: string }> = {
  connected: { tone: 'working', text: 'Connected' },
  pending: { tone: 'untested', text: 'Not connected yet' },
  reconnect_required: { tone: 'failing', text: 'Reconnect required' },
};

interface Values {
  mode: OAuthMode;
  cloud: string;
  directoryId: string;
  clientId: string;
  clientSecret: string;
  serviceAccountKey: string;
}

const valuesOf = (view: OAuthConnection | null, provider: 'microsoft365' | 'gmail'): Values => ({
  mode: view?.mode ?? modeOptions[provider][0]!.value,
  cloud: view?.cloud ?? 'global',
  directoryId: view?.directoryId ?? '',
  clientId: view?.clientId ?? '',
  clientSecret: '',
  serviceAccountKey: '',
});

/** The API body for these values: only the mode's fields; secrets only when typed (write-only). */
function bodyOf(values: Values): Record<string, unknown> {
  if (values.mode === 'google_service_account')
    return { mode: values.mode, ...(values.serviceAccountKey.trim() ? { serviceAccountKey: values.serviceAccountKey } : {}) };
  const microsoft = values.mode.startsWith('microsoft');
  return {
    mode: values.mode,
    clientId: values.clientId.trim(),
    ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    ...(microsoft ? { cloud: values.cloud, directoryId: values.directoryId.trim() || null } : {}),
  };
}

/**
 * The OAuth2 connection of a scope whose saved mail server is Microsoft 365 or Gmail with OAuth2:
 * the mode and its fields, the admin steps, "Connect with Microsoft/Google" (or "Reconnect" for a
 * dead grant), and what is connected — account, granted scopes, last refresh, redirect URI.
 */
export function OAuthConnectionPanel({
  scope,
  scopePath,
  saved,
  canWrite,
}: {
  scope: string;
  scopePath: string;
  saved: MailServerSettings & { provider: 'microsoft365' | 'gmail' };
  canWrite: boolean;
}) {
  const path = `${scopePath}/mail-server/oauth`;
  const loaded = useApi<OAuthConnection>(path);
  const notConnected = loaded.error?.code === 'oauth_not_connected';
  const location = useLocation();
  const outcome = (location.state as SignInOutcome | null)?.oauthOutcome;
  if (loaded.error && !notConnected) return <ErrorBanner error={loaded.error} title="The OAuth2 connection could not be loaded" />;
  if (!loaded.data && !notConnected) return <Loading what="the OAuth2 connection" />;
  const view = notConnected ? null : (loaded.data ?? null);
  return (
    <section className="panel oauth-panel" aria-labelledby="oauth-heading">
      <h2 id="oauth-heading">OAuth2 connection</h2>
      {outcome && (outcome.ok ? <Notice kind="success">{outcome.text}</Notice> : <SignInFailed text={outcome.text} />)}
      {view && <ConnectionState view={view} scope={scope} canWrite={canWrite} />}
      {canWrite && (
        <ConnectionForm path={path} view={view} provider={saved.provider} mailbox={saved.username ?? ''} onSaved={loaded.update} />
      )}
    </section>
  );
}

function SignInFailed({ text }: { text: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <strong>The sign-in did not complete</strong>
      <p>{text}</p>
    </div>
  );
}

function ConnectionState({ view, scope, canWrite }: { view: OAuthConnection; scope: string; canWrite: boolean }) {
  const status = statusText[view.status];
  const signIn = view.redirectUri !== null;
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <Badge tone={status.tone}>{status.text}</Badge>
        </dd>
        {view.statusReason && (
          <>
            <dt>Why</dt>
            <dd>{view.statusReason}</dd>
          </>
        )}
        <dt>Mailbox</dt>
        <dd>{view.mailbox}</dd>
        <dt>Connected account</dt>
        <dd>{view.account ?? <span className="muted">none yet</span>}</dd>
        <dt>Granted scopes</dt>
        <dd>
          {view.grantedScopes.length > 0 ? (
            view.grantedScopes.map((s) => <code key={s}>{s} </code>)
          ) : (
            <span className="muted">none yet</span>
          )}
        </dd>
        <dt>Token last refreshed</dt>
        <dd>
          <When at={view.lastRefreshedAt} />
        </dd>
      </dl>
      {view.redirectUri && <RedirectUri uri={view.redirectUri} />}
      {signIn && canWrite && (
        <ConnectButton
          scope={scope}
          label={
            view.status === 'reconnect_required'
              ? 'Reconnect'
              : `${view.connected ? 'Sign in again' : 'Connect'} with ${providerName[view.mode]}`
          }
          primary={!view.connected}
        />
      )}
    </>
  );
}

/** "Connect with Microsoft/Google", or "Reconnect" when the grant died; opens the provider's consent page. */
export function ConnectButton({ scope, label, primary = true }: { scope: string; label: string; primary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      await connectWithProvider(scope);
    } catch (reason) {
      setError(reason as ApiError);
      setBusy(false);
    }
  }
  return (
    <>
      <div className="actions">
        <button type="button" className={primary ? 'primary' : undefined} onClick={() => void start()} disabled={busy}>
          {label}
        </button>
        {busy && <Progress label="Opening the provider's sign-in…" />}
      </div>
      <ErrorBanner error={error} title="The sign-in could not start" />
    </>
  );
}

function RedirectUri({ uri }: { uri: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  }
  return (
    <div className="field">
      <label htmlFor="oauth-redirect-uri">Redirect URI to register (type Web)</label>
      <div className="copy-row">
        <input id="oauth-redirect-uri" ref={input} readOnly value={uri} onFocus={(event) => event.target.select()} />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      {copied && (
        <p className="hint" role="status">
          {copied}
        </p>
      )}
    </div>
  );
}

function ConnectionForm({
  path,
  view,
  provider,
  mailbox,
  onSaved,
}: {
  path: string;
  view: OAuthConnection | null;
  provider: 'microsoft365' | 'gmail';
  mailbox: string;
  onSaved: (view: OAuthConnection) => void;
}) {
  const [values, setValues] = useState<Values>(valuesOf(view, provider));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setProblems((previous) => ({ ...previous, [key]: '' }));
    setDone(undefined);
  };
  const sameApp = view !== null && view.mode === values.mode;
  const microsoft = values.mode.startsWith('microsoft');
  const serviceAccount = values.mode === 'google_service_account';

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const saved = await api<OAuthConnection>('PUT', path, { body: bodyOf(values) });
      setValues((previous) => ({ ...previous, clientSecret: '', serviceAccountKey: '' }));
      setProblems({});
      setDone(
        saved.redirectUri === null
          ? `Saved. ${saved.connected ? 'Herald got a token: the mailbox is connected.' : 'No token yet: see the status above.'}`
          : `Saved. Register the redirect URI, then connect with ${providerName[saved.mode]}.`,
      );
      onSaved(saved);
    } catch (reason) {
      const apiError = reason as ApiError;
      setError(apiError);
      setProblems(apiError.fieldErrors?.() ?? {});
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="settings-form" onSubmit={save} noValidate autoComplete="off" aria-label="OAuth2 connection settings">
      <SelectField
        label="Connection mode"
        name="oauthMode"
        value={values.mode}
        options={modeOptions[provider]}
        onChange={(v) => set('mode', v)}
      />
      {problems.mode && <p className="error-text">Connection mode {problems.mode}</p>}
      {values.mode === 'microsoft_app' && (
        <MicrosoftAppSteps cloud={values.cloud} directoryId={values.directoryId} clientId={values.clientId} mailbox={mailbox} />
      )}
      <div className="grid">
        {microsoft && (
          <SelectField label="Microsoft cloud" name="cloud" value={values.cloud} options={cloudOptions} onChange={(v) => set('cloud', v)} />
        )}
        {microsoft && (
          <TextField
            label="Directory (tenant) id"
            name="directoryId"
            value={values.directoryId}
            onChange={(v) => set('directoryId', v)}
            error={problems.directoryId || undefined}
            hint={
              values.mode === 'microsoft_app'
                ? 'Required: the Entra tenant id or its domain.'
                : 'Optional: limits the sign-in to this tenant.'
            }
          />
        )}
        {!serviceAccount && (
          <TextField
            label="Client id"
            name="clientId"
            value={values.clientId}
            onChange={(v) => set('clientId', v)}
            error={problems.clientId || undefined}
            hint="The application (client) id of the app you registered."
          />
        )}
        {!serviceAccount && (
          <TextField
            label="Client secret"
            name="clientSecret"
            type="password"
            value={values.clientSecret}
            onChange={(v) => set('clientSecret', v)}
            error={problems.clientSecret || undefined}
            autoComplete="new-password"
            placeholder={sameApp && view.clientSecretSet ? 'set — type to replace' : ''}
            hint={
              sameApp && view.clientSecretSet
                ? 'A secret is stored and never shown. Leave empty to keep it.'
                : 'Its Value, not its Secret ID.'
            }
          />
        )}
      </div>
      {serviceAccount && (
        <Field
          label="Service account key (JSON)"
          error={problems.serviceAccountKey || undefined}
          hint={
            sameApp && view.serviceAccountKeySet
              ? 'A key is stored and never shown. Leave empty to keep it.'
              : 'The JSON key file of a service account with domain-wide delegation for https://mail.google.com/.'
          }
        >
          {(props) => (
            <textarea
              {...props}
              name="serviceAccountKey"
              rows={5}
              value={values.serviceAccountKey}
              onChange={(event) => set('serviceAccountKey', event.target.value)}
            />
          )}
        </Field>
      )}
      <ErrorBanner error={error} title="The connection was not saved" />
      {busy && <Progress label="Saving the connection…" />}
      {done && <Notice kind="success">{done}</Notice>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save connection
        </button>
      </div>
    </form>
  );
}
