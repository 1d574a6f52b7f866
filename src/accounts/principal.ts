import { systemScopeId } from '../scopes/index.js';
import type { UserRole } from '../store/schema.js';
import { rolePermissions, type RoutePermission, type ScopePermission } from './permissions.js';

/** Who is calling: a signed-in user or an API token, with the scope its grants hold in. */
export type Principal =
  | { kind: 'user'; userId: string; role: UserRole; scopeId: string; sessionId: string; grants: readonly ScopePermission[] }
  | { kind: 'token'; tokenId: string; scopeId: string; grants: readonly ScopePermission[] };

export function userPrincipal(user: { id: string; role: UserRole; scope_id: string }, sessionId: string): Principal {
  return { kind: 'user', userId: user.id, role: user.role, scopeId: user.scope_id, sessionId, grants: rolePermissions[user.role] };
}

/** How the audit log names a principal. */
export function actorOf(principal: Principal | undefined): string {
  if (!principal) return 'anonymous';
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}

/** A principal of the system scope reaches every tenant; a tenant's stays in its own. */
export function reachesScope(principal: Principal, scopeId: string): boolean {
  return principal.scopeId === systemScopeId || principal.scopeId === scopeId;
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'not_found';

/**
 * The one place that decides every route: deny by default. `scopes` are the scopes the request
 * acts on; a tenant caller naming another tenant gets `not_found`, so it learns nothing about
 * what exists there.
 *
 * @example
 * declare const principal: Principal;
 * decide(principal, 'settings:write', ['acme']) // 'allow' for acme's tenant_admin
 */
export function decide(
  principal: Principal | undefined,
  permission: RoutePermission | undefined,
  scopes: readonly string[],
  targetUserId?: string,
): Decision {
  if (permission === undefined) return 'forbidden';
  if (permission === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  // Sign-in routes (session, logout, password) are for people; an API token is not signed in.
  if (permission === 'authenticated') return principal.kind === 'user' ? 'allow' : 'forbidden';
  if (!scopes.every((scope) => reachesScope(principal, scope))) return 'not_found';
  if (permission === 'self') {
    if (principal.kind === 'user' && targetUserId !== undefined && principal.userId === targetUserId) return 'allow';
    return principal.grants.includes('users:write') ? 'allow' : 'forbidden';
  }
  if (permission === 'system') return principal.scopeId === systemScopeId && principal.grants.includes('system') ? 'allow' : 'forbidden';
  return principal.grants.includes(permission) ? 'allow' : 'forbidden';
}

/** The scope a list is limited to: undefined for a system caller (every scope), else its tenant. */
export function scopeLimit(principal: Principal): string | undefined {
  return principal.scopeId === systemScopeId ? undefined : principal.scopeId;
}
