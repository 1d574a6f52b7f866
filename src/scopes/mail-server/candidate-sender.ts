import { isIP } from 'node:net';
import type { ErrorDetail } from '../../shared/app-error.js';
import { parseMailbox } from '../../shared/email-address.js';
import type { MailServerSettingsRow } from '../../store/schema.js';

type Sender = Pick<MailServerSettingsRow, 'from_address' | 'from_name'>;
type Candidate = Sender & Pick<MailServerSettingsRow, 'provider' | 'host' | 'username'>;

const domainOf = (address: string | null | undefined): string | undefined => {
  const parsed = address ? parseMailbox(address) : undefined;
  return parsed?.ok ? parsed.mailbox.address.slice(parsed.mailbox.address.lastIndexOf('@') + 1) : undefined;
};

/**
 * The domains a candidate mail server may send as: the username's domain when the username is an
 * address (the mailbox the server authenticates), and for generic SMTP the parent domain of its
 * host name when that still has two labels or more (`smtp.acme.example` → `acme.example`; an IP
 * address or `mail.example` gives none).
 */
export function serverDomains(candidate: Pick<Candidate, 'provider' | 'host' | 'username'>): string[] {
  const domains = [domainOf(candidate.username)];
  const host = candidate.host?.toLowerCase().replace(/\.$/, '');
  if (candidate.provider === 'smtp' && host && isIP(host) === 0) {
    const parent = host.slice(host.indexOf('.') + 1);
    if (host.includes('.') && parent.includes('.')) domains.push(parent);
  }
  return [...new Set(domains.filter((domain): domain is string => domain !== undefined))];
}

/**
 * What is wrong with the sender of candidate settings under test, so "send test email" cannot be
 * used to send as anyone through the scope's credentials: the From address may leave the saved
 * sender only for a caller who may change the settings, and only within the saved sender's domain
 * or the server's (`serverDomains`; subdomains included); the From name may change only for such a
 * caller. The built-in mailbox keeps mail inside Herald, so it is not restricted.
 *
 * @example
 * declare const saved: MailServerSettingsRow; declare const candidate: MailServerSettingsRow;
 * candidateSenderProblems(saved, { ...candidate, from_address: 'ceo@bank.example' }, true) // [{ field: '/settings/fromAddress', rule: 'sender_domain', … }]
 */
export function candidateSenderProblems(saved: Sender | undefined, candidate: Candidate, mayWriteSettings: boolean): ErrorDetail[] {
  if (candidate.provider === 'builtin') return [];
  const problems: ErrorDetail[] = [];
  if (candidate.from_address.toLowerCase() !== saved?.from_address.toLowerCase()) {
    const allowed = [domainOf(saved?.from_address), ...serverDomains(candidate)].filter((domain): domain is string => domain !== undefined);
    const domain = domainOf(candidate.from_address) ?? '';
    if (!mayWriteSettings) {
      problems.push({
        field: '/settings/fromAddress',
        rule: 'permission',
        message: 'may differ from the saved sender only for callers who may change the settings (settings:write)',
      });
    } else if (!allowed.some((ok) => domain === ok || domain.endsWith(`.${ok}`))) {
      const where =
        allowed.length > 0 ? `: ${allowed.join(', ')}` : ' (there is none here: give a username that is an address, or a host name)';
      problems.push({
        field: '/settings/fromAddress',
        rule: 'sender_domain',
        message: `must be in the saved sender's domain or the mail server's domain${where}`,
      });
    }
  }
  if ((candidate.from_name ?? null) !== (saved?.from_name ?? null) && !mayWriteSettings) {
    problems.push({
      field: '/settings/fromName',
      rule: 'permission',
      message: 'may differ from the saved display name only for callers who may change the settings (settings:write)',
    });
  }
  return problems;
}
