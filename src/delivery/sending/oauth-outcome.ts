import { AppError } from '../../shared/app-error.js';
import type { SendOutcome } from './transports/mail-transport.js';

/**
 * What a send comes to when the token service could not give a token: a dead grant holds the
 * message (`oauth_reconnect_required`, released when the mailbox is reconnected: nothing lost,
 * nothing failed); a token endpoint that is down is a transient failure at the AUTH stage, retried
 * like any other. Undefined for every other error.
 */
export function oauthOutcome(error: unknown): { held: string } | { held: null; result: SendOutcome } | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'oauth_reconnect_required' || error.code === 'oauth_app_withdrawn') return { held: `${error.code}: ${error.message}` };
  if (error.code !== 'oauth_token_unavailable' && error.code !== 'oauth_not_connected') return undefined;
  return {
    held: null,
    result: {
      status: 'retry',
      failure: {
        kind: 'transient',
        stage: 'auth',
        replyCode: null,
        enhancedCode: null,
        reply: null,
        errorCode: error.code,
        message: error.message,
      },
    },
  };
}
