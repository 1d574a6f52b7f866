import type { FastifyRequest } from 'fastify';
import { Type, type TObject } from 'typebox';
import { systemScopeId } from '../../scopes/index.js';
import { TenantIdParam } from '../schemas/common.js';

/**
 * For routes mounted twice, under `/system` and `/tenants/:tenantId`: the path schema to spread
 * into the route schema, the path schema of one object below the scope (`withId`), and the scope a
 * request addresses.
 */
export function scopeParams(scope: 'system' | 'tenant') {
  return {
    params: scope === 'tenant' ? { params: TenantIdParam } : {},
    withId: <T extends TObject>(idParam: T) => (scope === 'tenant' ? Type.Intersect([TenantIdParam, idParam]) : idParam),
    scopeOf: (request: FastifyRequest): string => (scope === 'system' ? systemScopeId : (request.params as { tenantId: string }).tenantId),
  };
}
