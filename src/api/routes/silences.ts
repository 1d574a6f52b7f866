import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Silence } from '../../notifications/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { AlertView, SilenceBody, SilenceView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** A silence's time as given: epoch milliseconds, or an ISO 8601 time (the schema checked its form). */
const epochMs = (time: number | string) => (typeof time === 'number' ? time : Date.parse(time));

/** Silences (one-off or recurring quiet windows) and the alerts of a scope. */
export const silenceRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf, withId } = scopeParams(scope);
  const { silences, alerts } = deps;
  const Params = withId(Type.Object({ silenceId: Type.String({ minLength: 1, maxLength: 40 }) }));

  app.get(
    '/silences',
    {
      config: { permission: 'settings:read' },
      schema: { tags: ['silences'], ...params, response: { 200: Type.Object({ items: Type.Array(SilenceView) }), ...errorResponses } },
    },
    async (request) => ({
      items: await silences.list(scopeOf(request)),
    }),
  );
  // The silence's definition is the detail: what it mutes, when, and why.
  const silenceEntry = (request: FastifyRequest, action: string) =>
    auditAlong<Silence>(deps, request, ({ id, ...definition }) => ({
      scopeId: scopeOf(request),
      action,
      target: `silence:${id}`,
      details: definition,
    }));
  app.post(
    '/silences',
    {
      config: { permission: 'settings:write' },
      schema: { tags: ['silences'], ...params, body: SilenceBody, response: { 201: SilenceView, ...errorResponses } },
    },
    async (request, reply) => {
      const { startsAt, endsAt, ...rest } = request.body;
      const input = {
        ...rest,
        ...(startsAt === undefined ? {} : { startsAt: epochMs(startsAt) }),
        ...(endsAt === undefined ? {} : { endsAt: epochMs(endsAt) }),
      };
      return reply.status(201).send(await silences.create(scopeOf(request), input, silenceEntry(request, 'silence.create')));
    },
  );
  app.delete(
    '/silences/:silenceId',
    {
      config: { permission: 'settings:write' },
      schema: { tags: ['silences'], params: Params, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await silences.remove(scopeOf(request), (request.params as { silenceId: string }).silenceId, silenceEntry(request, 'silence.delete'));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/alerts',
    {
      config: { permission: 'deliveries:read' },
      schema: {
        tags: ['alerts'],
        ...params,
        querystring: Type.Object(
          { status: Type.Optional(Type.Union([Type.Literal('firing'), Type.Literal('resolved')])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AlertView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await alerts.list(scopeOf(request), { status: request.query.status }) }),
  );
};
