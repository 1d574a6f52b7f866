import type { Kysely } from 'kysely';
import { AppError, type ErrorDetail } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Database } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { listEventTypes, type EventType } from './catalogue.js';

export interface Preference {
  type: string;
  title: string;
  audience: 'user' | 'subscribers';
  optOut: boolean;
  /** Whether the member gets this event's mail now. */
  receiving: boolean;
}

/** Whether a member receives a type, given their stored choice (undefined: never chose). */
export function receives(type: Pick<EventType, 'audience' | 'optOut'>, choice: boolean | undefined): boolean {
  if (!type.optOut) return true;
  // `user` events reach the member unless they opted out; `subscribers` events only once they opted in.
  return choice ?? type.audience === 'user';
}

async function findUser(db: Kysely<Database>, scopeId: string, userId: string) {
  const user = await db.selectFrom('users').select(['id']).where('id', '=', userId).where('scope_id', '=', scopeId).executeTakeFirst();
  if (!user)
    throw new AppError('not_found', `No user ${userId} in this scope.`, [
      { field: '/userId', rule: 'exists', message: 'no such user in this scope' },
    ]);
  return user;
}

/** The member's page: every type that reaches members, and whether it reaches this one. */
export async function getPreferences(db: Kysely<Database>, scopeId: string, userId: string): Promise<Preference[]> {
  await findUser(db, scopeId, userId);
  const [types, rows] = await Promise.all([
    listEventTypes(db, scopeId),
    db.selectFrom('user_preferences').select(['event_type', 'enabled']).where('user_id', '=', userId).execute(),
  ]);
  const chosen = new Map(rows.map((row) => [row.event_type, row.enabled === 1]));
  return types
    .filter((type): type is EventType & { audience: 'user' | 'subscribers' } => type.audience !== 'admins')
    .map((type) => ({
      type: type.id,
      title: type.title,
      audience: type.audience,
      optOut: type.optOut,
      receiving: receives(type, chosen.get(type.id)),
    }));
}

/**
 * Records the member's choices; turning off a type that may not be turned off is refused, and nothing is stored.
 * `along` gets the member's page before and after, in the same transaction.
 */
export async function setPreferences(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  userId: string,
  choices: Record<string, boolean>,
  along?: AlongWith<{ before: Preference[]; after: Preference[] }>,
): Promise<Preference[]> {
  await findUser(db, scopeId, userId);
  const types = new Map((await listEventTypes(db, scopeId)).map((type) => [type.id, type]));
  const problems: ErrorDetail[] = [];
  for (const [typeId, receiving] of Object.entries(choices)) {
    const type = types.get(typeId);
    if (!type || type.audience === 'admins')
      problems.push({ field: `/preferences/${typeId}`, rule: 'exists', message: 'is not an event type members receive' });
    else if (!receiving && !type.optOut)
      problems.push({ field: `/preferences/${typeId}`, rule: 'mandatory', message: `${type.title} cannot be turned off` });
  }
  if (problems.some((problem) => problem.rule === 'mandatory'))
    throw new AppError('opt_out_not_allowed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const now = clock.now();
  const entries = Object.entries(choices);
  return inTransaction(db, async (trx) => {
    const before = along ? await getPreferences(trx, scopeId, userId) : [];
    if (entries.length > 0) {
      await trx
        .deleteFrom('user_preferences')
        .where('user_id', '=', userId)
        .where(
          'event_type',
          'in',
          entries.map(([type]) => type),
        )
        .execute();
      await trx
        .insertInto('user_preferences')
        .values(entries.map(([type, receiving]) => ({ user_id: userId, event_type: type, enabled: receiving ? 1 : 0, updated_at: now })))
        .execute();
    }
    const after = await getPreferences(trx, scopeId, userId);
    await along?.(trx, { before, after });
    return after;
  });
}

/** Members' personal choices of which events reach them. */
export interface Preferences {
  /** The member's page: every type that reaches members, and whether it reaches this one. */
  get(scopeId: string, userId: string): Promise<Preference[]>;
  /** Records the member's choices; turning off a mandatory type is refused and nothing is stored. */
  set(
    scopeId: string,
    userId: string,
    choices: Record<string, boolean>,
    along?: AlongWith<{ before: Preference[]; after: Preference[] }>,
  ): Promise<Preference[]>;
}

export function createPreferences({ db, clock }: { db: Kysely<Database>; clock: Clock }): Preferences {
  return {
    get: (scopeId, userId) => getPreferences(db, scopeId, userId),
    set: (scopeId, userId, choices, along) => setPreferences(db, clock, scopeId, userId, choices, along),
  };
}
