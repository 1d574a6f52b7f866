/** How a scope's Microsoft 365 or Gmail mailbox is authorised (the API's `mode`). */
export type OAuthMode = 'microsoft_app' | 'microsoft_delegated' | 'google_signin' | 'google_service_account';

/** `GET …/mail-server/oauth`: never a token or secret, only whether they are set. */
export interface OAuthConnection {
  scope: string;
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  clientId: string;
  clientSecretSet: boolean;
  serviceAccountKeySet: boolean;
  mailbox: string;
  status: 'pending' | 'connected' | 'reconnect_required';
  statusReason: string | null;
  connected: boolean;
  account: string | null;
  grantedScopes: string[];
  lastRefreshedAt: string | null;
  expiresAt: string | null;
  redirectUri: string | null;
}

/** `POST …/mail-server/oauth/start`. */
export interface OAuthStart {
  authorizeUrl: string;
  redirectUri: string;
  expiresAt: string;
}
