import type { Kysely } from 'kysely';
import { newId } from '../../src/shared/ids.js';
import type { Database } from '../../src/store/schema.js';

/**
 * Inserts a users row directly: the users CRUD API belongs to the accounts branch; until the
 * branches meet, rules tests create their members here.
 */
export async function insertUser(
  db: Kysely<Database>,
  user: { scope?: string; email: string; name?: string; locale?: string; disabled?: boolean },
): Promise<string> {
  const id = newId('usr');
  const now = Date.now();
  await db
    .insertInto('users')
    .values({
      id,
      scope_id: user.scope ?? 'system',
      email: user.email.toLowerCase(),
      name: user.name ?? user.email.split('@')[0]!,
      locale: user.locale ?? 'en',
      role: 'member',
      password_hash: null,
      disabled_at: user.disabled ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
