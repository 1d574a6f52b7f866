import type { EffectiveSettings } from './effective-settings.js';
import type { MailServer } from './mail-server.js';
import type { SettingsSecrets } from './settings-secrets.js';
import { serverName } from './server-name.js';

/**
 * Why a scope's mail cannot be sent now, or null when its effective settings are usable. Held
 * mail is kept and released as soon as this returns null. A password that cannot be decrypted
 * holds mail too (checked once per settings key), so a hold and its release agree.
 */
export function holdReason(effective: EffectiveSettings, secrets: Pick<SettingsSecrets, 'unreadable'>): string | null {
  if (effective.server === null) return `no mail server: ${effective.reason}`;
  return unusableReason(effective.server) ?? secrets.unreadable(effective.server);
}

function unusableReason(server: MailServer): string | null {
  const where = serverName(server.scopeId);
  if (!server.enabled) return `${where} is disabled`;
  if (server.auth.kind === 'oauth2') {
    const { grant } = server.auth;
    if (grant.status === 'reconnect_required') return `oauth_reconnect_required: ${where} must be reconnected (OAuth2): ${grant.reason}`;
    if (grant.status === 'app_withdrawn')
      return `oauth_app_withdrawn: ${where} signs in with the system's OAuth2 app, which the system no longer lets tenants use: enter the tenant's own app (client id and secret) and connect again, or ask the system administrator to share it again`;
    if (grant.status === 'none') return `${where} uses OAuth2, which has not been authorized yet`;
  }
  return null;
}
