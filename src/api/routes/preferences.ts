import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Preference } from '../../notifications/index.js';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { PreferencesBody, PreferencesView } from '../schemas/notifications.js';
import { scopeParams } from './scope-params.js';

/** A member's personal notification settings (the page a member uses for their own choices). */
export const preferenceRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { scopeOf, withId } = scopeParams(scope);
  const tags = ['preferences'];
  const Params = withId(Type.Object({ userId: Type.String({ minLength: 1, maxLength: 40 }) }));
  const userOf = (request: { params: unknown }) => (request.params as { userId: string }).userId;

  app.get(
    '/users/:userId/preferences',
    { config: { permission: 'self' }, schema: { tags, params: Params, response: { 200: PreferencesView, ...errorResponses } } },
    async (request) => ({
      preferences: await deps.preferences.get(scopeOf(request), userOf(request)),
    }),
  );
  app.put(
    '/users/:userId/preferences',
    {
      config: { permission: 'self' },
      schema: { tags, params: Params, body: PreferencesBody, response: { 200: PreferencesView, ...errorResponses } },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const userId = userOf(request);
      const receiving = (page: Preference[]) => Object.fromEntries(page.map((preference) => [preference.type, preference.receiving]));
      return {
        preferences: await deps.preferences.set(
          scopeId,
          userId,
          request.body.preferences,
          auditAlong(deps, request, ({ before, after }) => ({
            scopeId,
            action: 'preferences.save',
            target: `user:${userId}`,
            details: { changes: diffFields(receiving(before), receiving(after)) },
          })),
        ),
      };
    },
  );
};
