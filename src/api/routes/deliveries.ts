import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { auditAlong } from '../audit-record.js';
import { scopeLimit } from '../../accounts/index.js';
import type { FastifyRequest } from 'fastify';
import { errorResponses, IdParam } from '../schemas/common.js';
import { DeliveryDetail, DeliveryPage, DeliveryQuery } from '../schemas/deliveries.js';

/** Delivery history, the failure history, and resending. */
export const deliveryRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const { deliveries } = deps;
  const tags = ['deliveries'];
  const toFilter = (request: FastifyRequest, query: Static<typeof DeliveryQuery>) => ({
    scope: query.scope ?? scopeLimit(principalOf(request)),
    state: query.state,
    recipient: query.recipient,
    eventId: query.event,
    eventType: query.type,
    since: query.since ? Date.parse(query.since) : undefined,
    until: query.until ? Date.parse(query.until) : undefined,
    cursor: query.cursor,
    limit: query.limit ?? 50,
  });

  app.get(
    '/deliveries',
    {
      schema: { tags, querystring: DeliveryQuery, response: { 200: DeliveryPage, ...errorResponses } },
      config: { permission: 'deliveries:read' },
    },
    async (request) => deliveries.list(toFilter(request, request.query)),
  );
  app.get(
    '/deliveries/failures',
    {
      schema: { tags, querystring: DeliveryQuery, response: { 200: DeliveryPage, ...errorResponses } },
      config: { permission: 'deliveries:read' },
    },
    async (request) => deliveries.failures(toFilter(request, request.query)),
  );
  app.get(
    '/deliveries/:id',
    { schema: { tags, params: IdParam, response: { 200: DeliveryDetail, ...errorResponses } }, config: { permission: 'deliveries:read' } },
    async (request) => deliveries.get(request.params.id, scopeLimit(principalOf(request))),
  );
  app.post(
    '/deliveries/:id/retry',
    { schema: { tags, params: IdParam, response: { 200: DeliveryDetail, ...errorResponses } }, config: { permission: 'deliveries:write' } },
    async (request) => {
      const detail = await deliveries.retry(request.params.id, {
        scope: scopeLimit(principalOf(request)),
        along: auditAlong(deps, request, (retried) => ({
          scopeId: retried.scope,
          action: 'delivery.retry',
          target: `delivery:${retried.id}`,
        })),
      });
      await deps.releaseHeldMail();
      return detail;
    },
  );
};
