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

/** Messages a day a mailbox may send when its settings set no cap: Gmail and Google Workspace, 2,000 per user. */
export const providerDailyDefaults = { gmail: 2_000 } as const;

/**
 * The cluster-wide cap on a mailbox's messages per UTC day: its own `dailyLimit` if set (0: none),
 * else its provider's default (Gmail, over SMTP or the API: 2,000), else none (null).
 *
 * @example dailySendLimit({ provider: 'gmail', dailyLimit: null }) // 2000
 */
export function dailySendLimit(server: Pick<MailServer, 'provider' | 'dailyLimit'>): number | null {
  if (server.dailyLimit !== null) return server.dailyLimit === 0 ? null : server.dailyLimit;
  return server.provider === 'gmail' ? providerDailyDefaults.gmail : null;
}

/**
 * This node's part of a concurrency that holds for the whole cluster (Graph: 4 requests at once per
 * mailbox, the settings' pool size): the total split among the live sending nodes by their order,
 * the remainder to the first ones, at least 1 each (so more nodes than the total may exceed it by
 * one request per extra node).
 *
 * @example clusterShare(4, ['a', 'b', 'c'], 'a') // 2 (b and c get 1 each)
 */
export function clusterShare(total: number, senders: readonly string[], nodeId: string): number {
  const nodes = senders.includes(nodeId) ? senders : [...senders, nodeId].sort();
  const rank = nodes.indexOf(nodeId);
  return Math.max(1, Math.floor(total / nodes.length) + (rank < total % nodes.length ? 1 : 0));
}

/** How many sends this node may make to a server at once: Graph's pool size is shared by the cluster; any other server's is per node. */
export function nodeConcurrency(server: Pick<MailServer, 'api' | 'poolSize'>, senders: readonly string[], nodeId: string): number {
  return server.api === 'graph' ? clusterShare(server.poolSize, senders, nodeId) : server.poolSize;
}
