import type { Kysely, Transaction } from 'kysely';
import type { DeliveryConfig } from '../../config/config.js';
import { systemScopeId } from '../../scopes/index.js';
import type { Database, ServerBackoffTable } from '../../store/schema.js';
import type { MessageOutcome } from './outbox.js';
import { decideRetry } from './retry-policy.js';

type AttemptOutcome = Extract<MessageOutcome, { kind: 'attempt' }>;

/** A mail server as the backoff knows it: the scope whose settings these are, and their version. */
export interface ServerKey {
  scopeId: string;
  version: number;
}

const keyOf = (server: ServerKey) => `${server.scopeId}\u0000${server.version}`;

/**
 * A failure meaning the server is not there: no connection, no TLS, or a 421 before any mail
 * was talked about. A refusal of one message (a 4xx at RCPT, say) means the server is up.
 */
export function isConnectionFailure(attempt: Pick<AttemptOutcome['attempt'], 'outcome' | 'stage' | 'replyCode'>): boolean {
  if (attempt.outcome !== 'retry') return false;
  if (['dns', 'connect', 'tls'].includes(attempt.stage)) return true;
  return attempt.replyCode === 421 && attempt.stage === 'ehlo';
}

/**
 * Per-server backoff, as Postfix marks a dead destination: after a connection-level failure the
 * server (scope + settings version) is marked down in `server_backoff` for a step that grows
 * like a message's retries (the retry policy, jitter above); during the step the server's queue
 * is parked (its next attempt moved to the step's end, no attempt recorded, so no retry budget
 * spent), and when it ends ONE message goes as a probe (claimed with a compare-and-set, so one
 * across the cluster). A probe that fails starts the next, longer step; any answer from the
 * server ends the backoff and un-parks the queue at once. The state is in the database, so it
 * holds across nodes and restarts; each worker keeps a copy it refreshes with every claimed batch
 * while it knows of a server that is down, and at most once a second otherwise.
 */
export function createServerBackoff(deps: {
  db: Kysely<Database>;
  config: Pick<DeliveryConfig, 'retryBaseMs' | 'retryMaxDelayMs' | 'smtpTimeoutMs'>;
}) {
  const { db, config } = deps;
  // `local`: marked by this node's own failure, not written yet
  // servers this node saw answer while marked down, until the outcome write clears their row
  const recovered = new Set<string>();
  const down = new Map<string, Pick<ServerBackoffTable, 'retry_at' | 'probe_until'> & { local?: true }>();
  // a probe may take a connect, a greeting and each command up to the SMTP timeout
  const probeLeaseMs = config.smtpTimeoutMs * 4;
  let readAt = Number.NEGATIVE_INFINITY;
  const stepDelay = (step: number) => {
    const decision = decideRetry({ attempts: step, createdAt: 0, now: 0 }, { ...config, retryMaxAgeMs: Number.MAX_SAFE_INTEGER });
    return decision.retry ? decision.delayMs : config.retryMaxDelayMs;
  };

  return {
    /**
     * Reloads which servers are down (one small query; the table holds only servers that are down).
     * While this copy has none, at most once a second: another node's mark is seen up to a second
     * late (a send meanwhile fails on its own), and each batch spares the round trip. While it has
     * one, with every batch: a server another node's probe found up again is sent to at once.
     */
    async refresh(now: number): Promise<void> {
      if (down.size === 0 && now - readAt < 1000) return;
      readAt = now;
      const rows = await db.selectFrom('server_backoff').select(['scope_id', 'settings_version', 'retry_at', 'probe_until']).execute();
      const marked = new Map(down);
      down.clear();
      for (const row of rows) down.set(keyOf({ scopeId: row.scope_id, version: row.settings_version }), row);
      // a mark this node made and has not written yet stays until its step ends
      for (const [key, mark] of marked) if (!down.has(key) && mark.local && mark.retry_at > now) down.set(key, mark);
    },

    /**
     * Whether a message may go to this server now: null when it may (the server is up, or this
     * message is the step's probe), else the time to wait until, without an attempt.
     */
    async admit(server: ServerKey, now: number): Promise<number | null> {
      const key = keyOf(server);
      const state = down.get(key);
      if (!state) return null;
      const busyUntil = Math.max(state.retry_at, state.probe_until ?? 0);
      if (now < busyUntil) return busyUntil;
      const until = now + probeLeaseMs;
      const taken = await db
        .updateTable('server_backoff')
        .set({ probe_until: until, updated_at: now })
        .where('scope_id', '=', server.scopeId)
        .where('settings_version', '=', server.version)
        .where('retry_at', '<=', now)
        .where((eb) => eb.or([eb('probe_until', 'is', null), eb('probe_until', '<=', now)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) > 0) {
        down.set(key, { retry_at: state.retry_at, probe_until: until });
        return null;
      }
      const row = await db
        .selectFrom('server_backoff')
        .select(['retry_at', 'probe_until'])
        .where('scope_id', '=', server.scopeId)
        .where('settings_version', '=', server.version)
        .executeTakeFirst();
      if (!row) {
        // the server came back (another node's probe went through) or the mark was never written
        down.delete(key);
        return null;
      }
      down.set(key, row);
      return Math.max(row.retry_at, row.probe_until ?? 0, now + 1);
    },

    /**
     * Notes a send's outcome at once (before its slot is given to the next send), so the sends of
     * this node still waiting do not try a server just found down.
     */
    observe(server: ServerKey, attempt: Pick<AttemptOutcome['attempt'], 'outcome' | 'stage' | 'replyCode'>, now: number): void {
      const key = keyOf(server);
      if (!isConnectionFailure(attempt)) {
        // the server answered: its queue may go (the backoff row goes with this outcome's write)
        if (down.delete(key)) recovered.add(key);
        return;
      }
      const state = down.get(key);
      if (!state || state.probe_until !== null)
        down.set(key, { retry_at: Math.max(state?.retry_at ?? 0, now + stepDelay(1)), probe_until: null, local: true });
    },

    /**
     * Writes what the outcomes say about their servers, in the outcomes' transaction: marks a
     * server down (or starts its next step after a failed probe) and parks its queue, or ends
     * its backoff and un-parks the queue.
     */
    async record(trx: Transaction<Database>, now: number, outcomes: readonly MessageOutcome[]): Promise<void> {
      const verdicts = new Map<string, { server: ServerKey; up: boolean; failure?: string }>();
      for (const outcome of outcomes) {
        if (outcome.kind !== 'attempt' || outcome.attempt.settingsScope === null || outcome.attempt.settingsVersion === null) continue;
        const server = { scopeId: outcome.attempt.settingsScope, version: outcome.attempt.settingsVersion };
        const key = keyOf(server);
        const failed = isConnectionFailure(outcome.attempt);
        if (!failed && !down.has(key) && !recovered.has(key)) continue;
        const verdict = verdicts.get(key) ?? { server, up: false };
        if (failed) verdict.failure = outcome.attempt.reply ?? outcome.attempt.errorCode ?? outcome.attempt.stage;
        else verdict.up = true;
        verdicts.set(key, verdict);
      }
      for (const [key, verdict] of verdicts) {
        if (verdict.up) {
          down.delete(key);
          await markUp(trx, verdict.server, now);
          recovered.delete(key);
        } else {
          const state = await markDown(trx, verdict.server, now, verdict.failure ?? null);
          down.set(key, state);
        }
      }
    },
  };

  async function markDown(trx: Transaction<Database>, server: ServerKey, now: number, failure: string | null) {
    const row = await trx
      .selectFrom('server_backoff')
      .selectAll()
      .where('scope_id', '=', server.scopeId)
      .where('settings_version', '=', server.version)
      .executeTakeFirst();
    if (row && row.probe_until === null && now < row.retry_at) {
      // sends that were in flight when the server went down: the step has begun already
      return { retry_at: row.retry_at, probe_until: row.probe_until };
    }
    const step = (row?.step ?? 0) + 1;
    const retryAt = now + stepDelay(step);
    if (row) {
      await trx
        .updateTable('server_backoff')
        .set({ step, retry_at: retryAt, probe_until: null, last_failure: failure, updated_at: now })
        .where('scope_id', '=', server.scopeId)
        .where('settings_version', '=', server.version)
        .execute();
    } else {
      await trx
        .insertInto('server_backoff')
        .values({
          scope_id: server.scopeId,
          settings_version: server.version,
          step,
          down_since: now,
          retry_at: retryAt,
          probe_until: null,
          last_failure: failure,
          updated_at: now,
        })
        .execute();
    }
    // park the queue: due at the end of the step, no attempt recorded (also what waited for the failed probe)
    await trx
      .updateTable('messages')
      .set({ next_attempt_at: retryAt })
      .where('state', 'in', ['queued', 'deferred'])
      .where('scope_id', 'in', scopesServedBy(trx, server.scopeId))
      .where('next_attempt_at', '<=', Math.max(retryAt, row?.probe_until ?? 0))
      .execute();
    return { retry_at: retryAt, probe_until: null };
  }

  async function markUp(trx: Transaction<Database>, server: ServerKey, now: number): Promise<void> {
    const row = await trx
      .deleteFrom('server_backoff')
      .where('scope_id', '=', server.scopeId)
      .where('settings_version', '=', server.version)
      .returning(['retry_at', 'probe_until'])
      .executeTakeFirst();
    if (!row) return;
    // un-park: what waited for the step (or for the probe) is due now
    await trx
      .updateTable('messages')
      .set({ next_attempt_at: now })
      .where('state', 'in', ['queued', 'deferred'])
      .where('scope_id', 'in', scopesServedBy(trx, server.scopeId))
      .where('next_attempt_at', '>', now)
      .where('next_attempt_at', '<=', Math.max(row.retry_at, row.probe_until ?? 0))
      .execute();
  }
}

export type ServerBackoff = ReturnType<typeof createServerBackoff>;

/** The scopes whose mail a scope's server sends: its own, and for the system's, the tenants without settings of their own. */
export function scopesServedBy(db: Kysely<Database>, scopeId: string) {
  return db
    .selectFrom('scopes')
    .select('id')
    .where((eb) =>
      scopeId === systemScopeId ? eb.or([eb('id', '=', scopeId), eb('mail_server_version', 'is', null)]) : eb('id', '=', scopeId),
    );
}
