import { AppError, type ErrorDetail } from '../shared/app-error.js';
import type { MailServerSettingsView } from '../scopes/index.js';
import type { OAuthConnectionRow } from '../store/schema.js';
import { microsoftClouds } from './endpoints.js';
import { parseMailbox } from '../shared/email-address.js';
import type { ServiceAccountKey } from './grants.js';
import { modeProvider, type OAuthMode } from './modes.js';
import { checkAppCredentials, type AppCredentialsContext, type CheckedAppCredentials } from './app-credentials-input.js';

/** A connection as an administrator writes it; the client secret and the service-account key are write-only. */
export interface OAuthConnectionInput {
  mode: OAuthMode;
  /** Microsoft's cloud: `global` (default), `usgov` or `china`. */
  cloud?: string;
  /** The Microsoft Entra directory (tenant) id or domain; required for app-only. */
  directoryId?: string | null;
  clientId?: string;
  clientSecret?: string;
  /** Microsoft app-only instead of a client secret: the certificate's PEM (it may hold the private key too). */
  certificate?: string;
  /** The certificate's private key (PEM, unencrypted); write-only. */
  privateKey?: string;
  /** System only: tenants may sign in with this app (their own sign-in, their own tokens). */
  shareWithTenants?: boolean;
  /** Tenant only, sign-in modes: sign in with the system's app instead of entering one. */
  useSystemApp?: boolean;
  /** The Google service account's JSON key, as downloaded. */
  serviceAccountKey?: string;
  /**
   * The mailbox Herald sends as; by default the username of the scope's mail server when it is
   * already saved for this provider. Giving it lets an administrator prepare OAuth2 while the mail
   * server still uses its password, then switch `auth` to `oauth2`.
   */
  mailbox?: string;
}

/** A checked connection: what to store, the secrets still in plain text (`keep`: carry the stored one over). */
export interface CheckedConnection extends CheckedAppCredentials {
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  mailbox: string;
  serviceKey: string | null;
}

const directoryPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/i;

/**
 * Validates a connection against the scope's saved mail-server settings: the provider must match
 * the mode, authentication must be OAuth2, and its username is the mailbox Herald sends as. The
 * app's credentials are checked in `checkAppCredentials` (its own, or the system's app).
 */
export function checkConnection(
  input: OAuthConnectionInput,
  settings: MailServerSettingsView | undefined,
  previous: OAuthConnectionRow | undefined,
  context: Pick<AppCredentialsContext, 'isSystem' | 'systemApp' | 'now'>,
): CheckedConnection {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const provider = modeProvider[input.mode];
  const mailbox = input.mailbox ?? (settings?.provider === provider && settings.auth !== 'none' ? settings.username : null) ?? '';
  const parsed = parseMailbox(mailbox);
  if (mailbox === '')
    problem(
      '/mailbox',
      'required',
      `is required unless the scope's mail server is saved with provider ${provider} and the mailbox as username`,
    );
  else if (!parsed.ok || parsed.mailbox.name) problem('/mailbox', 'format', 'must be a bare email address');
  const microsoft = provider === 'microsoft365';
  const cloud = microsoft ? (input.cloud ?? 'global') : 'global';
  if (microsoft && !(cloud in microsoftClouds)) problem('/cloud', 'enum', `must be one of ${Object.keys(microsoftClouds).join(', ')}`);
  if (!microsoft && input.cloud !== undefined && input.cloud !== 'global') problem('/cloud', 'enum', 'must be global for Google');
  const directoryId = microsoft ? (input.directoryId ?? null) : null;
  if (input.mode === 'microsoft_app' && directoryId === null) problem('/directoryId', 'required', 'is required for app-only access');
  if (directoryId !== null && !directoryPattern.test(directoryId))
    problem('/directoryId', 'format', 'must be a directory (tenant) id or a domain');

  let serviceKey: string | null = null;
  let clientId = '';
  if (input.mode === 'google_service_account') {
    const key = parseServiceKey(input.serviceAccountKey);
    if (typeof key === 'string')
      problem('/serviceAccountKey', key === 'missing' ? 'required' : 'format', key === 'missing' ? 'is required' : key);
    else {
      serviceKey = JSON.stringify(key);
      clientId = key.client_email;
    }
  } else if (input.serviceAccountKey !== undefined) problem('/serviceAccountKey', 'unexpected', 'is only used with google_service_account');
  const app = checkAppCredentials(input, {
    mode: input.mode,
    cloud,
    directoryId,
    isSystem: context.isSystem,
    previous,
    systemApp: context.systemApp,
    now: context.now,
    problem,
  });

  if (problems.length > 0) {
    const code = problems.some((p) => p.rule === 'placeholder')
      ? 'secret_placeholder'
      : problems.some((p) => p.rule === 'required' && p.field === '/clientSecret')
        ? 'secret_required'
        : 'validation_failed';
    throw new AppError(code, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return {
    mode: input.mode,
    cloud: app.usesSystemApp ? context.systemApp!.cloud : cloud,
    directoryId,
    mailbox,
    serviceKey,
    ...app,
    clientId: clientId || app.clientId,
  };
}

function parseServiceKey(text: string | undefined): ServiceAccountKey | string {
  if (text === undefined || text === '') return 'missing';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'must be the JSON key file of the service account';
  }
  const key = parsed as Partial<ServiceAccountKey>;
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string' || !key.private_key.includes('PRIVATE KEY'))
    return 'must hold client_email and private_key (the JSON key file of the service account)';
  return {
    client_email: key.client_email,
    private_key: key.private_key,
    ...(typeof key.private_key_id === 'string' ? { private_key_id: key.private_key_id } : {}),
  };
}
