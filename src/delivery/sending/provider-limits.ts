import type { MailServer } from '../../scopes/index.js';

/**
 * Sends per second a mailbox may make when its settings set no rate of their own: the providers'
 * published limits (see docs/providers.md). Exchange Online SMTP submission: 30 messages a
 * minute; Graph: 10,000 requests per 10 minutes (and 4 at once: the settings' pool size, 4 by
 * default for Graph); the Gmail API: 15,000 quota units a minute at 100 per send, about 150 a minute.
 */
export const providerRateDefaults = { microsoft365Smtp: 30 / 60, graph: 10_000 / 600, gmailApi: 150 / 60 } as const;

/**
 * The cluster-wide send rate for a server: its own `rateLimitPerSecond` if set (editable in the
 * settings), else its provider's default, else none.
 *
 * @example sendRateLimit({ provider: 'microsoft365', api: 'smtp', rateLimitPerSecond: null }) // 0.5
 */
export function sendRateLimit(server: Pick<MailServer, 'provider' | 'api' | 'rateLimitPerSecond'>): number | null {
  if (server.rateLimitPerSecond !== null) return server.rateLimitPerSecond;
  if (server.api === 'graph') return providerRateDefaults.graph;
  if (server.api === 'gmail') return providerRateDefaults.gmailApi;
  if (server.provider === 'microsoft365') return providerRateDefaults.microsoft365Smtp;
  return null;
}
