import type { Kysely } from 'kysely';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppError, fieldError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { parseMailbox } from '../shared/email-address.js';
import { newId } from '../shared/ids.js';
import { currentSettings, normalizeSettings, resolveEffectiveSettings, systemScopeId, type MailHostGuard, type MailServerSettingsInput, type SettingsSecrets } from '../scopes/index.js';
import type { Database, MailServerSettingsRow } from '../store/schema.js';
import { probeSmtp, type ProbeResult } from './smtp/smtp-probe.js';
import { smtpServerOptions } from './transports/transport-cache.js';
import { createMailboxTransport } from './transports/mailbox-transport.js';

export interface MailServerTestDeps {
  db: Kysely<Database>;
  /** Opens saved passwords: one that does not open is reported (audited) once and refused. */
  secrets: Pick<SettingsSecrets, 'password'>;
  clock: Clock;
  timeoutMs: number;
  messageIdDomain: string;
  /** The SSRF guard: a tenant's server is checked before the probe connects. */
  hosts: Pick<MailHostGuard, 'connectAddress'>;
}

export interface MailServerTestResult extends ProbeResult {
  provider: MailServerSettingsRow['provider'];
  settingsSource: 'saved' | 'candidate';
  messageId?: string;
}

/**
 * "Send test email" (with `to`) and "Verify connection" (without): runs synchronously against the
 * scope's saved effective settings or against unsaved candidate settings, and returns the
 * step-by-step transcript. SMTP failures are results, not errors.
 *
 * @example await testMailServer(deps, 'system', { to: 'ops@example.com' })
 */
export async function testMailServer(
  deps: MailServerTestDeps,
  scopeId: string,
  request: { to?: string; candidate?: MailServerSettingsInput },
): Promise<MailServerTestResult> {
  const to = request.to === undefined ? undefined : parseMailbox(request.to);
  if (to && !to.ok) throw fieldError('/to', 'format', `is not a valid address: it ${to.reason}`, 'invalid_address');
  const { row, password, source } = await settingsUnderTest(deps, scopeId, request.candidate);
  const messageId = `<${newId('tst')}@${deps.messageIdDomain}>`;
  const subject = 'Herald test email';
  const text = `This is a test email from Herald for ${scopeId === systemScopeId ? 'the system' : `tenant ${scopeId}`}.\nIf you can read it, the mail server settings work.`;

  if (row.provider === 'builtin') {
    if (to?.ok) {
      const mailbox = createMailboxTransport(deps.db, deps.clock);
      await mailbox.send({ id: newId('tst'), scopeId, from: { address: row.from_address, name: row.from_name ?? undefined }, to: to.mailbox, subject, text, messageId });
    }
    return { ok: true, provider: row.provider, settingsSource: source, steps: [], ...(to?.ok ? { messageId } : {}) };
  }
  if (row.auth === 'oauth2') {
    return {
      ok: false, provider: row.provider, settingsSource: source, steps: [],
      failure: { kind: 'permanent', stage: 'auth', replyCode: null, enhancedCode: null, reply: null, errorCode: 'EOAUTH2', message: 'OAuth2 has not been authorized for this mail server yet.', hint: 'Complete the OAuth2 authorization, or use password authentication with an app password.' },
    };
  }
  const server = smtpServerOptions(row, password, deps.timeoutMs);
  let mail;
  if (to?.ok) {
    const raw = await new MailComposer({
      from: { name: row.from_name ?? '', address: row.from_address }, to: to.mailbox.name ? { name: to.mailbox.name, address: to.mailbox.address } : to.mailbox.address,
      replyTo: row.reply_to ?? undefined, subject, text, messageId, headers: { 'Auto-Submitted': 'auto-generated' },
    }).compile().build();
    mail = { from: row.from_address, to: to.mailbox.address, raw };
  }
  let address: string;
  try {
    address = await deps.hosts.connectAddress(row.scope_id, server.host, server.port);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'host_not_allowed') throw error;
    // The same answer whatever is listening there: the probe never connects.
    return {
      ok: false, provider: row.provider, settingsSource: source, steps: [],
      failure: { kind: 'permanent', stage: 'connect', replyCode: null, enhancedCode: null, reply: null, errorCode: 'host_not_allowed', message: error.message },
    };
  }
  const result = await probeSmtp({ ...server, address }, mail);
  return { ...result, provider: row.provider, settingsSource: source, ...(to?.ok && result.ok ? { messageId } : {}) };
}

async function settingsUnderTest(deps: MailServerTestDeps, scopeId: string, candidate: MailServerSettingsInput | undefined) {
  if (candidate) {
    const previous = await currentSettings(deps.db, scopeId);
    const normalized = normalizeSettings(candidate, { isSystem: scopeId === systemScopeId, previous });
    const { password, ...fields } = normalized;
    const row: MailServerSettingsRow = { ...fields, scope_id: scopeId, version: 0, password_enc: null, created_at: deps.clock.now() };
    const plain = password === 'keep' ? (previous ? deps.secrets.password(previous) : null) : password;
    return { row, password: plain, source: 'candidate' as const };
  }
  const effective = await resolveEffectiveSettings(deps.db, scopeId);
  if (effective.settings === null) throw new AppError('no_effective_mail_server', effective.reason);
  return { row: effective.settings, password: deps.secrets.password(effective.settings), source: 'saved' as const };
}
