import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import { assertScope, systemScopeId } from '../../scopes/index.js';
import { eventEnabled, eventEnabledSource, listEventTypes, loadEventOverrides, loadSettings, registerEventType, saveEventOverride, updateSettings } from '../../notifications/index.js';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { EventOverrideBody, EventTypeBody, EventTypeId, EventTypeView, SettingsPatch, SettingsView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** A scope's notification settings, its event catalogue with toggles and per-event recipients. */
export const notificationSettingsRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf, withId } = scopeParams(scope);
  const db = deps.store.db;
  const tags = ['notifications'];
  const TypeParams = withId(Type.Object({ type: EventTypeId }));

  app.get('/notifications', { config: { permission: 'settings:read' }, schema: { tags, ...params, response: { 200: SettingsView, ...errorResponses } } }, async (request) => {
    await assertScope(db, scopeOf(request));
    return loadSettings(db, scopeOf(request));
  });

  app.patch('/notifications', { config: { permission: 'settings:write' }, schema: { tags, ...params, body: SettingsPatch, response: { 200: SettingsView, ...errorResponses } } }, async (request) => {
    if (scopeOf(request) !== systemScopeId && request.body.thresholds) {
      throw new AppError('system_only_field', 'Host thresholds are set on the system scope.', [{ field: '/thresholds', rule: 'system_only', message: 'only on /system' }]);
    }
    const scopeId = scopeOf(request);
    return updateSettings(db, deps.clock, scopeId, request.body, auditAlong(deps, request, ({ before, after }) => ({
      scopeId, action: 'notifications.save', target: `scope:${scopeId}`, details: { changes: diffFields(before, after) },
    })));
  });

  app.get('/event-types', { config: { permission: 'settings:read' }, schema: { tags, ...params, response: { 200: Type.Object({ items: Type.Array(EventTypeView) }), ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    const [types, overrides] = await Promise.all([listEventTypes(db, scopeId), loadEventOverrides(db, scopeId)]);
    return {
      items: types.map((type) => ({
        ...type, enabled: eventEnabled(overrides, type.id, type.defaultEnabled), enabledSource: eventEnabledSource(overrides, type.id),
        override: overrides.own.get(type.id) ?? { enabled: null, recipients: null },
      })),
    };
  });

  app.post('/event-types', { config: { permission: 'settings:write' }, schema: { tags, ...params, body: EventTypeBody, response: { 201: Type.Omit(EventTypeView, ['enabled', 'enabledSource', 'override']), ...errorResponses } } }, async (request, reply) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    const type = await registerEventType(db, deps.clock, scopeId, request.body, auditAlong(deps, request, (registered) => ({
      scopeId, action: 'event_type.register', target: `event_type:${registered.id}`,
      details: { title: registered.title, category: registered.category, severity: registered.severity, audience: registered.audience, defaultEnabled: registered.defaultEnabled, optOut: registered.optOut },
    })));
    return reply.status(201).send(type);
  });

  app.put(
    '/event-types/:type/settings',
    { config: { permission: 'settings:write' }, schema: { tags, params: TypeParams, body: EventOverrideBody, response: { 200: Type.Object({ enabled: Type.Union([Type.Boolean(), Type.Null()]), recipients: Type.Union([Type.Array(Type.String()), Type.Null()]) }), ...errorResponses } } },
    async (request) => {
      const scopeId = scopeOf(request);
      const typeId = (request.params as { type: string }).type;
      return saveEventOverride(db, deps.clock, scopeId, typeId, request.body, auditAlong(deps, request, ({ before, after }) => ({
        scopeId, action: 'event_type.settings_save', target: `event_type:${typeId}`, details: { changes: diffFields(before ? { ...before } : undefined, { ...after }) },
      })));
    },
  );
};
