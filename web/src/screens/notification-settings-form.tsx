import { useState } from 'react';
import { api } from '../api/client';
import type { SettingsView } from '../api/rules-types';
import { SelectField, TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { color, footer, groupSeconds, logoUrl, percent, productName, repeatMinutes } from '../notification-validation';
import type { Rule } from '../validation';

/** A form value: '' means "not set here" (the scope inherits; null in the PATCH). */
const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));
const minutes = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round(ms / 60_000)));
const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round(ms / 1000)));
const numberOrNull = (value: string, scale = 1) => (value.trim() === '' ? null : Number(value) * scale);
const optional = (rule: Rule): Rule => (value) => (value.trim() === '' ? undefined : rule(value));

function hours(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return `${Math.round(ms / 60_000)} min`;
}

/**
 * Email on/off, host thresholds (system), repeat interval and group window: each left empty
 * inherits (tenant → system → built-in default), and the hint says what that gives now.
 */
export function DeliveryRulesForm({ base, isSystem, view, onSaved }: { base: string; isSystem: boolean; view: SettingsView; onSaved: () => void }) {
  const { own, effective } = view;
  const [email, setEmail] = useState<'inherit' | 'on' | 'off'>(own.emailEnabled === undefined ? 'inherit' : own.emailEnabled ? 'on' : 'off');
  const [cpu, setCpu] = useState(text(own.thresholds?.cpu));
  const [memory, setMemory] = useState(text(own.thresholds?.memory));
  const [disk, setDisk] = useState(text(own.thresholds?.disk));
  const [repeat, setRepeat] = useState(minutes(own.repeatIntervalMs));
  const [group, setGroup] = useState(seconds(own.groupWindowMs));
  const { error, busy, done: saved, submit } = useFormSubmit();
  const problems = {
    cpu: optional(percent)(cpu), memory: optional(percent)(memory), disk: optional(percent)(disk),
    repeat: optional(repeatMinutes)(repeat), group: optional(groupSeconds)(group),
  };
  const api422 = error?.fieldErrors() ?? {};
  const inheritsWord = isSystem ? 'the built-in default' : 'the system';

  const save = submit(problems, async () => {
    await api('PATCH', `${base}/notifications`, {
      body: {
        emailEnabled: email === 'inherit' ? null : email === 'on',
        ...(isSystem ? { thresholds: { cpu: numberOrNull(cpu), memory: numberOrNull(memory), disk: numberOrNull(disk) } } : {}),
        repeatIntervalMs: numberOrNull(repeat, 60_000),
        groupWindowMs: numberOrNull(group, 1000),
      },
    });
    onSaved();
  });

  const threshold = (name: string, noun: string, value: string, set: (v: string) => void, problem: string | undefined, current: number) => (
    <TextField label={`${name} threshold (%)`} value={value} onChange={set} inputMode="numeric" error={problem ?? api422.thresholds}
      placeholder={String(current)}
      hint={<>Alert when {noun} usage stays above this percentage. <strong>0 disables</strong> the {noun} alert. Empty uses {inheritsWord} ({current === 0 ? 'disabled' : `${current}%`} now).</>} />
  );

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="rules-heading">
      <h2 id="rules-heading">Delivery</h2>
      <SelectField label="Email notifications" value={email} onChange={setEmail}
        options={[
          { value: 'inherit', label: `Inherit (${isSystem ? 'on by default' : `the system's: ${effective.emailEnabled ? 'on' : 'off'}`})` },
          { value: 'on', label: 'On — send notification emails' },
          { value: 'off', label: 'Off — record every event as suppressed, send nothing' },
        ]}
        hint={<>The master switch for this scope's notification mail. Now: <strong>{effective.emailEnabled ? 'on' : 'off'}</strong>.</>} />
      {isSystem && (
        <fieldset className="group">
          <legend>Host thresholds</legend>
          <div className="grid">
            {threshold('CPU', 'CPU', cpu, setCpu, problems.cpu, effective.thresholds.cpu)}
            {threshold('Memory', 'memory', memory, setMemory, problems.memory, effective.thresholds.memory)}
            {threshold('Disk', 'disk', disk, setDisk, problems.disk, effective.thresholds.disk)}
          </div>
        </fieldset>
      )}
      <div className="grid">
        <TextField label="Repeat interval (minutes)" value={repeat} onChange={setRepeat} inputMode="numeric" error={problems.repeat ?? api422.repeatIntervalMs}
          placeholder={minutes(effective.repeatIntervalMs)}
          hint={<>An alert still firing is sent again after this long; repeats sooner are recorded as suppressed. 1 minute to 30 days. Empty uses {inheritsWord} ({hours(effective.repeatIntervalMs)} now).</>} />
        <TextField label="Group window (seconds)" value={group} onChange={setGroup} inputMode="numeric" error={problems.group ?? api422.groupWindowMs}
          placeholder={seconds(effective.groupWindowMs)}
          hint={<>Alerts of the same group arriving within this window are merged into one digest email. 0 turns grouping off. Empty uses {inheritsWord} ({effective.groupWindowMs === 0 ? 'off' : `${effective.groupWindowMs / 1000} s`} now).</>} />
      </div>
      <ErrorBanner error={error} title="The settings were not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && <Notice kind="success">Delivery settings saved.</Notice>}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>Save delivery settings</button></div>
    </form>
  );
}

/** Product name, logo, colours and footer of the email layout; each empty field inherits. */
export function BrandingForm({ base, isSystem, view, onSaved }: { base: string; isSystem: boolean; view: SettingsView; onSaved: () => void }) {
  const own = view.own.branding ?? {};
  const effective = view.effective.branding;
  const [values, setValues] = useState({
    productName: own.productName ?? '', logoUrl: own.logoUrl ?? '', primaryColor: own.primaryColor ?? '', backgroundColor: own.backgroundColor ?? '', footer: own.footer ?? '',
  });
  const { error, busy, done: saved, submit } = useFormSubmit();
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const problems = {
    productName: optional(productName)(values.productName), logoUrl: logoUrl(values.logoUrl),
    primaryColor: optional(color)(values.primaryColor), backgroundColor: optional(color)(values.backgroundColor), footer: footer(values.footer),
  };
  const api422 = error?.fieldErrors() ?? {};
  const from = isSystem ? 'the default' : 'the system';

  const save = submit(problems, async () => {
    const branding = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === '' ? null : value.trim()]));
    await api('PATCH', `${base}/notifications`, { body: { branding } });
    onSaved();
  });

  const swatch = (value: string) => <span className="swatch" aria-hidden="true" style={{ background: value }} />;
  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="branding-heading">
      <h2 id="branding-heading">Branding</h2>
      <p className="hint">The layout every notification email is wrapped in. Empty fields use {from}'s value, shown as the placeholder.</p>
      <div className="grid">
        <TextField label="Product name" value={values.productName} onChange={set('productName')} placeholder={effective.productName} error={problems.productName ?? api422.branding} />
        <TextField label="Logo URL" value={values.logoUrl} onChange={set('logoUrl')} placeholder={effective.logoUrl ?? 'https://example.com/logo.png'} error={problems.logoUrl} hint="An http:// or https:// image address; mail clients load it when the email is opened." />
        <div>
          <TextField label="Primary colour" value={values.primaryColor} onChange={set('primaryColor')} placeholder={effective.primaryColor} error={problems.primaryColor} hint={<>Now {swatch(values.primaryColor || effective.primaryColor)} {values.primaryColor || effective.primaryColor}</>} />
        </div>
        <div>
          <TextField label="Background colour" value={values.backgroundColor} onChange={set('backgroundColor')} placeholder={effective.backgroundColor} error={problems.backgroundColor} hint={<>Now {swatch(values.backgroundColor || effective.backgroundColor)} {values.backgroundColor || effective.backgroundColor}</>} />
        </div>
      </div>
      <TextField label="Footer" value={values.footer} onChange={set('footer')} placeholder={effective.footer} error={problems.footer} />
      <ErrorBanner error={error} title="The branding was not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && <Notice kind="success">Branding saved.</Notice>}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>Save branding</button></div>
    </form>
  );
}
