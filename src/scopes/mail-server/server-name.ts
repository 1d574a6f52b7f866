import { systemScopeId } from '../tenants.js';

/** How a held reason or a message names the mail server of a scope's settings. */
export function serverName(scopeId: string): string {
  return scopeId === systemScopeId ? 'the system mail server' : `the mail server of tenant ${scopeId}`;
}
