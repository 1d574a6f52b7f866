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
}

/** "Send test email" and "Verify connection", with the transcript as a timeline. */
export function TestPanel({ scopePath, candidate, heading, beforeTest }: TestPanelProps) {
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
      <ErrorBanner error={error} />
      {result && <TestTimeline result={result.result} heading={result.kind === 'test' ? 'Test email' : 'Connection check'} />}
    </section>
  );
}
