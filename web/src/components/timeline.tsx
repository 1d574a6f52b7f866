import type { TestResult } from '../api/types';
import { replyText } from './reply';

const stepNames: Record<string, string> = {
  dns: 'DNS lookup',
  connect: 'Connect',
  tls: 'TLS',
  ehlo: 'EHLO',
  auth: 'Authentication',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  quit: 'QUIT',
};

/**
 * The step transcript of a test or verify as a timeline: each step with its outcome, time and
 * the server's own reply; the failing step highlighted, with the failure and its hint.
 */
export function TestTimeline({ result, heading }: { result: TestResult; heading: string }) {
  return (
    <section className={`transcript ${result.ok ? 'transcript-ok' : 'transcript-failed'}`} aria-label={heading}>
      <h3>
        {heading}: {result.ok ? 'succeeded' : 'failed'}
      </h3>
      <p className="hint">
        Tested with the {result.settingsSource === 'candidate' ? 'settings in the form (not saved)' : 'saved settings'}
        {result.messageId ? (
          <>
            {' '}
            — Message-ID <code>{result.messageId}</code>
          </>
        ) : null}
      </p>
      {result.steps.length === 0 && result.ok && <p>The built-in mailbox needs no connection; the message is in the Mailbox.</p>}
      <ol className="timeline">
        {result.steps.map((step, index) => (
          <li
            key={`${step.step}-${index}`}
            className={`step step-${step.status}`}
            aria-current={step.status === 'failed' ? 'step' : undefined}
          >
            <span className="step-mark" aria-hidden="true">
              {step.status === 'ok' ? '✓' : step.status === 'failed' ? '✗' : '–'}
            </span>
            <div>
              <strong>{stepNames[step.step] ?? step.step}</strong>{' '}
              <span className="step-status">{step.status === 'ok' ? 'ok' : step.status === 'failed' ? 'FAILED' : 'skipped'}</span>{' '}
              <span className="muted">{Math.round(step.durationMs)} ms</span>
              <div>{step.detail}</div>
              {step.command && (
                <div>
                  <span className="muted">sent</span> <code>{step.command}</code>
                </div>
              )}
              {(step.replyCode !== undefined || step.reply) && (
                <div>
                  <span className="muted">server replied</span> <code>{replyText(step.replyCode, step.reply)}</code>
                </div>
              )}
              {step.certificate && (
                <div className="muted">
                  certificate {step.certificate.subject}, issued by {step.certificate.issuer}, valid until {step.certificate.validTo}
                </div>
              )}
            </div>
          </li>
        ))}
      </ol>
      {result.failure && (
        <div className="banner banner-error" role="alert">
          <strong>Failed at {stepNames[result.failure.stage] ?? result.failure.stage}</strong>
          <p>{result.failure.message}</p>
          {result.failure.reply && (
            <p>
              Server reply: <code>{replyText(result.failure.replyCode, result.failure.reply)}</code>
            </p>
          )}
          {result.failure.hint && (
            <p className="failure-hint">
              <strong>Hint:</strong> {result.failure.hint}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
