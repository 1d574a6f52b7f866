import type { DeliveryConfig } from '../../config/config.js';

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** How far above the computed delay the jitter may go, as a share of it. */
export const retryJitter = 0.5;

/**
 * Exponential backoff with jitter above it: the n-th retry waits the computed delay
 * `min(base * 2^(n-1), maximum delay)` plus a uniformly drawn 0 to 50 % of it, so never sooner
 * than configured, and messages deferred together spread out instead of retrying in lockstep.
 * A server's `minDelayMs` (HTTP `Retry-After`) is honoured: the delay is never shorter than it.
 * A message older than the maximum age (or that would be by its next attempt) is given up.
 *
 * @example decideRetry({ attempts: 1, createdAt: 0, now: 1000, random: 0 }, config.delivery) // { retry: true, delayMs: 30000 }
 */
export function decideRetry(
  state: { attempts: number; createdAt: number; now: number; random?: number; minDelayMs?: number },
  config: Pick<DeliveryConfig, 'retryBaseMs' | 'retryMaxDelayMs' | 'retryMaxAgeMs'>,
): RetryDecision {
  const exponent = Math.min(Math.max(state.attempts - 1, 0), 30);
  const computed = Math.min(config.retryBaseMs * 2 ** exponent, config.retryMaxDelayMs);
  const random = state.random ?? Math.random();
  const delayMs = Math.max(Math.round(computed * (1 + retryJitter * random)), Math.ceil(state.minDelayMs ?? 0));
  if (state.now + delayMs - state.createdAt > config.retryMaxAgeMs) {
    return { retry: false, reason: `gave up after ${state.attempts} attempts: the message would be older than the maximum age` };
  }
  return { retry: true, delayMs };
}
