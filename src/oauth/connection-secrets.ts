import type { SecretBox } from '../secrets/secret-box.js';
import type { OAuthConnectionRow } from '../store/schema.js';
import { endpointsFor } from './endpoints.js';
import type { GrantCredentials, ServiceAccountKey } from './grants.js';
import { oauthFields } from './modes.js';

/** How token requests are made in this process: the test-only endpoint origin and the request timeout. */
export interface GrantSettings {
  testEndpoints: string | null;
  timeoutMs: number;
}

/** A connection row's credentials opened in memory for one token request. */
export function grantCredentials(box: SecretBox, row: OAuthConnectionRow, settings: GrantSettings): GrantCredentials {
  const open = (sealed: string | null, field: string) => (sealed === null ? null : box.open(sealed, { scopeId: row.scope_id, field }));
  const serviceKey = open(row.service_key_enc, oauthFields.serviceKey);
  return {
    mode: row.mode,
    clientId: row.client_id,
    clientSecret: open(row.client_secret_enc, oauthFields.clientSecret),
    serviceKey: serviceKey === null ? null : (JSON.parse(serviceKey) as ServiceAccountKey),
    mailbox: row.mailbox,
    endpoints: endpointsFor(row.mode, row.cloud, row.directory_id, settings.testEndpoints),
    insecureLoopback: settings.testEndpoints !== null,
    timeoutMs: settings.timeoutMs,
  };
}
