import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { scopeLimit } from '../../accounts/index.js';
import { principalOf } from '../access-control.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses, PageQuery } from '../schemas/common.js';
import { OverviewPage } from '../schemas/overview.js';

/** Read-only delivery health per scope (system first, then a page of tenants), for the console's Overview. */
export const overviewRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/overview',
    {
      config: { permission: 'deliveries:read' },
      schema: {
        tags: ['overview'],
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: OverviewPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await deps.deliveries.overview({
        after: request.query.cursor,
        limit: request.query.limit ?? 50,
        onlyTenant: scopeLimit(principalOf(request)),
      });
      const ids = page.scopes.map((scope) => scope.scope);
      const [recipients, outcomes] = await Promise.all([
        deps.recipients.count(ids),
        deps.eventLog.outcomes(ids, Date.parse(page.generatedAt) - 86_400_000),
      ]);
      return {
        ...page,
        scopes: page.scopes.map((scope) => ({
          ...scope,
          adminRecipients: recipients.get(scope.scope) ?? 0,
          events24h: outcomes.get(scope.scope)!,
        })),
      };
    },
  );
};
