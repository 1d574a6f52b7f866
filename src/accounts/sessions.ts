import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../shared/clock.js';
import type { Database, UserRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { newSecretToken, tokenDigest } from './secret-token.js';

/**
 * Server-side sessions. The cookie holds a random token; the database only its digest, so a copy
 * of the database opens no session. The CSRF token is derived from the session token, so it
 * needs no storage and dies with the session.
 */
export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  userId: string,
  ip: string,
  lifetime: SessionLifetime,
): Promise<{ token: string; id: string }> {
  const token = newSecretToken('hrs_');
  const now = clock.now();
  const id = tokenDigest(token);
  await db
    .insertInto('sessions')
    .values({ id, user_id: userId, ip, created_at: now, expires_at: now + Math.min(lifetime.ttlMs, lifetime.idleMs) })
    .execute();
  return { token, id };
}

/**
 * How long a session lives: `idleMs` after its last use, and never more than `ttlMs` after sign-in.
 * `expires_at` holds the earlier of the two and moves forward as the session is used.
 */
export interface SessionLifetime {
  ttlMs: number;
  idleMs: number;
}

/** The live session of a cookie value and its (enabled) user, or undefined. Using it postpones its idle expiry. */
export async function findSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
  lifetime: SessionLifetime,
): Promise<{ id: string; user: UserRow } | undefined> {
  const id = tokenDigest(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.expires_at', 'sessions.created_at as session_created_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  const now = clock.now();
  if (!row || Number(row.expires_at) <= now || row.disabled_at !== null || row.password_hash === null) return undefined;
  const { session_id, expires_at, session_created_at, ...user } = row;
  const postponed = Math.min(Number(session_created_at) + lifetime.ttlMs, now + lifetime.idleMs);
  // One write per session per minute of use (less for a short idle time), not one per request.
  if (postponed - Number(expires_at) >= Math.min(60_000, lifetime.idleMs / 4))
    await db.updateTable('sessions').set({ expires_at: postponed }).where('id', '=', session_id).execute();
  return { id: session_id, user };
}

/** Ends one session (logout); `along` runs in the same transaction. */
export async function endSession(db: Kysely<Database>, id: string, along?: AlongWith<void>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', id).execute();
    await along?.(trx, undefined);
  });
}

/** Ends every session of a user but `keepId` (after a password change, the one that made it). */
export async function endUserSessions(db: Kysely<Database>, userId: string, keepId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) query = query.where('id', '!=', keepId);
  await query.execute();
}

export async function pruneSessions(db: Kysely<Database>, clock: Clock): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', clock.now()).execute();
}

/** The CSRF token of a session: an HMAC of the session token, compared on every cookie write. */
export const csrfTokenFor = (sessionToken: string) => createHmac('sha256', sessionToken).update('herald csrf').digest('base64url');
