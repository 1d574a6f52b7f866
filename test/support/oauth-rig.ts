import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.js';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './herald-harness.js';
import { startFakeIdentityProvider, type FakeIdentityProviderOptions } from './fake-identity-provider.js';
import { manualClock } from './test-clock.js';

/**
 * The OAuth2 tests' world: a manual clock (1 December 2026, 09:00 UTC), the fake identity provider
 * with these apps, an smtp-server accepting only XOAUTH2 with its tokens, and a Herald whose
 * provider endpoints point at it (no background timers). Disposed in reverse order.
 *
 * @example
 * await using rig = await startOAuthRig({ clients: { 'app-1': 'secret' } });
 */
export async function startOAuthRig(options: Omit<FakeIdentityProviderOptions, 'clock'> & { env?: Record<string, string> } = {}) {
  const { env, ...provider } = options;
  const clock = manualClock(Date.UTC(2026, 11, 1, 9, 0));
  const idp = await startFakeIdentityProvider({ clock, ...provider });
  const smtp = await startSmtpTestServer({ xoauth2: (user, token) => idp.accepts(user, token) });
  const h = await startHarness(
    { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin, HERALD_LOG_LEVEL: 'debug', ...env },
    { herald: { clock, background: false } },
  );
  return {
    clock,
    idp,
    smtp,
    h,
    async [Symbol.asyncDispose]() {
      await h.close();
      await smtp.close();
      await idp[Symbol.asyncDispose]();
    },
  };
}

/** Mail-server settings sending through `smtp` as `mailbox` with OAuth2 (rate limit lifted: the clock is manual). */
export const oauthMailServer = (
  smtp: Pick<SmtpTestServer, 'host' | 'port'>,
  provider: 'microsoft365' | 'gmail',
  mailbox: string,
  extra: Record<string, unknown> = {},
) => ({
  provider,
  host: smtp.host,
  port: smtp.port,
  security: 'none',
  auth: 'oauth2',
  username: mailbox,
  fromAddress: mailbox,
  // Exchange Online's 30 a minute (the default for Microsoft 365 over SMTP) would wait on the manual clock.
  rateLimitPerSecond: 1000,
  ...extra,
});

/** Posts a critical event (to a tenant, or the system) for ops@example.test; returns its message id. */
export async function postEvent(h: Harness, tenant?: string): Promise<string> {
  const response = await h.api('POST', '/api/v1/events', {
    ...(tenant ? { tenant } : {}),
    type: 'service.failed',
    severity: 'critical',
    recipients: ['ops@example.test'],
    data: { service: 'sip-proxy' },
  });
  assert.equal(response.status, 202, response.raw);
  return response.body.messages[0].id as string;
}
