import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Actors that are no account: their names are fixed. */
const fixedNames: Record<string, string> = {
  cli: 'Command line (herald CLI)',
  system: 'Herald itself',
  anonymous: 'Anonymous (not signed in)',
  'token:env:HERALD_ADMIN_TOKEN': 'HERALD_ADMIN_TOKEN (environment)',
};

const idsOf = (refs: readonly string[], kind: string) => [
  ...new Set(refs.filter((ref) => ref.startsWith(`${kind}:`)).map((ref) => ref.slice(kind.length + 1))),
];

/**
 * Readable names for the actors and targets of audit entries (`user:usr_1` → "Ada Admin
 * <ada@example.com>", `token:tok_1` → `API token "billing"`, `tenant:acme` → "Acme Corp"), as they
 * are named now. `visibleScope` (a tenant's caller) keeps the accounts of other scopes unnamed:
 * they read "a system user" or "a system API token". A deleted account has no name.
 */
export async function auditNames(db: Kysely<Database>, refs: readonly string[], visibleScope?: string): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const ref of refs) if (fixedNames[ref]) names[ref] = fixedNames[ref];
  const [userIds, tokenIds, scopeIds] = [idsOf(refs, 'user'), idsOf(refs, 'token'), [...idsOf(refs, 'tenant'), ...idsOf(refs, 'scope')]];
  const [users, tokens, scopes] = await Promise.all([
    userIds.length ? db.selectFrom('users').select(['id', 'name', 'email', 'scope_id']).where('id', 'in', userIds).execute() : [],
    tokenIds.length ? db.selectFrom('api_tokens').select(['id', 'label', 'scope_id']).where('id', 'in', tokenIds).execute() : [],
    scopeIds.length ? db.selectFrom('scopes').select(['id', 'name']).where('id', 'in', scopeIds).execute() : [],
  ]);
  const hidden = (scopeId: string) => visibleScope !== undefined && scopeId !== visibleScope;
  for (const user of users) names[`user:${user.id}`] = hidden(user.scope_id) ? 'a system user' : `${user.name} <${user.email}>`;
  for (const token of tokens) names[`token:${token.id}`] = hidden(token.scope_id) ? 'a system API token' : `API token "${token.label}"`;
  for (const scope of scopes) {
    if (hidden(scope.id) && scope.id !== 'system') continue;
    names[`tenant:${scope.id}`] = scope.name;
    names[`scope:${scope.id}`] = scope.name;
  }
  return names;
}

/**
 * The actors (`user:…`, `token:…`) whose name, e-mail or label holds `text` (any case), in
 * `visibleScope` when given: an audit filter by name. At most 200.
 */
export async function actorsNamed(db: Kysely<Database>, text: string, visibleScope?: string): Promise<string[]> {
  const pattern = `%${text.trim().toLowerCase()}%`;
  let users = db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb('email', 'like', pattern)]));
  let tokens = db
    .selectFrom('api_tokens')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['label']), 'like', pattern));
  if (visibleScope !== undefined) {
    users = users.where('scope_id', '=', visibleScope);
    tokens = tokens.where('scope_id', '=', visibleScope);
  }
  const [userRows, tokenRows] = await Promise.all([users.limit(200).execute(), tokens.limit(200).execute()]);
  const fixed = Object.entries(fixedNames)
    .filter(([, name]) => name.toLowerCase().includes(text.trim().toLowerCase()))
    .map(([ref]) => ref);
  return [...userRows.map((row) => `user:${row.id}`), ...tokenRows.map((row) => `token:${row.id}`), ...fixed].slice(0, 200);
}
