import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { systemScopeId } from '../tenants.js';
import { passwordRetirements, type PasswordRetirement } from './password-deprecation.js';

/** A scope whose own mail server still signs in with a password at a provider retiring it. */
export interface PasswordScope extends PasswordRetirement {
  scope: string;
  name: string;
  provider: string;
  /** Since when: the first of the scope's latest settings versions that all use a password at this provider. */
  since: string;
}

/**
 * Every scope (or only `onlyScope`) whose own current mail server uses a password at Microsoft
 * 365 or Gmail: the system first, then tenants by id. Inherited settings are listed under the
 * system scope only.
 *
 * @example (await passwordScopes(db, {})).map((s) => `${s.name}: ${s.provider} until ${s.basicAuthEnds}`)
 */
export async function passwordScopes(db: Kysely<Database>, options: { onlyScope?: string }): Promise<PasswordScope[]> {
  let current = db
    .selectFrom('scopes')
    .innerJoin('mail_server_settings as s', (join) =>
      join.onRef('s.scope_id', '=', 'scopes.id').onRef('s.version', '=', 'scopes.mail_server_version'),
    )
    .select(['scopes.id', 'scopes.name', 's.provider'])
    .where('s.auth', '=', 'password')
    .where('s.provider', 'in', Object.keys(passwordRetirements) as Array<keyof typeof passwordRetirements>);
  if (options.onlyScope !== undefined) current = current.where('scopes.id', '=', options.onlyScope);
  const scopes = await current.execute();
  if (scopes.length === 0) return [];
  const history = await db
    .selectFrom('mail_server_settings')
    .select(['scope_id', 'version', 'provider', 'auth', 'created_at'])
    .where(
      'scope_id',
      'in',
      scopes.map((scope) => scope.id),
    )
    .orderBy('version', 'desc')
    .execute();
  const listed = scopes.map((scope) => {
    let since = 0;
    for (const row of history) {
      if (row.scope_id !== scope.id) continue;
      if (row.auth !== 'password' || row.provider !== scope.provider) break;
      since = Number(row.created_at);
    }
    return {
      scope: scope.id,
      name: scope.id === systemScopeId ? 'System' : scope.name,
      provider: scope.provider,
      since: new Date(since).toISOString(),
      ...passwordRetirements[scope.provider]!,
    };
  });
  return listed.sort((a, b) => (a.scope === systemScopeId ? -1 : b.scope === systemScopeId ? 1 : a.scope.localeCompare(b.scope)));
}
