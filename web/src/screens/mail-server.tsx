import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApiError } from '../api/client';
import { api } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import { useApi } from '../api/use-api';
import type { EffectiveSettings, MailServerSettings } from '../api/types';
import { ScopePicker } from '../components/scope-picker';
import { ConfirmDialog } from '../components/confirm';
import { ErrorBanner, Loading, Notice, Progress } from '../components/feedback';
import { ScopeAdminRecipients } from './admin-recipients';
import { MailHostPolicy } from './mail-host-policy';
import { SettingsForm } from './mail-server-form';
import { TestPanel } from './mail-server-test-panel';
import { mailServerPath, providerLabel } from './scope-links';

/** Mail server settings of the system (no :tenantId) or of one tenant. */
export function MailServer() {
  const { tenantId } = useParams();
  const user = useUser();
  return (
    <>
      <div className="page-head">
        <h1>Mail server</h1>
        {can(user, 'system') && <ScopePicker current={tenantId ?? 'system'} pathOf={mailServerPath} />}
      </div>
      {can(user, 'deliveries:read') && (
        <p className="page-links">
          <Link to={`/failures?scope=${encodeURIComponent(tenantId ?? 'system')}`}>Failure history</Link> and{' '}
          <Link to={`/deliveries?scope=${encodeURIComponent(tenantId ?? 'system')}`}>deliveries</Link> of{' '}
          {tenantId ? 'this tenant' : 'the system'}
        </p>
      )}
      {tenantId ? <TenantMailServer key={tenantId} tenantId={tenantId} /> : <SystemMailServer />}
      <ScopeAdminRecipients key={`recipients-${tenantId ?? 'system'}`} scope={tenantId ?? 'system'} />
      {!tenantId && can(user, 'system') && <MailHostPolicy />}
    </>
  );
}

/** Loads a scope's own settings; "not configured" is an answer (null), not an error. */
function useOwnSettings(path: string) {
  const loaded = useApi<MailServerSettings>(path);
  const notConfigured = loaded.error?.code === 'mail_server_not_configured';
  return {
    ...loaded,
    settings: notConfigured ? null : loaded.data,
    error: notConfigured ? undefined : loaded.error,
    ready: loaded.data !== undefined || notConfigured,
  };
}

function SystemMailServer() {
  const own = useOwnSettings('/system/mail-server');
  if (own.error) return <ErrorBanner error={own.error} title="The settings could not be loaded" />;
  if (!own.ready) return <Loading what="the system mail server" />;
  return (
    <>
      <p className="lead">
        The system mail server sends the system's own mail, and every tenant's mail when <em>Apply to all tenants</em> is on and the tenant
        has no server of its own.
      </p>
      <SettingsForm scopePath="/system" isSystem saved={own.settings ?? null} onSaved={own.reload} />
    </>
  );
}

function TenantMailServer({ tenantId }: { tenantId: string }) {
  const base = `/tenants/${encodeURIComponent(tenantId)}`;
  const user = useUser();
  const own = useOwnSettings(`${base}/mail-server`);
  const effective = useApi<EffectiveSettings>(`${base}/mail-server/effective`);
  const [mode, setMode] = useState<'inherit' | 'own' | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const loadError = own.error ?? effective.error;
  if (loadError) return <ErrorBanner error={loadError} title="The tenant's settings could not be loaded" />;
  if (!own.ready || !effective.data) return <Loading what="the tenant's mail server" />;
  const current = mode ?? (own.settings ? 'own' : 'inherit');
  const reload = () => {
    own.reload();
    effective.reload();
  };

  async function inherit() {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    try {
      await api('DELETE', `${base}/mail-server`);
      setMode(undefined);
      setDone('The tenant now inherits the system settings; its own settings were removed.');
      reload();
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  }

  function choose(next: 'inherit' | 'own') {
    setDone(undefined);
    if (next === 'inherit' && own.settings) return setConfirming(true);
    setMode(next);
  }

  const eff = effective.data;
  return (
    <>
      <section className="panel" aria-labelledby="source-heading">
        <h2 id="source-heading">Where this tenant's mail goes</h2>
        <p>
          Effective source:{' '}
          <strong className={`source source-${eff.source}`}>
            {eff.source === 'own' ? 'its own server' : eff.source === 'system' ? 'the system server' : 'none — mail is held'}
          </strong>
          {eff.settings && (
            <>
              {' '}
              ({providerLabel(eff.settings.provider)}
              {eff.settings.host ? `, ${eff.settings.host}:${eff.settings.port}` : ''})
            </>
          )}
        </p>
        <p className="hint">{eff.reason}</p>
        <fieldset className="switch" disabled={!can(user, 'settings:write')}>
          <legend>Mail server for this tenant</legend>
          <label>
            <input
              type="radio"
              name="mode"
              value="inherit"
              checked={current === 'inherit'}
              onChange={() => choose('inherit')}
              disabled={busy}
            />{' '}
            Inherits the system settings
          </label>
          <label>
            <input type="radio" name="mode" value="own" checked={current === 'own'} onChange={() => choose('own')} disabled={busy} /> Uses
            its own settings
          </label>
        </fieldset>
        {busy && <Progress label="Switching to the system settings…" />}
        <ErrorBanner error={error} />
        {done && <Notice kind="success">{done}</Notice>}
        {current === 'own' && !own.settings && <Notice>The tenant keeps inheriting until you save its own settings below.</Notice>}
        {current === 'inherit' && eff.source === 'none' && (
          <Notice kind="warning">
            The system server does not apply to tenants (Apply to all tenants is off), so this tenant's mail is held. Turn it on for the
            system, or give the tenant its own settings.
          </Notice>
        )}
      </section>
      {current === 'own' ? (
        <SettingsForm scopePath={base} isSystem={false} saved={own.settings ?? null} onSaved={reload} />
      ) : (
        eff.settings &&
        can(user, 'settings:test') && (
          <TestPanel scopePath={base} candidate={undefined} settingsKey="inherited" heading="Test the inherited settings" />
        )
      )}
      <ConfirmDialog
        open={confirming}
        title="Inherit the system settings?"
        confirmLabel="Remove own settings"
        onConfirm={inherit}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The tenant's own mail server settings (and stored password) are removed; its mail then goes through the system server
          {eff.source === 'own' ? ' if Apply to all tenants is on' : ''}.
        </p>
      </ConfirmDialog>
    </>
  );
}
