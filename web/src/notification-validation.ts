import { formatDuration, parseDuration } from '../../src/shared/duration.js';
import { parseMailbox } from '../../src/shared/email-address.js';
import { wholeNumber, type Rule } from './validation';

/**
 * The notification-rules API's input rules (src/api/schemas/notifications.ts and
 * src/scopes/recipients.ts), checked as the user types. Addresses use the API's own parser.
 */
export const maxRecipients = 50;

/** An address to add to a recipient list: valid, not already there (case-insensitively), list not full. */
export function newRecipient(value: string, list: readonly string[]): string | undefined {
  if (value.trim() === '') return 'is required';
  const parsed = parseMailbox(value.trim());
  if (!parsed.ok) return `is not a valid address: it ${parsed.reason}`;
  const key = parsed.mailbox.address.toLowerCase();
  if (list.some((item) => addressKey(item) === key)) return `${parsed.mailbox.address} is already in the list`;
  if (list.length >= maxRecipients) return `cannot be added: the list is full (${maxRecipients} of ${maxRecipients})`;
  return undefined;
}

function addressKey(item: string): string {
  const parsed = parseMailbox(item);
  return (parsed.ok ? parsed.mailbox.address : item).toLowerCase();
}

export const percent: Rule = wholeNumber(0, 100);
const duration =
  (min: number, max: number): Rule =>
  (value) => {
    if (value.trim() === '') return 'is required';
    const ms = parseDuration(value, { requireUnit: true });
    if (ms === undefined) return 'must be a duration such as 30m, 12h or 1d (a number needs its unit)';
    return ms >= min && ms <= max ? undefined : `must be from ${formatDuration(min)} to ${formatDuration(max)}`;
  };

/** Repeat interval: the API takes 1 minute to 30 days. */
export const repeatInterval: Rule = duration(60_000, 30 * 86_400_000);
/** Group window: 0 (off) to one day. */
export const groupWindow: Rule = duration(0, 86_400_000);

export const color: Rule = (value) =>
  /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(value) ? undefined : 'must be a colour like #1f6feb or #fff';
export const logoUrl: Rule = (value) => {
  if (value === '') return undefined;
  if (value.length > 2000) return 'must be at most 2000 characters';
  return /^https?:\/\/[^\s"'<>]+$/.test(value) ? undefined : 'must be an http:// or https:// address without spaces or quotes';
};
export const productName: Rule = (value) =>
  value.trim() === '' ? 'is required' : value.length > 100 ? 'must be at most 100 characters' : undefined;
export const footer: Rule = (value) => (value.length > 1000 ? 'must be at most 1000 characters' : undefined);
export const timeOfDay: Rule = (value) =>
  /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value) ? undefined : 'must be a time from 00:00 to 23:59 (UTC)';
