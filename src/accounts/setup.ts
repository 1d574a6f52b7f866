import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { systemScopeId } from '../scopes/index.js';
import type { Database, UserRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { newSecretToken, tokenDigest } from './secret-token.js';
import { createUser } from './users.js';

const setupKey = 'setup_token';

/** True while no system administrator can sign in: the first one is still to be created. */
export async function setupNeeded(db: Kysely<Database>): Promise<boolean> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('scope_id', '=', systemScopeId)
    .where('role', '=', 'system_admin')
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return admin === undefined;
}

/**
 * On a fresh start: a new one-time setup token (its digest replaces any earlier one), or
 * undefined when an administrator exists. There is never a default password.
 */
export async function prepareSetup(db: Kysely<Database>, clock: Clock): Promise<string | undefined> {
  if (!(await setupNeeded(db))) {
    await db.deleteFrom('system_settings').where('key', '=', setupKey).execute();
    return undefined;
  }
  const token = newSecretToken('hsu_');
  const value = JSON.stringify(tokenDigest(token));
  await db
    .insertInto('system_settings')
    .values({ key: setupKey, value, updated_at: clock.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: clock.now() }))
    .execute();
  return token;
}

/**
 * Creates the first system administrator from the setup token, which is spent in the same
 * transaction: a refused email or password leaves the link usable. `along` gets the new user there.
 */
export async function completeSetup(
  db: Kysely<Database>,
  clock: Clock,
  input: { token: string; email: string; name: string; password: string },
  along?: AlongWith<UserRow>,
): Promise<UserRow> {
  const stored = await db.selectFrom('system_settings').select('value').where('key', '=', setupKey).executeTakeFirst();
  const given = Buffer.from(tokenDigest(input.token), 'hex');
  const valid = stored !== undefined && timingSafeEqual(Buffer.from(JSON.parse(stored.value) as string, 'hex'), given);
  if (!valid || !(await setupNeeded(db))) throw new AppError('setup_unavailable', 'The setup link is not valid or was already used.');
  return inTransaction(db, async (trx) => {
    const spent = await trx.deleteFrom('system_settings').where('key', '=', setupKey).where('value', '=', stored.value).executeTakeFirst();
    if (Number(spent.numDeletedRows) !== 1) throw new AppError('setup_unavailable', 'The setup link is not valid or was already used.');
    const view = await createUser(trx, clock, systemScopeId, {
      email: input.email,
      name: input.name,
      password: input.password,
      role: 'system_admin',
    });
    const user = await trx.selectFrom('users').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    await along?.(trx, user);
    return user;
  });
}
