import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/index.js';
import { AppError } from '../shared/app-error.js';
import type { ApiDeps } from './api-deps.js';
import { principalOf } from './access-control.js';

/** What a limit counts: test emails and connection tests have counters of their own. */
export type TestKind = 'test_email' | 'verify';

const minute = 60_000;
const hour = 3_600_000;
const nouns: Record<TestKind, string> = { test_email: 'test emails', verify: 'connection tests' };

/**
 * Admits one test email or connection test, or refuses it with `429 rate_limited` and
 * `Retry-After`: per caller (user or token) and per scope, per minute and per hour, in windows
 * shared by every node. The caller's limits are counted first, so a caller over them uses up
 * none of the scope's.
 *
 * @example
 * declare const deps: ApiDeps; declare const request: FastifyRequest; declare const reply: FastifyReply;
 * const admitTest = createTestAdmission(deps); await admitTest(request, reply, 'acme', 'verify');
 */
export function createTestAdmission({ counter, clock, config }: Pick<ApiDeps, 'counter' | 'clock' | 'config'>) {
  const limits = config.security.testLimits;
  return async (request: FastifyRequest, reply: FastifyReply, scopeId: string, kind: TestKind): Promise<void> => {
    const caller = actorOf(principalOf(request));
    const windows = [
      {
        key: `${kind}:caller:${caller}:minute`,
        windowMs: minute,
        limit: limits.perCallerPerMinute,
        per: 'per minute for each user or token',
      },
      { key: `${kind}:caller:${caller}:hour`, windowMs: hour, limit: limits.perCallerPerHour, per: 'per hour for each user or token' },
      { key: `${kind}:scope:${scopeId}:minute`, windowMs: minute, limit: limits.perScopePerMinute, per: 'per minute for this scope' },
      { key: `${kind}:scope:${scopeId}:hour`, windowMs: hour, limit: limits.perScopePerHour, per: 'per hour for this scope' },
    ];
    for (const window of windows) {
      if ((await counter.add(window.key, window.windowMs)) <= window.limit) continue;
      const waitSeconds = Math.ceil((window.windowMs - (clock.now() % window.windowMs)) / 1000);
      reply.header('retry-after', String(waitSeconds));
      throw new AppError('rate_limited', `At most ${window.limit} ${nouns[kind]} ${window.per}; try again in ${waitSeconds} s.`);
    }
  };
}
