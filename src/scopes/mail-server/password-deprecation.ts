import type { MailServerSettingsView } from './mail-server-settings.js';

/** A warning a save answers with: the settings were stored, but will stop working. */
export interface SettingsWarning {
  code: 'basic_auth_retiring';
  message: string;
}

/** A provider retiring password sign-in: when it stops and the OAuth2 modes to move to. */
export interface PasswordRetirement {
  /** The day basic authentication stops (Google: has stopped; only app passwords still work). */
  basicAuthEnds: string;
  moveTo: string[];
  message: string;
}

/** The providers retiring passwords, with the dates they announced. */
export const passwordRetirements: Partial<Record<MailServerSettingsView['provider'], PasswordRetirement>> = {
  microsoft365: {
    basicAuthEnds: '2026-12-31',
    moveTo: ['microsoft_app', 'microsoft_delegated'],
    message:
      'Microsoft turns basic authentication for SMTP AUTH off by default in every existing tenant at the end of December 2026 (MC786329); ' +
      'move to OAuth2: app-only access (client credentials, mode microsoft_app) or a delegated sign-in (microsoft_delegated).',
  },
  gmail: {
    basicAuthEnds: '2025-03-14',
    moveTo: ['google_signin', 'google_service_account'],
    message:
      'Google has refused plain passwords since 2025: only an app password (with 2-step verification) still works; ' +
      'move to OAuth2: sign in with Google (mode google_signin) or a Workspace service account (google_service_account).',
  },
};

/** The retirement that applies to these settings, or undefined when they do not sign in with a password at such a provider. */
export function passwordRetirement(settings: Pick<MailServerSettingsView, 'provider' | 'auth'>): PasswordRetirement | undefined {
  return settings.auth === 'password' ? passwordRetirements[settings.provider] : undefined;
}

/**
 * The deprecation pre-flight: Microsoft 365 or Gmail with a password is saved (not refused), with
 * a warning naming when password sign-in stops and the OAuth2 mode to move to.
 *
 * @example passwordDeprecation({ provider: 'microsoft365', auth: 'password' })[0]?.code // 'basic_auth_retiring'
 */
export function passwordDeprecation(settings: Pick<MailServerSettingsView, 'provider' | 'auth'>): SettingsWarning[] {
  const retirement = passwordRetirement(settings);
  return retirement ? [{ code: 'basic_auth_retiring', message: retirement.message }] : [];
}
