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
    { config: { permission: 'deliveries:read' }, schema: { tags: ['overview'], querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: OverviewPage, ...errorResponses } } },
    async (request) => deps.deliveries.overview({ after: request.query.cursor, limit: request.query.limit ?? 50, onlyTenant: scopeLimit(principalOf(request)) }),
  );
};
