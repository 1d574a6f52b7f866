import assert from 'node:assert/strict';
import type { Harness } from './herald-harness.js';

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
