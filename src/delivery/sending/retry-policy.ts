import type { DeliveryConfig } from '../../config/config.js';

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Exponential backoff with full jitter in the upper half: the n-th retry waits between half and
 * all of `base * 2^(n-1)`, capped at the maximum delay. A message older than the maximum age
 * (or that would be by its next attempt) is given up.
 *
 * @example decideRetry({ attempts: 1, createdAt: 0, now: 1000, random: 1 }, config.delivery) // { retry: true, delayMs: 30000 }
 */
export function decideRetry(
  state: { attempts: number; createdAt: number; now: number; random?: number },
  config: Pick<DeliveryConfig, 'retryBaseMs' | 'retryMaxDelayMs' | 'retryMaxAgeMs'>,
): RetryDecision {
  const exponent = Math.min(Math.max(state.attempts - 1, 0), 30);
  const ceiling = Math.min(config.retryBaseMs * 2 ** exponent, config.retryMaxDelayMs);
  const random = state.random ?? Math.random();
  const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * random);
  if (state.now + delayMs - state.createdAt > config.retryMaxAgeMs) {
    return { retry: false, reason: `gave up after ${state.attempts} attempts: the message would be older than the maximum age` };
  }
  return { retry: true, delayMs };
}
