import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getMailboxMessage, listMailbox } from '../../mailbox/mailbox.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses, IdParam, PageQuery } from '../schemas/common.js';

const Item = Type.Object({ id: Type.String(), scope: Type.String(), to: Type.String(), from: Type.String(), subject: Type.String(), messageId: Type.String(), receivedAt: Type.String() });
const Message = Type.Intersect([Item, Type.Object({ text: Type.String(), html: Type.Union([Type.String(), Type.Null()]) })]);
const Query = Type.Object({ scope: Type.Optional(Type.String({ maxLength: 64 })), to: Type.Optional(Type.String({ maxLength: 320 })), ...PageQuery }, { additionalProperties: false });

/** The built-in mailbox: what the `builtin` provider delivered. */
export const mailboxRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['mailbox'];
  app.get('/mailbox', { schema: { tags, querystring: Query, response: { 200: Type.Object({ items: Type.Array(Item), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } }, async (request) =>
    listMailbox(deps.store.db, { scope: request.query.scope, to: request.query.to, cursor: request.query.cursor, limit: request.query.limit ?? 50 }),
  );
  app.get('/mailbox/:id', { schema: { tags, params: IdParam, response: { 200: Message, ...errorResponses } } }, async (request) =>
    getMailboxMessage(deps.store.db, request.params.id),
  );
};
