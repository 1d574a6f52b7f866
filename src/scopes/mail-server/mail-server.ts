import { hash } from 'node:crypto';
import type { MailServerSettingsRow } from '../../store/schema.js';
import { defaultPorts, type Provider, type Security, type SendApi } from './mail-server-settings.js';
import type { OAuthGrant } from './oauth-grant.js';

/**
 * A scope's mail server as delivery sends through it and tests it: its stored settings read once
 * (`toMailServer`), defaults applied, the password still sealed. Delivery sees this, never the row.
 * The built-in mailbox has no connection; every other provider has one.
 */
export type MailServer = MailServerBase &
  ({ provider: 'builtin'; connection: null } | { provider: Exclude<Provider, 'builtin'>; connection: MailServerConnection });

/** A mail server reached over SMTP. */
export type SmtpMailServer = Extract<MailServer, { connection: MailServerConnection }>;

interface MailServerBase {
  /** The scope whose settings these are: the system's when a tenant inherits them. */
  scopeId: string;
  /** The settings version; 0 for candidate settings under test. */
  version: number;
  /**
   * What a transport, or a decision about the password, is made from: scope, version and a digest
   * of the sealed password (its ciphertext can change under the same version: a restored backup,
   * a copied row, tampering).
   */
  key: string;
  enabled: boolean;
  auth: MailServerAuth;
  sender: MailServerSender;
  /** How many sends may use the server at once. */
  poolSize: number;
  /** Sends per second across the cluster; null for no limit. */
  rateLimitPerSecond: number | null;
  /** Messages a day from the mailbox across the cluster: null for the provider's default, 0 for no cap. */
  dailyLimit: number | null;
  /** How mail leaves: SMTP, or the provider's HTTP API (`graph`, `gmail`) with an OAuth2 token. */
  api: SendApi;
}

export interface MailServerConnection {
  host: string;
  port: number;
  security: Security;
  /** False when the settings allow an invalid certificate. */
  tlsVerify: boolean;
  /** PEM of a CA to trust besides the system's. */
  tlsCa: string | null;
  /** The name Herald announces in EHLO; null for nodemailer's default. */
  smtpDomain: string | null;
}

/**
 * How Herald signs in to the server. The password (of `password` and `ntlm`) stays sealed under (scope, `passwordField`)
 * until `SettingsSecrets.password` opens it to connect; null when none is stored. `oauth2` sends
 * only with a connected grant (src/oauth hands out the tokens); otherwise its mail is held.
 */
export type MailServerAuth =
  | { kind: 'none' }
  | { kind: 'password'; username: string; sealedPassword: string | null }
  | { kind: 'oauth2'; username: string; grant: OAuthGrant }
  /** NTLM (on-premises Exchange): the password with the account's Windows domain. */
  | { kind: 'ntlm'; username: string; sealedPassword: string | null; domain: string; workstation: string | null };

export interface MailServerSender {
  from: { address: string; name?: string };
  replyTo?: string;
}

/** The key of a settings row: see `MailServer.key`. */
function settingsKey(row: Pick<MailServerSettingsRow, 'scope_id' | 'version' | 'password_enc'>): string {
  const digest = row.password_enc === null ? '-' : hash('sha256', row.password_enc, 'base64url').slice(0, 22);
  return `${row.scope_id}:${row.version}:${digest}`;
}

/** Reads a stored (or candidate) settings row as the mail server delivery uses. */
export function toMailServer(row: MailServerSettingsRow, grant: OAuthGrant = { status: 'none' }): MailServer {
  const base: MailServerBase = {
    scopeId: row.scope_id,
    version: row.version,
    key: settingsKey(row),
    enabled: row.enabled === 1,
    auth: authOf(row, grant),
    sender: {
      from: row.from_name ? { address: row.from_address, name: row.from_name } : { address: row.from_address },
      ...(row.reply_to !== null ? { replyTo: row.reply_to } : {}),
    },
    poolSize: row.pool_size,
    rateLimitPerSecond: row.rate_limit_per_second,
    dailyLimit: row.daily_limit,
    api: row.api,
  };
  if (row.provider === 'builtin') return { ...base, provider: row.provider, connection: null };
  const connection: MailServerConnection = {
    host: row.host ?? '',
    port: row.port ?? defaultPorts[row.security],
    security: row.security,
    tlsVerify: row.tls_verify === 1,
    tlsCa: row.tls_ca,
    smtpDomain: row.smtp_domain,
  };
  return { ...base, provider: row.provider, connection };
}

function authOf(row: MailServerSettingsRow, grant: OAuthGrant): MailServerAuth {
  if (row.auth === 'none') return { kind: 'none' };
  const username = row.username ?? '';
  switch (row.auth) {
    case 'password':
      return { kind: 'password', username, sealedPassword: row.password_enc };
    case 'ntlm':
      return { kind: 'ntlm', username, sealedPassword: row.password_enc, domain: row.ntlm_domain ?? '', workstation: row.ntlm_workstation };
    case 'oauth2':
      return { kind: 'oauth2', username, grant };
  }
}
