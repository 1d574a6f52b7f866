import { isSecretPlaceholder } from '../secrets/secret-placeholder.js';
import type { OAuthConnectionRow } from '../store/schema.js';
import { checkCertificate, type CheckedCertificate } from './certificate.js';
import type { OAuthConnectionInput } from './connection-input.js';
import { signInProvider, type OAuthMode } from './modes.js';

/** The app credentials a connection is saved with; secrets in plain text until sealed (`keep`: carry the stored one over). */
export interface CheckedAppCredentials {
  clientId: string;
  clientSecret: string | null | 'keep';
  certificate: CheckedCertificate | null | 'keep';
  /** Tenants may sign in with this (the system's) app. */
  sharesApp: boolean;
  /** This tenant signs in with the system's app: no credentials of its own. */
  usesSystemApp: boolean;
}

export interface AppCredentialsContext {
  mode: OAuthMode;
  cloud: string;
  directoryId: string | null;
  isSystem: boolean;
  previous: OAuthConnectionRow | undefined;
  /** The system's connection when it shares its app for this mode's provider. */
  systemApp: OAuthConnectionRow | undefined;
  now: number;
  problem: (field: string, rule: string, message: string) => void;
}

const clientIdPattern = /^[A-Za-z0-9._@-]{1,255}$/;
const given = (value: string | undefined) => (value !== undefined && value !== '' ? value : undefined);

/**
 * Checks who the app is: the system's (a tenant's sign-in with `useSystemApp`), or the scope's
 * own client id with a client secret or — Microsoft app-only — a certificate, never both. A stored
 * secret or certificate carries over only while mode, cloud, directory and client id stay the same.
 */
export function checkAppCredentials(input: OAuthConnectionInput, context: AppCredentialsContext): CheckedAppCredentials {
  const { mode, isSystem, problem } = context;
  if (input.shareWithTenants === true && !isSystem) problem('/shareWithTenants', 'system_only', "is set on the system's connection only");
  if (input.shareWithTenants === true && mode === 'google_service_account')
    problem('/shareWithTenants', 'sign_in_app', 'a service account is not an app tenants can sign in with');
  const sharesApp = isSystem && mode !== 'google_service_account' && (input.shareWithTenants ?? context.previous?.shares_app === 1);
  if (input.useSystemApp === true) return systemAppCredentials(input, context);
  if (mode === 'google_service_account') {
    if (input.clientSecret !== undefined) problem('/clientSecret', 'unexpected', 'is not used with a service account');
    if (input.certificate !== undefined) problem('/certificate', 'unexpected', 'is only used with microsoft_app');
    return { clientId: '', clientSecret: null, certificate: null, sharesApp: false, usesSystemApp: false };
  }
  const clientId = input.clientId ?? '';
  if (!clientIdPattern.test(clientId)) problem('/clientId', clientId === '' ? 'required' : 'format', 'must be the application (client) id');
  const secret = given(input.clientSecret);
  const certificate = given(input.certificate);
  if (secret !== undefined && isSecretPlaceholder(secret))
    problem(
      '/clientSecret',
      'placeholder',
      'is a mask or placeholder, not a secret: send the real one, or leave it out to keep the stored one',
    );
  const none = { clientId, clientSecret: null, certificate: null, sharesApp, usesSystemApp: false };
  if (certificate !== undefined && mode !== 'microsoft_app') {
    problem('/certificate', 'unexpected', 'is only used with microsoft_app');
    return none;
  }
  if (certificate !== undefined && secret !== undefined) {
    problem('/certificate', 'exclusive', 'give a client secret or a certificate, not both');
    return none;
  }
  if (certificate === undefined && given(input.privateKey) !== undefined) {
    problem('/certificate', 'required', 'is required with a private key');
    return none;
  }
  if (certificate !== undefined) {
    const checked = checkCertificate(certificate, input.privateKey, context.now);
    if (!checked.ok) checked.problems.forEach((p) => problem(p.field, p.rule, p.message));
    return { ...none, certificate: checked.ok ? checked.value : null };
  }
  if (secret !== undefined) return { ...none, clientSecret: secret };
  const previous = context.previous;
  const same =
    previous !== undefined &&
    previous.uses_system_app === 0 &&
    previous.mode === mode &&
    previous.cloud === context.cloud &&
    previous.directory_id === context.directoryId &&
    previous.client_id === clientId;
  if (same && previous.private_key_enc !== null) return { ...none, certificate: 'keep' };
  if (same && previous.client_secret_enc !== null) return { ...none, clientSecret: 'keep' };
  problem(
    '/clientSecret',
    'required',
    `is required${mode === 'microsoft_app' ? ' (or a certificate)' : ''} (a stored one is kept only while mode, cloud, directory and client id stay the same)`,
  );
  return none;
}

function systemAppCredentials(input: OAuthConnectionInput, context: AppCredentialsContext): CheckedAppCredentials {
  const { problem } = context;
  if (context.isSystem) problem('/useSystemApp', 'tenant_only', "is for a tenant's connection: the system enters its own app");
  else if (signInProvider[context.mode] === undefined)
    problem('/useSystemApp', 'sign_in_only', 'is only for the sign-in modes (microsoft_delegated, google_signin)');
  else if (context.systemApp === undefined)
    problem(
      '/useSystemApp',
      'not_shared',
      "the system does not let tenants connect with its app for this provider: enter the tenant's own app",
    );
  for (const field of ['clientId', 'clientSecret', 'certificate', 'privateKey'] as const)
    if (input[field] !== undefined) problem(`/${field}`, 'unexpected', "is the system app's: leave it out with useSystemApp");
  if (context.systemApp && input.cloud !== undefined && input.cloud !== context.systemApp.cloud)
    problem('/cloud', 'system_app', `must be the system app's cloud (${context.systemApp.cloud})`);
  return { clientId: '', clientSecret: null, certificate: null, sharesApp: false, usesSystemApp: true };
}
