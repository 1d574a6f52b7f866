import { domainToASCII } from 'node:url';

/** A single mailbox, parsed strictly: a bare address and an optional display name. */
export interface Mailbox {
  /** `local@domain`, with the domain in ASCII (IDNs converted to punycode). */
  address: string;
  name?: string;
}

export type AddressResult = { ok: true; mailbox: Mailbox } | { ok: false; reason: string };

// RFC 5322 atext, ASCII only: non-ASCII local parts need SMTPUTF8, which most relays refuse.
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const dnsLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f]/;
const phraseSpecials = /[<>@,;:"\\()[\]]/;
// RFC 2047 encoded word: =?charset?B|Q?text?=
const encodedWord = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
const addressLike = /[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+/;

/**
 * Parses exactly one mailbox (`a@b.example` or `Name <a@b.example>`). Groups, lists, comments,
 * quoted local parts, domain literals and any control character (CR and LF above all) are refused,
 * so the result can be placed in a header without further escaping of its structure. So is what
 * hides another address or route: RFC 2047 encoded words in the local part, a display name that
 * shows an address (as typed, or once its encoded words are decoded), `%` routing in the local
 * part and IP addresses as the domain.
 *
 * @example parseMailbox('Équipe Ops <ops@example.com>') // { ok: true, mailbox: { address: 'ops@example.com', name: 'Équipe Ops' } }
 */
export function parseMailbox(input: string): AddressResult {
  if (controlChars.test(input)) return fail('contains a control character (CR, LF or similar)');
  const text = input.trim();
  if (text === '') return fail('is empty');
  const angle = text.lastIndexOf('<');
  if (angle === -1) {
    if (/[\s<>]/.test(text)) return fail('has spaces; use "Name <address>"');
    return parseAddress(text);
  }
  if (!text.endsWith('>')) return fail('has text after the closing ">"');
  const name = parseDisplayName(text.slice(0, angle).trim());
  if (!name.ok) return name;
  const parsed = parseAddress(text.slice(angle + 1, -1).trim());
  if (!parsed.ok) return parsed;
  return name.value === '' ? parsed : { ok: true, mailbox: { ...parsed.mailbox, name: name.value } };
}

function parseDisplayName(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"')) return fail('has an unterminated quoted display name');
    const inner = raw.slice(1, -1);
    if (/(^|[^\\])"/.test(inner)) return fail('has text outside the quoted display name');
    return checkedName(inner.replace(/\\(.)/g, '$1'));
  }
  if (phraseSpecials.test(raw)) return fail('has a display name with special characters; quote it');
  return checkedName(raw.replace(/\s+/g, ' '));
}

/** A display name that reads as an address (a spoofing classic) is refused, encoded or not. */
function checkedName(value: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (addressLike.test(value) || addressLike.test(decodeEncodedWords(value))) return fail('has a display name that shows an email address');
  return { ok: true, value };
}

/**
 * The text RFC 2047 encoded words stand for (as a mail client would show it); an undecodable word
 * stays as it is. Browser-safe (the console checks addresses with this module too).
 */
function decodeEncodedWords(text: string): string {
  return text.replace(encodedWord, (word, _charset: string, encoding: string, body: string) => {
    try {
      const binary =
        encoding.toUpperCase() === 'B'
          ? atob(body)
          : body.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    } catch {
      return word;
    }
  });
}

function parseAddress(raw: string): AddressResult {
  if (raw.length > 254) return fail('is longer than 254 characters');
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1) return fail('must look like name@domain');
  const local = raw.slice(0, at);
  if (local.startsWith('"')) return fail('has a quoted local part, which is not accepted');
  if (local.length > 64 || !localPart.test(local)) return fail('has an invalid local part (before "@")');
  if (new RegExp(encodedWord.source).test(local)) return fail('has an encoded word (=?…?=) in the local part');
  if (local.includes('%')) return fail('has "%" routing in the local part, which is not accepted');
  const domain = raw.slice(at + 1);
  if (domain.startsWith('[')) return fail('uses an address literal as domain, which is not accepted');
  const ascii = domainToASCII(domain.toLowerCase());
  const labels = ascii.split('.');
  if (ascii === '' || labels.length < 2 || !labels.every((label) => dnsLabel.test(label))) {
    return fail('has an invalid domain (after "@")');
  }
  // No top-level domain is numeric: an all-numeric last label is an IP address.
  if (/^[0-9]+$/.test(labels.at(-1)!)) return fail('uses an IP address as domain, which is not accepted');
  return { ok: true, mailbox: { address: `${local}@${ascii}` } };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Formats a mailbox for a header; the name is quoted and escaped, never interpreted. */
export function formatMailbox(mailbox: Mailbox): string {
  if (!mailbox.name) return mailbox.address;
  return `"${mailbox.name.replace(/["\\]/g, '\\$&')}" <${mailbox.address}>`;
}

/** Replaces every control character, CR and LF included, so text can never start a new header. */
export function toHeaderText(value: string): string {
  return value.replace(new RegExp(`${controlChars.source}+`, 'g'), ' ').trim();
}
