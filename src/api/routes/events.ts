import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { scopeLimit } from '../../accounts/index.js';
import { errorResponses } from '../schemas/common.js';
import { BatchBody, EventBody, EventPage, EventQuery, EventView, IdempotencyHeaders, IngestResult } from '../schemas/events.js';

/** Event ingestion: 202 means the event and its messages are committed. */
export const eventRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['events'];

  app.post(
    '/events',
    {
      schema: { tags, headers: IdempotencyHeaders, body: EventBody, response: { 202: IngestResult, ...errorResponses } },
      config: { permission: 'events:write' },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const body = request.body;
      if (header && body.idempotencyKey && header !== body.idempotencyKey) {
        throw new AppError('validation_failed', 'The Idempotency-Key header and idempotencyKey differ.', [
          { field: '/idempotencyKey', rule: 'equal', message: 'differs from the Idempotency-Key header' },
        ]);
      }
      const results = await deps.ingest.submit([
        { ...body, tenant: body.tenant ?? scopeLimit(principalOf(request)), idempotencyKey: body.idempotencyKey ?? header },
      ]);
      return reply.status(202).send(results[0]!);
    },
  );

  app.post(
    '/events/batch',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        headers: IdempotencyHeaders,
        body: BatchBody,
        response: { 202: Type.Object({ events: Type.Array(IngestResult) }), ...errorResponses },
      },
      config: { permission: 'events:write' },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const home = scopeLimit(principalOf(request));
      const events = request.body.events.map((event, index) => ({
        ...event,
        tenant: event.tenant ?? home,
        idempotencyKey: event.idempotencyKey ?? (header ? `${header}#${index}` : undefined),
      }));
      return reply.status(202).send({ events: await deps.ingest.submit(events) });
    },
  );

  app.get(
    '/events',
    {
      config: { permission: 'deliveries:read' },
      schema: { tags, querystring: EventQuery, response: { 200: EventPage, ...errorResponses } },
    },
    async (request) => {
      const query = request.query;
      return deps.eventLog.list({
        scope: query.scope ?? scopeLimit(principalOf(request)),
        type: query.type,
        outcome: query.outcome,
        since: query.since ? Date.parse(query.since) : undefined,
        until: query.until ? Date.parse(query.until) : undefined,
        cursor: query.cursor,
        limit: query.limit ?? 50,
      });
    },
  );

  app.get(
    '/events/:eventId',
    {
      config: { permission: 'deliveries:read' },
      schema: {
        tags,
        params: Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: EventView, ...errorResponses },
      },
    },
    async (request) => deps.eventLog.get(request.params.eventId, scopeLimit(principalOf(request))),
  );
};
