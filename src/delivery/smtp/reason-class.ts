/**
 * Why a delivery attempt did not succeed, in the few classes an operator alerts on:
 * `auth` (the server refused Herald's sign-in), `tls` (the secure connection failed),
 * `connect` (DNS, connecting, or the session broke before the server answered), `rejected`
 * (a 5xx reply: the message will be refused again), `throttled` (a 4xx reply: the server asked
 * to come back later), `ambiguous` (the connection ended after the message was sent), `other`
 * (a failure inside Herald). `none` for an attempt that succeeded.
 */
export type ReasonClass = 'none' | 'auth' | 'tls' | 'connect' | 'rejected' | 'throttled' | 'ambiguous' | 'other';

/** What of an attempt its reason class is read from (the attempt as the outbox records it). */
export interface ClassifiedAttempt {
  outcome: 'sent' | 'retry' | 'failed' | 'ambiguous';
  stage: string;
  replyCode: number | null;
  errorCode: string | null;
}

const connectionStages = new Set(['dns', 'connect', 'ehlo', 'mail', 'rcpt', 'data', 'unknown']);

/**
 * The reason class of one attempt. Pure.
 *
 * @example reasonClassOf({ outcome: 'failed', stage: 'auth', replyCode: 535, errorCode: 'EAUTH' }) // 'auth'
 */
export function reasonClassOf(attempt: ClassifiedAttempt): ReasonClass {
  if (attempt.outcome === 'sent') return 'none';
  if (attempt.outcome === 'ambiguous') return 'ambiguous';
  if (attempt.stage === 'auth') return 'auth';
  if (attempt.stage === 'tls') return 'tls';
  if (attempt.replyCode !== null && attempt.replyCode >= 500) return 'rejected';
  if (attempt.replyCode !== null && attempt.replyCode >= 400) return 'throttled';
  if (attempt.errorCode === 'host_not_allowed') return 'connect';
  return connectionStages.has(attempt.stage) && !isInternal(attempt.errorCode) ? 'connect' : 'other';
}

/** Codes of failures inside Herald (a bug, the database), which the worker records with stage `unknown`. */
function isInternal(errorCode: string | null): boolean {
  return errorCode !== null && /^[a-z_]+$/.test(errorCode) && errorCode !== 'host_not_allowed' && errorCode !== 'smtp_thread_exit';
}
