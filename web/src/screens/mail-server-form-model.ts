import type { AuthMode, MailServerSettings, Provider, Security } from '../api/types';
import { readPemCertificates } from '../pem';
import {
  bareAddress,
  headerText,
  host,
  mailbox,
  netbiosName,
  port,
  required,
  validate,
  wholeNumber,
  windowsDomain,
  type Rule,
} from '../validation';

/** The mail-server form's values, as typed (text fields are strings). */
export interface FormValues {
  provider: Provider;
  host: string;
  port: string;
  security: Security;
  auth: AuthMode;
  username: string;
  password: string;
  /** With NTLM: the account's Windows domain. */
  domain: string;
  /** With NTLM: the workstation name to announce (optional). */
  workstation: string;
  fromAddress: string;
  fromName: string;
  replyTo: string;
  smtpDomain: string;
  allowInvalidCertificate: boolean;
  /** PEM of a CA to trust for this server (empty: the usual public CAs). */
  tlsCa: string;
  /** Connections at once (1–50). */
  poolSize: string;
  /** Messages per second at most; empty for no limit. */
  rateLimit: string;
  /** Messages a day from the mailbox; empty for the provider's default, 0 for no cap. */
  dailyLimit: string;
  enabled: boolean;
  applyToAllTenants: boolean;
}

export const providerOptions = [
  { value: 'smtp', label: 'Generic SMTP' },
  { value: 'gmail', label: 'Gmail' },
  { value: 'microsoft365', label: 'Microsoft 365' },
  { value: 'builtin', label: 'Built-in mailbox (no real delivery)' },
] as const;

export const securityOptions = [
  { value: 'starttls', label: 'STARTTLS (port 587)' },
  { value: 'tls', label: 'TLS from the start (port 465)' },
  { value: 'none', label: 'None — plain text (port 25)' },
] as const;

export const defaultPorts: Record<Security, number> = { none: 25, starttls: 587, tls: 465 };

/** The hosted providers' fixed servers (as the API fills them in). */
export const hostedServers: Partial<Record<Provider, string>> = {
  gmail: 'smtp.gmail.com:587 (STARTTLS)',
  microsoft365: 'smtp.office365.com:587 (STARTTLS)',
};

export function valuesFrom(saved: MailServerSettings | null): FormValues {
  return {
    provider: saved?.provider ?? 'smtp',
    host: saved?.host ?? '',
    port: saved?.port === null || saved?.port === undefined ? '587' : String(saved.port),
    security: saved?.security ?? 'starttls',
    auth: saved?.auth ?? 'password',
    username: saved?.username ?? '',
    password: '',
    domain: saved?.domain ?? '',
    workstation: saved?.workstation ?? '',
    fromAddress: saved?.fromAddress ?? '',
    fromName: saved?.fromName ?? '',
    replyTo: saved?.replyTo ?? '',
    smtpDomain: saved?.smtpDomain ?? '',
    allowInvalidCertificate: saved?.allowInvalidCertificate ?? false,
    tlsCa: saved?.tlsCa ?? '',
    poolSize: String(saved?.poolSize ?? 5),
    rateLimit: saved?.rateLimitPerSecond === null || saved?.rateLimitPerSecond === undefined ? '' : String(saved.rateLimitPerSecond),
    dailyLimit: saved?.dailyLimit === null || saved?.dailyLimit === undefined ? '' : String(saved.dailyLimit),
    enabled: saved?.enabled ?? true,
    applyToAllTenants: saved?.applyToAllTenants ?? false,
  };
}

/**
 * The values after choosing another provider: the saved settings when it is the saved provider,
 * else that provider's defaults (STARTTLS on 587, a password, the sender from the username), so
 * nothing of the previous provider (its port, security or sender) is carried over. The display
 * name, reply-to and the switches stay as they are.
 */
export function switchProvider(values: FormValues, provider: Provider, saved: MailServerSettings | null): FormValues {
  const fresh = saved?.provider === provider ? valuesFrom(saved) : { ...valuesFrom(null), provider };
  return {
    ...fresh,
    fromName: values.fromName,
    replyTo: values.replyTo,
    enabled: values.enabled,
    applyToAllTenants: values.applyToAllTenants,
  };
}

/** The same rules the API applies (normalize-settings.ts), for the fields this provider shows. */
export function problemsOf(values: FormValues, saved: MailServerSettings | null): Partial<Record<keyof FormValues, string>> {
  const isBuiltin = values.provider === 'builtin';
  const isSmtp = values.provider === 'smtp';
  const usesLogin = !isBuiltin && values.auth !== 'none';
  const isNtlm = isSmtp && values.auth === 'ntlm';
  // Whether a stored password may be kept is the API's call (the settings it is bound to); it
  // answers secret_required on this field, saying what changed.
  const passwordNeeded = (values.auth === 'password' || isNtlm) && !isBuiltin && values.password === '' && !saved?.passwordSet;
  const rules: Partial<Record<keyof FormValues, Rule[]>> = {
    host: isSmtp ? [host] : [],
    port: isSmtp ? [port] : [],
    username: usesLogin ? [required, headerText] : [],
    password: passwordNeeded ? [() => `is required with ${isNtlm ? 'NTLM' : 'password'} authentication`] : [headerText],
    domain: isNtlm ? [windowsDomain] : [],
    workstation: isNtlm ? [netbiosName] : [],
    // Empty takes the username (whose own rule says when it is missing; an NTLM account name is no address) or the built-in sender.
    fromAddress: values.fromAddress === '' && (isBuiltin || (usesLogin && !isNtlm)) ? [] : [bareAddress],
    fromName: [headerText],
    replyTo: [mailbox(true)],
    tlsCa: isSmtp && values.tlsCa.trim() !== '' ? [(pem) => readPemCertificates(pem).problem] : [],
    poolSize: isBuiltin ? [] : [wholeNumber(1, 50)],
    rateLimit: isBuiltin || values.rateLimit.trim() === '' ? [] : [wholeNumber(1, 100_000)],
    dailyLimit: isBuiltin || values.dailyLimit.trim() === '' ? [] : [wholeNumber(0, 10_000_000)],
  };
  return validate(values as unknown as Record<keyof FormValues, string>, rules);
}

/** The API body for these values: only this provider's fields; the password only when typed. */
export function inputFrom(values: FormValues, isSystem: boolean): Record<string, unknown> {
  const common = {
    provider: values.provider,
    fromName: values.fromName || null,
    replyTo: values.replyTo || null,
    enabled: values.enabled,
    ...(values.fromAddress ? { fromAddress: values.fromAddress } : {}),
    ...(isSystem ? { applyToAllTenants: values.applyToAllTenants } : {}),
  };
  if (values.provider === 'builtin') return common;
  const login =
    values.auth === 'none'
      ? { auth: 'none' }
      : { auth: values.auth, username: values.username, ...(values.password ? { password: values.password } : {}) };
  const ntlm = values.auth === 'ntlm' ? { domain: values.domain.trim(), workstation: values.workstation.trim() || null } : {};
  const throughput = {
    poolSize: Number(values.poolSize),
    rateLimitPerSecond: values.rateLimit.trim() === '' ? null : Number(values.rateLimit),
    dailyLimit: values.dailyLimit.trim() === '' ? null : Number(values.dailyLimit),
  };
  if (values.provider !== 'smtp') return { ...common, ...login, ...throughput };
  return {
    ...common,
    ...login,
    ...ntlm,
    ...throughput,
    host: values.host.trim(),
    security: values.security,
    ...(values.port ? { port: Number(values.port) } : {}),
    allowInvalidCertificate: values.allowInvalidCertificate,
    tlsCa: values.tlsCa.trim() || null,
    smtpDomain: values.smtpDomain || null,
  };
}
