import type { Kysely } from 'kysely';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AppError, fieldError } from '../../shared/app-error.js';
import type { Clock } from '../../shared/clock.js';
import { parseMailbox } from '../../shared/email-address.js';
import { newId } from '../../shared/ids.js';
import {
  candidateSettings,
  resolveEffectiveSettings,
  systemScopeId,
  type CandidateSettings,
  type MailHostGuard,
  type MailServer,
  type MailServerSettingsInput,
  type Provider,
  type SettingsSecrets,
} from '../../scopes/index.js';
import type { Database } from '../../store/schema.js';
import type { AccessTokenSource } from '../../oauth/index.js';
import { smtpServerOptions } from '../smtp/smtp-options.js';
import { createMailboxTransport } from '../sending/transports/mailbox-transport.js';
import { probeSmtp, type ProbeResult } from './smtp-probe.js';
import { connectFailed, failedBeforeGreeting, outcomesOnly } from './probe-disclosure.js';

export interface MailServerTestDeps {
  db: Kysely<Database>;
  /** Opens saved passwords: one that does not open is reported (audited) once and refused. */
  secrets: Pick<SettingsSecrets, 'password'>;
  clock: Clock;
  timeoutMs: number;
  messageIdDomain: string;
  /** The SSRF guard: a tenant's server is checked before the probe connects. */
  hosts: Pick<MailHostGuard, 'connectAddress'>;
  /** OAuth2 access tokens (src/oauth's token service), for a connected XOAUTH2 server. */
  tokens?: { source(scopeId: string): AccessTokenSource; seen(scopeId: string, version: number): void };
}

/** What the caller may do and see; the CLI (an operator) may do and see everything. */
export interface TestCaller {
  /** May change the settings (settings:write): then candidate settings may change the sender within the allowed domains. */
  mayWriteSettings: boolean;
  /** May see the transcript of settings inherited from another scope (a system caller), not only its outcomes. */
  seesInheritedDetails: boolean;
}

export interface MailServerTestResult extends ProbeResult {
  provider: Provider;
  settingsSource: 'saved' | 'candidate';
  messageId?: string;
}

/** Which settings to test and who asks; without `candidate`, the scope's saved effective settings. */
export interface MailServerTestOptions {
  candidate?: MailServerSettingsInput;
  caller?: TestCaller;
}

/**
 * "Send test email" and "Verify connection", run synchronously against the scope's saved effective
 * settings or against unsaved candidate settings, returning the step-by-step transcript. SMTP
 * failures are results, not errors. What the transcript may show depends on the caller: inherited
 * settings show only outcomes to a tenant's caller, and a server other than the saved one that
 * never greeted gives one generic `connect_failed` answer.
 *
 * @example await mailServerTests.testEmail('system', 'ops@example.com')
 */
export interface MailServerTests {
  /** Sends a test email to `to`. */
  testEmail(scopeId: string, to: string, options?: MailServerTestOptions): Promise<MailServerTestResult>;
  /** Connects and authenticates, then quits without sending. */
  verify(scopeId: string, options?: MailServerTestOptions): Promise<MailServerTestResult>;
}

export function createMailServerTests(deps: MailServerTestDeps): MailServerTests {
  return {
    testEmail: (scopeId, to, options = {}) => testMailServer(deps, scopeId, { ...options, to }),
    verify: (scopeId, options = {}) => testMailServer(deps, scopeId, options),
  };
}

/** The server under test, the password to use (in plain text, in memory only), and the candidate settings if any. */
interface UnderTest {
  server: MailServer;
  password: string | null;
  source: MailServerTestResult['settingsSource'];
  candidate?: CandidateSettings;
}

async function testMailServer(
  deps: MailServerTestDeps,
  scopeId: string,
  request: MailServerTestOptions & { to?: string },
): Promise<MailServerTestResult> {
  const to = request.to === undefined ? undefined : parseMailbox(request.to);
  if (to && !to.ok) throw fieldError('/to', 'format', `is not a valid address: it ${to.reason}`, 'invalid_address');
  const caller = request.caller ?? { mayWriteSettings: true, seesInheritedDetails: true };
  const { server, password, source, candidate } = await settingsUnderTest(deps, scopeId, request.candidate);
  const messageId = `<${newId('tst')}@${deps.messageIdDomain}>`;
  const subject = 'Herald test email';
  const text = `This is a test email from Herald for ${scopeId === systemScopeId ? 'the system' : `tenant ${scopeId}`}.\nIf you can read it, the mail server settings work.`;
  const { from, replyTo } = server.sender;

  if (server.provider === 'builtin') {
    if (to?.ok) {
      const mailbox = createMailboxTransport(deps.db, deps.clock);
      await mailbox.send({ id: newId('tst'), scopeId, from, to: to.mailbox, subject, text, messageId });
    }
    return { ok: true, provider: server.provider, settingsSource: source, steps: [], ...(to?.ok ? { messageId } : {}) };
  }
  let accessToken: string | null = null;
  if (server.auth.kind === 'oauth2') {
    const token = await oauthToken(deps, server, source);
    if (typeof token !== 'string') return { ok: false, provider: server.provider, settingsSource: source, steps: [], failure: token };
    accessToken = token;
  }
  const options = smtpServerOptions(server, password, deps.timeoutMs, accessToken);
  let mail;
  if (to?.ok) {
    const raw = await new MailComposer({
      from: { name: from.name ?? '', address: from.address },
      to: to.mailbox.name ? { name: to.mailbox.name, address: to.mailbox.address } : to.mailbox.address,
      replyTo,
      subject,
      text,
      messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    })
      .compile()
      .build();
    mail = { from: from.address, to: to.mailbox.address, raw };
  }
  let address: string;
  try {
    address = await deps.hosts.connectAddress(server.scopeId, options.host, options.port);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'host_not_allowed') throw error;
    // The same answer whatever is listening there: the probe never connects.
    return {
      ok: false,
      provider: server.provider,
      settingsSource: source,
      steps: [],
      failure: {
        kind: 'permanent',
        stage: 'connect',
        replyCode: null,
        enhancedCode: null,
        reply: null,
        errorCode: 'host_not_allowed',
        message: error.message,
      },
    };
  }
  if (mail && candidate) assertSender(candidate, caller);
  const probed = await probeSmtp({ ...options, address }, mail);
  const savedServer = candidate?.savedServer ?? true;
  const result =
    server.scopeId !== scopeId && !caller.seesInheritedDetails
      ? outcomesOnly(probed)
      : !savedServer && failedBeforeGreeting(probed)
        ? connectFailed()
        : probed;
  return { ...result, provider: server.provider, settingsSource: source, ...(to?.ok && result.ok ? { messageId } : {}) };
}

async function settingsUnderTest(
  deps: MailServerTestDeps,
  scopeId: string,
  input: MailServerSettingsInput | undefined,
): Promise<UnderTest> {
  if (input) {
    const candidate = await candidateSettings(deps.db, deps.secrets, scopeId, input);
    return { server: candidate.server, password: candidate.password, source: 'candidate', candidate };
  }
  const effective = await resolveEffectiveSettings(deps.db, scopeId);
  if (effective.server === null) throw new AppError('no_effective_mail_server', effective.reason);
  return { server: effective.server, password: deps.secrets.password(effective.server), source: 'saved' };
}

/** A test email with candidate settings goes out only from a sender the caller may use (`candidateSenderProblems`). */
function assertSender(candidate: CandidateSettings, caller: TestCaller): void {
  const problems = candidate.senderProblems(caller.mayWriteSettings);
  if (problems.length > 0) throw new AppError('sender_not_allowed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/** The access token a test of a saved, connected OAuth2 server sends with, or why there is none (as a failure at AUTH). */
async function oauthToken(deps: MailServerTestDeps, server: MailServer, source: UnderTest['source']) {
  const failure = (errorCode: string, message: string, hint: string) => ({
    kind: 'permanent' as const,
    stage: 'auth' as const,
    replyCode: null,
    enhancedCode: null,
    reply: null,
    errorCode,
    message,
    hint,
  });
  const grant = server.auth.kind === 'oauth2' ? server.auth.grant : null;
  if (grant?.status !== 'connected' || source !== 'saved' || !deps.tokens)
    return failure(
      'EOAUTH2',
      'OAuth2 has not been authorized for this mail server yet.',
      'Connect the mailbox (…/mail-server/oauth), or use password authentication with an app password.',
    );
  try {
    deps.tokens.seen(server.scopeId, grant.version);
    return await deps.tokens.source(server.scopeId).accessToken();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return failure(error.code, error.message, "See docs/providers.md for what the provider's error means.");
  }
}
