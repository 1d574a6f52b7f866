import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api/client';
import type { OAuthConnection, OAuthMode, OAuthSystemApp } from '../api/oauth-types';
import { useApi } from '../api/use-api';
import { Field, SelectField, TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { MicrosoftAppSteps } from './oauth-admin-steps';

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

const credentialOptions = [
  { value: 'secret', label: 'Client secret' },
  { value: 'certificate', label: 'Certificate' },
] as const;

const appOptions = [
  { value: 'own', label: 'Our own app (client id and secret)' },
  { value: 'system', label: "Use the system's app" },
] as const;

export const providerName: Record<OAuthMode, string> = {
  microsoft_app: 'Microsoft',
  microsoft_delegated: 'Microsoft',
  google_signin: 'Google',
  google_service_account: 'Google',
};

const signInModes: OAuthMode[] = ['microsoft_delegated', 'google_signin'];

interface Values {
  mode: OAuthMode;
  cloud: string;
  directoryId: string;
  clientId: string;
  clientSecret: string;
  serviceAccountKey: string;
  credential: 'secret' | 'certificate';
  certificate: string;
  privateKey: string;
  app: 'own' | 'system';
  shareWithTenants: boolean;
}

const valuesOf = (view: OAuthConnection | null, provider: 'microsoft365' | 'gmail'): Values => ({
  mode: view?.mode ?? modeOptions[provider][0]!.value,
  cloud: view?.cloud ?? 'global',
  directoryId: view?.directoryId ?? '',
  clientId: view?.clientId ?? '',
  clientSecret: '',
  serviceAccountKey: '',
  credential: view?.certificate ? 'certificate' : 'secret',
  certificate: '',
  privateKey: '',
  app: view?.usesSystemApp ? 'system' : 'own',
  shareWithTenants: view?.sharedWithTenants ?? false,
});

/** The API body for these values: only the mode's fields; secrets only when typed (write-only). */
function bodyOf(values: Values, isSystem: boolean, systemApp: boolean): Record<string, unknown> {
  const microsoft = values.mode.startsWith('microsoft');
  const where = microsoft ? { cloud: values.cloud, directoryId: values.directoryId.trim() || null } : {};
  if (values.mode === 'google_service_account')
    return { mode: values.mode, ...(values.serviceAccountKey.trim() ? { serviceAccountKey: values.serviceAccountKey } : {}) };
  if (systemApp) return { mode: values.mode, useSystemApp: true, ...(microsoft ? { directoryId: values.directoryId.trim() || null } : {}) };
  const certificate = values.mode === 'microsoft_app' && values.credential === 'certificate';
  return {
    mode: values.mode,
    clientId: values.clientId.trim(),
    ...(!certificate && values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    ...(certificate && values.certificate.trim() ? { certificate: values.certificate } : {}),
    ...(certificate && values.privateKey.trim() ? { privateKey: values.privateKey } : {}),
    ...where,
    ...(isSystem ? { shareWithTenants: values.shareWithTenants } : {}),
  };
}

/**
 * The connection's settings: the mode and its fields; for app-only a client secret or a
 * certificate (PEM) with its key; on the system, whether tenants may connect with its app; on a
 * tenant whose system shares its app, the choice to sign in with it instead of an own app.
 */
export function ConnectionForm({
  path,
  view,
  provider,
  mailbox,
  isSystem,
  onSaved,
}: {
  path: string;
  view: OAuthConnection | null;
  provider: 'microsoft365' | 'gmail';
  mailbox: string;
  isSystem: boolean;
  onSaved: (view: OAuthConnection) => void;
}) {
  const [values, setValues] = useState<Values>(valuesOf(view, provider));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const shared = useApi<OAuthSystemApp>(isSystem ? null : `${path}/system-app`).data;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setProblems((previous) => ({ ...previous, [key]: '' }));
    setDone(undefined);
  };
  const sameApp = view !== null && view.mode === values.mode && !view.usesSystemApp;
  const microsoft = values.mode.startsWith('microsoft');
  const serviceAccount = values.mode === 'google_service_account';
  const signIn = signInModes.includes(values.mode);
  const offerSystemApp = !isSystem && signIn && ((shared?.shared && shared.provider === provider) || view?.usesSystemApp === true);
  const systemApp = offerSystemApp && values.app === 'system';
  const certificate = values.mode === 'microsoft_app' && values.credential === 'certificate';

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const saved = await api<OAuthConnection>('PUT', path, { body: bodyOf(values, isSystem, systemApp) });
      setValues((previous) => ({ ...previous, clientSecret: '', serviceAccountKey: '', certificate: '', privateKey: '' }));
      setProblems({});
      setDone(
        saved.redirectUri === null
          ? `Saved. ${saved.connected ? 'Herald got a token: the mailbox is connected.' : 'No token yet: see the status above.'}`
          : saved.usesSystemApp
            ? `Saved. Connect with ${providerName[saved.mode]} to sign in with the system's app.`
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
      {offerSystemApp && (
        <SelectField
          label="App registration"
          name="oauthApp"
          value={values.app}
          options={appOptions}
          onChange={(v) => set('app', v)}
          hint="The system's app: your own sign-in and mailbox; its credentials stay with the system."
        />
      )}
      {problems.useSystemApp && <p className="error-text">App registration {problems.useSystemApp}</p>}
      {values.mode === 'microsoft_app' && (
        <MicrosoftAppSteps cloud={values.cloud} directoryId={values.directoryId} clientId={values.clientId} mailbox={mailbox} />
      )}
      <div className="grid">
        {microsoft && !systemApp && (
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
        {!serviceAccount && !systemApp && (
          <TextField
            label="Client id"
            name="clientId"
            value={values.clientId}
            onChange={(v) => set('clientId', v)}
            error={problems.clientId || undefined}
            hint="The application (client) id of the app you registered."
          />
        )}
        {values.mode === 'microsoft_app' && (
          <SelectField
            label="App credential"
            name="credential"
            value={values.credential}
            options={credentialOptions}
            onChange={(v) => set('credential', v)}
          />
        )}
        {!serviceAccount && !systemApp && !certificate && (
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
      {certificate && <CertificateFields values={values} set={set} problems={problems} stored={sameApp ? view.certificate : null} />}
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
      {isSystem && !serviceAccount && (
        <Field
          label="Let tenants connect with this app"
          error={problems.shareWithTenants || undefined}
          hint="Tenants then sign in with this app registration (their own sign-in and mailbox) without seeing its credentials."
        >
          {(props) => (
            <input
              {...props}
              type="checkbox"
              className="check"
              name="shareWithTenants"
              checked={values.shareWithTenants}
              onChange={(event) => set('shareWithTenants', event.target.checked)}
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

/** The certificate's PEM and its private key's PEM (write-only); a stored one is kept when both stay empty. */
function CertificateFields({
  values,
  set,
  problems,
  stored,
}: {
  values: Values;
  set: (key: 'certificate' | 'privateKey', value: string) => void;
  problems: Record<string, string>;
  stored: OAuthConnection['certificate'];
}) {
  return (
    <div className="grid">
      <Field
        label="Certificate (PEM)"
        error={problems.certificate || undefined}
        hint={
          stored
            ? `A certificate is stored (thumbprint ${stored.thumbprint}). Leave both empty to keep it.`
            : 'The certificate uploaded to the app registration (-----BEGIN CERTIFICATE-----); it may hold the key too.'
        }
      >
        {(props) => (
          <textarea
            {...props}
            name="certificate"
            rows={5}
            spellCheck={false}
            value={values.certificate}
            onChange={(event) => set('certificate', event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Private key (PEM)"
        error={problems.privateKey || undefined}
        hint="The certificate's RSA private key, unencrypted. Stored sealed and never shown."
      >
        {(props) => (
          <textarea
            {...props}
            name="privateKey"
            rows={5}
            spellCheck={false}
            autoComplete="off"
            value={values.privateKey}
            onChange={(event) => set('privateKey', event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
