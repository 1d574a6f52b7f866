import type { OAuthConnectionRow } from '../store/schema.js';
import { certificateFacts, type CertificateFacts } from './certificate.js';
import type { OAuthMode } from './modes.js';

/** A connection as the API shows it: never a token, secret or key — only whether they are set. */
export interface OAuthConnectionView {
  scope: string;
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  /** The app's client id; empty when the connection signs in with the system's app (not shown to tenants). */
  clientId: string;
  clientSecretSet: boolean;
  /** The certificate Microsoft app-only authenticates with instead of a secret (its key is never shown). */
  certificate: (CertificateFacts & { expiresSoon: boolean }) | null;
  serviceAccountKeySet: boolean;
  /** System: tenants may sign in with this app. */
  sharedWithTenants: boolean;
  /** Tenant: signs in with the system's app. */
  usesSystemApp: boolean;
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
  /** What the administrator should act on soon (a certificate about to expire); never a secret. */
  warnings: Array<{ code: string; message: string }>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** A certificate this close to its end is announced in the view. */
const certificateWarningMs = 30 * 86_400_000;

/**
 * The API's view of a connection row at `now`. `appWithdrawn`: the connection signs in with the
 * system's app, which the system no longer shares — not connected, and the reason says so.
 */
export function toConnectionView(
  row: OAuthConnectionRow,
  { redirectUri, now, appWithdrawn }: { redirectUri: string | null; now: number; appWithdrawn: boolean },
): OAuthConnectionView {
  const facts = row.certificate_pem === null ? null : certificateFacts(row.certificate_pem);
  const expiresSoon = facts !== null && Date.parse(facts.notAfter) - now <= certificateWarningMs;
  const warnings: OAuthConnectionView['warnings'] = [];
  if (facts && expiresSoon)
    warnings.push({
      code: 'certificate_expiring',
      message: `The certificate ${Date.parse(facts.notAfter) <= now ? 'expired' : 'expires'} on ${facts.notAfter}: upload a new one to the app registration and save it here.`,
    });
  return {
    scope: row.scope_id,
    mode: row.mode,
    cloud: row.cloud,
    directoryId: row.directory_id,
    clientId: row.client_id,
    clientSecretSet: row.client_secret_enc !== null,
    certificate: facts && { ...facts, expiresSoon },
    serviceAccountKeySet: row.service_key_enc !== null,
    sharedWithTenants: row.shares_app === 1,
    usesSystemApp: row.uses_system_app === 1,
    mailbox: row.mailbox,
    status: row.status,
    statusReason: appWithdrawn
      ? "The system no longer lets tenants connect with its app: enter the tenant's own app (client id and secret) and connect again, or ask the system administrator to share it again."
      : row.status_reason,
    connected: row.status === 'connected' && !appWithdrawn,
    account: row.account,
    grantedScopes: row.granted_scopes ? row.granted_scopes.split(/\s+/).filter(Boolean) : [],
    lastRefreshedAt: iso(row.last_refreshed_at),
    expiresAt: iso(row.access_expires_at),
    redirectUri,
    warnings,
  };
}
