import { toHeaderText } from '../shared/email-address.js';

export interface RenderInput {
  type: string;
  /** The catalogue title, used when the data names none. */
  typeTitle?: string;
  severity: string;
  /** `resolved` for an alert's all-clear; anything else renders as a notice. */
  status?: string;
  scopeName: string;
  /** One line under the title (the catalogue's summary, rendered). */
  summary?: string;
  data: Record<string, unknown>;
  occurredAt: number;
}

/**
 * The built-in subject and text: a title from the data (`title` or `summary`) or the type, then
 * each data field on its own line.
 *
 * @example renderPlain({ type: 'disk.threshold', severity: 'warning', scopeName: 'Acme', data: { usage: 93 }, occurredAt: 0 }).subject
 * // '[warning] Disk threshold — Acme'
 */
export function renderPlain(input: RenderInput): { subject: string; text: string; title: string } {
  const title = stringField(input.data.title) ?? stringField(input.data.summary) ?? input.typeTitle ?? humanize(input.type);
  const prefix = input.status === 'resolved' ? 'resolved' : input.severity;
  const subject = toHeaderText(`[${prefix}] ${title} — ${input.scopeName}`).slice(0, 250);
  const lines = [
    title,
    '',
    ...(input.summary ? [input.summary, ''] : []),
    `Event:    ${input.type}`,
    `Severity: ${input.severity}`,
    ...(input.status ? [`Status:   ${input.status}`] : []),
    `Scope:    ${input.scopeName}`,
    `Time:     ${new Date(input.occurredAt).toISOString()}`,
  ];
  const fields = Object.entries(input.data).filter(([key]) => key !== 'title');
  if (fields.length > 0)
    lines.push('', ...fields.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`));
  lines.push('', '-- ', 'Sent by Herald system notifications.');
  return { subject, text: lines.join('\n'), title };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function humanize(type: string): string {
  const words = type.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
