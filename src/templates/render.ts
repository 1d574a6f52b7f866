import { toHeaderText } from '../shared/email-address.js';
import { engines, type Compiled } from './engine.js';
import { wrapInLayout, type LayoutBrand } from './layout.js';
import { renderPlain } from './render-plain.js';

/** What every template sees. Event data is escaped in HTML parts, never in subject or text. */
export interface NotificationContext {
  event: {
    id: string;
    type: string;
    title: string;
    severity: string;
    status: string | null;
    occurredAt: string;
    dedupKey: string | null;
    renotify: boolean;
  };
  data: Record<string, unknown>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  scope: { id: string; name: string };
  brand: LayoutBrand;
  user: { name: string; email: string; locale: string } | null;
  /** The alerts a digest merges (empty otherwise). */
  alerts: Array<{ type: string; title: string; severity: string; status: string; occurredAt: string; data: Record<string, unknown> }>;
}

export interface TemplateSource {
  subject: string;
  html: string;
  /** Omitted: the text part is generated from the HTML. */
  text: string | null;
}

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => htmlEntities[c]!);

// The built-in HTML part, written out rather than in Liquid: every event without its own template
// renders it inside the ingest transaction, and this is several times cheaper. Every value is escaped.
function builtinContent(c: {
  title: string;
  summary: string;
  fields: Array<{ name: string; value: string }>;
  alerts: NotificationContext['alerts'];
  event: NotificationContext['event'];
  scopeName: string;
}): string {
  const parts = [`<p style="font-size: 16px; font-weight: bold; margin: 0 0 12px;">${escapeHtml(c.title)}</p>\n`];
  if (c.summary !== '') parts.push(`<p style="margin: 0 0 12px;">${escapeHtml(c.summary)}</p>\n`);
  if (c.fields.length > 0) {
    parts.push('<table role="presentation" cellpadding="4" cellspacing="0" style="border-collapse: collapse; font-size: 13px;">\n');
    for (const field of c.fields)
      parts.push(
        `<tr><td style="color: #57606a; padding-right: 12px; vertical-align: top;">${escapeHtml(field.name)}</td><td>${escapeHtml(field.value)}</td></tr>\n`,
      );
    parts.push('</table>\n');
  }
  if (c.alerts.length > 0) {
    parts.push('<ul style="padding-left: 18px;">');
    for (const alert of c.alerts)
      parts.push(
        `<li><b>[${escapeHtml(alert.status)}] ${escapeHtml(alert.title)}</b> · ${escapeHtml(alert.severity)} · ${escapeHtml(alert.occurredAt)}</li>`,
      );
    parts.push('</ul>\n');
  }
  const status = c.event.status ? ` · ${escapeHtml(c.event.status)}` : '';
  parts.push(
    `<p style="color: #57606a; font-size: 12px; margin: 16px 0 0;">${escapeHtml(c.event.type)} · ${escapeHtml(c.event.severity)}${status} · ${escapeHtml(c.scopeName)} · ${escapeHtml(c.event.occurredAt)}</p>`,
  );
  return parts.join('');
}

const summaryCache = new Map<string, Compiled>();

/** The built-in default: subject and text as before templates existed, and a branded HTML part. It never throws on data. */
export function renderBuiltin(
  type: { id: string; title: string; summary: string },
  context: NotificationContext,
  occurredAt: number,
): Rendered {
  const summary = type.summary === '' ? '' : renderSummary(type.summary, context);
  const plain = renderPlain({
    type: type.id,
    typeTitle: type.title,
    severity: context.event.severity,
    status: context.event.status ?? undefined,
    scopeName: context.scope.name,
    data: context.data,
    occurredAt,
    summary,
  });
  const fields = Object.entries(context.data)
    .filter(([name]) => name !== 'title' && !(name === 'alerts' && context.alerts.length > 0))
    .map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }));
  const content = builtinContent({
    title: plain.title,
    summary,
    fields,
    alerts: context.alerts,
    event: context.event,
    scopeName: context.scope.name,
  });
  const subject =
    context.alerts.length > 0
      ? toHeaderText(`[digest] ${context.alerts.length} alerts: ${plain.title} — ${context.scope.name}`).slice(0, 250)
      : plain.subject;
  return { subject, html: wrapInLayout(context.brand, content), text: plain.text };
}

/**
 * A type's summary, parsed once. One that fails (a limit, a type registered before summaries were
 * checked) is left out: the built-in email never fails.
 */
function renderSummary(source: string, context: NotificationContext): string {
  try {
    let compiled = summaryCache.get(source);
    if (!compiled) {
      compiled = engines.plainLenient.parse(source);
      summaryCache.set(source, compiled);
    }
    return engines.plainLenient.renderSync(compiled, context) as string;
  } catch {
    return '';
  }
}
