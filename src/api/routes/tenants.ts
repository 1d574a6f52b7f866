import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { systemScopeId } from '../../scopes/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses, PageQuery, TenantIdParam } from '../schemas/common.js';
import { CreateTenantBody, RenameTenantBody, Tenant, TenantList } from '../schemas/tenants.js';

export const tenantRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const { tenants } = deps;
  const tags = ['tenants'];

  app.get(
    '/tenants',
    {
      schema: { tags, querystring: Type.Object(PageQuery), response: { 200: TenantList, ...errorResponses } },
      config: { permission: 'system' },
    },
    async (request) => tenants.list({ after: request.query.cursor, limit: request.query.limit ?? 50 }),
  );

  app.post(
    '/tenants',
    { schema: { tags, body: CreateTenantBody, response: { 201: Tenant, ...errorResponses } }, config: { permission: 'system' } },
    async (request, reply) => {
      const tenant = await tenants.create(
        request.body,
        auditAlong(deps, request, (created) => ({
          scopeId: systemScopeId,
          action: 'tenant.create',
          target: `tenant:${created.id}`,
          details: { name: created.name },
        })),
      );
      return reply.status(201).send(tenant);
    },
  );

  app.get(
    '/tenants/:tenantId',
    { schema: { tags, params: TenantIdParam, response: { 200: Tenant, ...errorResponses } }, config: { permission: 'settings:read' } },
    async (request) => tenants.get(request.params.tenantId),
  );

  app.patch(
    '/tenants/:tenantId',
    {
      schema: { tags, params: TenantIdParam, body: RenameTenantBody, response: { 200: Tenant, ...errorResponses } },
      config: { permission: 'system' },
    },
    async (request) => {
      return tenants.rename(
        request.params.tenantId,
        request.body.name,
        auditAlong(deps, request, ({ before, after }) => ({
          scopeId: systemScopeId,
          action: 'tenant.rename',
          target: `tenant:${after.id}`,
          details: { name: { from: before.name, to: after.name } },
        })),
      );
    },
  );

  app.delete(
    '/tenants/:tenantId',
    { schema: { tags, params: TenantIdParam, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'system' } },
    async (request, reply) => {
      await tenants.remove(
        request.params.tenantId,
        auditAlong(deps, request, () => ({ scopeId: systemScopeId, action: 'tenant.delete', target: `tenant:${request.params.tenantId}` })),
      );
      return reply.status(204).send(null);
    },
  );
};
