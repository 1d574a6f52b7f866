import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';

/** One send the fake API accepted: which API, as which mailbox, the MIME it got and that MIME parsed. */
export interface ApiReceivedMail {
  api: 'graph' | 'gmail';
  mailbox: string;
  mime: string;
  parsed: ParsedMail;
  receivedAt: number;
}

/** A scripted answer for the next request: a status (with headers and a JSON error body), or never answering. */
export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

export interface FakeMailApiOptions {
  /** Whether a bearer token is valid now; a false answer is a 401, as the real APIs give. */
  checkToken: (token: string) => boolean;
}

/**
 * Fake Microsoft Graph (`POST /v1.0/users/{mailbox}/sendMail`, base64 MIME as text/plain, 202)
 * and Gmail API (`POST /gmail/v1/users/{mailbox}/messages/send`, `{raw}` base64url, 200 `{id}`)
 * on 127.0.0.1 and a free port. It checks the bearer token against `checkToken`, records the
 * MIME of every send it accepts, and answers the scripted `answers` first (429 with Retry-After,
 * 401, 403, 503, or `hang`: read the request whole and never answer). Every request is counted,
 * and so are the requests open at once (`inFlight`, `maxInFlight`); `pause()` holds the answers
 * of accepted sends until `resume()`.
 */
export async function startFakeMailApi(options: FakeMailApiOptions) {
  const received: ApiReceivedMail[] = [];
  const requests: Array<{ api: 'graph' | 'gmail'; mailbox: string; token: string; at: number }> = [];
  const answers: FakeAnswer[] = [];
  const hanging: ServerResponse[] = [];
  const sockets = new Set<Socket>();
  const open = { now: 0, max: 0 };
  let paused: { done: Promise<void>; resume: () => void } | undefined;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'fakeFailure', message: String(error) } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    open.now += 1;
    open.max = Math.max(open.max, open.now);
    response.on('close', () => (open.now -= 1));
    const body = await readBody(request);
    const route = routeOf(request);
    if (!route) return json(response, 404, { error: { code: 'ResourceNotFound', message: 'no such route' } });
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    requests.push({ ...route, token, at: Date.now() });
    const scripted = answers.shift();
    if (scripted === 'hang') {
      hanging.push(response);
      return;
    }
    if (scripted) return json(response, scripted.status, scripted.body ?? errorBody(route.api, scripted.status), scripted.headers);
    if (!options.checkToken(token)) return json(response, 401, errorBody(route.api, 401));
    const mime =
      route.api === 'graph'
        ? Buffer.from(body, 'base64').toString('utf8')
        : Buffer.from((JSON.parse(body) as { raw: string }).raw, 'base64url').toString('utf8');
    if (route.api === 'graph' && request.headers['content-type'] !== 'text/plain') {
      return json(response, 400, { error: { code: 'ErrorMimeContentInvalid', message: 'MIME must be sent as text/plain' } });
    }
    if (paused) await paused.done;
    received.push({ ...route, mime, parsed: await simpleParser(mime), receivedAt: Date.now() });
    if (route.api === 'graph') {
      response.writeHead(202);
      response.end();
    } else json(response, 200, { id: `gm-${received.length}`, threadId: `th-${received.length}`, labelIds: ['SENT'] });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    received,
    requests,
    /** Requests open now, and the most ever open at once. */
    inFlight: () => open.now,
    maxInFlight: () => open.max,
    /** Holds the answer of every accepted send until `resume()`. */
    pause() {
      let resume = () => {};
      const done = new Promise<void>((resolve) => (resume = resolve));
      paused = { done, resume };
    },
    resume() {
      paused?.resume();
      paused = undefined;
    },
    /** Queues answers for the next requests, in order (each used once). */
    answerNext(...next: FakeAnswer[]) {
      answers.push(...next);
    },
    async close() {
      for (const response of hanging) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async [Symbol.asyncDispose]() {
      await this.close();
    },
  };
}

export type FakeMailApi = Awaited<ReturnType<typeof startFakeMailApi>>;

function routeOf(request: IncomingMessage): { api: 'graph' | 'gmail'; mailbox: string } | undefined {
  if (request.method !== 'POST') return undefined;
  const path = new URL(request.url ?? '/', 'http://fake').pathname;
  const graph = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(path);
  if (graph) return { api: 'graph', mailbox: decodeURIComponent(graph[1]!) };
  const gmail = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(path);
  if (gmail) return { api: 'gmail', mailbox: decodeURIComponent(gmail[1]!) };
  return undefined;
}

/** The providers' error bodies: Graph `{error: {code, message}}`, Gmail `{error: {code, message, status, errors: [{reason}]}}`. */
function errorBody(api: 'graph' | 'gmail', status: number): unknown {
  const graphCodes: Record<number, string> = {
    401: 'InvalidAuthenticationToken',
    403: 'ErrorAccessDenied',
    404: 'ErrorInvalidUser',
    429: 'ApplicationThrottled',
    503: 'ServiceUnavailable',
  };
  if (api === 'graph') return { error: { code: graphCodes[status] ?? 'generalException', message: `fake Graph answered ${status}` } };
  const reasons: Record<number, [string, string]> = {
    401: ['authError', 'UNAUTHENTICATED'],
    403: ['insufficientPermissions', 'PERMISSION_DENIED'],
    429: ['rateLimitExceeded', 'RESOURCE_EXHAUSTED'],
    503: ['backendError', 'UNAVAILABLE'],
  };
  const [reason, statusText] = reasons[status] ?? ['failed', 'UNKNOWN'];
  return { error: { code: status, message: `fake Gmail answered ${status}`, status: statusText, errors: [{ reason, domain: 'global' }] } };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
