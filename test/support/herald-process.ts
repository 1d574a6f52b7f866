import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));

/** A Herald started for real with `herald start` in a child process. */
export interface HeraldProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `herald start` with the given environment and resolves once it prints its URL.
 * `onOutput` sees everything printed so far on each write, before that too (a start that waits).
 */
export function startHeraldProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: { onOutput?: (output: string) => void } = {},
): Promise<HeraldProcess> {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, HERALD_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`herald did not start in time:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      options.onOutput?.(output);
      const match = /Herald is listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          async kill(signal) {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`herald exited with ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
}
