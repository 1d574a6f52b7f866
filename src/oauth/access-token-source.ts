/**
 * What delivery asks for a scope's OAuth2 access token. The token service owns every token: a
 * transport never refreshes by itself. A dead grant makes both methods throw AppError
 * `oauth_reconnect_required`; a token endpoint that is down (and no valid token left) throws
 * `oauth_token_unavailable`, a transient failure.
 *
 * @example
 * declare const source: AccessTokenSource;
 * const token = await source.accessToken(); // … the server answers 535 5.7.3 …
 * const renewed = await source.renew(token); // once; a second rejection is the send's outcome
 */
export interface AccessTokenSource {
  /** A valid access token, refreshed ahead of its expiry. */
  accessToken(): Promise<string>;
  /** A token other than `rejectedToken` (the server refused it): a newer stored one, or a fresh one. */
  renew(rejectedToken: string): Promise<string>;
}
