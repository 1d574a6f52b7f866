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
 */
export const loginLimits = { windowMs: 15 * 60_000, perAccountAndAddress: 5, perAddress: 20 } as const;

export type LoginOutcome =
  | { ok: true; user: UserRow; token: string; sessionId: string }
  | { ok: false; reason: 'invalid_credentials' | 'rate_limited'; userId: string | undefined; scopeId: string };

export interface LoginDeps {
  db: Kysely<Database>;
  clock: Clock;
  counter: AttemptCounter;
  session: SessionLifetime;
}

/** Checks a password and opens a session; the same answer for an unknown user and a wrong password. */
export async function login(deps: LoginDeps, input: { email: string; password: string; tenantId?: string; ip: string }): Promise<LoginOutcome> {
  const scopeId = input.tenantId ?? systemScopeId;
  const email = input.email.trim().toLowerCase();
  const pairKey = `login:${scopeId}:${email}:${input.ip}`;
  const addressKey = `login-ip:${input.ip}`;
  const { windowMs } = loginLimits;
  const user = await deps.db.selectFrom('users').selectAll().where('scope_id', '=', scopeId).where('email', '=', email).executeTakeFirst();
  if ((await deps.counter.count(pairKey, windowMs)) >= loginLimits.perAccountAndAddress || (await deps.counter.count(addressKey, windowMs)) >= loginLimits.perAddress) {
    return { ok: false, reason: 'rate_limited', userId: user?.id, scopeId };
  }
  const matches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !matches || user.disabled_at !== null) {
    await deps.counter.add(pairKey, windowMs);
    await deps.counter.add(addressKey, windowMs);
    return { ok: false, reason: 'invalid_credentials', userId: user?.id, scopeId };
  }
  await deps.counter.clear(pairKey);
  const session = await createSession(deps.db, deps.clock, user.id, input.ip, deps.session);
  return { ok: true, user, token: session.token, sessionId: session.id };
}
