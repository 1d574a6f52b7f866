import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError } from '../api/client';
import { can } from '../api/credentials';
import { useUser } from '../api/session';
import type { AuthMode, MailServerSettings, Security, TestResult } from '../api/types';
import { Field, SelectField, TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { UnsavedChanges } from '../components/unsaved-changes';
import { TestTimeline } from '../components/timeline';
import { mailbox } from '../validation';
import {
  defaultPorts,
  hostedServers,
  inputFrom,
  problemsOf,
  providerOptions,
  securityOptions,
  switchProvider,
  valuesFrom,
  type FormValues,
} from './mail-server-form-model';
import { AdvancedSettings, UncheckedCertificateWarning } from './mail-server-advanced';
import { SettingsSummary } from './mail-server-summary';
import { TestPanel } from './mail-server-test-panel';
import { OAuthConnectionPanel } from './mail-server-oauth';

/** A warning a save answered with: the settings were stored, but will stop working (basic_auth_retiring). */
interface SettingsWarning {
  code: string;
  message: string;
}

interface SettingsFormProps {
  scopePath: string;
  isSystem: boolean;
  saved: MailServerSettings | null;
  onSaved: () => void;
}

const fieldLabels: Record<keyof FormValues, string> = {
  provider: 'provider',
  host: 'host',
  port: 'port',
  security: 'security',
  auth: 'authentication',
  username: 'username',
  password: 'password',
  domain: 'NTLM domain',
  workstation: 'workstation',
  fromAddress: 'sender address',
  fromName: 'display name',
  replyTo: 'reply-to',
  smtpDomain: 'EHLO name',
  allowInvalidCertificate: 'certificate check',
  tlsCa: 'CA certificate',
  enabled: 'sending on/off',
  applyToAllTenants: 'apply to all tenants',
  poolSize: 'connections at once',
  rateLimit: 'messages per second',
  dailyLimit: 'messages a day',
};

type Problems = Partial<Record<keyof FormValues | 'testRecipient', string>>;

/**
 * The settings as a form for whoever may change them; read-only (no password field, no Save, no
 * tests) for a viewer.
 */
export function SettingsForm(props: SettingsFormProps) {
  const user = useUser();
  const canWrite = can(user, 'settings:write');
  const { saved } = props;
  const oauthPanel = saved?.auth === 'oauth2' && (saved.provider === 'microsoft365' || saved.provider === 'gmail') && (
    <OAuthConnectionPanel
      scope={props.isSystem ? 'system' : decodeURIComponent(props.scopePath.replace(/^\/tenants\//, ''))}
      scopePath={props.scopePath}
      saved={saved as MailServerSettings & { provider: 'microsoft365' | 'gmail' }}
      canWrite={canWrite}
    />
  );
  if (canWrite) return <EditableSettings {...props} canTest={can(user, 'settings:test')} oauthPanel={oauthPanel} />;
  return (
    <>
      <SettingsSummary saved={saved} isSystem={props.isSystem} />
      {oauthPanel}
    </>
  );
}

const problemLabels: Record<string, string> = {
  host: 'Host',
  port: 'Port',
  username: 'Username',
  password: 'Password',
  domain: 'Domain',
  workstation: 'Workstation',
  fromAddress: 'Sender address',
  fromName: 'Display name',
  replyTo: 'Reply-to',
  tlsCa: 'CA certificate',
  poolSize: 'Connections at once',
  rateLimit: 'Messages per second',
  dailyLimit: 'Messages a day',
};

/** Provider chooser and the chosen provider's fields; Save with an optional test address. */
function EditableSettings({
  scopePath,
  isSystem,
  saved,
  onSaved,
  canTest,
  oauthPanel,
}: SettingsFormProps & { canTest: boolean; oauthPanel: ReactNode }) {
  const form = useRef<HTMLFormElement>(null);
  // What the last save stored, until the page has reloaded `saved`: the form is not "unsaved" meanwhile.
  const [justStored, setJustStored] = useState<{ version: number; values: FormValues }>();
  const initial = justStored && (saved?.version ?? 0) <= justStored.version ? justStored.values : valuesFrom(saved);
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [apiProblems, setApiProblems] = useState<Problems>({});
  const [testRecipient, setTestRecipient] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // What a save answered, for the settings it saved: shown only while the form still holds them.
  const [savedNotice, setSavedNotice] = useState<{
    version: number;
    test?: TestResult;
    settingsKey: string;
    warnings?: SettingsWarning[];
  }>();

  const localProblems: Problems = {
    ...problemsOf(values, saved),
    ...(testRecipient ? { testRecipient: mailbox(false)(testRecipient) } : {}),
  };
  const shown = (key: keyof Problems) => apiProblems[key] ?? (submitted || touched.has(key) ? localProblems[key] : undefined);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setApiProblems((previous) => ({ ...previous, [key]: undefined }));
  };
  const touch = (key: string) => () => setTouched((previous) => new Set(previous).add(key));
  /** A text field's name, value, change, blur and error, bound to its form value. */
  const bound = (key: 'domain' | 'workstation') => ({
    name: key,
    value: values[key],
    onChange: (value: string) => set(key, value),
    onBlur: touch(key),
    error: shown(key),
    autoComplete: 'off',
  });
  const changed = (Object.keys(values) as Array<keyof FormValues>).filter((key) => values[key] !== initial[key]);
  const dirty = changed.length > 0;
  const isBuiltin = values.provider === 'builtin';
  const isSmtp = values.provider === 'smtp';
  const settingsKey = JSON.stringify(inputFrom(values, isSystem));
  const labelOf = (key: string) => (key === 'password' && !isSmtp ? 'App password' : (problemLabels[key] ?? key));
  const focusField = (name: string) => (form.current?.elements.namedItem(name) as HTMLElement | null)?.focus();

  /** Marks the form submitted and returns its problems as sentences, in the order of the fields; focuses the first. */
  function check(): string[] {
    setSubmitted(true);
    const problems = Object.entries(problemsOf(values, saved)).filter((entry): entry is [string, string] => Boolean(entry[1]));
    if (problems[0]) focusField(problems[0][0]);
    return problems.map(([key, problem]) => `${labelOf(key)} ${problem}`);
  }

  /** Another provider starts from its own defaults, with no error shown before a field is touched. */
  function chooseProvider(provider: FormValues['provider']) {
    setValues(switchProvider(values, provider, saved));
    setTouched(new Set());
    setSubmitted(false);
    setApiProblems({});
    setError(undefined);
  }

  /** Back to what is stored, with no error shown. */
  function discard() {
    setValues(initial);
    setTouched(new Set());
    setSubmitted(false);
    setApiProblems({});
    setError(undefined);
  }

  function chooseSecurity(security: Security) {
    const portIsDefault = values.port === '' || Object.values(defaultPorts).map(String).includes(values.port);
    setValues((previous) => ({ ...previous, security, port: portIsDefault ? String(defaultPorts[security]) : previous.port }));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSavedNotice(undefined);
    if (check().length > 0) return;
    if (localProblems.testRecipient) return focusField('testRecipient');
    setBusy(true);
    try {
      const body = { ...inputFrom(values, isSystem), ...(testRecipient ? { testRecipient } : {}) };
      const answer = await api<{ settings: MailServerSettings; test?: TestResult; warnings?: SettingsWarning[] }>(
        'PUT',
        `${scopePath}/mail-server`,
        { body },
      );
      // show what is stored now (normalised, password blank), dropping values of hidden fields
      const stored = valuesFrom(answer.settings);
      setValues(stored);
      setJustStored({ version: answer.settings.version, values: stored });
      setSubmitted(false);
      setTouched(new Set());
      setSavedNotice({
        version: answer.settings.version,
        test: answer.test,
        warnings: answer.warnings,
        settingsKey: JSON.stringify(inputFrom(stored, isSystem)),
      });
      onSaved();
    } catch (reason) {
      const apiError = reason as ApiError;
      setError(apiError);
      setApiProblems(apiError.fieldErrors?.() ?? {});
    } finally {
      setBusy(false);
    }
  }

  const authOptions: Array<{ value: AuthMode; label: string }> = isSmtp
    ? [
        { value: 'password', label: 'Username and password' },
        { value: 'ntlm', label: 'NTLM with a Windows domain (on-premises Exchange)' },
        { value: 'none', label: 'None (relay authorises by IP address)' },
      ]
    : [
        { value: 'oauth2', label: 'OAuth2 (connect after saving)' },
        { value: 'password', label: 'App password (legacy)' },
      ];

  return (
    <>
      <form ref={form} className="panel settings-form" onSubmit={save} noValidate autoComplete="off" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{saved ? `Settings (version ${saved.version})` : 'Settings'}</h2>
        <SelectField
          label="Provider"
          name="provider"
          value={values.provider}
          options={providerOptions}
          onChange={chooseProvider}
          hint={
            saved && values.provider !== saved.provider
              ? 'Another provider starts from its own defaults; the saved settings stay until you save.'
              : undefined
          }
        />
        {isBuiltin && (
          <p className="hint">Mail stays in Herald's own mailbox (see Mailbox): nothing leaves this machine. Use it to try Herald out.</p>
        )}
        {hostedServers[values.provider] && <p className="hint">Server: {hostedServers[values.provider]}</p>}

        {isSmtp && (
          <div className="grid">
            <TextField
              label="Host"
              name="host"
              value={values.host}
              onChange={(v) => set('host', v)}
              onBlur={touch('host')}
              error={shown('host')}
              placeholder="smtp.example.com"
            />
            <SelectField
              label="Security"
              name="security"
              value={values.security}
              options={securityOptions}
              onChange={chooseSecurity}
              hint="Choosing a security mode fills in its usual port."
            />
            <TextField
              label="Port"
              name="port"
              value={values.port}
              onChange={(v) => set('port', v)}
              onBlur={touch('port')}
              error={shown('port')}
              inputMode="numeric"
            />
          </div>
        )}

        {!isBuiltin && (
          <div className="grid">
            <SelectField label="Authentication" name="auth" value={values.auth} options={authOptions} onChange={(v) => set('auth', v)} />
            {values.auth !== 'none' && (
              <TextField
                label="Username"
                name="username"
                value={values.username}
                onChange={(v) => set('username', v)}
                onBlur={touch('username')}
                error={shown('username')}
                autoComplete="off"
              />
            )}
            {values.auth === 'ntlm' && isSmtp && (
              <TextField
                label="Domain"
                {...bound('domain')}
                placeholder="CORP or corp.example.com"
                hint="The account's Windows domain (the SMTP Domain of other tools); the username is the account name alone."
              />
            )}
            {(values.auth === 'password' || (values.auth === 'ntlm' && isSmtp)) && (
              <TextField
                label={values.provider === 'smtp' ? 'Password' : 'App password'}
                name="password"
                type="password"
                value={values.password}
                onChange={(v) => set('password', v)}
                onBlur={touch('password')}
                error={shown('password')}
                autoComplete="new-password"
                placeholder={saved?.passwordSet ? 'set — type to replace' : ''}
                hint={
                  saved?.passwordSet
                    ? 'A password is stored and never shown. Leave empty to keep it while the server, port, security and certificate settings, authentication, username and domain stay the same; change any of them and it must be typed again.'
                    : undefined
                }
              />
            )}
            {values.auth === 'ntlm' && isSmtp && (
              <TextField
                label="Workstation (optional)"
                {...bound('workstation')}
                hint="The computer name Herald announces; some servers restrict accounts to named workstations."
              />
            )}
          </div>
        )}
        {values.auth === 'oauth2' && !isBuiltin && (
          <Notice>
            {saved?.auth === 'oauth2' && saved.provider === values.provider
              ? 'The username is the mailbox Herald sends as; choose how it is authorised in OAuth2 connection below.'
              : 'Save first (the username is the mailbox Herald sends as), then choose how it is authorised in OAuth2 connection below. Mail is held until it is connected.'}
          </Notice>
        )}
        {values.auth === 'password' && !isBuiltin && !isSmtp && (
          <Notice kind="warning">
            Legacy:{' '}
            {values.provider === 'microsoft365'
              ? 'Microsoft turns basic authentication for SMTP off by default at the end of December 2026'
              : 'Google accepts only app passwords (with 2-step verification)'}
            . Move to OAuth2.
          </Notice>
        )}

        <div className="grid">
          <TextField
            label="Sender address"
            name="fromAddress"
            type="email"
            value={values.fromAddress}
            onChange={(v) => set('fromAddress', v)}
            onBlur={touch('fromAddress')}
            error={shown('fromAddress')}
            placeholder={isBuiltin ? 'no-reply@herald.localhost' : values.username || 'alerts@example.com'}
            hint={!isBuiltin && values.auth !== 'none' && values.auth !== 'ntlm' ? 'Empty: the username is used.' : undefined}
          />
          <TextField
            label="Display name"
            name="fromName"
            value={values.fromName}
            onChange={(v) => set('fromName', v)}
            onBlur={touch('fromName')}
            error={shown('fromName')}
            placeholder="Platform alerts"
          />
          <TextField
            label="Reply-to"
            name="replyTo"
            type="email"
            value={values.replyTo}
            onChange={(v) => set('replyTo', v)}
            onBlur={touch('replyTo')}
            error={shown('replyTo')}
            hint="Optional: where replies go."
          />
        </div>

        {isSmtp && saved?.allowInvalidCertificate && <UncheckedCertificateWarning values={values} set={set} check={Check} />}
        {!isBuiltin && <AdvancedSettings values={values} saved={saved} set={set} shown={shown} touch={touch} check={Check} />}
        <Check
          label="Send mail through this server"
          hint="When off, mail is held (kept, not sent) until it is on again."
          checked={values.enabled}
          onChange={(v) => set('enabled', v)}
        />
        {isSystem && (
          <Check
            label="Apply to all tenants"
            hint="Tenants without settings of their own send through this server."
            checked={values.applyToAllTenants}
            onChange={(v) => set('applyToAllTenants', v)}
          />
        )}

        <TextField
          label="Send a test email after saving to (optional)"
          name="testRecipient"
          type="email"
          value={testRecipient}
          onChange={setTestRecipient}
          onBlur={touch('testRecipient')}
          error={shown('testRecipient')}
          autoComplete="email"
        />
        <ErrorBanner error={error} title="The settings were not saved" />
        {busy && <Progress label={testRecipient ? 'Saving and sending a test email…' : 'Saving…'} />}
        {savedNotice?.settingsKey === settingsKey && (
          <>
            <Notice kind="success">Saved as version {savedNotice.version}.</Notice>
            {savedNotice.warnings?.map((warning) => (
              <Notice key={warning.code} kind="warning">
                {warning.message}
              </Notice>
            ))}
            {savedNotice.test && <TestTimeline result={savedNotice.test} heading="Test email after saving" />}
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {testRecipient ? 'Save and send test' : 'Save'}
          </button>
          <UnsavedChanges changes={changed.map((key) => fieldLabels[key])} onDiscard={discard} />
        </div>
      </form>
      {oauthPanel}
      {canTest && (
        <TestPanel
          scopePath={scopePath}
          candidate={dirty || !saved ? inputFrom(values, isSystem) : undefined}
          settingsKey={settingsKey}
          beforeTest={dirty || !saved ? check : undefined}
          onSettingsRefused={setApiProblems}
          heading="Test the connection"
        />
      )}
    </>
  );
}

function Check({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <input {...props} type="checkbox" className="check" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      )}
    </Field>
  );
}
