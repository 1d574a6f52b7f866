import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import type { ApiDeps } from './api-deps.js';
import { installAccessControl } from './access-control.js';
import { installConsole } from './console.js';
import { frameworkErrorHandler, installErrorHandler } from './error-handler.js';
import { installValidation } from './validation.js';
import { sharedResponseSerializers } from './serialization.js';
import { installRequestLog, requestId } from './request-log.js';
import { installSecurityHeaders } from './security-headers.js';
import { ErrorBody } from './schemas/common.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { overviewRoutes } from './routes/overview.js';
import { mailboxRoutes } from './routes/mailbox.js';
import { mailServerRoutes } from './routes/mail-server.js';
import { recipientRoutes } from './routes/recipients.js';
import { tenantRoutes } from './routes/tenants.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { hostPolicyRoutes } from './routes/host-policy.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { notificationSettingsRoutes } from './routes/notification-settings.js';
import { preferenceRoutes } from './routes/preferences.js';
import { silenceRoutes } from './routes/silences.js';
import { templateRoutes } from './routes/templates.js';
import { alertmanagerRoutes } from './routes/alertmanager.js';
import { queueRoutes, statusRoutes } from './routes/queue.js';
import { oauthCallbackRoutes, oauthConnectionRoutes, oauthRedirectRoutes } from './routes/oauth.js';

/**
 * Builds the HTTP API as a Fastify app (not listening): routes declared by schema, so validation,
 * serialisation and the OpenAPI document at /api/docs come from one source.
 *
 * @example
 * declare const deps: ApiDeps; declare const logger: FastifyBaseLogger;
 * const app = await buildApi(deps, logger); const res = await app.inject({ url: '/healthz' });
 */
export async function buildApi(deps: ApiDeps, logger: FastifyBaseLogger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    schemaController: sharedResponseSerializers(),
    frameworkErrors: frameworkErrorHandler,
    // request.ip and request.protocol come from X-Forwarded-For/-Proto only when the peer is a listed proxy.
    trustProxy: deps.config.security.trustProxy.length > 0 ? [...deps.config.security.trustProxy] : false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  installRequestLog(app);
  installSecurityHeaders(app);
  await app.register(cookie);
  installErrorHandler(app);
  installValidation(app);
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: {
        title: 'Herald API',
        version: '1',
        description: 'System email notifications: scoped mail servers, durable delivery, history.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'herald_session' } },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  // Before swagger-ui registers its routes, so the hook sees them: the API's documentation is public.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), permission: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installAccessControl(app, deps);
  await app.register(healthRoutes, { deps });
  await app.register(metricsRoutes, { deps });
  // A worker-only node serves health and metrics, not the API.
  if (deps.node.role === 'worker') return app;
  await app.register(
    async (v1) => {
      await v1.register(authRoutes, { deps, prefix: '/auth' });
      await v1.register(tenantRoutes, { deps });
      await v1.register(userRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(userRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(tokenRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(tokenRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(hostPolicyRoutes, { deps, prefix: '/system' });
      await v1.register(auditRoutes, { deps });
      await v1.register(mailServerRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(mailServerRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(oauthConnectionRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(oauthConnectionRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      await v1.register(oauthCallbackRoutes, { deps });
      await v1.register(recipientRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(recipientRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      for (const plugin of [notificationSettingsRoutes, preferenceRoutes, templateRoutes, silenceRoutes]) {
        await v1.register(plugin, { deps, scope: 'system', prefix: '/system' });
        await v1.register(plugin, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
      }
      await v1.register(eventRoutes, { deps });
      await v1.register(alertmanagerRoutes, { deps });
      await v1.register(deliveryRoutes, { deps });
      await v1.register(mailboxRoutes, { deps });
      await v1.register(overviewRoutes, { deps });
      await v1.register(statusRoutes, { deps });
      await v1.register(queueRoutes, { deps, scope: 'system', prefix: '/system' });
      await v1.register(queueRoutes, { deps, scope: 'tenant', prefix: '/tenants/:tenantId' });
    },
    { prefix: '/api/v1' },
  );
  await app.register(oauthRedirectRoutes);
  await installConsole(app);
  return app;
}
