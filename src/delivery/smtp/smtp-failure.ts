import { isPermanentResponseCode } from 'nodemailer/lib/errors';

/** Where an SMTP session was when it failed. */
export type SmtpStage = 'dns' | 'connect' | 'tls' | 'ehlo' | 'auth' | 'mail' | 'rcpt' | 'data' | 'unknown';

/** Where a send over a provider's HTTP API was when it failed: getting the access token, or the API request. */
export type ApiStage = 'token' | 'http';

/**
 * A failed send or probe, classified. `transient`: retrying may work; `permanent`: the same
 * message will be refused again; `ambiguous`: the connection ended after the message was sent
 * but before the server answered, so it may have been accepted.
 */
export interface SendFailure {
  kind: 'transient' | 'permanent' | 'ambiguous';
  stage: SmtpStage | ApiStage;
  /** The SMTP reply code, e.g. 550 (the HTTP status over an API); null when the server did not answer. */
  replyCode: number | null;
  /** The RFC 3463 enhanced status code of the reply, e.g. `5.7.8`. */
  enhancedCode: string | null;
  /** The server's reply, as received. */
  reply: string | null;
  /** The most specific code: the system's (ECONNREFUSED, CERT_HAS_EXPIRED) when nodemailer wrapped one, else nodemailer's (EAUTH, ETIMEDOUT). */
  errorCode: string | null;
  message: string;
}

/**
 * What the caller saw of the session that the error does not say: nodemailer reports a dropped
 * connection or a socket timeout as command `CONN` at every stage, including after the final ".".
 */
export interface SmtpErrorContext {
  /** The stage in progress when the error arrived. */
  stage?: SmtpStage;
  /** The message body, final "." included, had been written: a dropped connection may have delivered it. */
  messageSent?: boolean;
}

/** The parts of a nodemailer error (or a Node system error) classification reads. */
interface ErrorShape {
  message?: unknown;
  code?: unknown;
  originalCode?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  timeoutType?: unknown;
  syscall?: unknown;
}

/** The stages an SMTP command can be in. */
export type CommandStage = Extract<SmtpStage, 'ehlo' | 'tls' | 'auth' | 'mail' | 'rcpt' | 'data'>;

const commandStages: Array<[RegExp, CommandStage]> = [
  [/^(EHLO|HELO|LHLO)\b/i, 'ehlo'],
  [/^STARTTLS\b/i, 'tls'],
  [/^AUTH\b/i, 'auth'],
  [/^MAIL FROM\b/i, 'mail'],
  [/^RCPT TO\b/i, 'rcpt'],
  [/^DATA\b/i, 'data'],
];

/** Codes meaning the session itself broke (rather than the server refusing something). */
const transportCodes = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ETLS', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const connectCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const dnsCodes = new Set(['EDNS', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);
const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
]);
/** Refusals nodemailer raises before asking the server: configuration, not luck. */
const permanentWithoutReply = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS', 'ECONFIG', 'EFILEACCESS', 'EURLACCESS']);

/**
 * Classifies a failed SMTP send (a nodemailer error, or a Node DNS/socket error) by kind and
 * stage. 4xx replies and broken connections are transient, 5xx replies permanent (except 503,
 * as nodemailer's `isPermanentResponseCode`), a connection lost after the message was sent is
 * ambiguous. Pure: reads the error, never throws.
 *
 * @example
 * classifySmtpError({ code: 'EAUTH', command: 'AUTH PLAIN', response: '535 5.7.8 Authentication credentials invalid', responseCode: 535, message: 'Invalid login: 535 5.7.8 …' })
 * // → { kind: 'permanent', stage: 'auth', replyCode: 535, enhancedCode: '5.7.8', … }
 */
export function classifySmtpError(error: unknown, context: SmtpErrorContext = {}): SendFailure {
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
  const code = text(shape.code);
  const errorCode = text(shape.originalCode) ?? code;
  const reply = text(shape.response)?.trim() || null;
  const replyCode = typeof shape.responseCode === 'number' ? shape.responseCode : Number(/^\d{3}/.exec(reply ?? '')?.[0]) || null;
  const failure = {
    replyCode,
    enhancedCode: /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(reply ?? '')?.[1] ?? null,
    reply,
    errorCode,
    message: text(shape.message) ?? String(error),
  };
  const commandStage = stageOfCommand(text(shape.command));
  const brokeSession = replyCode === null && [code, errorCode].some((value) => value !== null && transportCodes.has(value));
  if (brokeSession && (context.messageSent || commandStage === 'data')) return { kind: 'ambiguous', stage: 'data', ...failure };

  const stage = commandStage ?? stageOfCodes(shape, code, errorCode, failure.message) ?? context.stage ?? 'unknown';
  return { kind: kindOf(replyCode, code), stage, ...failure };
}

function kindOf(replyCode: number | null, code: string | null): SendFailure['kind'] {
  if (replyCode !== null) return isPermanentResponseCode(replyCode) ? 'permanent' : 'transient';
  return code !== null && permanentWithoutReply.has(code) ? 'permanent' : 'transient';
}

/** The stage an SMTP command belongs to (`RCPT TO:<a@b>` → `rcpt`), if it is one. */
export function stageOfCommand(command: string | null): CommandStage | undefined {
  return commandStages.find(([pattern]) => pattern.test(command ?? ''))?.[1];
}

function stageOfCodes(shape: ErrorShape, code: string | null, errorCode: string | null, message: string): SmtpStage | undefined {
  const syscall = text(shape.syscall) ?? '';
  if (code === 'EDNS' || /^(getaddrinfo|query)/.test(syscall) || (errorCode !== null && dnsCodes.has(errorCode))) return 'dns';
  if (code === 'ETLS' || shape.timeoutType === 'UPGRADE_TIMEOUT' || isTlsCode(errorCode)) return 'tls';
  if (code === 'EAUTH' || code === 'ENOAUTH' || code === 'EOAUTH2') return 'auth';
  if (shape.timeoutType === 'CONNECT_TIMEOUT' || shape.timeoutType === 'GREETING_TIMEOUT' || /^Invalid greeting/.test(message))
    return 'connect';
  if (errorCode !== null && connectCodes.has(errorCode)) return 'connect';
  if (syscall === 'connect') return 'connect';
  return undefined;
}

function isTlsCode(code: string | null): boolean {
  return code !== null && (certificateCodes.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
