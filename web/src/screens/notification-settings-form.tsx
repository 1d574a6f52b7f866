import { useState } from 'react';
import { api, type ApiError } from '../api/client';
import { ConfirmDialog } from '../components/confirm';
import { UnsavedChanges } from '../components/unsaved-changes';
import type { Branding, SettingsView } from '../api/rules-types';
import { inheritedValue, SettingNow } from '../components/setting-origin';
import { TextField } from '../components/field';
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
const optional =
  (rule: Rule): Rule =>
  (value) =>
    value.trim() === '' ? undefined : rule(value);

const percentText = (value: unknown) => (value === 0 ? 'disabled' : `${String(value)}%`);
const onOff = (value: unknown) => (value ? 'on' : 'off');

const deliveryLabels = {
  cpu: 'CPU threshold',
  memory: 'memory threshold',
  disk: 'disk threshold',
  repeat: 'repeat interval',
  group: 'group window',
} as const;
type DeliveryValues = Record<keyof typeof deliveryLabels, string>;

/** What a scope set itself, as the form shows it ('' inherits). */
const deliveryValues = (own: SettingsView['own']): DeliveryValues => ({
  cpu: text(own.thresholds?.cpu),
  memory: text(own.thresholds?.memory),
  disk: text(own.thresholds?.disk),
  repeat: durationText(own.repeatIntervalMs),
  group: durationText(own.groupWindowMs),
});

/** The names of the fields whose value differs from what is stored. */
export function changedFields<K extends string>(
  values: Record<K, string>,
  stored: Record<K, string>,
  labels: Partial<Record<K, string>>,
): string[] {
  return (Object.keys(labels) as K[]).filter((key) => values[key] !== stored[key]).map((key) => labels[key]!);
}

/**
 * Host thresholds (system), repeat interval and group window: each left empty inherits (tenant →
 * system → built-in default), and the hint says what applies now and what empty gives.
 */
export function DeliveryRulesForm({
  base,
  isSystem,
  view,
  onSaved,
}: {
  base: string;
  isSystem: boolean;
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}) {
  const stored = deliveryValues(view.own);
  const [values, setValues] = useState(stored);
  const { error, busy, done: saved, submit } = useFormSubmit();
  const set = (key: keyof DeliveryValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const problems = {
    cpu: optional(percent)(values.cpu),
    memory: optional(percent)(values.memory),
    disk: optional(percent)(values.disk),
    repeat: optional(repeatInterval)(values.repeat),
    group: optional(groupWindow)(values.group),
  };
  const api422 = error?.fieldErrors() ?? {};
  const inherited = (name: string) => inheritedValue(view, name);
  const changes = changedFields(values, stored, isSystem ? deliveryLabels : { repeat: deliveryLabels.repeat, group: deliveryLabels.group });

  const save = submit(problems, async () => {
    const answer = await api<SettingsView>('PATCH', `${base}/notifications`, {
      body: {
        ...(isSystem
          ? { thresholds: { cpu: numberOrNull(values.cpu), memory: numberOrNull(values.memory), disk: numberOrNull(values.disk) } }
          : {}),
        repeatIntervalMs: durationOrNull(values.repeat),
        groupWindowMs: durationOrNull(values.group),
      },
    });
    setValues(deliveryValues(answer.own)); // as stored: 90m reads 1h30m
    onSaved(answer);
  });

  const threshold = (name: string, noun: 'cpu' | 'memory' | 'disk') => (
    <TextField
      label={`${name} threshold (%)`}
      value={values[noun]}
      onChange={set(noun)}
      inputMode="numeric"
      error={problems[noun] ?? api422.thresholds}
      placeholder={String(inherited(`thresholds.${noun}`))}
      hint={
        <>
          Alert when {noun === 'cpu' ? 'CPU' : noun} usage stays above this percentage; <strong>0 disables</strong> the alert.{' '}
          <SettingNow view={view} name={`thresholds.${noun}`} show={percentText} />
        </>
      }
    />
  );

  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="rules-heading">
      <h2 id="rules-heading">Delivery</h2>
      {isSystem && (
        <fieldset className="group">
          <legend>Host thresholds</legend>
          <div className="grid">
            {threshold('CPU', 'cpu')}
            {threshold('Memory', 'memory')}
            {threshold('Disk', 'disk')}
          </div>
        </fieldset>
      )}
      <div className="grid">
        <TextField
          label="Repeat interval"
          value={values.repeat}
          onChange={set('repeat')}
          error={problems.repeat ?? api422.repeatIntervalMs}
          placeholder={durationText(inherited('repeatIntervalMs') as number)}
          hint={
            <>
              An alert still firing is sent again after this long, such as <code>30m</code>, <code>12h</code> or <code>1d</code> (1m to
              30d); repeats sooner are recorded as suppressed.{' '}
              <SettingNow view={view} name="repeatIntervalMs" show={(v) => formatDuration(v as number)} />
            </>
          }
        />
        <TextField
          label="Group window"
          value={values.group}
          onChange={set('group')}
          error={problems.group ?? api422.groupWindowMs}
          placeholder={durationText(inherited('groupWindowMs') as number)}
          hint={
            <>
              Alerts of the same group arriving within this window, such as <code>30s</code> or <code>5m</code>, are merged into one digest
              email; <code>0</code> turns grouping off.{' '}
              <SettingNow view={view} name="groupWindowMs" show={(v) => (v === 0 ? 'off' : formatDuration(v as number))} />
            </>
          }
        />
      </div>
      <ErrorBanner error={error} title="The settings were not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && changes.length === 0 && <Notice kind="success">Delivery settings saved.</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save delivery settings
        </button>
        <UnsavedChanges changes={changes} onDiscard={() => setValues(stored)} />
      </div>
    </form>
  );
}

/** The scope's master switch, said big: on or off, where that comes from, and the one action that changes it. */
export function EmailSwitch({
  base,
  isSystem,
  view,
  onSaved,
}: {
  base: string;
  isSystem: boolean;
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const on = view.effective.emailEnabled;
  const origin = view.origins.emailEnabled;
  const ownChoice = view.own.emailEnabled;

  async function set(emailEnabled: boolean | null) {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api<SettingsView>('PATCH', `${base}/notifications`, { body: { emailEnabled } }));
    } catch (reason) {
      setError(reason as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const from =
    origin?.source === 'scope'
      ? isSystem
        ? 'set for the system'
        : 'set for this tenant'
      : origin?.source === 'system'
        ? 'as the system'
        : 'the built-in default';
  return (
    <section className={`panel email-switch email-switch-${on ? 'on' : 'off'}`} aria-labelledby="email-switch-heading">
      <div className="email-switch-state">
        <h2 id="email-switch-heading">Email notifications</h2>
        <p>
          <span className={`switch-pill switch-pill-${on ? 'on' : 'off'}`}>{on ? 'On' : 'Off'}</span> <span className="muted">{from}</span>
        </p>
      </div>
      <p className="hint">
        {on
          ? 'Events of the types below are sent to their recipients.'
          : 'Nothing is sent: every event is recorded as suppressed (email_disabled).'}
      </p>
      <div className="actions">
        {on ? (
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Turn email off
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void set(isSystem ? null : true)}>
            Turn email on
          </button>
        )}
        {!isSystem && ownChoice !== undefined && (
          <button type="button" disabled={busy} onClick={() => void set(null)}>
            Follow the system ({onOff(origin?.inherited)})
          </button>
        )}
      </div>
      {busy && <Progress label="Saving…" />}
      <ErrorBanner error={error} title="The switch was not changed" />
      <ConfirmDialog
        open={confirming}
        title="Turn email notifications off?"
        confirmLabel="Turn email off"
        onConfirm={() => void set(false)}
        onCancel={() => setConfirming(false)}
      >
        <p>
          No notification email is sent for {isSystem ? 'the system' : 'this tenant'} until it is turned on again; every event is recorded
          as suppressed.
        </p>
      </ConfirmDialog>
    </section>
  );
}

const brandingLabels = {
  productName: 'product name',
  logoUrl: 'logo',
  primaryColor: 'primary colour',
  backgroundColor: 'background colour',
  footer: 'footer',
} as const;
const brandingValues = (own: SettingsView['own']): Record<keyof typeof brandingLabels, string> => {
  const branding = own.branding ?? {};
  return {
    productName: branding.productName ?? '',
    logoUrl: branding.logoUrl ?? '',
    primaryColor: branding.primaryColor ?? '',
    backgroundColor: branding.backgroundColor ?? '',
    footer: branding.footer ?? '',
  };
};

/** Product name, logo, colours and footer of the email layout; each empty field inherits. */
export function BrandingForm({
  base,
  isSystem,
  view,
  onSaved,
}: {
  base: string;
  isSystem: boolean;
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}) {
  const stored = brandingValues(view.own);
  const inherited = (name: keyof Branding) => String(inheritedValue(view, `branding.${name}`) ?? '');
  const [values, setValues] = useState(stored);
  const changes = changedFields(values, stored, brandingLabels);
  const { error, busy, done: saved, submit } = useFormSubmit();
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const problems = {
    productName: optional(productName)(values.productName),
    logoUrl: logoUrl(values.logoUrl),
    primaryColor: optional(color)(values.primaryColor),
    backgroundColor: optional(color)(values.backgroundColor),
    footer: footer(values.footer),
  };
  const api422 = error?.fieldErrors() ?? {};
  const from = isSystem ? 'the built-in default' : 'the system’s value (or the built-in default)';

  const save = submit(problems, async () => {
    const branding = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === '' ? null : value.trim()]));
    const answer = await api<SettingsView>('PATCH', `${base}/notifications`, { body: { branding } });
    setValues(brandingValues(answer.own));
    onSaved(answer);
  });

  const swatch = (value: string) => <span className="swatch" aria-hidden="true" style={{ background: value }} />;
  return (
    <form className="panel" onSubmit={save} noValidate aria-labelledby="branding-heading">
      <h2 id="branding-heading">Branding</h2>
      <p className="hint">The layout every notification email is wrapped in. An empty field uses {from}, shown as its placeholder.</p>
      <div className="grid">
        <TextField
          label="Product name"
          value={values.productName}
          onChange={set('productName')}
          placeholder={inherited('productName')}
          error={problems.productName ?? api422.branding}
        />
        <TextField
          label="Logo URL"
          value={values.logoUrl}
          onChange={set('logoUrl')}
          placeholder={inherited('logoUrl') || 'https://example.com/logo.png'}
          error={problems.logoUrl}
          hint="An http:// or https:// image address; mail clients load it when the email is opened."
        />
        <div>
          <TextField
            label="Primary colour"
            value={values.primaryColor}
            onChange={set('primaryColor')}
            placeholder={inherited('primaryColor')}
            error={problems.primaryColor}
            hint={
              <>
                Preview: {swatch(values.primaryColor || inherited('primaryColor'))} {values.primaryColor || inherited('primaryColor')}
              </>
            }
          />
        </div>
        <div>
          <TextField
            label="Background colour"
            value={values.backgroundColor}
            onChange={set('backgroundColor')}
            placeholder={inherited('backgroundColor')}
            error={problems.backgroundColor}
            hint={
              <>
                Preview: {swatch(values.backgroundColor || inherited('backgroundColor'))}{' '}
                {values.backgroundColor || inherited('backgroundColor')}
              </>
            }
          />
        </div>
      </div>
      <TextField label="Footer" value={values.footer} onChange={set('footer')} placeholder={inherited('footer')} error={problems.footer} />
      <ErrorBanner error={error} title="The branding was not saved" />
      {busy && <Progress label="Saving…" />}
      {saved && !busy && changes.length === 0 && <Notice kind="success">Branding saved.</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save branding
        </button>
        <UnsavedChanges changes={changes} onDiscard={() => setValues(stored)} />
      </div>
    </form>
  );
}
