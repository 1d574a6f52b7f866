import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { scopeLimit } from '../../accounts/index.js';
import { overview } from '../../delivery/overview.js';
import { eventOutcomes } from '../../events/event-record.js';
import { countRecipients } from '../../scopes/index.js';
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
      const db = deps.store.db;
      const page = await overview(db, deps.secrets, { after: request.query.cursor, limit: request.query.limit ?? 50, now, onlyTenant: scopeLimit(principalOf(request)) });
      const ids = page.scopes.map((scope) => scope.scope);
      const [recipients, outcomes] = await Promise.all([countRecipients(db, ids), eventOutcomes(db, ids, now - 86_400_000)]);
      const scopes = page.scopes.map((scope) => ({ ...scope, adminRecipients: recipients.get(scope.scope) ?? 0, events24h: outcomes.get(scope.scope)! }));
      return { generatedAt: new Date(now).toISOString(), ...page, scopes };
    },
  );
};
