import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { csrfTokenFor, toSessionUser, type SessionUser } from '../../accounts/index.js';
import { AppError } from '../../shared/app-error.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf, sessionCookie } from '../access-control.js';
import { auditAlong, recordAudit } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { LoginBody, PasswordBody, SessionBody, SetupBody } from '../schemas/accounts.js';

const bodyLimit = 16 * 1024;
const responses = { ...errorResponses, 429: errorResponses[400] };

/** Sign-in: login, logout, the current session, password change and the first-start setup. */
export const authRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const { accounts } = deps;
  const tags = ['auth'];

  /** Sets the session cookie: HttpOnly, SameSite=Strict, and Secure with the __Host- prefix over HTTPS. */
  const startSession = (request: FastifyRequest, reply: FastifyReply, token: string, user: SessionUser) => {
    const secure = request.protocol === 'https';
    reply.setCookie(secure ? sessionCookie.secure : sessionCookie.plain, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure,
      maxAge: Math.floor(deps.config.security.session.ttlMs / 1000),
    });
    return { user, csrfToken: csrfTokenFor(token) };
  };
  const sessionOf = (request: FastifyRequest) => {
    const principal = principalOf(request);
    if (principal.kind !== 'user' || !request.session)
      throw new AppError('unauthenticated', 'This needs a signed-in session, not an API token.');
    return { principal, session: request.session };
  };

  app.post(
    '/login',
    { bodyLimit, schema: { tags, body: LoginBody, response: { 200: SessionBody, ...responses } }, config: { permission: 'public' } },
    async (request, reply) => {
      const { email, password, tenantId } = request.body;
      const outcome = await accounts.login({ email, password, tenantId, ip: request.ip });
      if (!outcome.ok) {
        const actor = outcome.userId ? `user:${outcome.userId}` : 'anonymous';
        await recordAudit(deps, request, {
          actor,
          scopeId: outcome.scopeId,
          action: 'auth.login_failed',
          target: outcome.userId ? `user:${outcome.userId}` : `email:${email.trim().toLowerCase()}`,
          details: { reason: outcome.reason },
        });
        if (outcome.reason === 'rate_limited') {
          reply.header('retry-after', '900');
          throw new AppError(
            'rate_limited',
            'Too many failed sign-ins from this address; wait 15 minutes or sign in from another address.',
          );
        }
        if (outcome.reason === 'tenant_required') throw new AppError('tenant_required');
        throw new AppError('invalid_credentials');
      }
      await recordAudit(deps, request, {
        actor: `user:${outcome.user.id}`,
        scopeId: outcome.user.scope_id,
        action: 'auth.login',
        target: `user:${outcome.user.id}`,
      });
      return startSession(request, reply, outcome.token, toSessionUser(outcome.user));
    },
  );

  app.post(
    '/logout',
    { schema: { tags, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'authenticated' } },
    async (request, reply) => {
      const { principal, session } = sessionOf(request);
      await accounts.endSession(
        session.id,
        auditAlong(deps, request, () => ({ scopeId: principal.scopeId, action: 'auth.logout', target: `user:${principal.userId}` })),
      );
      reply.clearCookie(sessionCookie.plain, { path: '/' }).clearCookie(sessionCookie.secure, { path: '/', secure: true });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/session',
    { schema: { tags, response: { 200: SessionBody, ...errorResponses } }, config: { permission: 'authenticated' } },
    async (request) => {
      const { principal, session } = sessionOf(request);
      return { user: await accounts.sessionUser(principal.scopeId, principal.userId), csrfToken: csrfTokenFor(session.token) };
    },
  );

  app.post(
    '/password',
    {
      bodyLimit,
      schema: { tags, body: PasswordBody, response: { 204: Type.Null(), ...errorResponses } },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const { principal, session } = sessionOf(request);
      const passwords = { current: request.body.currentPassword, next: request.body.newPassword };
      await accounts.changePassword(
        principal.scopeId,
        principal.userId,
        passwords,
        session.id,
        auditAlong(deps, request, () => ({
          scopeId: principal.scopeId,
          action: 'auth.password_change',
          target: `user:${principal.userId}`,
        })),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/setup',
    { schema: { tags, response: { 200: Type.Object({ needed: Type.Boolean() }), ...errorResponses } }, config: { permission: 'public' } },
    async () => ({
      needed: await accounts.setupNeeded(),
    }),
  );

  app.post(
    '/setup',
    { bodyLimit, schema: { tags, body: SetupBody, response: { 200: SessionBody, ...responses } }, config: { permission: 'public' } },
    async (request, reply) => {
      const user = await accounts.completeSetup(
        request.body,
        auditAlong(deps, request, (created) => ({
          actor: `user:${created.id}`,
          scopeId: created.scope_id,
          action: 'auth.setup',
          target: `user:${created.id}`,
          details: { email: created.email, role: created.role },
        })),
      );
      const session = await accounts.openSession(user.id, request.ip);
      return startSession(request, reply, session.token, toSessionUser(user));
    },
  );
};
