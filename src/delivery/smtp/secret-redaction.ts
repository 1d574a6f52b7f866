import type { SmtpServerOptions } from './smtp-options.js';

/**
 * The password and the base64 forms AUTH PLAIN and AUTH LOGIN send it in (and, for NTLM, the
 * UTF-16LE form NTLM hashes: NTLM itself sends only a keyed hash); an access token and its XOAUTH2 form.
 */
export function secretsOf(server: SmtpServerOptions): string[] {
  if (server.auth.type === 'oauth2') {
    const { username, accessToken } = server.auth;
    return [Buffer.from(`user=${username}\x01auth=Bearer ${accessToken}\x01\x01`).toString('base64'), accessToken];
  }
  if ((server.auth.type !== 'password' && server.auth.type !== 'ntlm') || server.auth.password === '') return [];
  const { username, password } = server.auth;
  const base64 = (value: string, encoding: BufferEncoding = 'utf8') => Buffer.from(value, encoding).toString('base64');
  const forms = [
    password,
    base64(password),
    base64(password).replace(/=+$/, ''),
    base64(`\0${username}\0${password}`),
    base64(`${username}\0${username}\0${password}`),
    ...(server.auth.type === 'ntlm' ? [base64(password, 'utf16le'), base64(password, 'utf16le').replace(/=+$/, '')] : []),
  ];
  return forms.sort((a, b) => b.length - a.length);
}

/** A last, defensive pass: whatever a server echoed or a library logged, no secret leaves. */
export function redact<T>(value: T, secrets: string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value as string) as T;
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secrets)])) as T;
  return value;
}
