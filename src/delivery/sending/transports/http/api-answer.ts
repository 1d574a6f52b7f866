import type { SendFailure } from '../../../smtp/smtp-failure.js';
import type { SendOutcome } from '../mail-transport.js';
import type { MailApi } from './api-endpoints.js';
import type { HttpAnswer, HttpRequestError } from './http-post.js';
import { reconnectRequired } from './access-token-source.js';

type FailedOutcome = Extract<SendOutcome, { status: 'retry' | 'failed' | 'ambiguous' }>;

/** Throttling: retried no sooner than the API's Retry-After. */
const throttled = new Set([429, 503, 509]);
/** Gmail answers its quota refusals 403 with these reasons; retrying later works. */
const gmailQuotaReasons = new Set(['dailyLimitExceeded', 'userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);
/** The longest Retry-After honoured; a larger value is taken as this. */
const maxRetryAfterMs = 24 * 3600_000;
/** A request sent whole that got no answer is sent again at most this many times. */
export const apiAmbiguousResends = 1;

/**
 * What an API's answer to a send means, in SMTP's outcome classes (`api` names the dialect):
 * 2xx sent; 429/503/509 retried no sooner than `Retry-After`; other 5xx and 408 retried with
 * the backoff; 401 held `oauth_reconnect_required` (the caller has already renewed the token once);
 * 403/404 failed with a hint (Gmail's 403 quota refusals are retried); 400, 413 and the rest
 * failed. Branches on the provider's error `code` or `reason`, never on its message. Pure.
 *
 * @example classifyApiAnswer('graph', { status: 202, headers: {}, body: '' }, Date.now()) // { status: 'sent', replyCode: 202, reply: 'HTTP 202 Accepted' }
 */
export function classifyApiAnswer(api: MailApi, answer: HttpAnswer, now: number, mailbox = 'the mailbox'): SendOutcome {
  const { status } = answer;
  const error = providerError(answer.body);
  if (status >= 200 && status < 300) {
    const id = api === 'gmail' ? gmailMessageId(answer.body) : undefined;
    return { status: 'sent', replyCode: status, reply: `HTTP ${status} ${status === 202 ? 'Accepted' : 'OK'}${id ? ` id=${id}` : ''}` };
  }
  const fail = (outcome: 'retry' | 'failed', hint?: string, retryAfterMs?: number): FailedOutcome => {
    const failure = httpFailure(status, error, outcome === 'retry' ? 'transient' : 'permanent', hint);
    return retryAfterMs === undefined ? { status: outcome, failure } : { status: outcome, failure, retryAfterMs };
  };
  if (status === 401) {
    const failure = httpFailure(status, error, 'permanent', 'the API refused a freshly renewed token: reconnect the account');
    return { status: 'held', reason: `${reconnectRequired}: ${failure.reply}` };
  }
  if (throttled.has(status)) return fail('retry', 'the API is throttling or unavailable', retryAfter(answer.headers['retry-after'], now));
  if (status >= 500 || status === 408) return fail('retry');
  if (api === 'gmail' && status === 403 && error.code !== null && gmailQuotaReasons.has(error.code)) {
    return fail('retry', gmailHints.quota, retryAfter(answer.headers['retry-after'], now));
  }
  return fail('failed', hintFor(api, status, error.code, mailbox));
}

/** A request that got no answer: ambiguous if it had been sent whole (sent again at most once), else retried. */
export function classifyRequestError(error: HttpRequestError): FailedOutcome {
  const base = { replyCode: null, enhancedCode: null, reply: null, errorCode: error.code, message: error.message };
  if (error.sent) {
    return {
      status: 'ambiguous',
      failure: { ...base, kind: 'ambiguous', stage: 'http', message: `the request was sent but not answered: ${error.message}` },
      ambiguousResends: apiAmbiguousResends,
    };
  }
  return { status: 'retry', failure: { ...base, kind: 'transient', stage: stageOfRequestError(error.code) } };
}

/** The token source failed for another reason than a dead grant (the token endpoint is down, say): retried. */
export function tokenFailure(error: unknown): FailedOutcome {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'token_failed';
  const message = `could not get an access token: ${error instanceof Error ? error.message : String(error)}`;
  return {
    status: 'retry',
    failure: { kind: 'transient', stage: 'token', replyCode: null, enhancedCode: null, reply: null, errorCode: code, message },
  };
}

/** `Retry-After` in seconds or as an HTTP date, as a delay from `now` in ms. */
export function retryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), maxRetryAfterMs);
}

function httpFailure(status: number, error: ProviderError, kind: SendFailure['kind'], hint?: string): SendFailure {
  const said = [error.code, error.message].filter(Boolean).join(': ');
  const reply = `HTTP ${status}${said ? ` ${said}` : ''}${hint ? ` (${hint})` : ''}`;
  return { kind, stage: 'http', replyCode: status, enhancedCode: null, reply, errorCode: error.code ?? `http_${status}`, message: reply };
}

interface ProviderError {
  /** Graph's `error.code`; Gmail's first `errors[].reason`, else its `error.status`. */
  code: string | null;
  message: string | null;
}

/** Graph: `{error: {code, message}}`; Gmail: `{error: {code: 403, message, status, errors: [{reason, domain}]}}`. */
function providerError(body: string): ProviderError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: null, message: body.trim() === '' ? null : body.trim().slice(0, 300) };
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; status?: unknown; errors?: Array<{ reason?: unknown }> } })
    ?.error;
  if (typeof error !== 'object' || error === null) return { code: null, message: null };
  const reason = error.errors?.find((entry) => typeof entry?.reason === 'string')?.reason;
  const code =
    typeof error.code === 'string'
      ? error.code
      : typeof reason === 'string'
        ? reason
        : typeof error.status === 'string'
          ? error.status
          : null;
  return { code, message: typeof error.message === 'string' ? error.message.slice(0, 300) : null };
}

function gmailMessageId(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === 'string' ? id.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

const gmailHints = {
  quota:
    "Gmail's sending quota: about 150 messages a minute per user (API quota units) and 2,000 a day for Google Workspace (500 for a free account); sending resumes when the quota refills",
  forbidden:
    'the token lacks the gmail.send scope, or the Workspace admin blocks the Gmail API or this app for the user: reconnect granting gmail.send, or allow the app in the Admin console (Security, API controls)',
  notFound: 'no such Gmail user: check the address (for a service account, the user it impersonates)',
  precondition: 'Gmail is not enabled for this user, or the account cannot send yet',
};

function hintFor(api: MailApi, status: number, code: string | null, mailbox: string): string | undefined {
  if (api === 'gmail') {
    if (status === 403) return gmailHints.forbidden;
    if (status === 404) return gmailHints.notFound;
    if (status === 400 && code === 'failedPrecondition') return gmailHints.precondition;
    if (status === 413) return 'the message is larger than the Gmail API accepts';
    return undefined;
  }
  if (status === 403) {
    return code === 'ErrorAccessDenied'
      ? `the app may not send as ${mailbox}: grant the Mail.Send application permission with admin consent, and check that no Application Access Policy or RBAC for Applications scope leaves this mailbox out`
      : 'Microsoft Graph refused the app: check its Mail.Send permission and admin consent';
  }
  if (status === 404)
    return `${mailbox} was not found, or has no Exchange Online mailbox: check the address (its user principal name) and the licence`;
  if (status === 413) return 'the message is larger than Graph accepts for a MIME body (about 4 MB)';
  if (status >= 300 && status < 400) return 'the API answered with a redirect, which Herald does not follow';
  return undefined;
}

const connectCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EADDRNOTAVAIL']);

function stageOfRequestError(code: string): SendFailure['stage'] {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT')) return 'tls';
  return connectCodes.has(code) ? 'connect' : 'http';
}
