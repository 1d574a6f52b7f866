import { lookup } from 'node:dns/promises';
import type { EventEmitter } from 'node:events';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import { format } from 'node:util';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifySmtpError, stageOfCommand, type SendFailure, type SmtpErrorContext } from '../smtp/smtp-failure.js';
import { hintFor } from './smtp-hints.js';
import { loginCredentials, toConnectionOptions, type SmtpServerOptions } from '../smtp/smtp-options.js';
import { settle } from '../smtp/smtp-session.js';
import { stepNames, type ProbeMail, type ProbeResult, type ProbeStep, type ProbeStepName, type Session } from './probe-types.js';
import { stepFor } from './probe-steps.js';
import { redact, secretsOf } from '../smtp/secret-redaction.js';

export type { ProbeMail, ProbeResult, ProbeStep, ProbeStepName } from './probe-types.js';

/**
 * Connects to a mail server the way delivery does and returns a step-by-step transcript: DNS,
 * connect, TLS, EHLO, AUTH and, when `mail` is given, MAIL FROM, RCPT TO and DATA. Without
 * `mail` it verifies the connection and quits after AUTH. SMTP failures are returned (the
 * failing step `failed`, later ones `skipped`, `failure` classified with a hint), never thrown;
 * the password appears nowhere in the result. The connection is always closed.
 *
 * @example
 * declare const server: SmtpServerOptions; declare const raw: string;
 * const result = await probeSmtp(server, { from: 'herald@example.com', to: 'ops@example.com', raw });
 * if (!result.ok) console.log(result.failure?.stage, result.failure?.hint);
 */
export async function probeSmtp(server: SmtpServerOptions, mail?: ProbeMail): Promise<ProbeResult> {
  if (!server.host || !Number.isInteger(server.port)) throw new TypeError('probeSmtp needs a host and an integer port');
  const dns = await resolveHost(server.host, server.timeoutMs);
  const session: Session = { startedAt: performance.now(), exchanges: [] };
  let failure: SendFailure | undefined;
  if ('error' in dns) {
    failure = classifySmtpError(dns.error, { stage: 'dns' });
    session.failedAt = performance.now();
  } else {
    failure = await converse(server, mail, session);
  }
  const failedStep = failure && (isStepName(failure.stage) ? failure.stage : (contextOf(session).stage ?? 'connect'));
  const result: ProbeResult = {
    ok: failure === undefined,
    steps: stepNames.map((name) => stepFor(name, { server, mail, session, dns: dns.step, failure, failedStep })),
    ...(failure ? { failure: withHint(failure) } : {}),
  };
  return redact(result, secretsOf(server));
}

/** Runs the SMTP session, recording it into `session`; returns the failure, if any. */
async function converse(server: SmtpServerOptions, mail: ProbeMail | undefined, session: Session): Promise<SendFailure | undefined> {
  const connection = new SMTPConnection({ ...toConnectionOptions(server), logger: transactionLogger(session), transactionLog: true });
  // every error also reaches the call in flight (see settle); this keeps one between calls from throwing
  connection.on('error', () => undefined);
  try {
    session.exchanges.push({ stage: 'connect', command: '', sentAt: session.startedAt });
    await settle<void>(connection, (done) => connection.connect(done));
    session.tls = tlsDetails(connection._socket);
    session.allowsAuth = connection.allowsAuth;
    const credentials = toConnectionOptions(server).auth;
    if (credentials && connection.allowsAuth)
      await settle<boolean>(connection, (done) => connection.login(loginCredentials(credentials), done));
    if (mail) {
      const info = await settle<SMTPConnection.SentMessageInfo>(connection, (done) =>
        connection.send({ from: mail.from, to: [mail.to] }, mail.raw, done),
      );
      session.messageSize = info.messageSize;
    }
    return undefined;
  } catch (error) {
    if (isProgrammerError(error)) throw error;
    session.failedAt = performance.now();
    return classifySmtpError(error, contextOf(session));
  } finally {
    await close(connection);
  }
}

/** QUITs when the session is still up, then makes sure the socket is gone. */
async function close(connection: SMTPConnection): Promise<void> {
  const socket = connection._socket;
  if (connection.stage === 'connected' && !connection.destroyed) {
    const ended = eventOrTimeout(connection, 'end', 1_000);
    connection.quit();
    await ended;
  }
  connection.close();
  if (!socket) return;
  // nodemailer ends the socket and lets the server close it; give that a moment, then make sure
  if (!socket.destroyed) await eventOrTimeout(socket, 'close', 1_000);
  socket.destroy();
  if (!socket.closed) await eventOrTimeout(socket, 'close', 1_000);
}

function eventOrTimeout(emitter: EventEmitter, event: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    emitter.once(event, done);
    function done() {
      clearTimeout(timer);
      emitter.off(event, done);
      resolve();
    }
  });
}

/** Our own DNS step (nodemailer resolves again when connecting, to the host name as given). */
async function resolveHost(host: string, timeoutMs: number): Promise<{ step: ProbeStep } | { step: ProbeStep; error: unknown }> {
  if (isIP(host)) return { step: { step: 'dns', status: 'ok', durationMs: 0, detail: `${host} is an IP address` } };
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`DNS lookup for ${host} timed out`), { code: 'EDNS', originalCode: 'ETIMEOUT' })),
      timeoutMs,
    );
  });
  try {
    const addresses = await Promise.race([lookup(host, { all: true }), timeout]);
    return {
      step: {
        step: 'dns',
        status: 'ok',
        durationMs: since(startedAt),
        detail: `${host} → ${addresses.map((entry) => entry.address).join(', ')}`,
      },
    };
  } catch (error) {
    return { step: { step: 'dns', status: 'failed', durationMs: since(startedAt), detail: '' }, error };
  } finally {
    clearTimeout(timer);
  }
}

/** A bunyan-style logger that turns nodemailer's transaction log into exchanges and marks. */
function transactionLogger(session: Session) {
  const log = (entry: { tnx?: string } | undefined, message: unknown, ...args: unknown[]) => {
    const line = format(String(message ?? ''), ...args);
    const now = performance.now();
    const last = session.exchanges.at(-1);
    if (entry?.tnx === 'client') {
      const stage = (/^QUIT\b/i.test(line) ? 'quit' : stageOfCommand(line)) ?? last?.stage ?? 'connect';
      session.exchanges.push({ stage, command: line, sentAt: now });
    } else if (entry?.tnx === 'server') {
      const pending = session.exchanges.find((exchange) => exchange.reply === undefined);
      if (pending) Object.assign(pending, { reply: line, repliedAt: now });
      else session.exchanges.push({ stage: last?.stage ?? 'connect', command: '', sentAt: now, reply: line, repliedAt: now });
    } else if (entry?.tnx === 'message' && /bytes encoded mime message/.test(line)) {
      // logged once the body and its final "." are written; the final reply answers this
      session.exchanges.push({ stage: 'data', command: '.', sentAt: now });
    } else if (/^Secure connection established|^Connection upgraded with STARTTLS/.test(line)) {
      session.secureAt = now;
    }
  };
  return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log };
}

/** Where the session was when it failed, for the classifier: the oldest command still unanswered. */
function contextOf(session: Session): SmtpErrorContext & { stage?: ProbeStepName } {
  const pending = session.exchanges.find((exchange) => exchange.reply === undefined);
  const current = pending ?? session.exchanges.at(-1);
  if (!current || current.stage === 'quit') return {};
  return { stage: current.stage, messageSent: pending?.command === '.' };
}

function tlsDetails(socket: unknown): Session['tls'] {
  if (!(socket instanceof TLSSocket)) return undefined;
  const peer = socket.getPeerCertificate();
  const verified = socket.authorized
    ? 'certificate verified'
    : `certificate NOT verified (${String(socket.authorizationError)}; verification is off)`;
  return {
    protocol: socket.getProtocol() ?? 'TLS',
    cipher: socket.getCipher()?.name ?? 'unknown cipher',
    verified,
    ...(peer && peer.subject
      ? {
          certificate: {
            subject: distinguishedName(peer.subject),
            issuer: distinguishedName(peer.issuer),
            validFrom: peer.valid_from,
            validTo: peer.valid_to,
            fingerprint256: peer.fingerprint256,
          },
        }
      : {}),
  };
}

function distinguishedName(name: object): string {
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function withHint(failure: SendFailure): SendFailure & { hint?: string } {
  const hint = hintFor(failure);
  return hint === undefined ? failure : { ...failure, hint };
}

/** A bug here or in the caller, not something the server did: thrown, not returned. Nodemailer's errors carry a `command`. */
function isProgrammerError(error: unknown): boolean {
  return (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) && !('command' in error);
}

function isStepName(stage: string): stage is ProbeStepName {
  return (stepNames as string[]).includes(stage);
}

function since(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
