/** Thrown to callers still waiting for a slot when the gate is closed. */
export class GateClosedError extends Error {
  constructor() {
    super('the transport is closing');
    this.name = 'GateClosedError';
  }
}

export interface SendGate {
  /** Runs `task` once a slot is free; throws GateClosedError when the gate is (or gets) closed first. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Refuses new sends and every waiting one; sends already running carry on. */
  close(): void;
}

/**
 * Lets at most `size` sends use a transport at once (a function: read at every admission, so a
 * share that changes with the cluster applies at once); the rest wait here rather than in
 * nodemailer's pool queue, so a graceful stop can hand them back at once instead of waiting.
 */
export function createSendGate(size: number | (() => number)): SendGate {
  const limit = typeof size === 'function' ? size : () => size;
  let active = 0;
  let closed = false;
  const waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  // a waiter's slot is counted when it is handed over, not when it resumes
  const admit = () => {
    while (waiting.length > 0 && active < limit()) {
      active += 1;
      waiting.shift()!.resolve();
    }
  };

  return {
    async run(task) {
      if (closed) throw new GateClosedError();
      if (active >= limit()) await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
      else active += 1;
      try {
        return await task();
      } finally {
        active -= 1;
        admit();
      }
    },
    close() {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.reject(new GateClosedError());
    },
  };
}
