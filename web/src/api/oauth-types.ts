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
  /** Microsoft app-only with a certificate instead of a secret: what identifies it (never its key). */
  certificate: { thumbprint: string; subject: string; notAfter: string; expiresSoon: boolean } | null;
  serviceAccountKeySet: boolean;
  /** System: tenants may connect with this app. */
  sharedWithTenants: boolean;
  /** Tenant: signs in with the system's app (its client id and credentials are not shown). */
  usesSystemApp: boolean;
  mailbox: string;
  status: 'pending' | 'connected' | 'reconnect_required';
  statusReason: string | null;
  connected: boolean;
  account: string | null;
  grantedScopes: string[];
  lastRefreshedAt: string | null;
  expiresAt: string | null;
  redirectUri: string | null;
  warnings: Array<{ code: string; message: string }>;
}

/** `GET /tenants/{id}/mail-server/oauth/system-app`: whether the tenant may use the system's app. */
export interface OAuthSystemApp {
  shared: boolean;
  provider: 'microsoft365' | 'gmail' | null;
}

/** `POST …/mail-server/oauth/start`. */
export interface OAuthStart {
  authorizeUrl: string;
  redirectUri: string;
  expiresAt: string;
}
