import { useState } from 'react';
import { api } from '../api/client';
import type { Branding, SettingsView } from '../api/rules-types';
import { inheritedFrom, inheritedValue, SettingNow } from '../components/setting-origin';
import { SelectField, TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { formatDuration, parseDuration } from '../../../src/shared/duration.js';
import { color, footer, groupWindow, logoUrl, percent, productName, repeatInterval } from '../notification-validation';
import type { Rule } from '../validation';

/** A form value: '' means "not set here" (the scope inherits; null in the PATCH). */
const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));
/** A duration as typed and shown: `12h`, `30m`, `1h30m` ('' for not set here). */
const durationText = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));
const durationOrNull = (value: string) => (value.trim() === '' ? null : parseDuration(value, { requireUnit: true }));
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const optional = (rule: Rule): Rule => (value) => (value.trim() === '' ? undefined : rule(value));

const percentText = (value: unknown) => (value === 0 ? 'disabled' : `${String(value)}%`);
const onOff = (value: unknown) => (value ? 'on' : 'off');

/**
 * Email on/off, host thresholds (system), repeat interval and group window: each left empty
 * inherits (tenant → system → built-in default), and the hint says what that gives now.
 */
export function DeliveryRulesForm({ base, isSystem, view, onSaved }: { base: string; isSystem: boolean; view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const { own } = view;
  const [email, setEmail] = useState<'inherit' | 'on' | 'off'>(own.emailEnabled === undefined ? 'inherit' : own.emailEnabled ? 'on' : 'off');
  const [cpu, setCpu] = useState(text(own.thresholds?.cpu));
  const [memory, setMemory] = useState(text(own.thresholds?.memory));
  const [disk, setDisk] = useState(text(own.thresholds?.disk));
  const [repeat, setRepeat] = useState(durationText(own.repeatIntervalMs));
  const [group, setGroup] = useState(durationText(own.groupWindowMs));
  const { error, busy, done: saved, submit } = useFormSubmit();
  const problems = {
    cpu: optional(percent)(cpu), memory: optional(percent)(memory), disk: optional(percent)(disk),
    repeat: optional(repeatInterval)(repeat), group: optional(groupWindow)(group),
  };
  const api422 = error?.fieldErrors() ?? {};
  const inherited = (name: string) => inheritedValue(view, name);

  const save = submit(problems, async () => {
    onSaved(await api<SettingsView>('PATCH', `${base}/notifications`, {
      body: {
        emailEnabled: email === 'inherit' ? null : email === 'on',
        ...(isSystem ? { thresholds: { cpu: numberOrNull(cpu), memory: numberOrNull(memory), disk: numberOrNull(disk) } } : {}),
        repeatIntervalMs: durationOrNull(repeat),
        groupWindowMs: durationOrNull(group),
      },
    }));
  });

  const threshold = (name: string, noun: 'cpu' | 'memory' | 'disk', value: string, set: (v: string) => void, problem: string | undefined) => (
    <TextField label={`${name} threshold (%)`} value={value} onChange={set} inputMode="numeric" error={problem ?? api422.thresholds}
      placeholder={String(inherited(`thresholds.${noun}`))}
      hint={<>Alert when {noun === 'cpu' ? 'CPU' : noun} usage stays above this percentage; <strong>0 disables</strong> the alert. <SettingNow view={view} name={`thresholds.${noun}`} show={percentText} /></>} />
  );

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="rules-heading">
      <h2 id="rules-heading">Delivery</h2>
      <SelectField label="Email notifications" value={email} onChange={setEmail}
        options={[
          { value: 'inherit', label: `Inherit (${inheritedFrom(view, 'emailEnabled')}: ${onOff(inherited('emailEnabled'))})` },
          { value: 'on', label: 'On — send notification emails' },
          { value: 'off', label: 'Off — record every event as suppressed, send nothing' },
        ]}
        hint={<>The master switch for this scope's notification mail. <SettingNow view={view} name="emailEnabled" show={onOff} /></>} />
      {isSystem && (
        <fieldset className="group">
          <legend>Host thresholds</legend>
          <div className="grid">
            {threshold('CPU', 'cpu', cpu, setCpu, problems.cpu)}
            {threshold('Memory', 'memory', memory, setMemory, problems.memory)}
            {threshold('Disk', 'disk', disk, setDisk, problems.disk)}
          </div>
        </fieldset>
      )}
      <div className="grid">
        <TextField label="Repeat interval" value={repeat} onChange={setRepeat} error={problems.repeat ?? api422.repeatIntervalMs}
          placeholder={durationText(inherited('repeatIntervalMs') as number)}
          hint={<>An alert still firing is sent again after this long, such as <code>30m</code>, <code>12h</code> or <code>1d</code> (1m to 30d); repeats sooner are recorded as suppressed. <SettingNow view={view} name="repeatIntervalMs" show={(v) => formatDuration(v as number)} /></>} />
        <TextField label="Group window" value={group} onChange={setGroup} error={problems.group ?? api422.groupWindowMs}
          placeholder={durationText(inherited('groupWindowMs') as number)}
          hint={<>Alerts of the same group arriving within this window, such as <code>30s</code> or <code>5m</code>, are merged into one digest email; <code>0</code> turns grouping off. <SettingNow view={view} name="groupWindowMs" show={(v) => (v === 0 ? 'off' : formatDuration(v as number))} /></>} />
      </div>
      <ErrorBanner error={error} title="The settings were not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && <Notice kind="success">Delivery settings saved.</Notice>}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>Save delivery settings</button></div>
    </form>
  );
}

/** Product name, logo, colours and footer of the email layout; each empty field inherits. */
export function BrandingForm({ base, isSystem, view, onSaved }: { base: string; isSystem: boolean; view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const own = view.own.branding ?? {};
  const inherited = (name: keyof Branding) => String(inheritedValue(view, `branding.${name}`) ?? '');
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
  const from = isSystem ? 'the built-in default' : 'the system’s value (or the built-in default)';

  const save = submit(problems, async () => {
    const branding = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === '' ? null : value.trim()]));
    onSaved(await api<SettingsView>('PATCH', `${base}/notifications`, { body: { branding } }));
  });

  const swatch = (value: string) => <span className="swatch" aria-hidden="true" style={{ background: value }} />;
  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="branding-heading">
      <h2 id="branding-heading">Branding</h2>
      <p className="hint">The layout every notification email is wrapped in. An empty field uses {from}, shown as its placeholder.</p>
      <div className="grid">
        <TextField label="Product name" value={values.productName} onChange={set('productName')} placeholder={inherited('productName')} error={problems.productName ?? api422.branding} />
        <TextField label="Logo URL" value={values.logoUrl} onChange={set('logoUrl')} placeholder={inherited('logoUrl') || 'https://example.com/logo.png'} error={problems.logoUrl} hint="An http:// or https:// image address; mail clients load it when the email is opened." />
        <div>
          <TextField label="Primary colour" value={values.primaryColor} onChange={set('primaryColor')} placeholder={inherited('primaryColor')} error={problems.primaryColor} hint={<>Preview: {swatch(values.primaryColor || inherited('primaryColor'))} {values.primaryColor || inherited('primaryColor')}</>} />
        </div>
        <div>
          <TextField label="Background colour" value={values.backgroundColor} onChange={set('backgroundColor')} placeholder={inherited('backgroundColor')} error={problems.backgroundColor} hint={<>Preview: {swatch(values.backgroundColor || inherited('backgroundColor'))} {values.backgroundColor || inherited('backgroundColor')}</>} />
        </div>
      </div>
      <TextField label="Footer" value={values.footer} onChange={set('footer')} placeholder={inherited('footer')} error={problems.footer} />
      <ErrorBanner error={error} title="The branding was not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && <Notice kind="success">Branding saved.</Notice>}
      <div className="actions"><button type="submit" className="primary" disabled={busy}>Save branding</button></div>
    </form>
  );
}
