/** One broken rule of a refused request, named by the field it concerns (a JSON pointer such as `/recipients/0`). */
export interface HeraldErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/**
 * Herald refused the request or failed: its HTTP status, its stable error code (`validation_failed`,
 * `unauthenticated`, `forbidden`, `idempotency_conflict`, `rate_limited`, `database_unavailable`…;
 * docs/api.md lists them) and the fields at fault. `retryable` is true for 429 and 503, which the
 * client has already retried when it throws this.
 */
export class HeraldError extends Error {
  override readonly name: string = 'HeraldError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly HeraldErrorDetail[] = [],
    /** How long the server asked to wait before trying again (Retry-After), in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.status === 429 || this.status === 503;
  }
}

/** The request never got an answer from Herald (connection refused, reset, timed out), even after the retries. */
export class HeraldConnectionError extends Error {
  override readonly name: string = 'HeraldConnectionError';

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}
