import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findType, listEventTypes, loadSettings, sampleContext } from '../../notifications/index.js';
import { assertScope, getTenant, systemScopeId } from '../../scopes/index.js';
import { checkTemplate, deleteTemplate, findTemplate, renderBuiltin, saveTemplate } from '../../templates/index.js';
import { diffFields } from '../../audit/index.js';
import type { TemplateRow } from '../../store/schema.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { EventTypeId, PreviewBody, PreviewView, TemplateBody, TemplateView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** Templates per event type and scope (tenants inherit the system's), checked at save, previewed without sending. */
export const templateRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf, withId } = scopeParams(scope);
  const db = deps.store.db;
  const tags = ['templates'];
  const Params = withId(Type.Object({ type: EventTypeId }));
  const typeOf = (request: { params: unknown }) => (request.params as { type: string }).type;
  // Bodies can be 200 kB: the audit log keeps the subject's words and only that the bodies changed.
  const templateChanges = (before: TemplateRow | undefined, after: TemplateRow | undefined) => {
    const changes = diffFields(before && { subject: before.subject, html: before.html, text: before.text }, after && { subject: after.subject, html: after.html, text: after.text });
    for (const part of ['html', 'text']) if (part in changes) changes[part] = 'changed';
    return changes;
  };

  async function sampleFor(scopeId: string, typeId: string, data?: Record<string, unknown>) {
    await assertScope(db, scopeId);
    const types = new Map((await listEventTypes(db, scopeId)).map((type) => [type.id, type]));
    const type = findType(types, typeId);
    const name = scopeId === systemScopeId ? 'System' : (await getTenant(db, scopeId)).name;
    return { type, context: sampleContext(type, { id: scopeId, name }, (await loadSettings(db, scopeId)).effective.branding, data) };
  }

  app.get('/templates/:type', { config: { permission: 'settings:read' }, schema: { tags, params: Params, response: { 200: TemplateView, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    const row = await findTemplate(db, scopeId, typeOf(request));
    if (!row) return { type: typeOf(request), origin: 'builtin' as const, version: null, subject: null, html: null, text: null };
    return { type: row.event_type, origin: row.scope_id === scopeId ? ('scope' as const) : ('system' as const), version: row.version, subject: row.subject, html: row.html, text: row.text };
  });

  app.put('/templates/:type', { config: { permission: 'settings:write' }, schema: { tags, params: Params, body: TemplateBody, response: { 200: TemplateView, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    const { context } = await sampleFor(scopeId, typeOf(request));
    const row = await saveTemplate(db, deps.clock, deps.templates, scopeId, typeOf(request), { subject: request.body.subject, html: request.body.html, text: request.body.text ?? null }, context, auditAlong(deps, request, ({ previous, row: saved }) => ({
      scopeId, action: 'template.save', target: `template:${saved.event_type}`, details: { version: saved.version, changes: templateChanges(previous, saved) },
    })));
    return { type: row.event_type, origin: 'scope' as const, version: row.version, subject: row.subject, html: row.html, text: row.text };
  });

  app.delete('/templates/:type', { config: { permission: 'settings:write' }, schema: { tags, params: Params, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    await deleteTemplate(db, scopeId, typeOf(request), auditAlong(deps, request, (deleted) => ({
      scopeId, action: 'template.delete', target: `template:${deleted.event_type}`, details: { version: deleted.version, changes: templateChanges(deleted, undefined) },
    })));
    return reply.status(204).send(null);
  });

  // settings:write: a preview renders a template of the caller's choosing (in the render pool).
  app.post('/templates/preview', { config: { permission: 'settings:write' }, schema: { tags, ...params, body: PreviewBody, response: { 200: PreviewView, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    const body = request.body;
    const { type, context } = await sampleFor(scopeId, body.type, body.data);
    if (body.subject !== undefined || body.html !== undefined) {
      const saved = await findTemplate(db, scopeId, type.id);
      return checkTemplate(deps.templates, { subject: body.subject ?? saved?.subject ?? '{{ event.title }}', html: body.html ?? saved?.html ?? '<p>{{ event.title }}</p>', text: body.text === undefined ? (saved?.text ?? null) : body.text }, context);
    }
    const saved = await findTemplate(db, scopeId, type.id);
    return saved ? checkTemplate(deps.templates, saved, context) : renderBuiltin(type, context, Date.parse(context.event.occurredAt));
  });
};
