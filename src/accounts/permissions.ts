import type { UserRole } from '../store/schema.js';

export const userRoles = ['system_admin', 'tenant_admin', 'tenant_viewer', 'member'] as const satisfies readonly UserRole[];

/** What a route needs, declared in its options as `config: { permission }`. */
export const routePermissions = [
  'public',
  'authenticated',
  'system',
  'settings:read',
  'settings:write',
  'settings:test',
  'events:write',
  'deliveries:read',
  'deliveries:write',
  'users:read',
  'users:write',
  'audit:read',
  'self',
] as const;
export type RoutePermission = (typeof routePermissions)[number];

/** Permissions held within a scope (everything but the three that are not scope grants). */
export type ScopePermission = Exclude<RoutePermission, 'public' | 'authenticated' | 'self'>;

/** What an application's API token may be granted. */
export const tokenPermissions = ['events:write', 'settings:read', 'settings:write', 'deliveries:read'] as const;
export type TokenPermission = (typeof tokenPermissions)[number];

const tenantAdmin: readonly ScopePermission[] = [
  'settings:read',
  'settings:write',
  'settings:test',
  'events:write',
  'deliveries:read',
  'deliveries:write',
  'users:read',
  'users:write',
  'audit:read',
];
const everything: readonly ScopePermission[] = ['system', ...tenantAdmin];

/**
 * The role table: what each role may do in its own scope. A system administrator's grants
 * reach every scope; every other role stays inside its tenant.
 */
export const rolePermissions: Record<UserRole, readonly ScopePermission[]> = {
  system_admin: everything,
  tenant_admin: tenantAdmin,
  tenant_viewer: ['settings:read', 'deliveries:read'],
  member: [],
};

/** `["*"]` stored on a token means every permission (the administrator tokens). */
export function tokenGrants(stored: readonly string[]): readonly ScopePermission[] {
  if (stored.includes('*')) return everything;
  return stored.filter((p): p is ScopePermission => (tokenPermissions as readonly string[]).includes(p));
}
