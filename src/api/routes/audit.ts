import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopeLimit } from '../../accounts/index.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { errorResponses } from '../schemas/common.js';
import { AuditPage, AuditQuery } from '../schemas/accounts.js';

/** The audit log, newest first; a tenant's administrators see their tenant's entries only. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage, ...errorResponses } }, config: { permission: 'audit:read' } }, async (request) => {
    const query = request.query;
    return deps.auditLog.list({
      scope: query.scope ?? scopeLimit(principalOf(request)), action: query.action, actor: query.actor,
      since: query.since ? Date.parse(query.since) : undefined, until: query.until ? Date.parse(query.until) : undefined,
      cursor: query.cursor ? Number(query.cursor) : undefined, limit: query.limit ?? 50,
    });
  });
};
