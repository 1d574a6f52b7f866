import type { OAuthConnectionRow } from '../store/schema.js';
import type { OAuthMode } from './modes.js';

/** A connection as the API shows it: never a token, secret or key — only whether they are set. */
export interface OAuthConnectionView {
  scope: string;
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  clientId: string;
  clientSecretSet: boolean;
  serviceAccountKeySet: boolean;
  mailbox: string;
  status: OAuthConnectionRow['status'];
  /** Why the connection needs the administrator, or the last token-endpoint failure; no secret in it. */
  statusReason: string | null;
  connected: boolean;
  account: string | null;
  grantedScopes: string[];
  lastRefreshedAt: string | null;
  expiresAt: string | null;
  /** The redirect URI to register at the provider (sign-in modes); null for app-only and service accounts. */
  redirectUri: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The API's view of a connection row. */
export function toConnectionView(row: OAuthConnectionRow, redirectUri: string | null): OAuthConnectionView {
  return {
    scope: row.scope_id,
    mode: row.mode,
    cloud: row.cloud,
    directoryId: row.directory_id,
    clientId: row.client_id,
    clientSecretSet: row.client_secret_enc !== null,
    serviceAccountKeySet: row.service_key_enc !== null,
    mailbox: row.mailbox,
    status: row.status,
    statusReason: row.status_reason,
    connected: row.status === 'connected',
    account: row.account,
    grantedScopes: row.granted_scopes ? row.granted_scopes.split(/\s+/).filter(Boolean) : [],
    lastRefreshedAt: iso(row.last_refreshed_at),
    expiresAt: iso(row.access_expires_at),
    redirectUri,
  };
}
