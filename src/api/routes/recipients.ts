import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { maxRecipients } from '../../scopes/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { scopeParams } from './scope-params.js';

const Recipients = Type.Object(
  { recipients: Type.Array(Type.String({ maxLength: 400 }), { maxItems: maxRecipients }) },
  { additionalProperties: false },
);

/** A scope's admin recipients (the default audience of its events), mounted like mail-server. */
export const recipientRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf } = scopeParams(scope);
  const tags = ['recipients'];
  app.get(
    '/recipients',
    { schema: { tags, ...params, response: { 200: Recipients, ...errorResponses } }, config: { permission: 'settings:read' } },
    async (request) => ({
      recipients: await deps.recipients.list(scopeOf(request)),
    }),
  );
  app.put(
    '/recipients',
    {
      schema: { tags, ...params, body: Recipients, response: { 200: Recipients, ...errorResponses } },
      config: { permission: 'settings:write' },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const recipients = await deps.recipients.replace(
        scopeId,
        request.body.recipients,
        auditAlong(deps, request, ({ before, after }) => ({
          scopeId,
          action: 'recipients.replace',
          target: `scope:${scopeId}`,
          details: { added: after.filter((r) => !before.includes(r)), removed: before.filter((r) => !after.includes(r)) },
        })),
      );
      return { recipients };
    },
  );
};
