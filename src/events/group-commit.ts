import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Database } from '../store/schema.js';

/**
 * Writes a group of submissions in one transaction, answering each in order: its result, or an
 * AppError that refuses it alone (bad input) while the others are committed. While `mayWriteLater`,
 * it may throw WriteLater instead.
 */
export type WriteGroup<I, R> = (trx: Transaction<Database>, group: I[], mayWriteLater: boolean) => Promise<Array<R | AppError>>;

/**
 * Thrown by a group's write when it would wait long inside its transaction (a render thread
 * starting): the transaction rolls back, other submissions are committed meanwhile, and the group
 * is written again once `ready` settles, that time with `mayWriteLater` false.
 */
export class WriteLater extends Error {
  constructor(readonly ready: Promise<unknown>) {
    super('the group is written again once what it waits for is ready');
  }
}

export interface GroupCommit<I, R> {
  /** Resolves once the submission is committed; rejects with the AppError that refused it, or the error that failed its transaction. */
  submit(input: I): Promise<R>;
}

interface Waiter<I, R> {
  input: I;
  /** Put off once already (WriteLater): written without waiting the next time. */
  putOff?: boolean;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: submissions that arrive while a commit is running are written together in the
 * next one, so concurrent requests share one transaction (one fsync) without waiting for each
 * other. A group whose transaction fails is written again one submission per transaction, so one
 * bad submission does not fail the others. `onCommitted` runs after each group. A group whose write
 * throws WriteLater is put aside until its wait is over, then committed with the submissions then
 * waiting.
 *
 * @example
 * const names = createGroupCommit(db, (trx, group: string[]) => Promise.all(group.map((name) => trx.updateTable('scopes').set({ updated_at: now }).where('id', '=', name).execute())));
 * await names.submit('acme');
 */
export function createGroupCommit<I, R>(db: Kysely<Database>, write: WriteGroup<I, R>, onCommitted?: () => void): GroupCommit<I, R> {
  let queue: Array<Waiter<I, R>> = [];
  let committing = false;

  async function commitQueued(): Promise<void> {
    committing = true;
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      const mayWriteLater = !group.some((waiter) => waiter.putOff);
      try {
        const results = await db.transaction().execute((trx) =>
          write(
            trx,
            group.map((waiter) => waiter.input),
            mayWriteLater,
          ),
        );
        group.forEach((waiter, index) => settle(waiter, results[index]!));
      } catch (error) {
        if (error instanceof WriteLater && mayWriteLater) {
          putOff(group, error.ready);
          continue;
        }
        // One submission broke the shared transaction (a race on an idempotency key between
        // nodes, say): commit each on its own so the others still go through.
        for (const waiter of group) {
          try {
            const [result] = await db.transaction().execute((trx) => write(trx, [waiter.input], false));
            settle(waiter, result!);
          } catch (error) {
            waiter.reject(error);
          }
        }
      }
      if (onCommitted) onCommitted();
    }
    committing = false;
  }

  function putOff(group: Array<Waiter<I, R>>, ready: Promise<unknown>): void {
    for (const waiter of group) waiter.putOff = true;
    void ready
      .catch(() => undefined)
      .then(() => {
        queue.unshift(...group);
        scheduleCommit();
      });
  }

  function scheduleCommit(): void {
    if (committing) return;
    // better-sqlite3 runs the whole transaction in microtasks: started now, it would hold
    // only this request. Waiting two turns of the event loop lets the requests read in this
    // turn and the next join the same commit (one fsync and one read of each scope's rules
    // for all of them): 112-115 commits for 5,000 events instead of 156-161, 6% less CPU
    // per event (docs/benchmarks.md).
    committing = true;
    setImmediate(() => setImmediate(() => void commitQueued()));
  }

  function settle(waiter: Waiter<I, R>, outcome: R | AppError): void {
    if (outcome instanceof AppError) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  return {
    submit(input: I): Promise<R> {
      return new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        scheduleCommit();
      });
    },
  };
}
