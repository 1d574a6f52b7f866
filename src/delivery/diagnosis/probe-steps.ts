import type { SendFailure } from '../smtp/smtp-failure.js';
import type { SmtpServerOptions } from '../smtp/smtp-options.js';
import { stepNames, type Exchange, type ProbeMail, type ProbeStep, type ProbeStepName, type Session } from './probe-types.js';

export interface StepInput {
  server: SmtpServerOptions;
  mail: ProbeMail | undefined;
  session: Session;
  dns: ProbeStep;
  failure: SendFailure | undefined;
  failedStep: ProbeStepName | undefined;
}

/** The transcript line for one step: ok, failed with the server's reply, or skipped with why. */
export function stepFor(name: ProbeStepName, input: StepInput): ProbeStep {
  const { failure, failedStep } = input;
  if (failure && failedStep) {
    const order = stepNames.indexOf(name) - stepNames.indexOf(failedStep);
    if (order === 0) return failedStepFor(name, input, failure);
    if (order > 0) return { step: name, status: 'skipped', durationMs: 0, detail: 'Not reached' };
  }
  const notApplicable = skipReason(name, input);
  if (notApplicable) return { step: name, status: 'skipped', durationMs: 0, detail: notApplicable };
  return okStep(name, input);
}

function skipReason(name: ProbeStepName, { server, mail, session }: StepInput): string | undefined {
  if (name === 'tls' && server.security === 'none') return 'Security is "none": the session is not encrypted';
  if (name === 'auth' && server.auth.type === 'none') return 'No authentication configured';
  if (name === 'auth' && session.allowsAuth === false)
    return 'The server does not offer AUTH, so the credentials are not sent (delivery does not send them either)';
  if ((name === 'mail' || name === 'rcpt' || name === 'data') && !mail) return 'Verify only: no message sent';
  return undefined;
}

function okStep(name: ProbeStepName, { server, session, dns }: StepInput): ProbeStep {
  const exchanges = session.exchanges.filter((exchange) => exchange.stage === name);
  const first = exchanges[0];
  const last = exchanges.at(-1);
  const timing = { durationMs: duration(first?.sentAt, last?.repliedAt) };
  switch (name) {
    case 'dns':
      return dns;
    case 'connect': {
      const greeted = first?.reply !== undefined;
      const detail = greeted
        ? `Connected to ${server.host}:${server.port}${server.security === 'tls' ? ' over TLS' : ''}`
        : `TCP connection to ${server.host}:${server.port}; the TLS handshake comes before the greeting`;
      return { step: name, status: 'ok', ...timing, detail, ...replyOf(first) };
    }
    case 'tls': {
      const started = server.security === 'tls' ? session.startedAt : first?.sentAt;
      const tls = session.tls;
      return {
        step: name,
        status: 'ok',
        durationMs: duration(started, session.secureAt),
        detail: tls
          ? `${server.security === 'tls' ? 'Implicit TLS' : 'STARTTLS'}: ${tls.protocol}, ${tls.cipher}, ${tls.verified}`
          : 'TLS established',
        ...(first ? { command: first.command, ...replyOf(first) } : {}),
        ...(tls?.certificate ? { certificate: tls.certificate } : {}),
      };
    }
    case 'ehlo': // after STARTTLS the second EHLO is the one that counts
      return {
        step: name,
        status: 'ok',
        durationMs: duration(last?.sentAt, last?.repliedAt),
        detail: 'Server capabilities received',
        command: last?.command,
        ...replyOf(last),
        extensions: extensionsOf(last?.reply),
      };
    case 'auth':
      return {
        step: name,
        status: 'ok',
        ...timing,
        detail: `Authenticated as ${signedInAs(server.auth)}`,
        command: authCommand(first),
        ...replyOf(last),
      };
    case 'mail':
      return { step: name, status: 'ok', ...timing, detail: 'Sender accepted', command: first?.command, ...replyOf(first) };
    case 'rcpt':
      return { step: name, status: 'ok', ...timing, detail: 'Recipient accepted', command: first?.command, ...replyOf(first) };
    case 'data':
      return {
        step: name,
        status: 'ok',
        ...timing,
        detail: `Message accepted (${session.messageSize ?? 0} bytes)`,
        command: first?.command,
        ...replyOf(last),
      };
  }
}

function failedStepFor(name: ProbeStepName, { dns, session }: StepInput, failure: SendFailure): ProbeStep {
  if (name === 'dns' && dns.status === 'failed') return { ...dns, detail: failure.message };
  const exchanges = session.exchanges.filter((exchange) => exchange.stage === name);
  const started = name === 'connect' || (name === 'tls' && exchanges.length === 0) ? session.startedAt : exchanges[0]?.sentAt;
  const command =
    name === 'auth'
      ? authCommand(exchanges[0])
      : exchanges.filter((exchange) => exchange.command && exchange.command !== '.').at(-1)?.command;
  const reply = failure.reply ?? exchanges.at(-1)?.reply;
  return {
    step: name,
    status: 'failed',
    durationMs: duration(started, session.failedAt),
    detail: failure.message,
    ...(command ? { command } : {}),
    ...replyOf(reply === undefined ? undefined : { reply }),
  };
}

function replyOf(exchange: Pick<Exchange, 'reply'> | undefined): Pick<ProbeStep, 'reply' | 'replyCode'> {
  if (exchange?.reply === undefined) return {};
  const replyCode = Number(/^\d{3}/.exec(exchange.reply)?.[0]);
  return { reply: exchange.reply, ...(replyCode ? { replyCode } : {}) };
}

function extensionsOf(reply: string | undefined): string[] {
  return (reply ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]/, '').trim())
    .filter(Boolean);
}

function signedInAs(auth: SmtpServerOptions['auth']): string {
  switch (auth.type) {
    case 'none':
      return '';
    case 'oauth2':
      return `${auth.username} (XOAUTH2)`;
    case 'ntlm':
      return `${auth.domain}\\${auth.username} (NTLM)`;
    case 'password':
      return auth.username;
  }
}

/** `AUTH PLAIN [redacted]`: the mechanism, never what follows it. */
function authCommand(exchange: Exchange | undefined): string | undefined {
  const mechanism = /^AUTH\s+\S+/i.exec(exchange?.command ?? '')?.[0];
  return mechanism ? `${mechanism} [redacted]` : undefined;
}

export function duration(from: number | undefined, to: number | undefined): number {
  return from === undefined || to === undefined ? 0 : Math.round(to - from);
}
