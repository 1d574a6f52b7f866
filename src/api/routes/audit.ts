import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopeLimit } from '../../accounts/index.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { errorResponses } from '../schemas/common.js';
import { AuditPage, AuditQuery } from '../schemas/accounts.js';

/** An actor as stored (`user:…`, `token:…`, `cli`…); anything else in `actor` is a name to look for. */
const actorId = /^(user|token):\S+$|^(cli|system|anonymous)$/;

/** The audit log, newest first; a tenant's administrators see their tenant's entries only. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage, ...errorResponses } },
      config: { permission: 'audit:read' },
    },
    async (request) => {
      const query = request.query;
      const visibleScope = scopeLimit(principalOf(request));
      const actor =
        query.actor === undefined || actorId.test(query.actor) ? query.actor : await deps.auditLog.actorsNamed(query.actor, visibleScope);
      const page = await deps.auditLog.list({
        scope: query.scope ?? visibleScope,
        action: query.action,
        actor,
        since: query.since ? Date.parse(query.since) : undefined,
        until: query.until ? Date.parse(query.until) : undefined,
        cursor: query.cursor ? Number(query.cursor) : undefined,
        limit: query.limit ?? 50,
      });
      const refs = page.items.flatMap((item) => [item.actor, `scope:${item.scope}`, ...(item.target ? [item.target] : [])]);
      return { ...page, names: await deps.auditLog.names(refs, visibleScope) };
    },
  );
};
