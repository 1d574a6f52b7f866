import { useState } from 'react';
import { api } from '../api/client';
import { Field, SelectField, TextField } from '../components/field';
import { ErrorBanner, Notice, Progress } from '../components/feedback';
import { useFormSubmit } from '../components/form-submit';
import { required } from '../validation';

const idRule = (value: string) =>
  /^[a-z][a-z0-9_.-]{0,99}$/.test(value)
    ? undefined
    : 'must start with a lower-case letter and use only a–z, 0–9, _ . - (at most 100), such as billing.invoice_failed';
const severities = [
  { value: 'info', label: 'Info' },
  { value: 'warning', label: 'Warning' },
  { value: 'critical', label: 'Critical' },
] as const;
const audiences = [
  { value: 'admins', label: 'The admin recipients' },
  { value: 'user', label: 'The user it concerns (the event names them)' },
  { value: 'subscribers', label: 'Members who opt in' },
] as const;

/**
 * Registers an application's own event type in this scope (the system's is seen by every tenant):
 * its title, severity and audience, and the sentence that opens its built-in email.
 */
export function RegisterEventType({ base, isSystem, onRegistered }: { base: string; isSystem: boolean; onRegistered: () => void }) {
  const empty = {
    id: '',
    title: '',
    category: '',
    severity: 'info' as (typeof severities)[number]['value'],
    audience: 'admins' as (typeof audiences)[number]['value'],
    summary: '',
    defaultEnabled: true,
    optOut: true,
  };
  const [values, setValues] = useState(empty);
  const [registered, setRegistered] = useState<string>();
  const { submitted, error, busy, submit } = useFormSubmit();
  const problems = { id: idRule(values.id), title: required(values.title) };
  const apiFields = error?.fieldErrors() ?? {};
  const shown = (key: 'id' | 'title' | 'summary') =>
    apiFields[key] ?? (submitted ? (problems as Record<string, string | undefined>)[key] : undefined);
  const set =
    <K extends keyof typeof values>(key: K) =>
    (value: (typeof values)[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const register = submit(problems, async () => {
    const { category, summary, ...rest } = values;
    await api('POST', `${base}/event-types`, {
      body: {
        ...rest,
        title: rest.title.trim(),
        ...(category.trim() ? { category: category.trim() } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      },
    });
    setRegistered(values.title.trim());
    setValues(empty);
    onRegistered();
  });

  return (
    <details className="subpanel">
      <summary>Register an event type</summary>
      <form
        onSubmit={(event) => {
          setRegistered(undefined);
          void register(event);
        }}
        noValidate
        aria-label="Register an event type"
      >
        <p className="hint">
          For events your platform sends that Herald does not know yet{isSystem ? '; registered here, every tenant sees it' : ''}. An
          unregistered type still sends, with a title made from its id.
        </p>
        <div className="grid">
          <TextField label="Id" value={values.id} onChange={set('id')} error={shown('id')} placeholder="billing.invoice_failed" />
          <TextField label="Title" value={values.title} onChange={set('title')} error={shown('title')} placeholder="Invoice run failed" />
          <TextField label="Category (optional)" value={values.category} onChange={set('category')} placeholder="custom" />
          <SelectField label="Severity" value={values.severity} options={severities} onChange={set('severity')} />
          <SelectField label="Sent to" value={values.audience} options={audiences} onChange={set('audience')} />
        </div>
        <TextField
          label="Summary (optional)"
          value={values.summary}
          onChange={set('summary')}
          error={shown('summary')}
          hint={
            <>
              The sentence that opens its built-in email, with values such as <code>{'{{ data.invoice }}'}</code>.
            </>
          }
          placeholder="The invoice run {{ data.run }} failed."
        />
        <Field label="Sends unless a scope turns it off">
          {(props) => (
            <input
              {...props}
              type="checkbox"
              className="check"
              checked={values.defaultEnabled}
              onChange={(e) => set('defaultEnabled')(e.target.checked)}
            />
          )}
        </Field>
        <Field label="Members may turn it off for themselves">
          {(props) => (
            <input {...props} type="checkbox" className="check" checked={values.optOut} onChange={(e) => set('optOut')(e.target.checked)} />
          )}
        </Field>
        <ErrorBanner error={error} title="The event type was not registered" />
        {busy && <Progress label="Registering…" />}
        {registered && <Notice kind="success">{registered} was registered; it is listed above.</Notice>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Register event type
          </button>
        </div>
      </form>
    </details>
  );
}
