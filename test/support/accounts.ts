import type { Harness } from './herald-harness.js';

export interface Response {
  status: number;
  body: any;
  raw: string;
  headers: Record<string, unknown>;
}

/** One request against the real app with exactly the headers given (no admin token added). */
export async function send(
  h: Harness,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  const response = await h.herald.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    ...(options.body === undefined ? {} : { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  let body: unknown;
  try {
    body = response.body === '' ? undefined : JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, body, raw: response.body, headers: response.headers };
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string };
}

/** Signs in through POST /auth/login; throws unless it succeeds. */
export async function signIn(h: Harness, input: { email: string; password: string; tenantId?: string }, ip?: string): Promise<Session> {
  const response = await send(h, 'POST', '/api/v1/auth/login', { body: input, ip });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.raw}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: response.body.csrfToken, user: response.body.user };
}

/** A request as a signed-in user: the cookie always, the CSRF token on writes. */
export function asUser(h: Harness, session: Session) {
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    send(h, method, url, {
      body,
      headers: { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }), ...headers },
    });
}

/** A request with an API token. */
export function asToken(h: Harness, token: string) {
  return (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    send(h, method, url, { body, headers: { authorization: `Bearer ${token}`, ...headers } });
}

/** Creates a user with a password through the API (as the system administrator token). */
export async function createAccount(
  h: Harness,
  scope: string,
  input: { email: string; role: string; password?: string; name?: string },
): Promise<string> {
  const base = scope === 'system' ? '/api/v1/system' : `/api/v1/tenants/${scope}`;
  const response = await h.api('POST', `${base}/users`, { name: input.name ?? input.email, ...input });
  if (response.status !== 201) throw new Error(`creating ${input.email} failed: ${response.raw}`);
  return response.body.id;
}

/** Creates an API token of a scope; returns the token (shown once) and its id. */
export async function createToken(h: Harness, scope: string, permissions: string[]): Promise<{ token: string; id: string }> {
  const base = scope === 'system' ? '/api/v1/system' : `/api/v1/tenants/${scope}`;
  const response = await h.api('POST', `${base}/tokens`, { label: `${scope} app`, permissions });
  if (response.status !== 201) throw new Error(`creating a token failed: ${response.raw}`);
  return { token: response.body.token, id: response.body.apiToken.id };
}

/** The OpenAPI operations under /api/v1 (and /metrics), as [method, path with {params}]. */
export function openApiRoutes(h: Harness): Array<[string, string]> {
  const doc = h.herald.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1') || path === '/metrics')
    .flatMap(([path, operations]) => Object.keys(operations).map((method): [string, string] => [method.toUpperCase(), path]));
}

/** True when the access policy refused the request (not the handler after it). */
export const refusedByPolicy = (response: Response) =>
  response.status === 401 ||
  response.status === 403 ||
  (response.status === 404 && response.body?.error?.message === 'No such object in your scope.');
