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
  serviceAccountKeySet: Type.Boolean(),
  mailbox: Type.String(),
  status: OneOf(['pending', 'connected', 'reconnect_required'] as const),
  statusReason: Nullable(Type.String()),
  connected: Type.Boolean(),
  account: Nullable(Type.String()),
  grantedScopes: Type.Array(Type.String()),
  lastRefreshedAt: Nullable(Type.String({ format: 'date-time' })),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  redirectUri: Nullable(Type.String({ description: 'Register this redirect URI at the provider (sign-in modes)' })),
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
