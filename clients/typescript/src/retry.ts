/** When and how often the client tries a request again. */
export interface RetryOptions {
  /** Attempts after the first; default 4. */
  retries?: number;
  /** The first backoff when the server gives no Retry-After; doubled each time, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** No wait is longer than this, Retry-After included. Default 30 s. */
  maxDelayMs?: number;
}

/**
 * Reads a Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; null when absent or unreadable.
 *
 * @example retryAfterMs('2', Date.now()) // 2000
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The wait before retry number `attempt` (1, 2, …): the server's Retry-After when given, else exponential backoff with jitter. */
export function retryDelay(attempt: number, serverAskedMs: number | null, options: Required<RetryOptions>, random = Math.random()): number {
  if (serverAskedMs !== null) return Math.min(serverAskedMs, options.maxDelayMs);
  const computed = Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
  return Math.round(computed * (0.5 + random / 2));
}
