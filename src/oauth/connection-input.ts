import { AppError, type ErrorDetail } from '../shared/app-error.js';
import { isSecretPlaceholder } from '../secrets/secret-placeholder.js';
import type { MailServerSettingsView } from '../scopes/index.js';
import type { OAuthConnectionRow } from '../store/schema.js';
import { microsoftClouds } from './endpoints.js';
import { parseMailbox } from '../shared/email-address.js';
import type { ServiceAccountKey } from './grants.js';
import { modeProvider, type OAuthMode } from './modes.js';

/** A connection as an administrator writes it; the client secret and the service-account key are write-only. */
export interface OAuthConnectionInput {
  mode: OAuthMode;
  /** Microsoft's cloud: `global` (default), `usgov` or `china`. */
  cloud?: string;
  /** The Microsoft Entra directory (tenant) id or domain; required for app-only. */
  directoryId?: string | null;
  clientId?: string;
  clientSecret?: string;
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
export interface CheckedConnection {
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  clientId: string;
  mailbox: string;
  clientSecret: string | null | 'keep';
  serviceKey: string | null;
}

const directoryPattern = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/i;
const clientIdPattern = /^[A-Za-z0-9._@-]{1,255}$/;

/**
 * Validates a connection against the scope's saved mail-server settings: the provider must match
 * the mode, authentication must be OAuth2, and its username is the mailbox Herald sends as. A
 * stored client secret carries over only while mode, cloud, directory and client id stay the same.
 */
export function checkConnection(
  input: OAuthConnectionInput,
  settings: MailServerSettingsView | undefined,
  previous: OAuthConnectionRow | undefined,
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
  let clientId = input.clientId ?? '';
  if (input.mode === 'google_service_account') {
    const key = parseServiceKey(input.serviceAccountKey);
    if (typeof key === 'string')
      problem('/serviceAccountKey', key === 'missing' ? 'required' : 'format', key === 'missing' ? 'is required' : key);
    else {
      serviceKey = JSON.stringify(key);
      clientId = key.client_email;
    }
    if (input.clientSecret !== undefined) problem('/clientSecret', 'unexpected', 'is not used with a service account');
  } else {
    if (input.serviceAccountKey !== undefined) problem('/serviceAccountKey', 'unexpected', 'is only used with google_service_account');
    if (!clientIdPattern.test(clientId))
      problem('/clientId', clientId === '' ? 'required' : 'format', 'must be the application (client) id');
  }

  let clientSecret: CheckedConnection['clientSecret'] = null;
  if (input.mode !== 'google_service_account') {
    const given = input.clientSecret !== undefined && input.clientSecret !== '' ? input.clientSecret : undefined;
    const same =
      previous !== undefined &&
      previous.client_secret_enc !== null &&
      previous.mode === input.mode &&
      previous.cloud === cloud &&
      previous.directory_id === directoryId &&
      previous.client_id === clientId;
    if (given !== undefined && isSecretPlaceholder(given))
      problem(
        '/clientSecret',
        'placeholder',
        'is a mask or placeholder, not a secret: send the real one, or leave it out to keep the stored one',
      );
    else if (given !== undefined) clientSecret = given;
    else if (same) clientSecret = 'keep';
    else
      problem(
        '/clientSecret',
        'required',
        'is required (a stored one is kept only while mode, cloud, directory and client id stay the same)',
      );
  }

  if (problems.length > 0) {
    const code = problems.some((p) => p.field === '/clientSecret' && p.rule === 'placeholder')
      ? 'secret_placeholder'
      : problems.some((p) => p.rule === 'required' && p.field === '/clientSecret')
        ? 'secret_required'
        : 'validation_failed';
    throw new AppError(code, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return { mode: input.mode, cloud, directoryId, clientId, mailbox, clientSecret, serviceKey };
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
