import { credentials } from './credentials';

export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/** The API's refusal `{ error: { code, message, details } }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds to wait, from `Retry-After`, when the API refused with 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** The messages of details about one body field (`/host`), for showing beside that field. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) {
      const key = detail.field.replace(/^\//, '').split('/')[0] ?? '';
      if (key && !detail.field.includes(':')) out[key] ??= detail.message;
    }
    return out;
  }
}

type Query = Record<string, string | number | undefined | null | Array<string>>;

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the Herald API under /api/v1 and returns the parsed JSON (undefined for 204). Throws
 * ApiError with the API's own code, message and field details when it refuses. A 401 while signed
 * in means the session ended (signed out elsewhere, expired, password changed): back to sign-in.
 *
 * @example const page = await api<TenantList>('GET', '/tenants', { query: { limit: 20 } });
 */
export async function api<T>(method: string, path: string, options: { body?: unknown; query?: Query } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...credentials.headers(method) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      ...credentials.fetchOptions,
    });
  } catch {
    throw new ApiError(0, 'network', 'Herald could not be reached. Check that it is running, then try again.');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
    // invalid_credentials is a wrong password typed (e.g. the current one when changing it), not an ended session
    if (response.status === 401 && error?.code !== 'invalid_credentials' && credentials.current().status === 'signed-in')
      credentials.signedOut('Your session has ended. Sign in again.');
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details ?? [],
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }
  return body as T;
}
