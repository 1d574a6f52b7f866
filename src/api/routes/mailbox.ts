import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { scopeLimit } from '../../accounts/index.js';
import { errorResponses, IdParam, PageQuery } from '../schemas/common.js';
import { MailboxItem as Item, MailboxMessage as Message } from '../schemas/mailbox.js';

const Query = Type.Object(
  { scope: Type.Optional(Type.String({ maxLength: 64 })), to: Type.Optional(Type.String({ maxLength: 320 })), ...PageQuery },
  { additionalProperties: false },
);

/** The built-in mailbox: what the `builtin` provider delivered. */
export const mailboxRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['mailbox'];
  app.get(
    '/mailbox',
    {
      schema: {
        tags,
        querystring: Query,
        response: {
          200: Type.Object({ items: Type.Array(Item), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
      config: { permission: 'deliveries:read' },
    },
    async (request) =>
      deps.mailbox.list({
        scope: request.query.scope ?? scopeLimit(principalOf(request)),
        to: request.query.to,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 50,
      }),
  );
  app.get(
    '/mailbox/:id',
    { schema: { tags, params: IdParam, response: { 200: Message, ...errorResponses } }, config: { permission: 'deliveries:read' } },
    async (request) => deps.mailbox.get(request.params.id, scopeLimit(principalOf(request))),
  );
};
