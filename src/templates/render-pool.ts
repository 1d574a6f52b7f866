import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger.js';
import type { NotificationContext, TemplateSource } from './render.js';
import type { RenderReply, RenderRequest, RenderThreadData } from './render-protocol.js';
import type { RenderOutcome } from './template-check.js';
import { threadCpuMs } from './thread-cpu.js';
import { threadEntry } from '../shared/thread-entry.js';

const entry = threadEntry(import.meta.url, 'render-thread');

export interface RenderPoolOptions {
  /** How many render threads (HERALD_TEMPLATE_THREADS). */
  threads: number;
  /** The CPU time one compile and render may use in a thread (HERALD_TEMPLATE_BUDGET). */
  budgetMs: number;
  log: Logger;
  /** After this long with nothing to render or check, the threads stop (default 30 s); the next render starts one. */
  idleStopMs?: number;
}

/** Worker threads that compile and render templates within a CPU budget. */
export interface RenderPool {
  /**
   * Send time: renders a stored version, keyed by (scope, type, version); one that overran before is
   * refused at once. Once `signal` aborts, a render still queued is dropped (a `busy` problem).
   */
  render(key: string, source: TemplateSource, context: NotificationContext, signal?: AbortSignal): Promise<RenderOutcome>;
  /** Save and preview: compiles each part, then renders strictly, naming what is wrong. */
  check(source: TemplateSource, context: NotificationContext): Promise<RenderOutcome>;
  /**
   * While sends wait and no thread is ready yet (one is starting, ~300 ms): a promise that settles
   * once one is ready or could not start; otherwise undefined. The ingest waits on it outside its
   * transaction, so a thread's start never holds the database's writer.
   */
  threadStarting(): Promise<void> | undefined;
  /** How many render threads run now (started or starting). */
  threads(): number;
  /** Ends the threads; renders still waiting are refused. */
  close(): Promise<void>;
}

interface Job extends RenderRequest {
  /** Sends only: when the caller stops waiting (performance.now()), whether the job is queued or running. */
  deadline?: number;
  expiry?: NodeJS.Timeout;
  resolve(outcome: RenderOutcome): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** The kernel's id of the thread, to read its CPU time (undefined: only wall-clock time is known). */
  tid?: number;
  /** The render in progress: its job, the watch on it, and the thread's CPU time when it began. */
  running?: { job: Job; timer: NodeJS.Timeout; cpuAtStart: number | undefined };
}

/** A send waits at most this many budgets of wall-clock time for its render, however busy the machine. */
const wallBudgets = 20;
/** How long a stored version whose render ran past that wait is skipped. */
const lateSkipMs = 60_000;
const defaultIdleStopMs = 30_000;
/** How long threadStarting() waits at most for a thread's start (~300 ms; seconds on a very busy machine). */
const startWaitMs = 10_000;

const problem = (rule: 'budget' | 'busy', message: string): RenderOutcome => ({ problems: [{ field: '/', rule, message }] });
const describe = (key: string | null) => (key === null ? 'a template being checked or previewed' : key.split('\u0000').join(' '));

/**
 * Renders stored templates (tenants' and the system's) in worker threads, so a slow template never
 * holds the main thread: Liquid checks its own render limit only between nodes, and one filter call
 * (a `sort` of a large array) or juice on a large <style> can run long.
 *
 * A render whose thread has used `budgetMs` of CPU time (Linux; elsewhere, wall-clock time) gets a
 * `budget` problem at once; its thread is ended and another started. CPU time, so that a busy
 * machine does not turn an ordinary template into an overrun. A stored version that overran is
 * remembered in this process and skipped from then on.
 *
 * Sends (`render`) go first; a check (`check`: save, preview) never takes the last idle thread, so
 * previews cannot keep sends waiting. A send waits at most 20 budgets in all, counted from when a
 * thread is ready (the ingest's transaction is open while it waits): one still queued by then gets a
 * `busy` problem; one still running is stopped as over `budget`, and its version skipped for a
 * minute (on a very busy machine it may not have had the CPU to finish). One thread starts with the first render; more, up to
 * `threads`, only when renders or checks wait with none idle (each is 45-60 MB of memory); after
 * `idleStopMs` with nothing to do, they all stop. A send that finds no thread ready does not wait
 * for one inside its ingest transaction: the ingest rolls back and writes again once
 * `threadStarting()` settles.
 *
 * @example
 * declare const source: TemplateSource; declare const context: NotificationContext;
 * const pool = createRenderPool({ threads: 2, budgetMs: 50, log }); await pool.render('acme:disk.threshold:3', source, context); await pool.close();
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const threads = new Set<Thread>();
  const sends: Job[] = [];
  const checks: Job[] = [];
  /** Stored versions to skip, until when (performance.now()), and what to answer meanwhile. */
  const skipped = new Map<string, { until: number; outcome: RenderOutcome }>();
  const waitMs = options.budgetMs * wallBudgets;
  const overrun = problem('budget', `the render used more than its budget of ${options.budgetMs} ms`);
  const overranBefore = problem(
    'budget',
    `this template version went over its render budget of ${options.budgetMs} ms before, and is not rendered again until it is saved again`,
  );
  const late = problem('budget', `the render did not finish within ${waitMs} ms (a slow template, or a very busy machine)`);
  const lateBefore = problem(
    'budget',
    `this template version did not finish within ${waitMs} ms a moment ago, and is tried again after a minute`,
  );
  const noThread = problem('busy', `no render thread was free within ${waitMs} ms`);
  const dropped = problem('busy', 'the render was no longer wanted');
  // How many threads to keep: none until the first render, then one more each time work waits with
  // no thread idle or starting, up to `options.threads`; one that ends is replaced. Events arriving
  // one at a time keep a single thread; a commit of several renders them at once. None again after
  // idleStopMs with nothing to do.
  let wanted = 0;
  let closed = false;
  const idleStopMs = options.idleStopMs ?? defaultIdleStopMs;
  /** When the pool last had work to do (performance.now()). */
  let lastWork = 0;
  /** Set while threads run: checks, idleStopMs after the last work, whether the pool is still quiet. */
  let idleStop: NodeJS.Timeout | undefined;
  /** Callers of threadStarting(), told when a thread is ready or could not start. */
  let startWaiters: Array<() => void> = [];

  /** A send's wait for its render begins (again): it is refused as `busy` if still queued after waitMs. */
  function startWait(job: Job): void {
    clearTimeout(job.expiry);
    job.deadline = performance.now() + waitMs;
    job.expiry = setTimeout(() => {
      const at = sends.indexOf(job);
      if (at >= 0) sends.splice(at, 1)[0]!.resolve(noThread);
    }, waitMs);
  }

  function tellStartWaiters(): void {
    const waiters = startWaiters;
    startWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function skip(key: string | null, until: number, outcome: RenderOutcome): void {
    if (key === null) return;
    if (skipped.size >= 10_000) skipped.clear();
    skipped.set(key, { until, outcome });
  }

  function skippedOutcome(key: string | null): RenderOutcome | undefined {
    const entry = key === null ? undefined : skipped.get(key);
    if (entry && entry.until > performance.now()) return entry.outcome;
    return undefined;
  }

  function start(): void {
    // Liquid's own limit is a backstop here: wall-clock time, which a busy machine stretches.
    const data: RenderThreadData = { renderLimitMs: 5 * waitMs };
    // No inherited preloads (the bench's probe, a profiler): the entry registers tsx itself when run from source. The
    // heap limit ends a thread (not the process) that a template makes allocate too much.
    const worker = new Worker(entry, { execArgv: [], workerData: data, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const thread: Thread = { worker, ready: false };
    threads.add(thread);
    options.log.debug({ threads: threads.size }, 'a template render thread is starting');
    worker.on('message', (reply: RenderReply) => {
      if ('ready' in reply) {
        // The sends queued while no thread was ready wait from now: the start is not the render's time.
        if (![...threads].some((other) => other.ready)) for (const job of sends) startWait(job);
        thread.ready = true;
        thread.tid = reply.tid;
        // Started for work, maybe a commit that waited for it: the idle time counts from now.
        lastWork = performance.now();
        tellStartWaiters();
      } else if (thread.running) {
        const { job, timer, cpuAtStart } = thread.running;
        clearTimeout(timer);
        thread.running = undefined;
        // A busy machine can run the watch late: a render that finished over its budget is an overrun all the same.
        const cpu = threadCpuMs(thread.tid);
        const finishedOver = cpu !== undefined && cpuAtStart !== undefined && cpu - cpuAtStart >= options.budgetMs;
        if (finishedOver || ('problems' in reply && reply.problems.some((p) => p.rule === 'budget')))
          skip(job.key, Infinity, overranBefore);
        job.resolve(finishedOver ? overrun : reply);
      }
      dispatch();
    });
    worker.on('error', (error) => options.log.error({ err: error }, 'a template render thread failed'));
    worker.on('exit', (code) => {
      threads.delete(thread);
      const running = thread.running;
      thread.running = undefined;
      if (running) {
        clearTimeout(running.timer);
        skip(running.job.key, Infinity, overranBefore);
        running.job.resolve(problem('budget', `the render thread ended during the render (exit code ${code}), most likely out of memory`));
      } else if (!thread.ready && !closed) {
        // It could not start: fail what waits rather than start threads in a loop.
        wanted = 0;
        options.log.error({ code }, 'a template render thread could not start');
        for (const job of [...sends.splice(0), ...checks.splice(0)]) {
          clearTimeout(job.expiry);
          job.reject(new Error('the template render thread could not start'));
        }
      }
      if (![...threads].some((other) => !other.ready)) tellStartWaiters();
      dispatch();
    });
  }

  /** Watches a running render: its thread's CPU time against the budget, a send's wait against its deadline. */
  function run(thread: Thread, job: Job): void {
    clearTimeout(job.expiry);
    const startedAt = performance.now();
    const cpuAtStart = threadCpuMs(thread.tid);
    const watch = () => {
      const now = performance.now();
      const cpu = threadCpuMs(thread.tid);
      const used = cpu !== undefined && cpuAtStart !== undefined ? cpu - cpuAtStart : now - startedAt;
      const pastDeadline = job.deadline !== undefined && now >= job.deadline;
      if (used < options.budgetMs && !pastDeadline) {
        // The thread did not get the CPU it waited for: wait for the rest of its budget.
        thread.running = { job, cpuAtStart, timer: setTimeout(watch, Math.min(options.budgetMs - used, (job.deadline ?? Infinity) - now)) };
        return;
      }
      thread.running = undefined;
      threads.delete(thread);
      void thread.worker.terminate();
      options.log.warn(
        { template: describe(job.key), budgetMs: options.budgetMs, cpuMs: Math.round(used), waitedMs: Math.round(now - startedAt) },
        'a template render was stopped; its thread is replaced',
      );
      if (used >= options.budgetMs) {
        skip(job.key, Infinity, overranBefore);
        job.resolve(overrun);
      } else {
        skip(job.key, now + lateSkipMs, lateBefore);
        job.resolve(late);
      }
      dispatch();
    };
    thread.running = { job, cpuAtStart, timer: setTimeout(watch, Math.min(options.budgetMs, (job.deadline ?? Infinity) - startedAt)) };
    const request: RenderRequest = { key: job.key, source: job.source, context: job.context };
    thread.worker.postMessage(request);
  }

  function nextJob(): Job | undefined {
    for (let job = sends.shift(); job; job = sends.shift()) {
      const skip = skippedOutcome(job.key);
      if (!skip) return job;
      clearTimeout(job.expiry);
      job.resolve(skip);
    }
    const idle = [...threads].filter((thread) => thread.ready && !thread.running).length;
    return options.threads === 1 || idle >= 2 ? checks.shift() : undefined;
  }

  /** Whether the pool has work: renders or checks waiting, or a thread rendering or starting. */
  function working(): boolean {
    return sends.length + checks.length > 0 || [...threads].some((thread) => thread.running || !thread.ready);
  }

  /** Stops the idle threads once the pool has had nothing to do for idleStopMs. */
  function stopIdleThreads(): void {
    idleStop = undefined;
    if (closed || threads.size === 0) return;
    // Work waiting (a check waits for a second idle thread) or a thread still starting: not quiet.
    if (working()) lastWork = performance.now();
    const quietFor = performance.now() - lastWork;
    if (quietFor < idleStopMs) {
      idleStop = setTimeout(stopIdleThreads, idleStopMs - quietFor).unref();
      return;
    }
    wanted = 0;
    for (const thread of [...threads]) {
      if (!thread.ready || thread.running) continue;
      threads.delete(thread);
      void thread.worker.terminate();
    }
    options.log.debug({ threads: threads.size, quietMs: Math.round(quietFor) }, 'idle template render threads stopped');
  }

  function dispatch(): void {
    if (closed) return;
    for (const thread of threads) {
      if (!thread.ready || thread.running) continue;
      const job = nextJob();
      if (!job) break;
      run(thread, job);
    }
    const starting = [...threads].filter((thread) => !thread.ready).length;
    const unserved = sends.length + checks.length - starting;
    if (unserved > 0) wanted = Math.min(options.threads, Math.max(wanted, threads.size + unserved));
    while (threads.size < wanted) start();
    if (working()) lastWork = performance.now();
    if (threads.size > 0 && !idleStop) idleStop = setTimeout(stopIdleThreads, idleStopMs).unref();
    // Idle threads do not keep the process alive.
    for (const thread of threads) {
      if (thread.running || (!thread.ready && sends.length + checks.length > 0)) thread.worker.ref();
      else thread.worker.unref();
    }
  }

  function enqueue(
    queue: Job[],
    key: string | null,
    source: TemplateSource,
    context: NotificationContext,
    signal?: AbortSignal,
  ): Promise<RenderOutcome> {
    if (closed) return Promise.reject(new Error('the template render pool is closed'));
    return new Promise((resolve, reject) => {
      // Only the template's own fields cross to the thread.
      const job: Job = { key, source: { subject: source.subject, html: source.html, text: source.text }, context, resolve, reject };
      if (queue === sends) startWait(job);
      queue.push(job);
      signal?.addEventListener(
        'abort',
        () => {
          const at = queue.indexOf(job);
          if (at < 0) return;
          queue.splice(at, 1);
          clearTimeout(job.expiry);
          job.resolve(dropped);
        },
        { once: true },
      );
      dispatch();
    });
  }

  return {
    render(key: string, source: TemplateSource, context: NotificationContext, signal?: AbortSignal): Promise<RenderOutcome> {
      const skip = skippedOutcome(key);
      return skip ? Promise.resolve(skip) : enqueue(sends, key, source, context, signal);
    },
    check(source: TemplateSource, context: NotificationContext): Promise<RenderOutcome> {
      return enqueue(checks, null, source, context);
    },
    threads: () => threads.size,
    threadStarting(): Promise<void> | undefined {
      if (sends.length === 0 || [...threads].some((thread) => thread.ready) || threads.size === 0) return undefined;
      // At most startWaitMs: past it the caller renders with whatever the pool can do by then.
      return new Promise((resolve) => {
        startWaiters.push(resolve);
        setTimeout(resolve, startWaitMs).unref();
      });
    },
    async close(): Promise<void> {
      closed = true;
      clearTimeout(idleStop);
      const stopped = new Error('the template render pool is closed');
      for (const job of [...sends.splice(0), ...checks.splice(0)]) {
        clearTimeout(job.expiry);
        job.reject(stopped);
      }
      const ending = [...threads];
      threads.clear();
      tellStartWaiters();
      for (const thread of ending) {
        if (thread.running) {
          clearTimeout(thread.running.timer);
          thread.running.job.reject(stopped);
          thread.running = undefined;
        }
      }
      await Promise.all(ending.map((thread) => thread.worker.terminate()));
    },
  };
}
