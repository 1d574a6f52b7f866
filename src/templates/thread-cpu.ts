import { readFileSync, readlinkSync } from 'node:fs';

/**
 * The id the kernel gives the calling thread (a worker thread has its own), read from Linux's
 * /proc; undefined where there is none.
 */
export function currentThreadId(): number | undefined {
  try {
    return Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * How much CPU time (ms) a thread of this process has used so far (Linux's schedstat, in
 * nanoseconds); undefined where /proc cannot tell, or once the thread has ended.
 *
 * @example const before = threadCpuMs(process.pid); const used = (threadCpuMs(process.pid) ?? 0) - (before ?? 0);
 */
export function threadCpuMs(tid: number | undefined): number | undefined {
  if (tid === undefined) return undefined;
  try {
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'latin1').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
