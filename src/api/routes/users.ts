import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { UserView } from '../../accounts/index.js';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { CreateUserBody, ImportUsersBody, PatchUserBody, User, UserIdParam, UserPage, UserPageQuery } from '../schemas/accounts.js';
import { scopeParams } from './scope-params.js';

/** The signed-in user making a request, if it is one (not an API token). */
const userIdOf = (request: FastifyRequest) => {
  const principal = principalOf(request);
  return principal.kind === 'user' ? principal.userId : undefined;
};

/** The users of a scope (sign-in accounts and notification members), mounted like mail-server. */
export const userRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { accounts } = deps;
  const tags = ['users'];
  const { params, scopeOf, withId } = scopeParams(scope);
  const userParams = withId(UserIdParam);

  app.get(
    '/users',
    {
      schema: { tags, ...params, querystring: UserPageQuery, response: { 200: UserPage, ...errorResponses } },
      config: { permission: 'users:read' },
    },
    async (request) => accounts.listUsers(scopeOf(request), { after: request.query.cursor, limit: request.query.limit ?? 50 }),
  );

  app.post(
    '/users',
    {
      schema: { tags, ...params, body: CreateUserBody, response: { 201: User, ...errorResponses } },
      config: { permission: 'users:write' },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      const user = await accounts.createUser(
        scopeId,
        request.body,
        auditAlong(deps, request, (created) => ({
          scopeId,
          action: 'user.create',
          target: `user:${created.id}`,
          details: { email: created.email, role: created.role, password: request.body.password === undefined ? 'none' : 'set' },
        })),
      );
      return reply.status(201).send(user);
    },
  );

  if (scope === 'tenant') {
    app.post(
      '/users/import',
      {
        schema: { tags, ...params, body: ImportUsersBody, response: { 201: Type.Object({ items: Type.Array(User) }), ...errorResponses } },
        config: { permission: 'users:write' },
      },
      async (request, reply) => {
        const scopeId = scopeOf(request);
        const items = await accounts.importUsers(
          scopeId,
          request.body,
          auditAlong(deps, request, (created) => ({
            scopeId,
            action: 'user.import',
            target: `scope:${scopeId}`,
            details: { count: created.length, users: created.map((u) => u.id) },
          })),
        );
        return reply.status(201).send({ items });
      },
    );
  }

  app.get(
    '/users/:userId',
    { schema: { tags, params: userParams, response: { 200: User, ...errorResponses } }, config: { permission: 'self' } },
    async (request) => accounts.getUser(scopeOf(request), (request.params as { userId: string }).userId),
  );

  app.patch(
    '/users/:userId',
    {
      schema: { tags, params: userParams, body: PatchUserBody, response: { 200: User, ...errorResponses } },
      config: { permission: 'users:write' },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const along = auditAlong<{ before: UserView; after: UserView }>(deps, request, ({ before, after }) => {
        const changes = diffFields({ ...before }, { ...after }, request.body.password !== undefined);
        delete changes.canSignIn;
        return { scopeId, action: 'user.update', target: `user:${after.id}`, details: { changes } };
      });
      return (
        await accounts.updateUser(scopeId, (request.params as { userId: string }).userId, request.body, { by: userIdOf(request), along })
      ).after;
    },
  );

  app.delete(
    '/users/:userId',
    { schema: { tags, params: userParams, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'users:write' } },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      const along = auditAlong<UserView>(deps, request, (user) => ({
        scopeId,
        action: 'user.delete',
        target: `user:${user.id}`,
        details: { email: user.email, role: user.role },
      }));
      await accounts.deleteUser(scopeId, (request.params as { userId: string }).userId, { by: userIdOf(request), along });
      return reply.status(204).send(null);
    },
  );
};
