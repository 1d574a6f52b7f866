// What the benchmarks send: an event, and the same email through nodemailer directly for the
// baseline (Herald's built-in rendering: subject, text and the branded HTML part), so both pay for
// the same MIME body.
import type Mail from 'nodemailer/lib/mailer';
import { defaultSettings } from '../src/notifications/settings.js';
import { renderBuiltin } from '../src/templates/render.js';

export const fromAddress = 'herald@bench.example.test';
export const fromName = 'Herald Bench';
export const messageIdDomain = 'bench.herald.test';

export function eventBody(index: number, tenant?: string) {
  return {
    type: 'bench.notice',
    severity: 'info',
    ...(tenant ? { tenant } : {}),
    recipients: [`user${index}@example.test`],
    data: { title: `Bench notice ${index}`, host: 'bench-host-01', value: index },
  };
}

/** The email Herald sends for eventBody(index). */
export function rawMail(index: number, runId: string): Mail.Options {
  const occurredAt = Date.now();
  const rendered = renderBuiltin(
    { id: 'bench.notice', title: 'Bench notice', summary: '' },
    {
      event: {
        id: `raw_${index}`,
        type: 'bench.notice',
        title: 'Bench notice',
        severity: 'info',
        status: null,
        occurredAt: new Date(occurredAt).toISOString(),
        dedupKey: null,
        renotify: false,
      },
      data: { title: `Bench notice ${index}`, host: 'bench-host-01', value: index },
      labels: {},
      annotations: {},
      scope: { id: 'system', name: 'System' },
      brand: defaultSettings.branding,
      user: null,
      alerts: [],
    },
    occurredAt,
  );
  const to = `user${index}@example.test`;
  return {
    from: { name: fromName, address: fromAddress },
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: `<raw_${runId}${String(index).padStart(8, '0')}@${messageIdDomain}>`,
    envelope: { from: fromAddress, to: [to] },
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Herald-Message': `raw_${runId}${index}` },
  };
}
