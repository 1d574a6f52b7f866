import type { SendFailure } from '../smtp/smtp-failure.js';

/**
 * Whether a permanent failure is really the scope's settings rather than the message: the server
 * refused Herald's login (535 and the like, at the AUTH stage). Such mail is deferred, not failed,
 * so fixing the password delivers it: Postfix's `smtp_sasl_auth_soft_bounce`. The retry window
 * still bounds it.
 *
 * @example authSoftBounce({ stage: 'auth' }) // true: a 535 at AUTH defers the message
 */
export function authSoftBounce(failure: Pick<SendFailure, 'stage'>): boolean {
  return failure.stage === 'auth';
}
