import type { Clock } from '../../../../shared/clock.js';
import type { MailTransport, OutgoingMail, SendOutcome } from '../mail-transport.js';
import { isReconnectRequired, reconnectRequired, type AccessTokenSource } from './access-token-source.js';
import { classifyApiAnswer, classifyRequestError, tokenFailure } from './api-answer.js';
import { sendRequest, type MailApi } from './api-endpoints.js';
import { buildMime } from '../mime.js';
import { createHttpClient, HttpRequestError, type HttpAnswer } from './http-post.js';

export interface ApiTransportOptions {
  api: MailApi;
  /** From the fixed endpoint table (`apiBaseUrl`), never from settings. */
  baseUrl: string;
  /** The mailbox the mail is sent as (the settings' username). */
  mailbox: string;
  /** The connection's token source now; null when it has none (not connected): the mail is held. */
  tokens: () => AccessTokenSource | null;
  timeoutMs: number;
  /** Connections kept open to the API. */
  poolSize: number;
  clock: Clock;
}

/**
 * Sends through Microsoft Graph `sendMail` or the Gmail API `messages.send`: the MIME the SMTP
 * path would send, with a bearer token from `tokens`. A 401 renews the token once and sends
 * again within the same attempt; a second 401, or a grant the source reports dead, holds the
 * mail (`oauth_reconnect_required`). The token is never part of an outcome.
 *
 * @example
 * import { systemClock } from '../../../../shared/clock.js';
 * declare const tokens: AccessTokenSource;
 * const graph = createApiTransport({ api: 'graph', baseUrl: 'https://graph.microsoft.com', mailbox: 'ops@example.com', tokens: () => tokens, timeoutMs: 30_000, poolSize: 4, clock: systemClock });
 */
export function createApiTransport(options: ApiTransportOptions): MailTransport {
  const { api, baseUrl, mailbox, timeoutMs, clock } = options;
  const client = createHttpClient(options.poolSize);

  async function post(mime: Buffer, token: string): Promise<HttpAnswer | SendOutcome> {
    const request = sendRequest(api, baseUrl, mailbox, mime);
    try {
      return await client.post(
        request.url,
        { authorization: `Bearer ${token}`, 'content-type': request.contentType },
        request.body,
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof HttpRequestError) return classifyRequestError(error);
      throw error;
    }
  }

  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const tokens = options.tokens();
      if (tokens === null) return { status: 'held', reason: 'the OAuth2 connection of this mail server is not authorized yet' };
      const mime = await buildMime(mail);
      let token: string;
      try {
        token = await tokens.accessToken();
      } catch (error) {
        return fromTokenError(error);
      }
      let answer = await post(mime, token);
      if (isAnswer(answer) && answer.status === 401) {
        try {
          token = await tokens.renew(token);
        } catch (error) {
          return fromTokenError(error);
        }
        answer = await post(mime, token);
      }
      if (!isAnswer(answer)) return answer;
      return classifyApiAnswer(api, answer, clock.now(), mailbox);
    },
    async close() {
      client.close();
    },
  };
}

function isAnswer(value: HttpAnswer | SendOutcome): value is HttpAnswer {
  return typeof value.status === 'number';
}

function fromTokenError(error: unknown): SendOutcome {
  if (isReconnectRequired(error)) {
    const said = error instanceof Error ? error.message : 'the grant is no longer valid';
    return { status: 'held', reason: `${reconnectRequired}: ${said}` };
  }
  return tokenFailure(error);
}
