import assert from 'node:assert/strict';
import type { Harness } from './herald-harness.js';
import { oauthMailServer } from './oauth-rig.js';
import type { SmtpTestServer } from './smtp-test-server.js';

/** The mailbox the OAuth2 tests send as. */
export const oauthMailbox = 'alerts@contoso.test';

/** Mail-server settings of `provider` with OAuth2 and the mailbox as username, for every tenant, pointed at the test SMTP server. */
export const oauthServer = (smtp: SmtpTestServer, provider: 'microsoft365' | 'gmail', extra: Record<string, unknown> = {}) =>
  oauthMailServer(smtp, provider, oauthMailbox, { applyToAllTenants: true, ...extra });

/**
 * "Connect": start the sign-in, open the provider's consent page (the fake provider consents at
 * once) and read where it sends the browser back — what the console then posts to Herald.
 */
export async function consent(h: Harness, scopePath: string, headers: Record<string, string> = {}) {
  const started = await h.api('POST', `${scopePath}/mail-server/oauth/start`, undefined, headers);
  assert.equal(started.status, 200, started.raw);
  const page = await fetch(started.body.authorizeUrl, { redirect: 'manual' });
  const back = new URL(page.headers.get('location')!);
  return { started: started.body, back, state: back.searchParams.get('state')!, code: back.searchParams.get('code')! };
}

/**
 * A consent page of the fake provider (started with `consentPage`) answered as a browser would:
 * open it, then post Accept or Cancel; returns where the provider sends the browser back.
 */
export async function answerConsentPage(authorizeUrl: string, decision: 'accept' | 'cancel') {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  assert.equal(page.status, 200, 'the consent page, not a redirect');
  const html = await page.text();
  const consent = /name="consent" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(consent, 'the page carries its consent request');
  const answered = await fetch(new URL('/consent', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ consent, decision }),
  });
  assert.equal(answered.status, 303);
  return { html, back: new URL(answered.headers.get('location')!) };
}

/**
 * The whole sign-in: consent, then the callback posted with the same caller (`headers`: another
 * caller than the admin token, such as a tenant's token); returns the connection's view.
 */
export async function signInWithProvider(
  h: Harness,
  scopePath: string,
  provider: 'microsoft' | 'google',
  publicUrl?: string,
  headers: Record<string, string> = {},
) {
  const { started, back, state, code } = await consent(h, scopePath, headers);
  if (publicUrl) assert.equal(back.origin + back.pathname, `${publicUrl}/oauth/callback/${provider}`);
  const done = await h.api('POST', `/api/v1/oauth/callback/${provider}`, { state, code }, headers);
  assert.equal(done.status, 200, done.raw);
  return { view: done.body, code, state, started, raw: done.raw };
}
