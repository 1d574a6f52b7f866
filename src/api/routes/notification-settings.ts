import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { EventOverrideBody, EventTypeBody, EventTypeId, EventTypeView, SettingsPatch, SettingsView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** A scope's notification settings, its event catalogue with toggles and per-event recipients. */
export const notificationSettingsRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (
  app,
  { deps, scope },
) => {
  const { params, scopeOf, withId } = scopeParams(scope);
  const { notifications } = deps;
  const tags = ['notifications'];
  const TypeParams = withId(Type.Object({ type: EventTypeId }));

  app.get(
    '/notifications',
    { config: { permission: 'settings:read' }, schema: { tags, ...params, response: { 200: SettingsView, ...errorResponses } } },
    async (request) => notifications.settings(scopeOf(request)),
  );

  app.patch(
    '/notifications',
    {
      config: { permission: 'settings:write' },
      schema: { tags, ...params, body: SettingsPatch, response: { 200: SettingsView, ...errorResponses } },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      return notifications.updateSettings(
        scopeId,
        request.body,
        auditAlong(deps, request, ({ before, after }) => ({
          scopeId,
          action: 'notifications.save',
          target: `scope:${scopeId}`,
          details: { changes: diffFields(before, after) },
        })),
      );
    },
  );

  app.get(
    '/event-types',
    {
      config: { permission: 'settings:read' },
      schema: { tags, ...params, response: { 200: Type.Object({ items: Type.Array(EventTypeView) }), ...errorResponses } },
    },
    async (request) => ({
      items: await notifications.eventTypes(scopeOf(request)),
    }),
  );

  app.post(
    '/event-types',
    {
      config: { permission: 'settings:write' },
      schema: {
        tags,
        ...params,
        body: EventTypeBody,
        response: { 201: Type.Omit(EventTypeView, ['enabled', 'enabledSource', 'override']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      const type = await notifications.registerEventType(
        scopeId,
        request.body,
        auditAlong(deps, request, (registered) => ({
          scopeId,
          action: 'event_type.register',
          target: `event_type:${registered.id}`,
          details: {
            title: registered.title,
            category: registered.category,
            severity: registered.severity,
            audience: registered.audience,
            defaultEnabled: registered.defaultEnabled,
            optOut: registered.optOut,
          },
        })),
      );
      return reply.status(201).send(type);
    },
  );

  app.put(
    '/event-types/:type/settings',
    {
      config: { permission: 'settings:write' },
      schema: {
        tags,
        params: TypeParams,
        body: EventOverrideBody,
        response: {
          200: Type.Object({
            enabled: Type.Union([Type.Boolean(), Type.Null()]),
            recipients: Type.Union([Type.Array(Type.String()), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const typeId = (request.params as { type: string }).type;
      return notifications.saveEventOverride(
        scopeId,
        typeId,
        request.body,
        auditAlong(deps, request, ({ before, after }) => ({
          scopeId,
          action: 'event_type.settings_save',
          target: `event_type:${typeId}`,
          details: { changes: diffFields(before ? { ...before } : undefined, { ...after }) },
        })),
      );
    },
  );
};
