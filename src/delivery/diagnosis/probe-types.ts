import type { SendFailure } from '../smtp/smtp-failure.js';

/** A message to send through the probe: envelope plus the full RFC 5322 text. */
export interface ProbeMail {
  from: string;
  to: string;
  raw: string | Buffer;
}

export type ProbeStepName = 'dns' | 'connect' | 'tls' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data';

export interface ProbeStep {
  step: ProbeStepName;
  status: 'ok' | 'failed' | 'skipped';
  /** Time the step took. With implicit TLS the handshake precedes the greeting, so `tls` lies within `connect`. */
  durationMs: number;
  detail: string;
  command?: string;
  replyCode?: number;
  reply?: string;
  extensions?: string[];
  certificate?: { subject: string; issuer: string; validFrom: string; validTo: string; fingerprint256: string };
}

export interface ProbeResult {
  ok: boolean;
  steps: ProbeStep[];
  failure?: SendFailure & { hint?: string };
}

export const stepNames: ProbeStepName[] = ['dns', 'connect', 'tls', 'ehlo', 'auth', 'mail', 'rcpt', 'data'];

/** One command and its reply, from nodemailer's transaction log; the greeting has command ''. */
export interface Exchange {
  stage: ProbeStepName | 'quit';
  command: string;
  sentAt: number;
  reply?: string;
  repliedAt?: number;
}

/** What the transaction log and the socket told us about the session. */
export interface Session {
  startedAt: number;
  exchanges: Exchange[];
  /** When TLS was up: the implicit TLS connection, or the STARTTLS upgrade. */
  secureAt?: number;
  tls?: { protocol: string; cipher: string; verified: string; certificate?: ProbeStep['certificate'] };
  allowsAuth?: boolean;
  messageSize?: number;
  failedAt?: number;
}
