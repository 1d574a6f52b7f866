import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import { assertScope, systemScopeId } from '../scopes/index.js';
import type { ApiTokenRow, Database } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { rolePermissions, tokenGrants, type TokenPermission } from './permissions.js';
import type { Principal } from './principal.js';
import { newSecretToken, tokenDigest } from './secret-token.js';

export interface ApiTokenView {
  id: string;
  label: string;
  tenantId: string | null;
  permissions: string[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    label: row.label,
    tenantId: row.scope_id === systemScopeId ? null : row.scope_id,
    permissions: JSON.parse(row.permissions) as string[],
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** A new API token: its scope, label and permissions (`['*']`: every one), an optional expiry and the user creating it. */
export interface ApiTokenInput {
  scopeId: string;
  label: string;
  permissions: readonly TokenPermission[] | readonly ['*'];
  expiresAt?: number;
  createdBy?: string;
}

/**
 * Issues an API token bound to one scope with the given permissions (`['*']`: an administrator
 * token). The token is returned once; only its digest is stored. `along` gets the token's view in
 * the same transaction.
 */
export async function createApiToken(
  db: Kysely<Database>,
  clock: Clock,
  input: ApiTokenInput,
  along?: AlongWith<ApiTokenView>,
): Promise<{ token: string; view: ApiTokenView }> {
  await assertScope(db, input.scopeId);
  if (input.expiresAt !== undefined && input.expiresAt <= clock.now())
    throw new AppError('validation_failed', '/expiresAt: must be in the future', [
      { field: '/expiresAt', rule: 'future', message: 'must be in the future' },
    ]);
  const token = newSecretToken('hrt_');
  const row: ApiTokenRow = {
    id: newId('tok'),
    token_hash: tokenDigest(token),
    label: input.label,
    created_at: clock.now(),
    scope_id: input.scopeId,
    permissions: JSON.stringify([...new Set(input.permissions)]),
    created_by: input.createdBy ?? null,
    expires_at: input.expiresAt ?? null,
    last_used_at: null,
    revoked_at: null,
  };
  const view = toTokenView(row);
  await inTransaction(db, async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await along?.(trx, view);
  });
  return { token, view };
}

export async function listApiTokens(db: Kysely<Database>, scopeId: string): Promise<ApiTokenView[]> {
  await assertScope(db, scopeId);
  const rows = await db.selectFrom('api_tokens').selectAll().where('scope_id', '=', scopeId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toTokenView);
}

/** Revokes a token of a scope at once; another scope's token is `not_found`. `along` runs in the same transaction. */
export async function revokeApiToken(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  id: string,
  along?: AlongWith<ApiTokenView>,
): Promise<ApiTokenView> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: clock.now() })
      .where('id', '=', id)
      .where('scope_id', '=', scopeId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).where('scope_id', '=', scopeId).executeTakeFirst();
    if (!row || (Number(result.numUpdatedRows) === 0 && row.revoked_at === null))
      throw new AppError('not_found', `No API token with id ${id} in this scope.`);
    const view = toTokenView(row);
    await along?.(trx, view);
    return view;
  });
}

/** The id under which HERALD_ADMIN_TOKEN appears in the audit log. */
export const environmentTokenId = 'env:HERALD_ADMIN_TOKEN';

/**
 * Checks a bearer token: HERALD_ADMIN_TOKEN (a system administrator token for automation) or a
 * stored one that is not revoked, not expired, and whose creator is still enabled. A token made by
 * a user may do what it was granted and what its creator may do now: demoting, disabling or
 * deleting the creator narrows or ends it on the next request. Records the time of use.
 */
export function createTokenAuthenticator(db: Kysely<Database>, clock: Clock, environmentToken: string | undefined) {
  const environmentDigest = environmentToken ? Buffer.from(tokenDigest(environmentToken), 'hex') : undefined;
  return async (token: string): Promise<Principal | undefined> => {
    const digest = tokenDigest(token);
    if (environmentDigest && timingSafeEqual(environmentDigest, Buffer.from(digest, 'hex'))) {
      return { kind: 'token', tokenId: environmentTokenId, scopeId: systemScopeId, grants: tokenGrants(['*']) };
    }
    const now = clock.now();
    const row = await db
      .selectFrom('api_tokens')
      .leftJoin('users', 'users.id', 'api_tokens.created_by')
      .select([
        'api_tokens.id',
        'api_tokens.scope_id',
        'api_tokens.permissions',
        'api_tokens.expires_at',
        'api_tokens.revoked_at',
        'api_tokens.created_by',
        'api_tokens.last_used_at',
        'users.id as creator',
        'users.disabled_at as creator_disabled',
        'users.role as creator_role',
      ])
      .where('api_tokens.token_hash', '=', digest)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    if (row.created_by !== null && (row.creator === null || row.creator_disabled !== null)) return undefined;
    // Last use to the minute: one write per token per minute, not per request.
    if (row.last_used_at === null || now - row.last_used_at > 60_000)
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    const granted = tokenGrants(JSON.parse(row.permissions) as string[]);
    const creatorMay = row.creator_role === null ? undefined : rolePermissions[row.creator_role];
    return {
      kind: 'token',
      tokenId: row.id,
      scopeId: row.scope_id,
      grants: creatorMay ? granted.filter((grant) => creatorMay.includes(grant)) : granted,
    };
  };
}
