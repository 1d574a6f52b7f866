import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TemplateSource } from '../../templates/index.js';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { EventTypeId, PreviewBody, PreviewView, TemplateBody, TemplateView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** Templates per event type and scope (tenants inherit the system's), checked at save, previewed without sending. */
export const templateRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf, withId } = scopeParams(scope);
  const { notifications, templates } = deps;
  const tags = ['templates'];
  const Params = withId(Type.Object({ type: EventTypeId }));
  const typeOf = (request: { params: unknown }) => (request.params as { type: string }).type;
  // Bodies can be 200 kB: the audit log keeps the subject's words and only that the bodies changed.
  const templateChanges = (before: TemplateSource | undefined, after: TemplateSource | undefined) => {
    const changes = diffFields(
      before && { subject: before.subject, html: before.html, text: before.text },
      after && { subject: after.subject, html: after.html, text: after.text },
    );
    for (const part of ['html', 'text']) if (part in changes) changes[part] = 'changed';
    return changes;
  };

  app.get(
    '/templates/:type',
    { config: { permission: 'settings:read' }, schema: { tags, params: Params, response: { 200: TemplateView, ...errorResponses } } },
    async (request) => templates.get(scopeOf(request), typeOf(request)),
  );

  app.put(
    '/templates/:type',
    {
      config: { permission: 'settings:write' },
      schema: { tags, params: Params, body: TemplateBody, response: { 200: TemplateView, ...errorResponses } },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const { context } = await notifications.sample(scopeId, typeOf(request));
      return templates.save(
        scopeId,
        typeOf(request),
        { subject: request.body.subject, html: request.body.html, text: request.body.text ?? null },
        context,
        auditAlong(deps, request, ({ previous, row: saved }) => ({
          scopeId,
          action: 'template.save',
          target: `template:${saved.event_type}`,
          details: { version: saved.version, changes: templateChanges(previous, saved) },
        })),
      );
    },
  );

  app.delete(
    '/templates/:type',
    { config: { permission: 'settings:write' }, schema: { tags, params: Params, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      await templates.remove(
        scopeId,
        typeOf(request),
        auditAlong(deps, request, (deleted) => ({
          scopeId,
          action: 'template.delete',
          target: `template:${deleted.event_type}`,
          details: { version: deleted.version, changes: templateChanges(deleted, undefined) },
        })),
      );
      return reply.status(204).send(null);
    },
  );

  // settings:write: a preview renders a template of the caller's choosing (in the render pool).
  app.post(
    '/templates/preview',
    {
      config: { permission: 'settings:write' },
      schema: { tags, ...params, body: PreviewBody, response: { 200: PreviewView, ...errorResponses } },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const { type, context } = await notifications.sample(scopeId, request.body.type, request.body.data);
      return templates.preview(scopeId, type, context, request.body);
    },
  );
};
