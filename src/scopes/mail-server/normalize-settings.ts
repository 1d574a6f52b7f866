import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { AppError, type ErrorDetail } from '../../shared/app-error.js';
import type { ErrorCode } from '../../shared/error-codes.js';
import { parseMailbox, formatMailbox } from '../../shared/email-address.js';
import type { MailServerSettingsRow } from '../../store/schema.js';
import { isSecretPlaceholder } from '../../secrets/secret-placeholder.js';
import { defaultPorts, providerServers, type MailServerSettingsInput } from './mail-server-settings.js';
import { secretBindingChanges } from './secret-binding.js';
import { hostPattern } from './domain-names.js';
import { ntlmSettings } from './ntlm-settings.js';

/** The settings row to store, minus scope, version and time; `password` still in plain text. */
export type NormalizedSettings = Omit<MailServerSettingsRow, 'scope_id' | 'version' | 'created_at' | 'password_enc'> & {
  /** The new password, or `keep` to carry the previous ciphertext over, or null for none. */
  password: string | null | 'keep';
};

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;

/**
 * Validates a settings write against the rules the schema cannot express and fills defaults:
 * the port from the security mode, the hosted providers' servers, auth from the username. The
 * stored password is kept only while the settings it is bound to stay the same
 * (`secretBindingChanges`); a mask or placeholder such as `********` is never taken for a password.
 *
 * @example normalizeSettings({ provider: 'smtp', host: 'mail.example.com', security: 'tls', fromAddress: 'a@example.com' }, { isSystem: true })
 */
export function normalizeSettings(
  input: MailServerSettingsInput,
  context: { isSystem: boolean; previous?: MailServerSettingsRow },
): NormalizedSettings {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const { previous } = context;

  if (!context.isSystem && input.applyToAllTenants !== undefined) {
    problem('/applyToAllTenants', 'system_only', 'can only be set on the system mail server');
  }
  const hosted = providerServers[input.provider];
  const isBuiltin = input.provider === 'builtin';
  const security = input.security ?? hosted?.security ?? (isBuiltin ? 'none' : 'starttls');
  const host = isBuiltin ? null : (input.host ?? hosted?.host ?? null);
  if (!isBuiltin) {
    if (host === null) problem('/host', 'required', 'is required for an SMTP server');
    else if (!hostPattern.test(host) && isIP(host) === 0) problem('/host', 'format', 'must be a host name or an IP address');
  }
  const port = isBuiltin ? null : (input.port ?? hosted?.port ?? defaultPorts[security]);

  const auth = isBuiltin ? 'none' : (input.auth ?? (input.username ? 'password' : hosted ? 'oauth2' : 'none'));
  const username = auth === 'none' ? null : (input.username ?? null);
  if (auth !== 'none' && !username) problem('/username', 'required', `is required with ${auth} authentication`);
  if (username !== null && controlChars.test(username)) problem('/username', 'format', 'must not contain control characters');
  const ntlm = ntlmSettings(input, auth, problem);

  const tlsCa = input.tlsCa ?? null;
  if (tlsCa !== null) {
    try {
      new X509Certificate(tlsCa);
    } catch {
      problem('/tlsCa', 'format', 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
    }
  }
  const tlsVerify = input.allowInvalidCertificate ? 0 : 1;

  let password: NormalizedSettings['password'] = null;
  const given = input.password !== undefined && input.password !== '' ? input.password : undefined;
  if (given !== undefined && isSecretPlaceholder(given)) {
    problem(
      '/password',
      'placeholder',
      'is a mask or placeholder (such as "********"), not a password: send the real one, or leave it out to keep a stored one',
    );
  } else if (auth === 'password' || auth === 'ntlm') {
    if (given !== undefined) {
      if (controlChars.test(given)) problem('/password', 'format', 'must not contain control characters');
      password = given;
    } else if (previous?.password_enc != null) {
      const changed = secretBindingChanges(previous, {
        provider: input.provider,
        host,
        port,
        security,
        tls_verify: tlsVerify,
        tls_ca: tlsCa,
        auth,
        username,
        ntlm_domain: ntlm.domain,
      });
      if (changed.length === 0) password = 'keep';
      else
        problem(
          '/password',
          'required',
          `must be given again: the stored password is only used with the server settings it was saved for, and ${changed.join(', ')} changed`,
        );
    } else problem('/password', 'required', `is required with ${auth} authentication`);
  } else if (given !== undefined) {
    problem('/password', 'unexpected', `is not used with ${auth} authentication`);
  }

  const fromAddress = input.fromAddress ?? (isBuiltin ? 'no-reply@herald.localhost' : (username ?? ''));
  const sender = parseMailbox(fromAddress);
  if (!sender.ok) problem('/fromAddress', 'format', sender.ok === false ? `is not a valid address: it ${sender.reason}` : '');
  else if (sender.mailbox.name) problem('/fromAddress', 'format', 'must be a bare address; put the name in fromName');
  const fromName = input.fromName ?? null;
  if (fromName !== null && controlChars.test(fromName)) problem('/fromName', 'format', 'must not contain control characters (CR, LF)');
  let replyTo: string | null = null;
  if (input.replyTo) {
    const parsed = parseMailbox(input.replyTo);
    if (parsed.ok) replyTo = formatMailbox(parsed.mailbox);
    else problem('/replyTo', 'format', `is not a single valid address: it ${parsed.reason}`);
  }
  const api = input.api ?? 'smtp';
  const apiProvider = { smtp: input.provider, graph: 'microsoft365', gmail: 'gmail' }[api];
  if (apiProvider !== input.provider) problem('/api', 'provider', `${api} is only for the ${apiProvider} provider`);
  else if (api !== 'smtp' && auth !== 'oauth2') problem('/api', 'auth', `${api} sends with an OAuth2 token: set auth to oauth2`);
  const smtpDomain = input.smtpDomain ?? null;
  if (smtpDomain !== null && !hostPattern.test(smtpDomain)) problem('/smtpDomain', 'format', 'must be a domain name');

  if (problems.length > 0) {
    throw new AppError(codeFor(problems), problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }

  return {
    provider: input.provider,
    host,
    port,
    security,
    tls_verify: tlsVerify,
    tls_ca: tlsCa,
    auth,
    username,
    password,
    smtp_domain: smtpDomain,
    from_address: sender.ok ? sender.mailbox.address : fromAddress,
    from_name: fromName,
    reply_to: replyTo,
    enabled: input.enabled === false ? 0 : 1,
    apply_to_all_tenants: context.isSystem && (input.applyToAllTenants ?? previous?.apply_to_all_tenants === 1) ? 1 : 0,
    pool_size: input.poolSize ?? (api === 'graph' ? graphConcurrency : 5),
    rate_limit_per_second: input.rateLimitPerSecond ?? null,
    daily_limit: input.dailyLimit ?? null,
    api,
    ntlm_domain: ntlm.domain,
    ntlm_workstation: ntlm.workstation,
  };
}

/** Microsoft Graph allows an app 4 requests at once per mailbox. */
const graphConcurrency = 4;

/** The most specific code for the problems found. */
function codeFor(problems: ErrorDetail[]): ErrorCode {
  const has = (field: string | undefined, rule: string) =>
    problems.some((p) => (field === undefined || p.field === field) && p.rule === rule);
  if (has(undefined, 'system_only')) return 'system_only_field';
  if (has('/password', 'required')) return 'secret_required';
  if (has('/password', 'placeholder')) return 'secret_placeholder';
  return 'validation_failed';
}
