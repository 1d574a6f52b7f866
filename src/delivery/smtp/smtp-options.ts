import { isIP } from 'node:net';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { SmtpMailServer } from '../../scopes/index.js';

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
    | { type: 'oauth2'; username: string; accessToken: string };
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
    auth:
      auth.kind === 'password' && password !== null
        ? { type: 'password', username: auth.username, password }
        : auth.kind === 'oauth2' && accessToken !== null
          ? { type: 'oauth2', username: auth.username, accessToken }
          : { type: 'none' },
    smtpDomain: connection.smtpDomain ?? undefined,
    timeoutMs,
  };
}

/** Connection options with the credentials Herald sends: a password, or an XOAUTH2 token. */
export type ConnectionOptions = SMTPConnection.Options & {
  auth?: { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string };
};

/**
 * What `SMTPConnection.login` takes for these credentials: user and password, or XOAUTH2 with the
 * token service's token (nodemailer never refreshes it; a refused token is renewed by Herald).
 */
export function loginCredentials(
  auth: NonNullable<ConnectionOptions['auth']>,
): SMTPConnection.AuthenticationCredentials | SMTPConnection.AuthenticationOAuth2 {
  return 'accessToken' in auth ? { user: auth.user, oauth2: new XOAuth2({ user: auth.user, accessToken: auth.accessToken }) } : auth;
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
    auth:
      server.auth.type === 'password'
        ? { user: server.auth.username, pass: server.auth.password }
        : server.auth.type === 'oauth2'
          ? { type: 'OAuth2', user: server.auth.username, accessToken: server.auth.accessToken }
          : undefined,
  };
}
