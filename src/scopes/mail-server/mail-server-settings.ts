/** The providers a scope can send through. Gmail and Microsoft 365 use OAuth2 (later) or app passwords. */
export const providers = ['smtp', 'gmail', 'microsoft365', 'builtin'] as const;
export const securities = ['none', 'starttls', 'tls'] as const;
export const authModes = ['none', 'password', 'oauth2'] as const;
/** How mail leaves: SMTP, Microsoft Graph `sendMail` (microsoft365) or the Gmail API (gmail); the APIs need OAuth2. */
export const sendApis = ['smtp', 'graph', 'gmail'] as const;

export type Provider = (typeof providers)[number];
export type Security = (typeof securities)[number];
export type AuthMode = (typeof authModes)[number];
export type SendApi = (typeof sendApis)[number];

/** The port each security mode implies unless one is given. */
export const defaultPorts: Record<Security, number> = { none: 25, starttls: 587, tls: 465 };

/** Fixed servers of the hosted providers. */
export const providerServers: Partial<Record<Provider, { host: string; port: number; security: Security }>> = {
  gmail: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  microsoft365: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
};

/** Settings as a client writes them; the password is write-only. */
export interface MailServerSettingsInput {
  provider: Provider;
  host?: string;
  port?: number;
  security?: Security;
  allowInvalidCertificate?: boolean;
  tlsCa?: string | null;
  auth?: AuthMode;
  username?: string | null;
  password?: string;
  smtpDomain?: string | null;
  fromAddress?: string;
  fromName?: string | null;
  replyTo?: string | null;
  enabled?: boolean;
  applyToAllTenants?: boolean;
  poolSize?: number;
  rateLimitPerSecond?: number | null;
  /** Messages a day from the mailbox across the cluster: null (or absent) for the provider's default, 0 for no cap. */
  dailyLimit?: number | null;
  api?: SendApi;
}

/** Settings as the API shows them: never a secret, only whether one is set. */
export interface MailServerSettingsView {
  scope: string;
  version: number;
  provider: Provider;
  host: string | null;
  port: number | null;
  security: Security;
  allowInvalidCertificate: boolean;
  tlsCa: string | null;
  auth: AuthMode;
  username: string | null;
  passwordSet: boolean;
  smtpDomain: string | null;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  enabled: boolean;
  applyToAllTenants?: boolean;
  poolSize: number;
  rateLimitPerSecond: number | null;
  dailyLimit: number | null;
  api: SendApi;
  updatedAt: string;
}
