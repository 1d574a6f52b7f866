import { useRef, useState } from 'react';
import type { ApiError } from '../api/client';
import { api } from '../api/client';
import type { TestResult } from '../api/types';
import { TextField } from '../components/field';
import { ErrorBanner, Progress } from '../components/feedback';
import { TestTimeline } from '../components/timeline';
import { mailbox } from '../validation';

interface TestPanelProps {
  scopePath: string;
  /** Unsaved settings to test instead of the saved ones; undefined tests what is saved. */
  candidate: Record<string, unknown> | undefined;
  /** Identifies the settings tested: a result shows only while the settings are the same. */
  settingsKey: string;
  heading: string;
  /** Checks the form before a test of candidate settings: what must be fixed first (none: go ahead). */
  beforeTest?: () => string[];
  /** Gets the API's problems with the candidate settings (`/settings/password` → `password`), to show beside the form's fields. */
  onSettingsRefused?: (problems: Record<string, string>) => void;
}

/** The refused candidate settings' fields, by form field: `/settings/password` → `password`. */
function settingsProblems(error: ApiError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const detail of error.details) {
    const field = /^\/settings\/([^/]+)/.exec(detail.field)?.[1];
    if (field) problems[field] ??= detail.message;
  }
  return problems;
}

const addressProblem = (to: string) => (to.trim() === '' ? 'is required to send a test email' : mailbox(false)(to));

/** "Send test email" and "Verify connection", with the transcript as a timeline. */
export function TestPanel({ scopePath, candidate, settingsKey, heading, beforeTest, onSettingsRefused }: TestPanelProps) {
  const section = useRef<HTMLElement>(null);
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<string>();
  const [busy, setBusy] = useState<'test' | 'verify'>();
  // What the last try gave, for the settings it tried: shown only while the form still holds them.
  const [outcome, setOutcome] = useState<{
    settingsKey: string;
    kind: 'test' | 'verify';
    result?: TestResult;
    error?: ApiError;
    toFix?: string[];
  }>();
  const shown = outcome?.settingsKey === settingsKey ? outcome : undefined;

  async function run(kind: 'test' | 'verify') {
    const toProblem = kind === 'test' ? addressProblem(to) : undefined;
    setToError(toProblem);
    // The form's own check focuses its first bad field; otherwise the test address, when it is the problem.
    const toFix = [...(beforeTest?.() ?? []), ...(toProblem ? [`Test address ${toProblem}`] : [])];
    if (toFix.length > 0) {
      if (toFix.length === 1 && toProblem) section.current?.querySelector<HTMLInputElement>('input[name="testAddress"]')?.focus();
      return setOutcome({ settingsKey, kind, toFix });
    }
    setBusy(kind);
    setOutcome(undefined);
    try {
      const body = { ...(kind === 'test' ? { to } : {}), ...(candidate ? { settings: candidate } : {}) };
      setOutcome({ settingsKey, kind, result: await api<TestResult>('POST', `${scopePath}/mail-server/${kind}`, { body }) });
    } catch (reason) {
      const apiError = reason as ApiError;
      if (apiError.fieldErrors?.().to) setToError(apiError.fieldErrors().to);
      if (apiError.details) onSettingsRefused?.(settingsProblems(apiError));
      setOutcome({ settingsKey, kind, error: apiError });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section ref={section} className="panel" aria-labelledby="test-heading">
      <h2 id="test-heading">{heading}</h2>
      {candidate && <p className="hint">Tests use the settings in the form above, saved or not.</p>}
      <TextField
        label="Test address"
        name="testAddress"
        type="email"
        value={to}
        onBlur={() => to && setToError(addressProblem(to))}
        // A shown error follows the typing, so it is gone before the click on a button moves the layout.
        onChange={(value) => {
          setTo(value);
          if (toError) setToError(addressProblem(value));
        }}
        error={toError}
        hint="Where the test email goes."
        autoComplete="email"
      />
      <div className="actions">
        <button type="button" onClick={() => run('test')} disabled={busy !== undefined}>
          Send test email
        </button>
        <button type="button" onClick={() => run('verify')} disabled={busy !== undefined}>
          Verify connection
        </button>
      </div>
      {busy && <Progress label={busy === 'test' ? 'Sending a test email…' : 'Connecting to the server…'} />}
      {shown?.toFix && (
        <div className="banner banner-error" role="alert">
          <strong>
            {shown.kind === 'test' ? 'No test email was sent' : 'The connection was not checked'}: fix{' '}
            {shown.toFix.length === 1 ? 'this' : 'these'} first
          </strong>
          <ul>
            {shown.toFix.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorBanner error={shown?.error} title={shown?.error ? refusalTitle(shown.error) : undefined} />
      {shown?.result && <TestTimeline result={shown.result} heading={shown.kind === 'test' ? 'Test email' : 'Connection check'} />}
    </section>
  );
}

/** Why a test did not run, in a word, above the API's own message. */
function refusalTitle(error: ApiError): string {
  if (error.code === 'rate_limited')
    return error.retryAfter ? `Too many tests: try again in ${error.retryAfter} s` : 'Too many tests: wait and try again';
  if (error.code === 'secret_required') return 'The test was refused: type the password again for these settings';
  if (error.code === 'sender_not_allowed') return 'The test was refused: this sender may not be used';
  return 'The test was refused';
}
