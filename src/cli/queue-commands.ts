import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/config.js';
import type { QueueFilter } from '../delivery/queue/queue-commands.js';
import type { MessageState } from '../store/schema.js';
import { parseDuration } from '../shared/duration.js';
import { cliActor, withDomains } from './store-commands.js';
import { renderStatus } from './status-table.js';

export interface StatusOptions {
  json?: boolean;
  /** Redraw every `interval` until SIGINT. */
  watch?: boolean;
  /** Seconds between redraws (`--interval`), or a duration such as `5s`. */
  interval?: string;
  scope?: string;
}

const clearScreen = '\x1b[2J\x1b[H';

/** `herald status`: the table (or `--json`), once or, with `--watch`, redrawn until Ctrl-C. */
export async function statusCommand(config: Config, options: StatusOptions): Promise<number> {
  const intervalMs =
    options.interval === undefined
      ? 2000
      : parseDuration(/^\d+(\.\d+)?$/.test(options.interval) ? `${options.interval}s` : options.interval);
  if (intervalMs === undefined || intervalMs < 100) {
    console.error('--interval must be a number of seconds (or a duration such as 5s), at least 0.1 s');
    return 2;
  }
  return withDomains(config, async ({ queue }) => {
    const show = async () => {
      const status = await queue.status({ onlyScope: options.scope });
      return options.json ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status);
    };
    if (!options.watch) {
      process.stdout.write(await show());
      return 0;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      while (!stop.signal.aborted) {
        const text = await show();
        process.stdout.write(options.json ? text : `${clearScreen}${text}\nRefreshing every ${intervalMs / 1000} s; Ctrl-C to stop.\n`);
        await sleep(intervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return 0;
  });
}

export interface QueueCommandOptions {
  scope?: string;
  message?: string;
  states?: string[];
  olderThan?: string;
  recipient?: string;
  type?: string;
  reason?: string;
}

/** `herald queue retry|pause|resume|purge`, each audited as the CLI. */
export async function queueCommand(config: Config, action: string | undefined, options: QueueCommandOptions): Promise<number> {
  if (action !== 'retry' && action !== 'pause' && action !== 'resume' && action !== 'purge') {
    console.error('herald queue needs retry, pause, resume or purge');
    return 2;
  }
  if (options.scope === undefined && (options.message === undefined || action === 'pause' || action === 'resume')) {
    console.error(
      `herald queue ${action} needs --scope system|TENANT${action === 'retry' || action === 'purge' ? ' (or --message ID)' : ''}`,
    );
    return 2;
  }
  if (action === 'purge' && !options.reason?.trim()) {
    console.error('herald queue purge needs --reason TEXT: it is kept on every cancelled message');
    return 2;
  }
  let olderThanMs: number | undefined;
  if (options.olderThan !== undefined) {
    olderThanMs = parseDuration(options.olderThan, { requireUnit: true });
    if (olderThanMs === undefined) {
      console.error('--older-than must be a duration such as 30m, 2h or 1d');
      return 2;
    }
  }
  return withDomains(config, async ({ queue, deliveries, auditLog }) => {
    const scope = options.scope ?? (await deliveries.get(options.message!)).scope;
    const audit = <T>(name: string, details: (result: T) => Record<string, unknown>) =>
      auditLog.along((result: T) => ({
        actor: cliActor,
        scopeId: scope,
        action: name,
        target: `scope:${scope}`,
        details: details(result),
      }));
    if (action === 'pause' || action === 'resume') {
      const state =
        action === 'pause'
          ? await queue.pause(
              scope,
              { by: cliActor, reason: options.reason ?? null },
              audit(`queue.pause`, (s) => ({ changed: s.changed, reason: options.reason ?? null })),
            )
          : await queue.resume(
              scope,
              audit('queue.resume', (s) => ({ changed: s.changed })),
            );
      const word = action === 'pause' ? 'paused' : 'resumed';
      console.log(state.changed ? `Sending from ${scope} is ${word}.` : `Sending from ${scope} was already ${word}; nothing changed.`);
      if (action === 'pause') console.log('Its mail stays queued until `herald queue resume --scope ' + scope + '`.');
      return 0;
    }
    const filter: QueueFilter = {
      scope,
      states: options.states as MessageState[] | undefined,
      olderThanMs,
      recipient: options.recipient,
      eventType: options.type,
      messageId: options.message,
    };
    const describe = (result: { count: number; filter: object }) => ({ count: result.count, ...result.filter });
    if (action === 'retry') {
      const result = await queue.retry(filter, audit('queue.retry', describe));
      console.log(`Retrying ${result.count} message(s) of ${scope} (${result.filter.states.join(', ')}) now.`);
      return 0;
    }
    const reason = options.reason!;
    const result = await queue.purge(
      filter,
      { by: cliActor, reason },
      audit('queue.purge', (r: { count: number; filter: object }) => ({ ...describe(r), reason })),
    );
    console.log(`Cancelled ${result.count} message(s) of ${scope} (${result.filter.states.join(', ')}): ${reason}`);
    return 0;
  });
}
