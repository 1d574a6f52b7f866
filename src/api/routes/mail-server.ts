import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.js';
import { diffFields } from '../../audit/index.js';
import type { MailServerTestResult, TestCaller } from '../../delivery/diagnosis/mail-server-test.js';
import { passwordDeprecation, type MailServerSettingsInput } from '../../scopes/index.js';
import { scopeLimit } from '../../accounts/index.js';
import type { ApiDeps } from '../api-deps.js';
import { principalOf } from '../access-control.js';
import { auditAlong, recordAudit } from '../audit-record.js';
import { createTestAdmission, type TestKind } from '../test-limits.js';
import { errorResponses } from '../schemas/common.js';
import { scopeParams } from './scope-params.js';
import {
  EffectiveSettingsView,
  MailServerSettingsView,
  SaveSettingsBody,
  SettingsWarnings,
  TestBody,
  TestResult,
} from '../schemas/mail-server.js';

const limitedResponses = { ...errorResponses, 429: errorResponses[400] };

/**
 * The mail-server routes of one kind of scope, mounted twice: under `/system` and under
 * `/tenants/:tenantId`.
 */
export const mailServerRoutes: FastifyPluginAsyncTypebox<{ deps: ApiDeps; scope: 'system' | 'tenant' }> = async (app, { deps, scope }) => {
  const { mailServers, mailServerTests } = deps;
  const tags = ['mail server'];
  const { params, scopeOf } = scopeParams(scope);
  const admitTest = createTestAdmission(deps);

  const callerOf = (request: FastifyRequest): TestCaller => {
    const principal = principalOf(request);
    return { mayWriteSettings: principal.grants.includes('settings:write'), seesInheritedDetails: scopeLimit(principal) === undefined };
  };

  /**
   * Runs a test email (with `to`) or a connection test within the limits, so Herald can never
   * serve as a relay or a port scanner, and audits it whatever the outcome: refusals too, with
   * the recipient.
   */
  const runTest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scopeId: string,
    kind: TestKind,
    to: string | undefined,
    candidate?: MailServerSettingsInput,
  ) => {
    const audit = (details: Record<string, unknown>) =>
      recordAudit(deps, request, {
        scopeId,
        action: kind === 'test_email' ? 'mail_server.test_email' : 'mail_server.verify',
        target: `scope:${scopeId}`,
        details: { ...(to === undefined ? {} : { to }), ...details },
      });
    let result: MailServerTestResult;
    try {
      await admitTest(request, reply, scopeId, kind);
      const options = { candidate, caller: callerOf(request) };
      result = to === undefined ? await mailServerTests.verify(scopeId, options) : await mailServerTests.testEmail(scopeId, to, options);
    } catch (error) {
      if (error instanceof AppError) await audit({ refused: error.code });
      throw error;
    }
    await audit({ ok: result.ok, settings: result.settingsSource, ...(result.failure ? { stage: result.failure.stage } : {}) });
    request.log.info(
      { scope: scopeId, kind, ok: result.ok, stage: result.failure?.stage },
      kind === 'test_email' ? 'test email sent' : 'connection tested',
    );
    return result;
  };

  app.get(
    '/mail-server',
    { schema: { tags, ...params, response: { 200: MailServerSettingsView, ...errorResponses } }, config: { permission: 'settings:read' } },
    async (request) => {
      const settings = await mailServers.get(scopeOf(request));
      if (!settings)
        throw new AppError('mail_server_not_configured', 'This tenant has no mail server settings of its own; see /mail-server/effective.');
      return settings;
    },
  );

  app.put(
    '/mail-server',
    {
      schema: {
        tags,
        ...params,
        body: SaveSettingsBody,
        response: {
          200: Type.Object({
            settings: MailServerSettingsView,
            test: Type.Optional(TestResult),
            warnings: Type.Optional(SettingsWarnings),
          }),
          ...limitedResponses,
        },
      },
      config: { permission: 'settings:write' },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      const { testRecipient, ...input } = request.body;
      if (testRecipient !== undefined && !principalOf(request).grants.includes('settings:test'))
        throw new AppError('forbidden', 'Sending a test email needs the settings:test permission.');
      const settings = await mailServers.save(
        scopeId,
        input,
        auditAlong(deps, request, ({ previous, saved }) => ({
          scopeId,
          action: 'mail_server.save',
          target: `scope:${scopeId}`,
          details: {
            version: saved.version,
            changes: diffFields(previous ? { ...previous } : undefined, { ...saved }, input.password !== undefined),
          },
        })),
      );
      request.log.info(
        { scope: scopeId, version: settings.version, allowInvalidCertificate: settings.allowInvalidCertificate },
        'mail server settings saved',
      );
      if (settings.allowInvalidCertificate)
        request.log.warn({ scope: scopeId, version: settings.version }, 'TLS certificate verification turned off for this mail server');
      await deps.releaseHeldMail();
      // The test email goes out after the save commits, so it is audited as its own entry.
      const test = testRecipient === undefined ? undefined : await runTest(request, reply, scopeId, 'test_email', testRecipient);
      const warnings = passwordDeprecation(settings);
      return { settings, ...(test ? { test } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
    },
  );

  if (scope === 'tenant') {
    app.delete(
      '/mail-server',
      { schema: { tags, ...params, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'settings:write' } },
      async (request, reply) => {
        const scopeId = scopeOf(request);
        await mailServers.clear(
          scopeId,
          auditAlong(deps, request, () => ({ scopeId, action: 'mail_server.clear', target: `scope:${scopeId}` })),
        );
        await deps.releaseHeldMail();
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/mail-server/effective',
      { schema: { tags, ...params, response: { 200: EffectiveSettingsView, ...errorResponses } }, config: { permission: 'settings:read' } },
      async (request) => {
        const tenantId = scopeOf(request);
        const effective = await mailServers.effective(tenantId);
        // A tenant sees only that it inherits the system server: no host, user or secret flags.
        const hidden = effective.source === 'system' && scopeLimit(principalOf(request)) !== undefined;
        return { tenant: tenantId, source: effective.source, reason: effective.reason, settings: hidden ? null : effective.settings };
      },
    );
  }

  app.post(
    '/mail-server/test',
    {
      schema: { tags, ...params, body: TestBody, response: { 200: TestResult, ...limitedResponses } },
      config: { permission: 'settings:test' },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      await mailServers.assertScope(scopeId);
      const to = request.body.to;
      if (!to)
        throw new AppError('validation_failed', '/to: is required to send a test email (use /mail-server/verify to only connect)', [
          { field: '/to', rule: 'required', message: 'is required' },
        ]);
      return runTest(request, reply, scopeId, 'test_email', to, request.body.settings);
    },
  );

  app.post(
    '/mail-server/verify',
    {
      schema: { tags, ...params, body: TestBody, response: { 200: TestResult, ...limitedResponses } },
      config: { permission: 'settings:test' },
    },
    async (request, reply) => {
      const scopeId = scopeOf(request);
      await mailServers.assertScope(scopeId);
      return runTest(request, reply, scopeId, 'verify', undefined, request.body.settings);
    },
  );
};
