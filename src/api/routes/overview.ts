import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { scopeLimit } from '../../accounts/index.js';
import { overview } from '../../delivery/read-models/overview.js';
import { principalOf } from '../access-control.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses, PageQuery } from '../schemas/common.js';
import { OverviewPage } from '../schemas/overview.js';

/** Read-only delivery health per scope (system first, then a page of tenants), for the console's Overview. */
export const overviewRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/overview',
    { config: { permission: 'deliveries:read' }, schema: { tags: ['overview'], querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: OverviewPage, ...errorResponses } } },
    async (request) => {
      const now = deps.clock.now();
      const page = await overview(deps.store.db, deps.secrets, { after: request.query.cursor, limit: request.query.limit ?? 50, now, onlyTenant: scopeLimit(principalOf(request)) });
      return { generatedAt: new Date(now).toISOString(), ...page };
    },
  );
};
