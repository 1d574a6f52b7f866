import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { actorOf, scopeLimit } from '../../accounts/index.js';
import type { QueueCommandResult as CommandResult, QueueFilter } from '../../delivery/queue/queue-commands.js';
import { fieldError } from '../../shared/app-error.js';
import { parseDuration } from '../../shared/duration.js';
import type { AlongWith } from '../../store/transaction.js';
import { principalOf } from '../access-control.js';
import type { ApiDeps } from '../api-deps.js';
import { auditAlong } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import { PauseBody, PauseState, PurgeBody, QueueCommandResult, QueueStatus, RetryBody } from '../schemas/queue.js';
import { scopeParams } from './scope-params.js';

const tags = ['queue'];

/** `GET /status`: each scope's queue by state and age, what is stuck and why, the nodes and the database size. */
export const statusRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/status',
    { config: { permission: 'deliveries:read' }, schema: { tags, response: { 200: QueueStatus, ...errorResponses } } },
    async (request) => {
      const onlyScope = scopeLimit(principalOf(request));
      // A tenant's caller sees its own scope, and nothing of the cluster or the database.
      return deps.queue.status({ onlyScope, cluster: onlyScope === undefined });
    },
  );
};

/** Reads the shared filter fields of a retry or purge body; a bad age is a 400 naming `/olderThan`. */
function toFilter(scope: string, body: Static<typeof RetryBody> | Static<typeof PurgeBody>): QueueFilter {
  let olderThanMs: number | undefined;
  if (body.olderThan !== undefined) {
    olderThanMs = parseDuration(body.olderThan, { requireUnit: true });
    if (olderThanMs === undefined) throw fieldError('/olderThan', 'duration', 'must be a duration such as 30m, 2h or 1d');
  }
  return { scope, states: body.states, olderThanMs, recipient: body.recipient, eventType: body.type, messageId: body.messageId };
}

/** The queue commands of one kind of scope, mounted twice: under `/system` and under `/tenants/:tenantId`; each is audited. */
export const queueRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { params, scopeOf } = scopeParams(scope);
  const config = { permission: 'deliveries:write' as const };
  const audited = <T extends { scope: string }>(
    request: FastifyRequest,
    action: string,
    details: (result: T) => Record<string, unknown>,
  ): AlongWith<T> =>
    auditAlong(deps, request, (result: T) => ({
      scopeId: result.scope,
      action,
      target: `scope:${result.scope}`,
      details: details(result),
    }));
  const commandDetails = (result: CommandResult) => ({ count: result.count, ...result.filter });

  app.post(
    '/queue/retry',
    { config, schema: { tags, ...params, body: RetryBody, response: { 200: QueueCommandResult, ...errorResponses } } },
    async (request) => {
      const result = await deps.queue.retry(toFilter(scopeOf(request), request.body), audited(request, 'queue.retry', commandDetails));
      await deps.releaseHeldMail();
      return result;
    },
  );
  app.post(
    '/queue/purge',
    { config, schema: { tags, ...params, body: PurgeBody, response: { 200: QueueCommandResult, ...errorResponses } } },
    async (request) =>
      deps.queue.purge(
        toFilter(scopeOf(request), request.body),
        { by: actorOf(request.principal), reason: request.body.reason },
        audited(request, 'queue.purge', (result: CommandResult) => ({ ...commandDetails(result), reason: request.body.reason })),
      ),
  );
  app.post(
    '/queue/pause',
    { config, schema: { tags, ...params, body: PauseBody, response: { 200: PauseState, ...errorResponses } } },
    async (request) =>
      deps.queue.pause(
        scopeOf(request),
        { by: actorOf(request.principal), reason: request.body?.reason ?? null },
        audited(request, 'queue.pause', (state) => ({ changed: state.changed, reason: request.body?.reason ?? null })),
      ),
  );
  app.post('/queue/resume', { config, schema: { tags, ...params, response: { 200: PauseState, ...errorResponses } } }, async (request) => {
    const state = await deps.queue.resume(
      scopeOf(request),
      audited(request, 'queue.resume', (resumed) => ({ changed: resumed.changed })),
    );
    await deps.releaseHeldMail();
    return state;
  });
};
