import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { sharedSystemApp } from '../scopes/index.js';
import type { Database, OAuthConnectionRow } from '../store/schema.js';
import { endpointsFor } from './endpoints.js';
import type { GrantCredentials, ServiceAccountKey } from './grants.js';
import { oauthFields } from './modes.js';

/** How token requests are made in this process: the test-only endpoint origin and the request timeout. */
export interface GrantSettings {
  testEndpoints: string | null;
  timeoutMs: number;
}

/**
 * The row whose app registration a connection uses: its own, or the system's when it signs in
 * with the system's app, read now (so a replaced system app is used at once). Throws
 * `oauth_app_withdrawn` when the system no longer shares it.
 */
export async function appOf(db: Kysely<Database>, row: OAuthConnectionRow): Promise<OAuthConnectionRow> {
  if (row.uses_system_app !== 1) return row;
  const system = await sharedSystemApp(db, row.mode);
  if (!system)
    throw new AppError(
      'oauth_app_withdrawn',
      `Scope ${row.scope_id} signs in with the system's OAuth2 app, which the system no longer lets tenants use.`,
    );
  return system;
}

/**
 * A connection row's credentials opened in memory for one token request: the app's (client id,
 * secret or certificate, cloud) from `app` — the row itself, or the system's row it borrows
 * from, each sealed under its own scope — and the grant's own mode, directory and mailbox.
 */
export function grantCredentials(
  box: SecretBox,
  row: OAuthConnectionRow,
  app: OAuthConnectionRow,
  settings: GrantSettings,
): GrantCredentials {
  const open = (owner: OAuthConnectionRow, sealed: string | null, field: string) =>
    sealed === null ? null : box.open(sealed, { scopeId: owner.scope_id, field });
  const serviceKey = open(row, row.service_key_enc, oauthFields.serviceKey);
  const privateKey = open(app, app.private_key_enc, oauthFields.privateKey);
  return {
    mode: row.mode,
    clientId: app.client_id,
    clientSecret: open(app, app.client_secret_enc, oauthFields.clientSecret),
    certificate:
      app.certificate_pem !== null && privateKey !== null ? { certificatePem: app.certificate_pem, privateKeyPem: privateKey } : null,
    serviceKey: serviceKey === null ? null : (JSON.parse(serviceKey) as ServiceAccountKey),
    mailbox: row.mailbox,
    endpoints: endpointsFor(row.mode, app.cloud, row.directory_id, settings.testEndpoints),
    insecureLoopback: settings.testEndpoints !== null,
    timeoutMs: settings.timeoutMs,
  };
}
