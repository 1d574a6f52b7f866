import type { MailServerSettingsView } from './mail-server-settings.js';

/** A warning a save answers with: the settings were stored, but will stop working. */
export interface SettingsWarning {
  code: 'basic_auth_retiring';
  message: string;
}

/**
 * The deprecation pre-flight: Microsoft 365 or Gmail with a password is saved (not refused), with
 * a warning naming when password sign-in stops and the OAuth2 mode to move to.
 *
 * @example passwordDeprecation({ provider: 'microsoft365', auth: 'password' })[0]?.code // 'basic_auth_retiring'
 */
export function passwordDeprecation(settings: Pick<MailServerSettingsView, 'provider' | 'auth'>): SettingsWarning[] {
  if (settings.auth !== 'password') return [];
  if (settings.provider === 'microsoft365')
    return [
      {
        code: 'basic_auth_retiring',
        message:
          'Microsoft turns basic authentication for SMTP AUTH off by default in every existing tenant at the end of December 2026 (MC786329); ' +
          'move to OAuth2: app-only access (client credentials, mode microsoft_app) or a delegated sign-in (microsoft_delegated).',
      },
    ];
  if (settings.provider === 'gmail')
    return [
      {
        code: 'basic_auth_retiring',
        message:
          'Google has refused plain passwords since 2025: only an app password (with 2-step verification) still works; ' +
          'move to OAuth2: sign in with Google (mode google_signin) or a Workspace service account (google_service_account).',
      },
    ];
  return [];
}
