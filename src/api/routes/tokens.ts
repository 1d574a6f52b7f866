import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { ApiToken, CreatedToken, CreateTokenBody, TokenIdParam } from '../schemas/accounts.js';
import { scopeParams } from './scope-params.js';

/** API tokens for applications, bound to one scope with a subset of permissions. */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { accounts } = deps;
  const tags = ['api tokens'];
  const { params, scopeOf, withId } = scopeParams(scope);
  const tokenParams = withId(TokenIdParam);

  app.get(
    '/tokens',
    {
      schema: { tags, ...params, response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errorResponses } },
      config: { permission: 'users:write' },
    },
    async (request) => ({
      items: await accounts.listTokens(scopeOf(request)),
    }),
  );

  app.post(
    '/tokens',
    {
      schema: { tags, ...params, body: CreateTokenBody, response: { 201: CreatedToken, ...errorResponses } },
      config: { permission: 'users:write' },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      const principal = principalOf(request);
      const { label, permissions, expiresAt } = request.body;
      const created = await accounts.createToken(
        {
          scopeId,
          label,
          permissions,
          expiresAt: expiresAt === undefined ? undefined : Date.parse(expiresAt),
          createdBy: principal.kind === 'user' ? principal.userId : undefined,
        },
        auditAlong(deps, request, (view) => ({
          scopeId,
          action: 'token.create',
          target: `token:${view.id}`,
          details: { label, permissions: view.permissions, expiresAt: view.expiresAt },
        })),
      );
      return reply.status(201).send({ token: created.token, apiToken: created.view });
    },
  );

  app.delete(
    '/tokens/:tokenId',
    { schema: { tags, params: tokenParams, response: { 200: ApiToken, ...errorResponses } }, config: { permission: 'users:write' } },
    async (request) => {
      const scopeId = scopeOf(request);
      return accounts.revokeToken(
        scopeId,
        (request.params as { tokenId: string }).tokenId,
        auditAlong(deps, request, (view) => ({ scopeId, action: 'token.revoke', target: `token:${view.id}` })),
      );
    },
  );
};
