import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfTokenFor, decide, userPrincipal, type Principal, type RoutePermission } from '../accounts/index.js';
import { systemScopeId } from '../scopes/index.js';
import { AppError } from '../shared/app-error.js';
import type { ApiDeps } from './api-deps.js';
import { recordDenial } from './denial-audit.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; a route without one is refused to everyone (deny by default). */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Set when the caller signed in with the session cookie. */
    session?: { id: string; token: string };
  }
}

export const sessionCookie = { secure: '__Host-herald_session', plain: 'herald_session' } as const;
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The scopes a request acts on: the tenant in the path, the system for `/system/…`, else what the
 * query or body names (`scope`, `tenant`, `tenantId`). None named: the caller's own scope, which
 * the handlers apply through `scopeLimit`.
 */
export function scopesOf(request: FastifyRequest): string[] {
  const params = (request.params ?? {}) as Record<string, unknown>;
  if (typeof params.tenantId === 'string') return [params.tenantId];
  if (request.url.startsWith('/api/v1/system/') || request.url === '/api/v1/system') return [systemScopeId];
  const scopes: string[] = [];
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (typeof query.scope === 'string') scopes.push(query.scope);
  if (typeof query.tenantId === 'string') scopes.push(query.tenantId);
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    if (typeof body.tenant === 'string') scopes.push(body.tenant);
    if (typeof body.tenantId === 'string' && !request.url.startsWith('/api/v1/auth/')) scopes.push(body.tenantId);
    if (Array.isArray(body.events))
      for (const event of body.events)
        if (event && typeof (event as { tenant?: unknown }).tenant === 'string') scopes.push((event as { tenant: string }).tenant);
  }
  return scopes;
}

/** The same-origin check: an Origin (or Referer) header, when sent, must name this host. */
function sameOrigin(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin ?? request.headers.referer;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === new URL(`http://${request.headers.host ?? ''}`).host;
  } catch {
    return false;
  }
}

/**
 * Authentication, CSRF and authorisation for every route. `onRequest` finds the caller (a bearer
 * token, else the session cookie) and refuses cross-origin or token-less cookie writes;
 * `preValidation` (after the body is parsed, before it is validated) asks the policy about the route's permission and the
 * scopes the request names, and records what it refuses in the audit log.
 */
export function installAccessControl(app: FastifyInstance, deps: ApiDeps): void {
  const table = new Map<string, RoutePermission | undefined>();
  permissionTables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      table.set(`${method} ${route.url}`, (route.config as { permission?: RoutePermission } | undefined)?.permission);
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    const writes = !safeMethods.has(request.method);
    if (writes && !sameOrigin(request)) throw new AppError('csrf_failed', 'The request comes from another origin.');
    const header = request.headers.authorization;
    if (header !== undefined && header !== '') {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await deps.accounts.authenticateToken(match[1]!) : undefined;
      if (!principal) throw new AppError('unauthenticated', 'The API token is not valid, expired or revoked.');
      request.principal = principal;
      return;
    }
    if (permission === 'public') return;
    const token = request.cookies[sessionCookie.secure] ?? request.cookies[sessionCookie.plain];
    const found = token === undefined ? undefined : await deps.accounts.findSession(token);
    if (!found || token === undefined) throw new AppError('unauthenticated');
    if (writes) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameText(sent, csrfTokenFor(token)))
        throw new AppError('csrf_failed', 'Send the X-CSRF-Token header with every signed-in write.');
    }
    request.principal = userPrincipal(found.user, found.id);
    request.session = { id: found.id, token };
  });

  // Before validation, so a caller without the permission learns nothing from a 400 about the body.
  app.addHook('preValidation', async (request) => {
    if (request.is404) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const scopes = scopesOf(request);
    const decision = decide(
      request.principal,
      request.routeOptions.config.permission,
      scopes,
      typeof params.userId === 'string' ? params.userId : undefined,
    );
    if (decision === 'allow') return;
    if (decision === 'unauthenticated') throw new AppError('unauthenticated');
    // The refusal is the answer: a failure to record it is logged, never turned into a 500.
    await recordDenial(deps, request, decision, scopes).catch((error: unknown) =>
      request.log.error({ err: error }, 'a denied request could not be recorded in the audit log'),
    );
    if (decision === 'not_found') throw new AppError('not_found', 'No such object in your scope.');
    throw new AppError('forbidden', `This needs the ${request.routeOptions.config.permission ?? 'a declared'} permission.`);
  });
}

const permissionTables = new WeakMap<FastifyInstance, Map<string, RoutePermission | undefined>>();

/** Every route's declared permission by `METHOD /path/:param` (undefined: none, so refused to all). */
export function routePermissions(app: FastifyInstance): ReadonlyMap<string, RoutePermission | undefined> {
  return permissionTables.get(app) ?? new Map();
}

/** The signed-in or token caller of a route that is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}
