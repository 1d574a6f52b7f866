import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createTenant, deleteTenant, getTenant, listTenants, renameTenant, systemScopeId } from '../../scopes/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses, PageQuery, TenantIdParam } from '../schemas/common.js';
import { CreateTenantBody, RenameTenantBody, Tenant, TenantList } from '../schemas/tenants.js';

export const tenantRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const { db } = deps.store;
  const tags = ['tenants'];

  app.get('/tenants', { schema: { tags, querystring: Type.Object(PageQuery), response: { 200: TenantList, ...errorResponses } }, config: { permission: 'system' } }, async (request) => {
    const limit = request.query.limit ?? 50;
    const items = await listTenants(db, { after: request.query.cursor, limit: limit + 1 });
    const page = items.slice(0, limit);
    return { items: page, nextCursor: items.length > limit ? page[page.length - 1]!.id : null };
  });

  app.post('/tenants', { schema: { tags, body: CreateTenantBody, response: { 201: Tenant, ...errorResponses } }, config: { permission: 'system' } }, async (request, reply) => {
    const tenant = await createTenant(db, deps.clock, request.body, auditAlong(deps, request, (created) => ({ scopeId: systemScopeId, action: 'tenant.create', target: `tenant:${created.id}`, details: { name: created.name } })));
    return reply.status(201).send(tenant);
  });

  app.get('/tenants/:tenantId', { schema: { tags, params: TenantIdParam, response: { 200: Tenant, ...errorResponses } }, config: { permission: 'settings:read' } }, async (request) =>
    getTenant(db, request.params.tenantId),
  );

  app.patch('/tenants/:tenantId', { schema: { tags, params: TenantIdParam, body: RenameTenantBody, response: { 200: Tenant, ...errorResponses } }, config: { permission: 'system' } }, async (request) => {
    return renameTenant(db, deps.clock, request.params.tenantId, request.body.name, auditAlong(deps, request, ({ before, after }) => ({
      scopeId: systemScopeId, action: 'tenant.rename', target: `tenant:${after.id}`, details: { name: { from: before.name, to: after.name } },
    })));
  });

  app.delete('/tenants/:tenantId', { schema: { tags, params: TenantIdParam, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'system' } }, async (request, reply) => {
    await deleteTenant(db, request.params.tenantId, auditAlong(deps, request, () => ({ scopeId: systemScopeId, action: 'tenant.delete', target: `tenant:${request.params.tenantId}` })));
    return reply.status(204).send(null);
  });
};
