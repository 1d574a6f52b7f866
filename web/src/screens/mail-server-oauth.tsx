import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { ApiError } from '../api/client';
import type { OAuthConnection } from '../api/oauth-types';
import type { MailServerSettings } from '../api/types';
import { useApi } from '../api/use-api';
import { Badge, ErrorBanner, Loading, Notice, Progress, When } from '../components/feedback';
import { ConnectionForm, providerName } from './oauth-connection-form';
import { connectWithProvider, type SignInOutcome } from './oauth-sign-in';

const statusText: Record<OAuthConnection['status'], { tone: string; text: string }> = {
  connected: { tone: 'working', text: 'Connected' },
  pending: { tone: 'untested', text: 'Not connected yet' },
  reconnect_required: { tone: 'failing', text: 'Reconnect required' },
};

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
        <ConnectionForm
          path={path}
          view={view}
          provider={saved.provider}
          mailbox={saved.username ?? ''}
          isSystem={scope === 'system'}
          onSaved={loaded.update}
        />
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
        {view.usesSystemApp && (
          <>
            <dt>App</dt>
            <dd>The system's app</dd>
          </>
        )}
        {view.sharedWithTenants && (
          <>
            <dt>Tenants</dt>
            <dd>May connect with this app</dd>
          </>
        )}
        {view.certificate && (
          <>
            <dt>Certificate</dt>
            <dd>
              {view.certificate.subject}, thumbprint <code>{view.certificate.thumbprint}</code>, expires{' '}
              <When at={view.certificate.notAfter} />
            </dd>
          </>
        )}
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
      {view.warnings.map((warning) => (
        <Notice key={warning.code} kind="warning">
          {warning.message}
        </Notice>
      ))}
      {view.redirectUri && !view.usesSystemApp && <RedirectUri uri={view.redirectUri} />}
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
