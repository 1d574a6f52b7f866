import { createHash, randomBytes } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { Database, OAuthConnectionRow } from '../store/schema.js';
import { endpointsFor } from './endpoints.js';
import { oauthFields, type SignInProvider } from './modes.js';

/** How long a sign-in may take between "Connect" and the provider's redirect back. */
export const stateLifetimeMs = 10 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Who started a sign-in: the state is bound to this (a session, or an API token). */
export type SignInCaller = { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string };
const bindingOf = (caller: SignInCaller) => sha256(caller.kind === 'session' ? `session:${caller.sessionId}` : `token:${caller.tokenId}`);

/**
 * Starts a sign-in: a fresh `state` (stored only as its hash, single-use, bound to the caller, the
 * scope and the provider, expiring) and a PKCE S256 verifier (sealed), and the provider's authorize
 * URL. Google gets `access_type=offline&prompt=consent` so it issues a refresh token every time.
 */
export async function beginSignIn(
  db: Kysely<Database>,
  box: SecretBox,
  options: {
    row: OAuthConnectionRow;
    /** The row whose app signs in: the connection's own, or the system's it borrows. */
    app: OAuthConnectionRow;
    provider: SignInProvider;
    caller: SignInCaller;
    redirectUri: string;
    now: number;
    testEndpoints: string | null;
  },
): Promise<{ authorizeUrl: string; expiresAt: number }> {
  const { row, provider } = options;
  const state = randomBytes(32).toString('base64url');
  const verifier = oauth.generateRandomCodeVerifier();
  const expiresAt = options.now + stateLifetimeMs;
  await db.deleteFrom('oauth_states').where('expires_at', '<', options.now).execute();
  await db
    .insertInto('oauth_states')
    .values({
      state_hash: sha256(state),
      scope_id: row.scope_id,
      provider,
      binding: bindingOf(options.caller),
      verifier_enc: box.seal(verifier, { scopeId: row.scope_id, field: oauthFields.verifier }),
      redirect_uri: options.redirectUri,
      token_version: row.token_version,
      expires_at: expiresAt,
    })
    .execute();
  const endpoints = endpointsFor(row.mode, options.app.cloud, row.directory_id, options.testEndpoints);
  const url = new URL(endpoints.authorize);
  url.search = new URLSearchParams({
    client_id: options.app.client_id,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: endpoints.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    login_hint: row.mailbox,
    ...(provider === 'google' ? { access_type: 'offline', prompt: 'consent' } : {}),
  }).toString();
  return { authorizeUrl: url.toString(), expiresAt };
}

/** A sign-in state taken (and deleted) by its callback: the scope, the verifier opened, and the redirect URI used. */
export interface TakenState {
  scopeId: string;
  verifier: string;
  redirectUri: string;
}

/**
 * Takes the state a callback brings back, once: refused (`oauth_state_invalid`, nothing consumed)
 * when it is unknown, expired, or was issued for another provider or to another caller; deleted
 * otherwise, so a replay finds nothing.
 */
export async function takeState(
  db: Kysely<Database>,
  box: SecretBox,
  options: { state: string; provider: SignInProvider; caller: SignInCaller; now: number },
): Promise<TakenState> {
  const hash = sha256(options.state);
  const row = await db.selectFrom('oauth_states').selectAll().where('state_hash', '=', hash).executeTakeFirst();
  const refuse = (why: string) => new AppError('oauth_state_invalid', `The sign-in state ${why}; start the sign-in again.`);
  // Unknown or used: nothing to say about it (it may name another scope's sign-in).
  if (!row) throw new AppError('not_found', 'The sign-in state is unknown or was already used; start the sign-in again.');
  if (row.expires_at < options.now) throw refuse('has expired');
  if (row.provider !== options.provider) throw refuse(`was issued for ${row.provider}, not ${options.provider}`);
  if (row.binding !== bindingOf(options.caller)) throw refuse('was issued to another session');
  const taken = await db.deleteFrom('oauth_states').where('state_hash', '=', hash).executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1) throw new AppError('not_found', 'The sign-in state was already used; start the sign-in again.');
  return {
    scopeId: row.scope_id,
    verifier: box.open(row.verifier_enc, { scopeId: row.scope_id, field: oauthFields.verifier }),
    redirectUri: row.redirect_uri,
  };
}
