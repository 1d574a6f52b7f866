import type { MailServer } from '../../../../scopes/index.js';

/**
 * Where an HTTP transport gets its bearer token (implemented by the OAuth token service). Both
 * throw an error whose `code` is `oauth_reconnect_required` when the grant is dead; the transport
 * then holds the mail.
 */
export interface AccessTokenSource {
  /** A current access token (refreshed ahead of expiry by the source, never by the transport). */
  accessToken(): Promise<string>;
  /** A new token in place of one the API refused (401); called at most once per attempt. */
  renew(rejectedToken: string): Promise<string>;
}

/** The token sources of the scopes' OAuth2 connections, as delivery asks for them. */
export interface AccessTokenSources {
  /** The source for this server's connection; null when it has none that can send (not connected, reconnect required). */
  sourceFor(server: MailServer): AccessTokenSource | null;
}

/** The `code` a token source throws with when the grant is dead and an administrator must reconnect. */
export const reconnectRequired = 'oauth_reconnect_required';

/** Whether an error thrown by a token source means the grant is dead. */
export function isReconnectRequired(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === reconnectRequired;
}
