import { useState } from 'react';
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
  heading: string;
  /** Checks the form before a test of candidate settings; false stops the test. */
  beforeTest?: () => boolean;
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

/** "Send test email" and "Verify connection", with the transcript as a timeline. */
export function TestPanel({ scopePath, candidate, heading, beforeTest, onSettingsRefused }: TestPanelProps) {
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<string>();
  const [busy, setBusy] = useState<'test' | 'verify'>();
  const [result, setResult] = useState<{ kind: 'test' | 'verify'; result: TestResult }>();
  const [error, setError] = useState<ApiError>();

  async function run(kind: 'test' | 'verify') {
    setError(undefined);
    if (kind === 'test') {
      const problem = to.trim() === '' ? 'is required to send a test email' : mailbox(false)(to);
      setToError(problem);
      if (problem) return;
    }
    if (beforeTest && !beforeTest()) return;
    setBusy(kind);
    setResult(undefined);
    try {
      const body = { ...(kind === 'test' ? { to } : {}), ...(candidate ? { settings: candidate } : {}) };
      setResult({ kind, result: await api<TestResult>('POST', `${scopePath}/mail-server/${kind}`, { body }) });
    } catch (reason) {
      const apiError = reason as ApiError;
      if (apiError.fieldErrors?.().to) setToError(apiError.fieldErrors().to);
      if (apiError.details) onSettingsRefused?.(settingsProblems(apiError));
      setError(apiError);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="panel" aria-labelledby="test-heading">
      <h2 id="test-heading">{heading}</h2>
      {candidate && <p className="hint">Tests use the settings in the form above, saved or not.</p>}
      <TextField label="Test address" type="email" value={to} onChange={setTo} onBlur={() => to && setToError(mailbox(false)(to))} error={toError} hint="Where the test email goes." autoComplete="email" />
      <div className="actions">
        <button type="button" onClick={() => run('test')} disabled={busy !== undefined}>Send test email</button>
        <button type="button" onClick={() => run('verify')} disabled={busy !== undefined}>Verify connection</button>
      </div>
      {busy && <Progress label={busy === 'test' ? 'Sending a test email…' : 'Connecting to the server…'} />}
      <ErrorBanner error={error} title={error ? refusalTitle(error) : undefined} />
      {result && <TestTimeline result={result.result} heading={result.kind === 'test' ? 'Test email' : 'Connection check'} />}
    </section>
  );
}

/** Why a test did not run, in a word, above the API's own message. */
function refusalTitle(error: ApiError): string {
  if (error.code === 'rate_limited') return error.retryAfter ? `Too many tests: try again in ${error.retryAfter} s` : 'Too many tests: wait and try again';
  if (error.code === 'secret_required') return 'The test was refused: type the password again for these settings';
  if (error.code === 'sender_not_allowed') return 'The test was refused: this sender may not be used';
  return 'The test was refused';
}
