import { stepNames, type ProbeResult, type ProbeStep } from './probe-types.js';

const outcome: Record<ProbeStep['status'], string> = { ok: 'Succeeded', failed: 'Failed', skipped: 'Not run' };

/**
 * The transcript of a server the caller may send through but not see (a tenant testing the
 * system's server it inherits): each step's name and outcome, and the failure's kind, stage and
 * hint. Nothing that names or describes the server survives: no host, address, port, reply or
 * banner, EHLO extension, certificate, user, error message or timing.
 */
export function outcomesOnly(result: ProbeResult): ProbeResult {
  const { failure } = result;
  return {
    ok: result.ok,
    steps: result.steps.map((step) => ({ step: step.step, status: step.status, durationMs: 0, detail: outcome[step.status] })),
    ...(failure
      ? {
          failure: {
            kind: failure.kind,
            stage: failure.stage,
            replyCode: null,
            enhancedCode: null,
            reply: null,
            errorCode: null,
            message: `The inherited mail server failed at the ${failure.stage} step; the system administrator can see the details.`,
            ...(failure.hint ? { hint: failure.hint } : {}),
          },
        }
      : {}),
  };
}

/** True when the session failed before the server's SMTP greeting: DNS, TCP or the implicit TLS handshake. */
export function failedBeforeGreeting(result: ProbeResult): boolean {
  return !result.ok && result.steps.find((step) => step.step === 'connect')?.replyCode === undefined;
}

const connectFailedMessage = 'No SMTP server answered at the host and port given.';

/**
 * The one answer for a server that is not the scope's saved one and never greeted: refused,
 * unreachable, timed out, silent or not speaking SMTP (or TLS) all look alike, so the test
 * routes cannot map which hosts and ports are open.
 */
export function connectFailed(): ProbeResult {
  return {
    ok: false,
    steps: stepNames.map((name): ProbeStep => {
      if (name === 'connect') return { step: name, status: 'failed', durationMs: 0, detail: connectFailedMessage };
      return { step: name, status: 'skipped', durationMs: 0, detail: name === 'dns' ? 'Reported with the connection' : 'Not reached' };
    }),
    failure: {
      kind: 'transient',
      stage: 'connect',
      replyCode: null,
      enhancedCode: null,
      reply: null,
      errorCode: 'connect_failed',
      message: connectFailedMessage,
      hint: 'Check the host, the port and the security setting (implicit TLS on 465, STARTTLS on 587), and that Herald may reach the server. For a host and port other than the saved ones every such failure (refused, unreachable, timed out, no SMTP greeting) gets this one answer; once they are saved, a test shows every step.',
    },
  };
}
