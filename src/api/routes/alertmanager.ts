import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { alertmanagerEvents } from '../../integrations/alertmanager.js';
import { scopeLimit } from '../../accounts/index.js';
import { principalOf } from '../access-control.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses, TenantIdParam } from '../schemas/common.js';
import { IngestResult } from '../schemas/events.js';

const Labels = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), { maxProperties: 50 });
const Payload = Type.Object({
  version: Type.Literal('4'),
  groupKey: Type.String({ maxLength: 4000 }),
  truncatedAlerts: Type.Optional(Type.Integer({ minimum: 0 })),
  status: Type.Union([Type.Literal('firing'), Type.Literal('resolved')]),
  receiver: Type.String({ maxLength: 400 }),
  groupLabels: Labels,
  commonLabels: Labels,
  commonAnnotations: Labels,
  externalURL: Type.String({ maxLength: 2000 }),
  alerts: Type.Array(
    Type.Object({
      status: Type.Union([Type.Literal('firing'), Type.Literal('resolved')]),
      labels: Labels,
      annotations: Labels,
      startsAt: Type.String({ maxLength: 64 }),
      endsAt: Type.String({ maxLength: 64 }),
      generatorURL: Type.String({ maxLength: 2000 }),
      fingerprint: Type.String({ minLength: 1, maxLength: 64 }),
    }),
    { maxItems: 1000 },
  ),
});

/** Alertmanager's webhook receiver: `url: https://herald/api/v1/integrations/alertmanager` with a tenant's token
 * (or a system token and `?tenantId=acme`). */
export const alertmanagerRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.post(
    '/integrations/alertmanager',
    {
      config: { permission: 'events:write' },
      schema: {
        tags: ['integrations'],
        querystring: Type.Object({ tenantId: Type.Optional(TenantIdParam.properties.tenantId) }, { additionalProperties: false }),
        body: Payload,
        response: { 202: Type.Object({ events: Type.Array(IngestResult) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send({
        events: await deps.ingest.submit(alertmanagerEvents(request.body, request.query.tenantId ?? scopeLimit(principalOf(request)))),
      }),
  );
};
