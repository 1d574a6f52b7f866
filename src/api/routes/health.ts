import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';

const Health = Type.Object({ status: Type.String() });

/** Liveness and readiness, without authentication. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } }, config: { permission: 'public' } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: Health, 503: Health } }, config: { permission: 'public' } },
    async (_request, reply) => {
      if (!(await deps.databaseAnswers())) return reply.status(503).send({ status: 'database unavailable' });
      if (!deps.isReady()) return reply.status(503).send({ status: 'not ready' });
      return { status: 'ready' };
    },
  );
};
