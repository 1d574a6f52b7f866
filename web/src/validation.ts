import { parseMailbox } from '../../src/shared/email-address.js';

/**
 * The API's input rules, checked as the user types so most refusals never need a round trip.
 * Addresses use the very parser the API uses (src/shared/email-address.ts).
 */
// The host, NTLM domain and tenant-id rules mirror normalize-settings.ts, domain-names.ts and the TypeBox schemas.
const netbiosPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,13}[A-Za-z0-9])?$/;
const hostPattern = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;
export const tenantIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** undefined when valid, else what is wrong ("is required", "is not a valid address: …"). */
export type Rule = (value: string) => string | undefined;

export const required: Rule = (value) => (value.trim() === '' ? 'is required' : undefined);

export const wholeNumber =
  (min: number, max: number): Rule =>
  (value) => {
    if (value.trim() === '') return 'is required';
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? undefined : `must be a whole number from ${min} to ${max}`;
  };

export const host: Rule = (value) => {
  if (value.trim() === '') return 'is required for an SMTP server';
  return hostPattern.test(value) || ipv4.test(value) || value.includes(':') ? undefined : 'must be a host name or an IP address';
};

export const port: Rule = (value) => {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? undefined : 'must be a whole number from 1 to 65535';
};

/** The Windows domain of an NTLM account: NetBIOS (CORP) or DNS (corp.example.com). */
export const windowsDomain: Rule = (value) => {
  if (value.trim() === '') return 'is required with NTLM: the NetBIOS (CORP) or DNS (corp.example.com) name of the domain';
  const dns = value.includes('.') && !value.endsWith('.') && hostPattern.test(value);
  return netbiosPattern.test(value) || dns
    ? undefined
    : 'must be a NetBIOS name (letters, digits and hyphens, at most 15 characters, such as CORP) or a DNS name (such as corp.example.com)';
};

/** A NetBIOS computer name (the NTLM workstation); empty is allowed. */
export const netbiosName: Rule = (value) =>
  value === '' || netbiosPattern.test(value) ? undefined : 'must be letters, digits and hyphens, at most 15 characters';

/** A bare address (the sender): `ops@example.com`, no display name. */
export const bareAddress: Rule = (value) => {
  const parsed = parseMailbox(value);
  if (!parsed.ok) return `is not a valid address: it ${parsed.reason}`;
  return parsed.mailbox.name ? 'must be a bare address; put the name in Display name' : undefined;
};

/** One mailbox, with or without a display name; empty is allowed when optional. */
export const mailbox =
  (optional: boolean): Rule =>
  (value) => {
    if (optional && value.trim() === '') return undefined;
    const parsed = parseMailbox(value);
    return parsed.ok ? undefined : `is not a valid address: it ${parsed.reason}`;
  };

export const headerText: Rule = (value) => (controlChars.test(value) ? 'must not contain control characters (CR, LF)' : undefined);

export const tenantName: Rule = (value) => {
  if (value.trim() === '') return 'is required';
  if (value.length > 200) return 'must be at most 200 characters';
  return headerText(value);
};

export const tenantId: Rule = (value) =>
  value === '' || tenantIdPattern.test(value)
    ? value === 'system'
      ? 'is reserved'
      : undefined
    : 'must start with a letter or digit and use only letters, digits, _ . - (at most 64)';

/** Runs each field's rules; returns the first problem per field. */
export function validate<K extends string>(values: Record<K, string>, rules: Partial<Record<K, Rule[]>>): Partial<Record<K, string>> {
  const problems: Partial<Record<K, string>> = {};
  for (const key of Object.keys(rules) as K[]) {
    for (const rule of rules[key] ?? []) {
      const problem = rule(values[key] ?? '');
      if (problem) {
        problems[key] = problem;
        break;
      }
    }
  }
  return problems;
}

// The account rules mirror src/accounts/passwords.ts and src/api/schemas/accounts.ts.
export const passwordRules = { minLength: 12, maxLength: 256 } as const;
const localePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A new password: the length rule, the only one Herald (after NIST) asks for. */
export const newPassword: Rule = (value) => {
  if (value.length < passwordRules.minLength) return `must be at least ${passwordRules.minLength} characters`;
  return value.length > passwordRules.maxLength ? `must be at most ${passwordRules.maxLength} characters` : undefined;
};

/** An account's e-mail: one bare address. */
export const accountEmail: Rule = (value) => (value.trim() === '' ? 'is required' : bareAddress(value.trim()));

export const personName: Rule = tenantName;

export const locale: Rule = (value) =>
  value === '' || (localePattern.test(value) && value.length <= 35) ? undefined : 'must be a language tag such as en or pt-BR';
