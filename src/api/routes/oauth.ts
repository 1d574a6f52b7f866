import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import { reachesScope } from '../../accounts/index.js';
import type { SignInCaller } from '../../oauth/index.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { auditAlong, recordAudit } from '../audit-record.js';
import { errorResponses } from '../schemas/common.js';
import {
  OAuthCallbackBody,
  OAuthConnectionBody,
  OAuthConnectionView,
  OAuthProviderParam,
  OAuthStartView,
  OAuthSystemAppView,
} from '../schemas/oauth.js';
import { scopeParams } from './scope-params.js';

const tags = ['oauth'];
/** Herald's origin as the caller reached it: the redirect URI's base unless HERALD_PUBLIC_URL is set. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const callerOf = (request: FastifyRequest): SignInCaller => {
  const principal = principalOf(request);
  return principal.kind === 'user' ? { kind: 'session', sessionId: principal.sessionId } : { kind: 'token', tokenId: principal.tokenId };
};

/**
 * A scope's OAuth2 connection, mounted under `/system` and `/tenants/:tenantId` beside the mail
 * server: configure it, start the sign-in, see it (never a token or secret), disconnect it.
 */
export const oauthConnectionRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (
  app,
  { deps, scope },
) => {
  const { params, scopeOf } = scopeParams(scope);

  app.get(
    '/mail-server/oauth',
    { schema: { tags, ...params, response: { 200: OAuthConnectionView, ...errorResponses } }, config: { permission: 'settings:read' } },
    async (request) => {
      const view = await deps.oauth.get(scopeOf(request), originOf(request));
      if (!view) throw new AppError('oauth_not_connected', 'This scope has no OAuth2 connection.');
      return view;
    },
  );

  app.put(
    '/mail-server/oauth',
    {
      schema: { tags, ...params, body: OAuthConnectionBody, response: { 200: OAuthConnectionView, ...errorResponses } },
      config: { permission: 'settings:write' },
    },
    async (request) => {
      const scopeId = scopeOf(request);
      const view = await deps.oauth.save(
        scopeId,
        request.body,
        originOf(request),
        auditAlong(deps, request, (saved) => ({
          scopeId,
          action: 'oauth.save',
          target: `scope:${scopeId}`,
          details: {
            mode: saved.mode,
            clientId: saved.clientId,
            mailbox: saved.mailbox,
            ...(request.body.clientSecret !== undefined ? { clientSecret: 'changed' } : {}),
            ...(request.body.serviceAccountKey !== undefined ? { serviceAccountKey: 'changed' } : {}),
            // A certificate always comes with its key (in its own field or the same PEM).
            ...(request.body.certificate !== undefined && saved.certificate
              ? { certificate: saved.certificate.thumbprint, privateKey: 'changed' }
              : {}),
            ...(saved.sharedWithTenants ? { sharedWithTenants: true } : {}),
            ...(saved.usesSystemApp ? { usesSystemApp: true } : {}),
          },
        })),
      );
      request.log.info({ scope: scopeId, mode: view.mode, status: view.status }, 'OAuth2 connection saved');
      await deps.releaseHeldMail();
      return view;
    },
  );

  if (scope === 'tenant')
    app.get(
      '/mail-server/oauth/system-app',
      {
        schema: { tags, ...params, response: { 200: OAuthSystemAppView, ...errorResponses } },
        config: { permission: 'settings:read' },
      },
      async (request) => deps.oauth.systemApp(scopeOf(request)),
    );

  app.post(
    '/mail-server/oauth/start',
    { schema: { tags, ...params, response: { 200: OAuthStartView, ...errorResponses } }, config: { permission: 'settings:write' } },
    async (request) => {
      const scopeId = scopeOf(request);
      const started = await deps.oauth.start(scopeId, callerOf(request), originOf(request));
      await recordAudit(deps, request, {
        scopeId,
        action: 'oauth.start',
        target: `scope:${scopeId}`,
        details: { redirectUri: started.redirectUri },
      });
      return started;
    },
  );

  app.delete(
    '/mail-server/oauth',
    { schema: { tags, ...params, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'settings:write' } },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      await deps.oauth.disconnect(
        scopeId,
        auditAlong(deps, request, () => ({ scopeId, action: 'oauth.disconnect', target: `scope:${scopeId}` })),
      );
      return reply.status(204).send(null);
    },
  );
};

/**
 * The end of a sign-in: the console posts what the provider's redirect brought (`state`, `code`)
 * with the admin's session, so the state's binding to that session can be checked (the session
 * cookie is SameSite=Strict and does not come with the provider's cross-site redirect itself).
 */
export const oauthCallbackRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.post(
    '/oauth/callback/:provider',
    {
      schema: { tags, params: OAuthProviderParam, body: OAuthCallbackBody, response: { 200: OAuthConnectionView, ...errorResponses } },
      config: { permission: 'settings:write' },
    },
    async (request) => {
      const principal = principalOf(request);
      const { provider } = request.params;
      try {
        const view = await deps.oauth.complete(provider, request.body, callerOf(request), originOf(request), (scopeId) =>
          reachesScope(principal, scopeId),
        );
        await recordAudit(deps, request, {
          scopeId: view.scope,
          action: 'oauth.connect',
          target: `scope:${view.scope}`,
          details: { provider, account: view.account },
        });
        request.log.info({ scope: view.scope, provider }, 'OAuth2 connection signed in');
        await deps.releaseHeldMail();
        return view;
      } catch (error) {
        if (error instanceof AppError)
          await recordAudit(deps, request, {
            scopeId: principal.scopeId,
            action: 'oauth.connect',
            target: `provider:${provider}`,
            details: { refused: error.code },
          });
        throw error;
      }
    },
  );
};

/**
 * The redirect URIs registered at the providers, one path per provider. The browser arrives here
 * from the provider without Herald's (SameSite=Strict) session cookie, so this page only hands the
 * parameters on to the console, which posts them to `/api/v1/oauth/callback/:provider` signed in.
 */
export const oauthRedirectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/oauth/callback/:provider',
    { schema: { hide: true, params: OAuthProviderParam }, config: { permission: 'public' } },
    async (request, reply) => {
      const query = new URLSearchParams(request.query as Record<string, string>);
      query.set('provider', request.params.provider);
      return reply.redirect(`/oauth-return?${query.toString()}`, 303);
    },
  );
};
