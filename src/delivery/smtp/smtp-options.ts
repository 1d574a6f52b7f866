import { isIP } from 'node:net';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { SmtpMailServer } from '../../scopes/index.js';
import { ntlmAuth, ntlmMethod } from './ntlm-auth.js';

/** A mail server ready to connect to: settings resolved and the password decrypted. */
export interface SmtpServerOptions {
  host: string;
  /** The address the SSRF guard checked for `host`; connecting to it defeats DNS rebinding. */
  address?: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  tlsVerify: boolean;
  /** PEM of a CA to trust in addition to the system's. */
  tlsCa?: string;
  auth:
    | { type: 'none' }
    | { type: 'password'; username: string; password: string }
    /** SMTP XOAUTH2 with a token the token service issued; nodemailer never refreshes it. */
    | { type: 'oauth2'; username: string; accessToken: string }
    /** AUTH NTLM (on-premises Exchange) with the account's Windows domain. */
    | { type: 'ntlm'; username: string; password: string; domain: string; workstation?: string };
  /** The name Herald announces in EHLO. */
  smtpDomain?: string;
  timeoutMs: number;
}

/** A mail server's connection and its password, opened in memory only, as connection options. */
export function smtpServerOptions(
  server: SmtpMailServer,
  password: string | null,
  timeoutMs: number,
  accessToken: string | null = null,
): SmtpServerOptions {
  const { connection, auth } = server;
  return {
    host: connection.host,
    port: connection.port,
    security: connection.security,
    tlsVerify: connection.tlsVerify,
    tlsCa: connection.tlsCa ?? undefined,
    auth: authOptions(auth, password, accessToken),
    smtpDomain: connection.smtpDomain ?? undefined,
    timeoutMs,
  };
}

function authOptions(auth: SmtpMailServer['auth'], password: string | null, accessToken: string | null): SmtpServerOptions['auth'] {
  if (auth.kind === 'password' && password !== null) return { type: 'password', username: auth.username, password };
  if (auth.kind === 'oauth2' && accessToken !== null) return { type: 'oauth2', username: auth.username, accessToken };
  if (auth.kind === 'ntlm' && password !== null)
    return {
      type: 'ntlm',
      username: auth.username,
      password,
      domain: auth.domain,
      ...(auth.workstation !== null ? { workstation: auth.workstation } : {}),
    };
  return { type: 'none' };
}

/** Connection options with the credentials Herald sends: a password, an XOAUTH2 token, or NTLM. */
export type ConnectionOptions = SMTPConnection.Options & {
  auth?:
    | { user: string; pass: string }
    | { type: 'OAuth2'; user: string; accessToken: string }
    | { type: 'NTLM'; user: string; pass: string; domain: string; workstation?: string };
};

/**
 * What `SMTPConnection.login` takes for these credentials: user and password, XOAUTH2 with the
 * token service's token (nodemailer never refreshes it; a refused token is renewed by Herald), or
 * the NTLM handler's method with the domain (`ntlmAuth`, registered by `toConnectionOptions`).
 */
export function loginCredentials(
  auth: NonNullable<ConnectionOptions['auth']>,
): SMTPConnection.AuthenticationCredentials | SMTPConnection.AuthenticationOAuth2 {
  if ('accessToken' in auth) return { user: auth.user, oauth2: new XOAuth2({ user: auth.user, accessToken: auth.accessToken }) };
  if ('type' in auth && auth.type === 'NTLM')
    return { method: ntlmMethod, user: auth.user, pass: auth.pass, options: { domain: auth.domain, workstation: auth.workstation ?? '' } };
  return auth;
}

/**
 * Maps Herald's settings to nodemailer's connection options; the pool and the probe share it so
 * a test send connects exactly as delivery will. `none` never upgrades, `starttls` requires the
 * upgrade, `tls` is implicit TLS.
 */
export function toConnectionOptions(server: SmtpServerOptions): ConnectionOptions {
  return {
    host: server.address ?? server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    name: server.smtpDomain,
    connectionTimeout: server.timeoutMs,
    greetingTimeout: server.timeoutMs,
    socketTimeout: server.timeoutMs,
    dnsTimeout: server.timeoutMs,
    tls: {
      rejectUnauthorized: server.tlsVerify,
      ...(server.tlsCa ? { ca: [server.tlsCa] } : {}),
      // SNI takes host names only; nodemailer picks the name itself when the host is an address.
      ...(isIP(server.host) === 0 ? { servername: server.host } : {}),
    },
    auth: connectionAuth(server.auth),
    ...(server.auth.type === 'ntlm' ? { customAuth: { [ntlmMethod]: ntlmAuth } } : {}),
  };
}

function connectionAuth(auth: SmtpServerOptions['auth']): ConnectionOptions['auth'] {
  switch (auth.type) {
    case 'password':
      return { user: auth.username, pass: auth.password };
    case 'oauth2':
      return { type: 'OAuth2', user: auth.username, accessToken: auth.accessToken };
    case 'ntlm':
      return { type: 'NTLM', user: auth.username, pass: auth.password, domain: auth.domain, workstation: auth.workstation };
    case 'none':
      return undefined;
  }
}
