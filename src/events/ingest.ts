import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { SettingsSecrets } from '../scopes/index.js';
import type { StoreDialect } from '../store/dialect.js';
import type { Database } from '../store/schema.js';
import type { RenderPool } from '../templates/index.js';
import type { EventInput, IngestResult } from './event-input.js';
import { insertRows, newRows, writeEvent, type Rows } from './event-rows.js';
import { createGroupCommit, WriteLater } from './group-commit.js';
import { preloadScopes, prepareEvent, type PrepareContext } from './prepare-event.js';

export interface IngestDeps {
  db: Kysely<Database>;
  dialect: StoreDialect;
  clock: Clock;
  messageIdDomain: string;
  /** The most messages one submission (one request) may create; more refuses it whole (`too_many_messages`). */
  maxMessagesPerSubmission: number;
  /** Whether a scope's mail-server password opens: one that does not holds its mail. */
  secrets: Pick<SettingsSecrets, 'unreadable'>;
  /** Renders the scopes' own templates (worker threads). */
  templates: RenderPool;
  /** Called after a commit that queued messages, to wake the delivery worker. */
  onQueued?: () => void;
}

/** Accepts events: what the API, the scheduler, the monitor and the Alertmanager webhook post to. */
export interface Ingest {
  /** Resolves once the events and their messages are committed; rejects with an AppError for bad input (nothing of the submission is written). */
  submit(inputs: EventInput[]): Promise<IngestResult[]>;
}

/**
 * Accepts events durably. Every event and its messages are written in one transaction before the
 * promise resolves. Submissions that arrive while a commit is running are grouped into the next
 * commit (group commit), so concurrent requests share one fsync without waiting for each other.
 *
 * @example const ingest = createIngest({ db, dialect, clock, messageIdDomain: 'herald.example', maxMessagesPerSubmission: 5000, secrets, templates: renderPool }); await ingest.submit([{ type: 'disk.threshold' }]);
 */
export function createIngest(deps: IngestDeps): Ingest {
  // Set by a commit that wrote queued messages: only those wake the worker (held ones wait for a release).
  let queued = false;
  const commits = createGroupCommit<EventInput[], IngestResult[]>(
    deps.db,
    async (trx, group, mayWriteLater) => {
      // Every accepted event of the group goes in with a few multi-row inserts.
      const templates = countingRenders(deps.templates);
      const rows = newRows(deps.dialect, templates.pool);
      await preloadScopes(trx, group.flat(), prepareContext(rows));
      const outcomes: Array<IngestResult[] | AppError> = [];
      for (const inputs of group) outcomes.push(await writeOrRefuse(trx, inputs, rows));
      // Its renders wait for a render thread to start (the first after a quiet spell): wait for it
      // with the transaction rolled back, so the database's writer is free meanwhile.
      const starting = mayWriteLater && templates.renders() > 0 ? deps.templates.threadStarting() : undefined;
      if (starting) {
        // Its renders are asked again when it is written again: these would only keep the new thread busy.
        templates.drop();
        throw new WriteLater(starting);
      }
      await insertRows(trx, rows);
      if (rows.messages.some((message) => message.state === 'queued')) queued = true;
      return outcomes;
    },
    () => {
      if (!queued) return;
      queued = false;
      deps.onQueued?.();
    },
  );

  /** One submission's events added to the commit, or the AppError that refuses it whole (nothing of it is written). */
  async function writeOrRefuse(trx: Transaction<Database>, inputs: EventInput[], rows: Rows): Promise<IngestResult[] | AppError> {
    try {
      const context = prepareContext(rows);
      const prepared = await Promise.all(
        inputs.map((input, index) => prepareEvent(trx, input, inputs.length > 1 ? `/events/${index}` : '', context)),
      );
      // Counted before anything is decided or written: every recipient of every new event, an upper bound.
      const planned = prepared.reduce((sum, event) => sum + (event.kind === 'new' ? event.rules.audience.recipients.length : 0), 0);
      if (planned > deps.maxMessagesPerSubmission) {
        return new AppError(
          'too_many_messages',
          `The request would create ${planned} messages; one request may create at most ${deps.maxMessagesPerSubmission}. Split it.`,
          [{ field: '/', rule: 'max_messages', message: `at most ${deps.maxMessagesPerSubmission} messages per request` }],
        );
      }
      return prepared.map((event) =>
        event.kind === 'replay' ? event.result : writeEvent(event, rows, deps.clock.now(), deps.messageIdDomain),
      );
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  }

  function prepareContext(rows: Rows): PrepareContext {
    return { scopes: rows.scopes, rules: rows.rules, holds: rows.holds, secrets: deps.secrets };
  }

  return {
    submit: (inputs) => commits.submit(inputs),
  };
}

/** The render pool, counting the renders one commit asks of it, and dropping those still queued when it is put off. */
function countingRenders(pool: RenderPool): { pool: RenderPool; renders(): number; drop(): void } {
  let renders = 0;
  const putOff = new AbortController();
  return {
    pool: {
      ...pool,
      render(key, source, context) {
        renders += 1;
        return pool.render(key, source, context, putOff.signal);
      },
    },
    renders: () => renders,
    drop: () => putOff.abort(),
  };
}
