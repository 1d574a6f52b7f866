/**
 * Runs `task` every `ms` until the returned function is called, skipping a beat while the previous
 * run is still going: when the database stalls (a lock held, a failover), each periodic task keeps
 * one query waiting, not one more per beat until the pool has no connection left for the rest.
 * The timer does not keep the process alive. A failed run goes to `onError`; the next beat runs.
 *
 * @example const stop = repeatEvery(5000, () => db.selectFrom('scopes').select('id').execute(), (error) => console.error(error)); stop();
 */
export function repeatEvery(ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
