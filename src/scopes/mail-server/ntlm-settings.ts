import type { MailServerSettingsInput } from './mail-server-settings.js';
import { isWindowsDomain, netbiosPattern } from './domain-names.js';

type Problem = (field: string, rule: string, message: string) => void;

/**
 * The NTLM fields of a settings write, checked: with auth `ntlm` (the smtp provider only) the
 * account's Windows domain is required and the workstation optional; with any other auth mode
 * neither may be given. Problems go to `problem`; the values to store are returned.
 *
 * @example
 * const fields: string[] = [];
 * ntlmSettings({ provider: 'smtp', domain: 'CORP' }, 'ntlm', (field) => fields.push(field)) // { domain: 'CORP', workstation: null }
 */
export function ntlmSettings(
  input: Pick<MailServerSettingsInput, 'provider' | 'domain' | 'workstation' | 'username'>,
  auth: string,
  problem: Problem,
): { domain: string | null; workstation: string | null } {
  const domain = input.domain || null;
  const workstation = input.workstation || null;
  if (auth !== 'ntlm') {
    if (domain !== null) problem('/domain', 'unexpected', `is only used with ntlm authentication, not ${auth}`);
    if (workstation !== null) problem('/workstation', 'unexpected', `is only used with ntlm authentication, not ${auth}`);
    return { domain: null, workstation: null };
  }
  if (input.provider !== 'smtp')
    problem('/auth', 'provider', 'ntlm is only for the smtp provider (an on-premises Exchange or another server offering AUTH NTLM)');
  if (domain === null)
    problem(
      '/domain',
      'required',
      "is required with ntlm authentication: the account's Windows domain, its NetBIOS name (CORP) or DNS name (corp.example.com)",
    );
  else if (!isWindowsDomain(domain))
    problem(
      '/domain',
      'format',
      'must be a NetBIOS domain name (letters, digits and hyphens, at most 15 characters, such as CORP) or a DNS domain name (such as corp.example.com)',
    );
  if (workstation !== null && !netbiosPattern.test(workstation))
    problem('/workstation', 'format', 'must be a NetBIOS computer name: letters, digits and hyphens, at most 15 characters');
  if (input.username?.includes('\\'))
    problem('/username', 'format', 'must be the account name alone with ntlm authentication: put the domain in domain');
  return { domain, workstation };
}
