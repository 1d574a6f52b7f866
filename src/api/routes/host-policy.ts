import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { diffFields } from '../../audit/index.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { HostPolicy } from '../schemas/accounts.js';
import { systemScopeId } from '../../scopes/index.js';

/** The system administrator's SSRF allow-list for tenants' mail servers. */
export const hostPolicyRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['mail server'];
  app.get(
    '/mail-host-policy',
    { schema: { tags, response: { 200: HostPolicy, ...errorResponses } }, config: { permission: 'system' } },
    async () => deps.hosts.stored(),
  );
  app.put(
    '/mail-host-policy',
    { schema: { tags, body: HostPolicy, response: { 200: HostPolicy, ...errorResponses } }, config: { permission: 'system' } },
    async (request) => {
      return deps.hosts.save(
        request.body,
        auditAlong(deps, request, ({ before, after }) => ({
          scopeId: systemScopeId,
          action: 'mail_host_policy.save',
          target: 'mail_host_policy',
          details: { changes: diffFields({ ...before }, { ...after }) },
        })),
      );
    },
  );
};
