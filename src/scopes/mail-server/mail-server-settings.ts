/** The providers a scope can send through. Gmail and Microsoft 365 use OAuth2 (later) or app passwords. */
export const providers = ['smtp', 'gmail', 'microsoft365', 'builtin'] as const;
export const securities = ['none', 'starttls', 'tls'] as const;
/** `ntlm`: NTLM with a Windows domain, for on-premises Exchange offering nothing else (the smtp provider only). */
export const authModes = ['none', 'password', 'oauth2', 'ntlm'] as const;
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
  /** With auth `ntlm`: the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com). */
  domain?: string | null;
  /** With auth `ntlm`: the workstation name to announce (NetBIOS, at most 15 characters); optional. */
  workstation?: string | null;
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
  domain: string | null;
  workstation: string | null;
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
