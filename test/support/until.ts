/**
 * Polls `check` until it returns true; rejects naming `what` after `timeoutMs`. For conditions a
 * test cannot be told about (another process's state, a log line), instead of a fixed sleep.
 *
 * @example await until('the worker is ready', async () => (await fetch(`${url}/readyz`)).status === 200);
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
