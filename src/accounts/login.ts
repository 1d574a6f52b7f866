import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import { systemScopeId } from '../scopes/index.js';
import type { Database, UserRow } from '../store/schema.js';
import type { AttemptCounter } from './attempt-counter.js';
import { verifyPassword } from './passwords.js';
import { createSession, type SessionLifetime } from './sessions.js';

/**
 * Login limits. Failures are counted per (account, address) and per address, never per account
 * alone: an attacker guessing from one address is refused after a few tries, a botnet is bounded
 * per address and by argon2's cost, and the real user signing in from elsewhere is never locked out.
 * The window slides, so a burst across a quarter hour's edge is counted whole.
 */
export const loginLimits = { windowMs: 15 * 60_000, perAccountAndAddress: 5, perAddress: 20 } as const;

export type LoginOutcome =
  | { ok: true; user: UserRow; token: string; sessionId: string }
  | { ok: false; reason: 'invalid_credentials' | 'rate_limited' | 'tenant_required'; userId: string | undefined; scopeId: string };

/** Accounts one e-mail address may have across tenants that a sign-in without a tenant id tries. */
export const maxAccountsPerEmail = 10;

export interface LoginDeps {
  db: Kysely<Database>;
  clock: Clock;
  counter: AttemptCounter;
  session: SessionLifetime;
}

/**
 * The accounts a sign-in may be for: the one of the tenant given, else every account with the
 * address (the system's first), so a tenant's user need not type the tenant id.
 */
async function accountsFor(db: Kysely<Database>, email: string, tenantId: string | undefined): Promise<UserRow[]> {
  if (tenantId !== undefined)
    return db.selectFrom('users').selectAll().where('scope_id', '=', tenantId).where('email', '=', email).execute();
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .where('password_hash', 'is not', null)
    .orderBy('scope_id')
    .limit(maxAccountsPerEmail + 1)
    .execute();
  return rows.sort((a, b) => Number(b.scope_id === systemScopeId) - Number(a.scope_id === systemScopeId)).slice(0, maxAccountsPerEmail);
}

/**
 * Checks a password and opens a session; the same answer for an unknown user and a wrong password.
 * Without a tenant id the password is checked against each account with the address: the system's
 * account when it matches, else the one tenant account it matches; matching several tenants'
 * accounts asks for the tenant id (`tenant_required`, said only to whoever knows the password).
 */
export async function login(
  deps: LoginDeps,
  input: { email: string; password: string; tenantId?: string; ip: string },
): Promise<LoginOutcome> {
  const email = input.email.trim().toLowerCase();
  const accounts = await accountsFor(deps.db, email, input.tenantId);
  // Counted per account when the address names one account (or the tenant id is given), else per address across tenants.
  const scopeId = input.tenantId ?? (accounts.length === 1 ? accounts[0]!.scope_id : systemScopeId);
  const pairKey = `login:${accounts.length > 1 && input.tenantId === undefined ? '*' : scopeId}:${email}:${input.ip}`;
  const addressKey = `login-ip:${input.ip}`;
  const { windowMs } = loginLimits;
  const only = accounts.length === 1 ? accounts[0] : undefined;
  if (
    (await deps.counter.recent(pairKey, windowMs)) >= loginLimits.perAccountAndAddress ||
    (await deps.counter.recent(addressKey, windowMs)) >= loginLimits.perAddress
  ) {
    return { ok: false, reason: 'rate_limited', userId: only?.id, scopeId };
  }
  const checked =
    accounts.length === 0 ? [false] : await Promise.all(accounts.map((account) => verifyPassword(account.password_hash, input.password)));
  const matching = accounts.filter((account, index) => checked[index] && account.disabled_at === null);
  const user = matching.find((account) => account.scope_id === systemScopeId) ?? (matching.length === 1 ? matching[0] : undefined);
  if (!user) {
    await deps.counter.addRecent(pairKey, windowMs);
    await deps.counter.addRecent(addressKey, windowMs);
    return { ok: false, reason: matching.length > 1 ? 'tenant_required' : 'invalid_credentials', userId: only?.id, scopeId };
  }
  await deps.counter.clear(pairKey);
  const session = await createSession(deps.db, deps.clock, user.id, input.ip, deps.session);
  return { ok: true, user, token: session.token, sessionId: session.id };
}
