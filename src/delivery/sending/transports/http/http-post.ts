import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

/** An API's answer: status, headers and (the first 64 KiB of) the body. */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request that got no answer. `sent`: the whole request had been written when it failed, so
 * the server may have acted on it (ambiguous); otherwise it certainly did not.
 */
export class HttpRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly sent: boolean,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

const maxAnswerBytes = 64 * 1024;

/** Keep-alive connections for one transport: `close()` ends them. */
export interface HttpClient {
  post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<HttpAnswer>;
  close(): void;
}

/**
 * POSTs with node:http(s), which follows no redirect (a 3xx is an answer like any other) and
 * says when the request was written out whole — fetch cannot, and a timeout before that point
 * is a plain failure while one after it may have sent the mail. One timer covers the whole
 * exchange.
 */
export function createHttpClient(maxSockets: number): HttpClient {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  return {
    post(url, headers, body, timeoutMs) {
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const send = url.protocol === 'https:' ? https.request : http.request;
      return new Promise<HttpAnswer>((resolve, reject) => {
        let written = false;
        const request = send(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } });
        const timer = setTimeout(() => {
          request.destroy(new HttpRequestError(`no answer within ${timeoutMs} ms`, 'ETIMEDOUT', written));
        }, timeoutMs);
        request.on('finish', () => {
          written = true;
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(error instanceof HttpRequestError ? error : new HttpRequestError(error.message, error.code ?? 'ECONNECTION', written));
        });
        request.on('response', (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < maxAnswerBytes) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8').slice(0, maxAnswerBytes);
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text });
          });
          // The status line came, so the request was read; what it did is unknown without the rest.
          const cut = (error?: NodeJS.ErrnoException) => {
            clearTimeout(timer);
            reject(new HttpRequestError(error?.message ?? 'the answer was cut short', error?.code ?? 'ECONNRESET', true));
          };
          response.on('error', cut);
          response.on('close', () => {
            if (!response.complete) cut();
          });
        });
        request.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
