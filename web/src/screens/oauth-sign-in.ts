import { api } from '../api/client';
import type { OAuthStart } from '../api/oauth-types';
import { mailServerPath, scopeApiPath } from './scope-links';

/** Where the console goes back to after the provider's consent page (the callback cannot say: it may have failed). */
const returnKey = 'herald.oauthReturnTo';

/**
 * Starts the sign-in of a scope's connection and opens the provider's consent page in this tab;
 * the provider returns to Herald's callback, which hands over to /oauth-return.
 */
export async function connectWithProvider(scope: string): Promise<void> {
  const started = await api<OAuthStart>('POST', `${scopeApiPath(scope)}/mail-server/oauth/start`);
  sessionStorage.setItem(returnKey, mailServerPath(scope));
  window.location.assign(started.authorizeUrl);
}

/** The mail-server screen the last sign-in started from (the system's when unknown). */
export function signInReturnPath(): string {
  const path = sessionStorage.getItem(returnKey);
  sessionStorage.removeItem(returnKey);
  return path?.startsWith('/mail-server') ? path : '/mail-server';
}

/** What a finished sign-in tells the mail-server screen it lands on (router state). */
export interface SignInOutcome {
  oauthOutcome: { ok: boolean; text: string };
}
