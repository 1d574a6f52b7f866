import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import { assertScope, systemScopeId } from '../../scopes/index.js';
import { eventEnabled, listEventTypes, loadEventOverrides, loadSettings, registerEventType, saveEventOverride, updateSettings } from '../../notifications/index.js';
import type { ApiDeps } from '../api-deps.js';
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
    return updateSettings(db, deps.clock, scopeOf(request), request.body);
  });

  app.get('/event-types', { config: { permission: 'settings:read' }, schema: { tags, ...params, response: { 200: Type.Object({ items: Type.Array(EventTypeView) }), ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    const [types, overrides] = await Promise.all([listEventTypes(db, scopeId), loadEventOverrides(db, scopeId)]);
    return {
      items: types.map((type) => ({
        ...type, enabled: eventEnabled(overrides, type.id, type.defaultEnabled),
        override: overrides.own.get(type.id) ?? { enabled: null, recipients: null },
      })),
    };
  });

  app.post('/event-types', { config: { permission: 'settings:write' }, schema: { tags, ...params, body: EventTypeBody, response: { 201: Type.Omit(EventTypeView, ['enabled', 'override']), ...errorResponses } } }, async (request, reply) => {
    await assertScope(db, scopeOf(request));
    return reply.status(201).send(await registerEventType(db, deps.clock, scopeOf(request), request.body));
  });

  app.put(
    '/event-types/:type/settings',
    { config: { permission: 'settings:write' }, schema: { tags, params: TypeParams, body: EventOverrideBody, response: { 200: Type.Object({ enabled: Type.Union([Type.Boolean(), Type.Null()]), recipients: Type.Union([Type.Array(Type.String()), Type.Null()]) }), ...errorResponses } } },
    async (request) => saveEventOverride(db, deps.clock, scopeOf(request), (request.params as { type: string }).type, request.body),
  );
};
