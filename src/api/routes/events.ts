import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses } from '../schemas/common.js';
import { BatchBody, EventBody, IdempotencyHeaders, IngestResult } from '../schemas/events.js';

/** Event ingestion: 202 means the event and its messages are committed. */
export const eventRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['events'];

  app.post('/events', { schema: { tags, headers: IdempotencyHeaders, body: EventBody, response: { 202: IngestResult, ...errorResponses } } }, async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const body = request.body;
    if (header && body.idempotencyKey && header !== body.idempotencyKey) {
      throw new AppError('validation_failed', 'The Idempotency-Key header and idempotencyKey differ.', [{ field: '/idempotencyKey', rule: 'equal', message: 'differs from the Idempotency-Key header' }]);
    }
    const results = await deps.ingest.submit([{ ...body, idempotencyKey: body.idempotencyKey ?? header }]);
    return reply.status(202).send(results[0]!);
  });

  app.post(
    '/events/batch',
    { bodyLimit: 16 * 1024 * 1024, schema: { tags, headers: IdempotencyHeaders, body: BatchBody, response: { 202: Type.Object({ events: Type.Array(IngestResult) }), ...errorResponses } } },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const events = request.body.events.map((event, index) => ({ ...event, idempotencyKey: event.idempotencyKey ?? (header ? `${header}#${index}` : undefined) }));
      return reply.status(202).send({ events: await deps.ingest.submit(events) });
    },
  );
};
