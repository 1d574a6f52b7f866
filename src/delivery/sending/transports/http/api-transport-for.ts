import type { ApiTestEndpoints } from '../../../../config/api-test-endpoints.js';
import type { MailServer } from '../../../../scopes/index.js';
import type { Clock } from '../../../../shared/clock.js';
import type { MailTransport } from '../mail-transport.js';
import type { AccessTokenSources } from './access-token-source.js';
import { apiBaseUrl } from './api-endpoints.js';
import { createApiTransport } from './api-transport.js';

/** What building an HTTP API transport needs besides the server. */
export interface ApiTransportDeps {
  /** The OAuth2 connections' token sources; none wired means no scope can send over an API. */
  accessTokens?: AccessTokenSources;
  testEndpoints: ApiTestEndpoints;
  timeoutMs: number;
  clock: Clock;
}

/**
 * The transport of a server that sends over Graph or the Gmail API. Its token source is asked
 * for at each send (a connection made or lost keeps the settings version); without one (not
 * connected yet) the send is held, never failed.
 */
export function apiTransportFor(server: MailServer & { api: 'graph' | 'gmail' }, deps: ApiTransportDeps): MailTransport {
  return createApiTransport({
    api: server.api,
    baseUrl: apiBaseUrl(server.api, deps.testEndpoints),
    mailbox: server.auth.kind === 'none' ? server.sender.from.address : server.auth.username,
    tokens: () => deps.accessTokens?.sourceFor(server) ?? null,
    timeoutMs: deps.timeoutMs,
    poolSize: server.poolSize,
    clock: deps.clock,
  });
}
