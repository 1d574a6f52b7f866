import type { MailServerSettingsRow } from '../../store/schema.js';

/**
 * The settings a stored secret is bound to, with their API names: where it is sent (provider,
 * host, port), how the connection that carries it is protected (security, certificate check,
 * trusted CA) and what it authenticates (auth mode, username, NTLM domain: the same name in
 * another domain is another account). A secret never follows a change of any of them: with
 * security `tls` → `none` the stored password would go out in plain text, with a new host or port
 * to someone else. Passwords use this rule today, OAuth client secrets
 * and tokens will too.
 */
const secretBinding = {
  provider: 'provider',
  host: 'host',
  port: 'port',
  security: 'security',
  tls_verify: 'allowInvalidCertificate',
  tls_ca: 'tlsCa',
  auth: 'auth',
  username: 'username',
  ntlm_domain: 'domain',
} as const satisfies Partial<Record<keyof MailServerSettingsRow, string>>;

export type SecretBinding = Pick<MailServerSettingsRow, keyof typeof secretBinding>;

/**
 * Whether the secret stored with `previous` may be used with `next`: the binding fields (API
 * names) that differ, empty when it may carry over. Saving, "send test email" and "verify
 * connection" all decide through this one function (by way of `normalizeSettings`).
 *
 * @example
 * declare const saved: MailServerSettingsRow;
 * secretBindingChanges(saved, { ...saved, security: 'none' }) // ['security']
 */
export function secretBindingChanges(previous: SecretBinding, next: SecretBinding): string[] {
  return (Object.keys(secretBinding) as Array<keyof typeof secretBinding>)
    .filter((field) => previous[field] !== next[field])
    .map((field) => secretBinding[field]);
}
