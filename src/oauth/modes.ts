/** How a scope's mailbox is authorised: each mode is one grant at one provider. */
export const oauthModes = ['microsoft_app', 'microsoft_delegated', 'google_signin', 'google_service_account'] as const;
export type OAuthMode = (typeof oauthModes)[number];

/** The sign-in providers, one callback path each. */
export type SignInProvider = 'microsoft' | 'google';

/** A sign-in provider's name as an administrator knows it. */
export const signInProviderNames: Record<SignInProvider, string> = { microsoft: 'Microsoft', google: 'Google' };

/** The mail-server provider each mode belongs to. */
export const modeProvider: Record<OAuthMode, 'microsoft365' | 'gmail'> = {
  microsoft_app: 'microsoft365',
  microsoft_delegated: 'microsoft365',
  google_signin: 'gmail',
  google_service_account: 'gmail',
};

/** The modes where an administrator signs in once (authorization code with PKCE), and at which provider. */
export const signInProvider: Partial<Record<OAuthMode, SignInProvider>> = {
  microsoft_delegated: 'microsoft',
  google_signin: 'google',
};

/** Sealed fields of a connection, each bound to its scope and this name. */
export const oauthFields = {
  clientSecret: 'oauth.client_secret',
  serviceKey: 'oauth.service_account_key',
  privateKey: 'oauth.private_key',
  accessToken: 'oauth.access_token',
  refreshToken: 'oauth.refresh_token',
  verifier: 'oauth.pkce_verifier',
} as const;
