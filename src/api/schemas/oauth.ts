import { Type } from 'typebox';
// A leaf module (constants only), so the console can type-check against these schemas.
import { oauthModes } from '../../oauth/modes.js';
import { Nullable, OneOf } from './common.js';

const Mode = OneOf(oauthModes, {
  description:
    'microsoft_app (client credentials), microsoft_delegated (a user signs in once), google_signin (sign in with Google), google_service_account (Workspace domain-wide delegation)',
});

export const OAuthConnectionBody = Type.Object(
  {
    mode: Mode,
    cloud: Type.Optional(Type.String({ maxLength: 16, description: 'Microsoft only: global (default), usgov or china' })),
    directoryId: Type.Optional(Nullable(Type.String({ maxLength: 255, description: 'Microsoft Entra directory (tenant) id or domain' }))),
    clientId: Type.Optional(Type.String({ maxLength: 255, description: 'The application (client) id' })),
    clientSecret: Type.Optional(Type.String({ maxLength: 1024, writeOnly: true, description: 'Write-only. Omit to keep the stored one.' })),
    certificate: Type.Optional(
      Type.String({
        maxLength: 32768,
        description:
          'microsoft_app instead of clientSecret: the certificate (PEM) registered with the app; it may hold the private key too. Omit both to keep the stored one.',
      }),
    ),
    privateKey: Type.Optional(
      Type.String({ maxLength: 32768, writeOnly: true, description: "Write-only. The certificate's RSA private key (PEM, unencrypted)." }),
    ),
    shareWithTenants: Type.Optional(
      Type.Boolean({ description: 'System only: tenants may connect with this app (their own sign-in). Omit to keep the stored choice.' }),
    ),
    useSystemApp: Type.Optional(
      Type.Boolean({
        description:
          "Tenant only, microsoft_delegated or google_signin: sign in with the system's shared app instead of a client id and secret",
      }),
    ),
    serviceAccountKey: Type.Optional(
      Type.String({ maxLength: 16384, writeOnly: true, description: "Write-only. The service account's JSON key." }),
    ),
    mailbox: Type.Optional(
      Type.String({
        maxLength: 320,
        description: "The mailbox to send as; by default the mail server's username (provider already saved)",
      }),
    ),
  },
  { additionalProperties: false },
);

export const OAuthConnectionView = Type.Object({
  scope: Type.String(),
  mode: Mode,
  cloud: Type.String(),
  directoryId: Nullable(Type.String()),
  clientId: Type.String(),
  clientSecretSet: Type.Boolean(),
  certificate: Nullable(
    Type.Object({
      thumbprint: Type.String({ description: 'SHA-1 thumbprint (hex), as the Entra portal lists it' }),
      subject: Type.String(),
      notAfter: Type.String({ format: 'date-time' }),
      expiresSoon: Type.Boolean({ description: 'Expires within 30 days (or has expired)' }),
    }),
  ),
  serviceAccountKeySet: Type.Boolean(),
  sharedWithTenants: Type.Boolean({ description: 'System: tenants may connect with this app' }),
  usesSystemApp: Type.Boolean({ description: "Tenant: signs in with the system's app (its client id and credentials are not shown)" }),
  mailbox: Type.String(),
  status: OneOf(['pending', 'connected', 'reconnect_required'] as const),
  statusReason: Nullable(Type.String()),
  connected: Type.Boolean(),
  account: Nullable(Type.String()),
  grantedScopes: Type.Array(Type.String()),
  lastRefreshedAt: Nullable(Type.String({ format: 'date-time' })),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  redirectUri: Nullable(Type.String({ description: 'Register this redirect URI at the provider (sign-in modes)' })),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const OAuthSystemAppView = Type.Object({
  shared: Type.Boolean({ description: 'The system lets tenants connect with its app (useSystemApp)' }),
  provider: Nullable(OneOf(['microsoft365', 'gmail'] as const)),
});

export const OAuthStartView = Type.Object({
  authorizeUrl: Type.String({ description: "Open this in the administrator's browser: the provider's consent page" }),
  redirectUri: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const OAuthCallbackBody = Type.Object(
  {
    state: Type.String({ minLength: 1, maxLength: 512 }),
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

export const OAuthProviderParam = Type.Object({ provider: OneOf(['microsoft', 'google'] as const) });
