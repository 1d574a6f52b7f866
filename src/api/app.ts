import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ApiDeps } from './api-deps.js';
import { installBearerAuth } from './auth.js';
import { frameworkErrorHandler, installErrorHandler } from './error-handler.js';
import { installValidation } from './validation.js';
import { ErrorBody } from './schemas/common.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { mailboxRoutes } from './routes/mailbox.js';
import { mailServerRoutes } from './routes/mail-server.js';
import { recipientRoutes } from './routes/recipients.js';
import { tenantRoutes } from './routes/tenants.js';

/**
 * Builds the HTTP API as a Fastify app (not listening): routes declared by schema, so validation,
 * serialisation and the OpenAPI document at /api/docs come from one source.
 *
 * @example const app = await buildApi(deps, logger); const res = await app.inject({ url: '/healthz' });
 */
export async function buildApi(deps: ApiDeps, logger: FastifyBaseLogger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    disableRequestLogging: true,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  installValidation(app);
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: { title: 'Herald API', version: '1', description: 'System email notifications: scoped mail servers, durable delivery, history.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });

  installBearerAuth(app, deps.verifyToken);
  await app.register(healthRoutes, { deps });
  await app.register(metricsRoutes, { deps });
  // A worker-only node serves health and metrics, not the API.
  if (deps.node.role === 'worker') return app;
  await app.register(
    async (v1) => {
      await v1.register(tenantRoutes, { deps });
      await v1.register(mailServerRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(mailServerRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(recipientRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(recipientRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(eventRoutes, { deps });
      await v1.register(deliveryRoutes, { deps });
      await v1.register(mailboxRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
