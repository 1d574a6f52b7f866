import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import { testMailServer } from '../../delivery/mail-server-test.js';
import { assertScope, clearTenantSettings, currentSettings, resolveEffectiveSettings, saveSettings, toSettingsView } from '../../scopes/index.js';
import type { ApiDeps } from '../api-deps.js';
import { errorResponses } from '../schemas/common.js';
import { scopeParams } from './scope-params.js';
import { EffectiveSettingsView, MailServerSettingsView, SaveSettingsBody, TestBody, TestResult } from '../schemas/mail-server.js';

/**
 * The mail-server routes of one kind of scope, mounted twice: under `/system` and under
 * `/tenants/:tenantId`.
 */
export const mailServerRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { db } = deps.store;
  const tags = ['mail server'];
  const { params, scopeOf } = scopeParams(scope);
  const testDeps = { db, box: deps.box, clock: deps.clock, timeoutMs: deps.config.delivery.smtpTimeoutMs, messageIdDomain: deps.config.messageIdDomain };

  app.get('/mail-server', { schema: { tags, ...params, response: { 200: MailServerSettingsView, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    const row = await currentSettings(db, scopeId);
    if (!row) throw new AppError('mail_server_not_configured', 'This tenant has no mail server settings of its own; see /mail-server/effective.');
    return toSettingsView(row);
  });

  app.put(
    '/mail-server',
    { schema: { tags, ...params, body: SaveSettingsBody, response: { 200: Type.Object({ settings: MailServerSettingsView, test: Type.Optional(TestResult) }), ...errorResponses } } },
    async (request) => {
      const scopeId = scopeOf(request);
      const { testRecipient, ...input } = request.body;
      const row = await saveSettings(db, deps.box, deps.clock, scopeId, input);
      request.log.info({ scope: scopeId, version: row.version, allowInvalidCertificate: row.tls_verify === 0 }, 'mail server settings saved');
      if (row.tls_verify === 0) request.log.warn({ scope: scopeId, version: row.version }, 'TLS certificate verification turned off for this mail server');
      await deps.onSettingsChanged();
      const test = testRecipient === undefined ? undefined : await testMailServer(testDeps, scopeId, { to: testRecipient });
      return { settings: toSettingsView(row), ...(test ? { test } : {}) };
    },
  );

  if (scope === 'tenant') {
    app.delete('/mail-server', { schema: { tags, ...params, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
      await clearTenantSettings(db, deps.clock, scopeOf(request));
      await deps.onSettingsChanged();
      return reply.status(204).send(null);
    });

    app.get('/mail-server/effective', { schema: { tags, ...params, response: { 200: EffectiveSettingsView, ...errorResponses } } }, async (request) => {
      const tenantId = scopeOf(request);
      await assertScope(db, tenantId);
      const effective = await resolveEffectiveSettings(db, tenantId);
      return { tenant: tenantId, source: effective.source, reason: effective.reason, settings: effective.settings ? toSettingsView(effective.settings) : null };
    });
  }

  app.post('/mail-server/test', { schema: { tags, ...params, body: TestBody, response: { 200: TestResult, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    if (!request.body.to) throw new AppError('validation_failed', '/to: is required to send a test email (use /mail-server/verify to only connect)', [{ field: '/to', rule: 'required', message: 'is required' }]);
    const result = await testMailServer(testDeps, scopeId, { to: request.body.to, candidate: request.body.settings });
    request.log.info({ scope: scopeId, ok: result.ok, stage: result.failure?.stage }, 'test email sent');
    return result;
  });

  app.post('/mail-server/verify', { schema: { tags, ...params, body: TestBody, response: { 200: TestResult, ...errorResponses } } }, async (request) => {
    const scopeId = scopeOf(request);
    await assertScope(db, scopeId);
    return testMailServer(testDeps, scopeId, { candidate: request.body.settings });
  });
};
