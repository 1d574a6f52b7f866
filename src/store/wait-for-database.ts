import type { Logger } from '../shared/logger.js';
import { isDatabaseUnavailable } from './unavailable.js';

/** Waits between tries: 100 ms, doubling to at most 5 s. */
const firstDelayMs = 100;
const maxDelayMs = 5000;

/**
 * Runs `work` (a start's first use of the database: the migrations) and, while it fails because the
 * database cannot be reached yet or is still starting up (SQLSTATE 57P03, "the database system is
 * starting up"), tries again with exponential backoff for as long as it takes, logging each wait.
 * Any other error (a wrong password, a database that does not exist) is thrown at once.
 *
 * @example
 * import { migrateToLatest } from './migrate.js';
 * await whenDatabaseAnswers(() => migrateToLatest(store.db), log);
 */
export async function whenDatabaseAnswers<T>(work: () => Promise<T>, log: Pick<Logger, 'warn'>): Promise<T> {
  for (let delayMs = firstDelayMs; ; delayMs = Math.min(delayMs * 2, maxDelayMs)) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const { code, message } = error as { code?: string; message?: string };
      log.warn({ code, reason: message, retryInMs: delayMs }, 'waiting for the database');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
