import type { EffectiveSettings } from './effective-settings.js';
import type { MailServer } from './mail-server.js';
import type { SettingsSecrets } from './settings-secrets.js';
import { serverName } from './server-name.js';

/** Whether a server's OAuth2 connection can give tokens now (delivery knows its token sources). */
export type OAuthAuthorized = (server: MailServer) => boolean;

/**
 * Why a scope's mail cannot be sent now, or null when its effective settings are usable. Held
 * mail is kept and released as soon as this returns null. A password that cannot be decrypted
 * holds mail too (checked once per settings key), so a hold and its release agree. OAuth2 mail
 * is held unless `authorized` says its connection can give tokens.
 */
export function holdReason(
  effective: EffectiveSettings,
  secrets: Pick<SettingsSecrets, 'unreadable'>,
  authorized: OAuthAuthorized = () => false,
): string | null {
  if (effective.server === null) return `no mail server: ${effective.reason}`;
  return unusableReason(effective.server, authorized) ?? secrets.unreadable(effective.server);
}

function unusableReason(server: MailServer, authorized: OAuthAuthorized): string | null {
  const where = serverName(server.scopeId);
  if (!server.enabled) return `${where} is disabled`;
  if (server.auth.kind === 'oauth2' && !authorized(server)) return `${where} uses OAuth2, which has not been authorized yet`;
  return null;
}
