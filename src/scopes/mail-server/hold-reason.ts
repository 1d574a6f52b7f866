import type { EffectiveSettings } from './effective-settings.js';
import type { MailServerSettingsRow } from '../../store/schema.js';

/**
 * Why a scope's mail cannot be sent now, or null when its effective settings are usable. Held
 * mail is kept and released as soon as this returns null.
 */
export function holdReason(effective: EffectiveSettings): string | null {
  if (effective.settings === null) return `no mail server: ${effective.reason}`;
  return unusableReason(effective.settings);
}

function unusableReason(settings: MailServerSettingsRow): string | null {
  const where = settings.scope_id === 'system' ? 'the system mail server' : `the mail server of tenant ${settings.scope_id}`;
  if (settings.enabled === 0) return `${where} is disabled`;
  if (settings.auth === 'oauth2') return `${where} uses OAuth2, which has not been authorized yet`;
  return null;
}
