import type { FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/index.js';
import { systemScopeId } from '../scopes/index.js';
import type { ApiDeps } from './api-deps.js';
import { recordAudit } from './audit-record.js';

const windowMs = 60_000;

/**
 * Records a request the access policy refused (403, or 404 for another tenant's scope) in the
 * caller's scope. A flood must not flood the log: only the first denial per (actor, reason) and
 * minute is written, counted cluster-wide, and it carries how many the previous minute had.
 */
export async function recordDenial(
  deps: ApiDeps,
  request: FastifyRequest,
  reason: 'forbidden' | 'not_found',
  scopes: readonly string[],
): Promise<void> {
  const key = `denied:${actorOf(request.principal)}:${reason}`;
  if ((await deps.counter.add(key, windowMs)) !== 1) return;
  const previousMinute = await deps.counter.count(key, windowMs, 1);
  const route = request.routeOptions.url ?? request.url;
  await recordAudit(deps, request, {
    scopeId: request.principal?.scopeId ?? systemScopeId,
    action: 'access.denied',
    target: `route:${request.method} ${route}`,
    details: {
      reason,
      method: request.method,
      route,
      permission: request.routeOptions.config.permission ?? null,
      scopes,
      ...(previousMinute > 0 ? { deniedPreviousMinute: previousMinute } : {}),
    },
  });
}
