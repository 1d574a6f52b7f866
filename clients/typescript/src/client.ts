import { HeraldConnectionError, HeraldError } from './errors.js';
import { retryAfterMs, retryDelay, type RetryOptions } from './retry.js';
import type { BatchAccepted, BatchInput, ErrorBody, EventAccepted, EventInput } from './types.js';

export interface HeraldClientOptions {
  /** Where Herald answers, e.g. `https://herald.example.com`. */
  baseUrl: string;
  /** An API token with `events:write` (Settings → API tokens, or `herald admin token`). */
  token: string;
  retry?: RetryOptions;
  /** Gives up on one attempt after this long; default 30 s. */
  timeoutMs?: number;
  /** For tests and other runtimes; the global `fetch` by default. */
  fetch?: typeof fetch;
  /** How the client waits between attempts; a test may record the waits instead. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SendOptions {
  /**
   * Makes a repeat of the same request harmless: Herald answers it with the first result
   * (`replayed: true`) and sends nothing twice. Generated when not given, so the client's own
   * retries are always safe; give your own to make retries across restarts of your application safe.
   */
  idempotencyKey?: string;
}

const defaults = { retries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * A client for Herald's event API. `sendEvent` and `sendBatch` resolve once Herald has committed
 * the event and its messages (202). They retry, with the same idempotency key, on 429 and 503
 * (honouring Retry-After) and when no answer came back; any other refusal throws a `HeraldError`
 * with Herald's stable code and the fields at fault.
 *
 * @example
 * const herald = new HeraldClient({ baseUrl: 'https://herald.example.com', token: process.env.HERALD_TOKEN! });
 * await herald.sendEvent({ type: 'service.failed', tenant: 'acme', severity: 'critical', data: { service: 'billing' } });
 */
export class HeraldClient {
  readonly #options: HeraldClientOptions;
  readonly #retry: Required<RetryOptions>;

  constructor(options: HeraldClientOptions) {
    if (!/^https?:\/\//.test(options.baseUrl)) throw new TypeError('baseUrl must start with http:// or https://');
    if (options.token.trim() === '') throw new TypeError('token must not be empty');
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#retry = { ...defaults, ...options.retry };
  }

  /** Reports one event; resolves with its id, outcome and the messages it queued. */
  sendEvent(event: EventInput, options: SendOptions = {}): Promise<EventAccepted> {
    return this.#post<EventAccepted>('/api/v1/events', event, options.idempotencyKey ?? event.idempotencyKey ?? newKey());
  }

  /**
   * Reports up to 500 events in one request (one transaction). With one idempotency key for the
   * batch, Herald keys each event `KEY#index`, so a retried batch replays rather than repeats.
   */
  sendBatch(events: BatchInput, options: SendOptions = {}): Promise<BatchAccepted> {
    return this.#post<BatchAccepted>('/api/v1/events/batch', { events }, options.idempotencyKey ?? newKey());
  }

  async #post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    const doFetch = this.#options.fetch ?? fetch;
    const sleep = this.#options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(`${this.#options.baseUrl}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.#options.token}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.#options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        if (attempt >= this.#retry.retries)
          throw new HeraldConnectionError(`No answer from Herald at ${this.#options.baseUrl}`, { cause: error });
        await sleep(retryDelay(attempt + 1, null, this.#retry));
        continue;
      }
      if (response.ok) return (await response.json()) as T;
      const error = await toError(response);
      if (!error.retryable || attempt >= this.#retry.retries) throw error;
      await sleep(retryDelay(attempt + 1, error.retryAfterMs, this.#retry));
    }
  }
}

async function toError(response: Response): Promise<HeraldError> {
  const wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
  const text = await response.text();
  let parsed: Partial<ErrorBody> | undefined;
  try {
    parsed = JSON.parse(text) as Partial<ErrorBody>;
  } catch {
    parsed = undefined;
  }
  const error = parsed?.error;
  if (error && typeof error.code === 'string')
    return new HeraldError(response.status, error.code, error.message ?? error.code, error.details ?? [], wait);
  return new HeraldError(response.status, `http_${response.status}`, text.slice(0, 200) || response.statusText, [], wait);
}

function newKey(): string {
  return globalThis.crypto.randomUUID();
}
