import type { FastifyRequest } from 'fastify';
import { systemScopeId } from '../../scopes/index.js';
import { TenantIdParam } from '../schemas/common.js';

/**
 * For routes mounted twice, under `/system` and `/tenants/:tenantId`: the path schema to spread
 * into the route schema, and the scope a request addresses.
 */
export function scopeParams(scope: 'system' | 'tenant') {
  return {
    params: scope === 'tenant' ? { params: TenantIdParam } : {},
    scopeOf: (request: FastifyRequest): string => (scope === 'system' ? systemScopeId : (request.params as { tenantId: string }).tenantId),
  };
}
