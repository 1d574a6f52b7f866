import type { DeliveryConfig } from '../../config/config.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { AppError } from '../../shared/app-error.js';
import {
  holdReason,
  resolveEffectiveSettingsOf,
  type EffectiveSettings,
  type MailHostGuard,
  type SettingsSecrets,
} from '../../scopes/index.js';
import type { Store } from '../../store/database.js';
import type { MessageRow, MessageWithBody } from '../../store/schema.js';
import { composeMail } from './compose.js';
import { authSoftBounce } from './auth-soft-bounce.js';

import { recordAndClaim, recoverExpiredLeases, releaseHeld, releaseLeases, type MessageOutcome } from './outbox.js';
import { releasableScopes } from './held-release.js';
import { decideRetry } from './retry-policy.js';
import { nodeConcurrency, sendRateLimit } from './provider-limits.js';
import { liveSenders } from '../../cluster/index.js';
import { ambiguousLimit } from './ambiguous-limit.js';
import { createServerBackoff } from './server-backoff.js';
import { createDailyCap } from './daily-cap.js';
import { createTransportCache } from './transports/transport-cache.js';
import { GateClosedError } from './transports/send-gate.js';
import type { SendOutcome } from './transports/mail-transport.js';
import type { ClusterRateLimiter } from '../../cluster/rate-limiter.js';
import type { AttemptObserver } from './attempt-observer.js';
import type { AccessTokenSource } from '../../oauth/index.js';
import { oauthOutcome } from './oauth-outcome.js';
import { repeatEvery } from '../../shared/repeat.js';

export interface DeliveryWorkerDeps {
  store: Store;
  rateLimiter: ClusterRateLimiter;
  /** Opens settings' passwords; one that does not open holds the scope's mail. */
  secrets: SettingsSecrets;
  clock: Clock;
  log: Logger;
  config: DeliveryConfig;
  nodeId: string;
  /** The SSRF guard, asked right before a transport connects. */
  hosts: Pick<MailHostGuard, 'connectAddress'>;
  /** Counts and logs each attempt (attempt-observer.ts). */
  observeAttempt?: AttemptObserver;
  /** OAuth2 access tokens for XOAUTH2 servers and the Graph and Gmail APIs (src/oauth's token service); without it OAuth2 mail stays held. */
  tokens?: {
    source(scopeId: string): AccessTokenSource;
    refused(scopeId: string, reason: string): Promise<void>;
    /** The connection's version read with each batch's settings: a token cached under another is stale (replaced on another node). */
    seen(scopeId: string, version: number): void;
  };
}

/** A scope's effective settings and why its mail cannot be sent now (null: it can). */
interface ScopeSettings {
  effective: EffectiveSettings;
  hold: string | null;
}

/** This node's delivery counters since it started. */
export interface DeliveryStats {
  inFlight: number;
  sent: number;
  failed: number;
  retried: number;
  ambiguous: number;
  held: number;
  /** SMTP threads running now (started when an SMTP server is saved, or by the first send). */
  smtpThreads: number;
}

export interface DeliveryWorker {
  start(): void;
  /** Asks the worker to look for due work now (after an event was accepted, say). */
  wake(): void;
  /**
   * Re-checks held messages and releases those whose scope can send now (after mail settings were
   * saved, say); starts the SMTP thread too if an SMTP server now exists.
   */
  releaseHeldMessages(): Promise<number>;
  /** Stops claiming, lets sends in flight finish (up to `graceMs`), records them, releases the rest. */
  stop(graceMs: number): Promise<void>;
  stats(): DeliveryStats;
}

/**
 * How long an outcome may wait to be written with others (or with the next claim, which writes
 * them sooner): one commit, one fsync on SQLite, for every outcome of that time. A node killed
 * meanwhile sends those messages again once their lease expires, each with a `lease_expired` attempt.
 */
const outcomeFlushMs = 25;

/**
 * The delivery loop: claims due messages in batches under a lease, sends each through the
 * transport of its scope's effective settings, and records every outcome. Sends run
 * concurrently up to `concurrency`, and at most `scopeConcurrency` for any one scope.
 *
 * @example const worker = createDeliveryWorker({ store, rateLimiter, secrets, clock, log, config: config.delivery, nodeId, hosts }); worker.start();
 */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { store, clock, log, config, nodeId } = deps;
  // the nodes delivering now, re-read with every claimed batch that has mail to Graph: its 4 at once are shared among them
  let senders: readonly string[] = [nodeId];
  const transports = createTransportCache({
    concurrency: (server) => nodeConcurrency(server, senders, nodeId),
    db: store.db,
    secrets: deps.secrets,
    clock,
    log,
    timeoutMs: config.smtpTimeoutMs,
    smtpThreads: config.smtpThreads,
    hosts: deps.hosts,
    tokens: deps.tokens,
    apis: {
      accessTokens: { sourceFor: (server) => (deps.tokens ? deps.tokens.source(server.scopeId) : null) },
      testEndpoints: config.apiTestEndpoints,
    },
  });
  const backoff = createServerBackoff({ db: store.db, config });
  const dailyCap = createDailyCap(store.db);
  const inFlight = new Map<string, MessageRow>();
  const inFlightByScope = new Map<string, number>();
  const pending: MessageOutcome[] = [];
  let running = false;
  let cycling = false;
  let cycleAgain = false;
  let cycleTimer: NodeJS.Timeout | undefined;
  let cycleAt = 0;
  let cycleDone: Promise<void> = Promise.resolve();
  let timers: Array<() => void> = [];
  let drained: (() => void) | undefined;

  // Outcomes not yet written count too: their rows are still `sending` until the flush commits.
  const counters = { sent: 0, failed: 0, retried: 0, ambiguous: 0, held: 0 };
  const count = (outcome: MessageOutcome) => {
    if (outcome.kind === 'held') counters.held += 1;
    else if (outcome.kind === 'attempt') {
      if (outcome.state === 'sent') counters.sent += 1;
      else if (outcome.state === 'failed') counters.failed += 1;
      else counters.retried += 1;
      if (outcome.attempt.outcome === 'ambiguous') counters.ambiguous += 1;
    }
  };
  // Pending outcomes are written in the same transaction as the next claim, before it: their
  // slots are free for it.
  const room = () => config.concurrency - inFlight.size;
  const minimumClaim = Math.max(1, Math.min(config.claimBatch, Math.floor(config.concurrency / 4)));
  // A scope is claimed for only once it has room for a batch: otherwise every finished send frees
  // one slot and costs a claim transaction (and an fsync) for a single message. Half its room: the
  // other half keeps its connections busy meanwhile.
  const minimumScopeClaim = Math.max(1, Math.min(minimumClaim, Math.floor(config.scopeConcurrency / 2)));
  const scopeRoom = (scopeId: string) => {
    const left = config.scopeConcurrency - (inFlightByScope.get(scopeId) ?? 0);
    return left >= minimumScopeClaim ? left : 0;
  };

  /** Asks for a cycle within `delayMs` (coalesced: one timer, at the earliest time asked for). */
  function schedule(delayMs: number): void {
    const at = performance.now() + delayMs;
    if (cycleTimer) {
      if (cycleAt <= at) return;
      clearTimeout(cycleTimer);
    }
    cycleAt = at;
    cycleTimer = setTimeout(() => {
      cycleTimer = undefined;
      void cycle();
    }, delayMs);
  }

  function wake(): void {
    if (running) schedule(2);
  }

  /**
   * One round trip to the database at a time: writes the pending outcomes and, when there is
   * room for a batch, claims the next one in the same transaction; repeats while claims come
   * back full or outcomes wait.
   */
  function cycle(): Promise<void> {
    if (cycling) {
      cycleAgain = true;
      return cycleDone;
    }
    cycling = true;
    cycleDone = (async () => {
      try {
        do {
          cycleAgain = false;
          if (await exchange()) cycleAgain = true;
        } while (cycleAgain);
      } catch (error) {
        log.error({ err: error }, 'delivery cycle failed; will try again');
      } finally {
        cycling = false;
      }
      // Outcomes that came in meanwhile wait for the next claim or the flush delay.
      if (pending.length > 0 && running) schedule(outcomeFlushMs);
    })();
    return cycleDone;
  }

  /** Returns true when another round trip may find more to claim. */
  async function exchange(): Promise<boolean> {
    if (cycleTimer) clearTimeout(cycleTimer);
    cycleTimer = undefined;
    const outcomes = pending.splice(0);
    const claimable = running && room() >= minimumClaim;
    if (outcomes.length === 0 && !claimable) return false;
    const limit = Math.min(config.claimBatch, room());
    let batch: MessageWithBody[];
    try {
      batch = await recordAndClaim(store.db, store.dialect, {
        nodeId,
        now: clock.now(),
        leaseMs: config.leaseMs,
        outcomes,
        claim: claimable ? { limit, roomFor: scopeRoom } : undefined,
        afterOutcomes: (trx) => backoff.record(trx, clock.now(), outcomes),
      });
      if (batch.length > 0)
        await backoff.refresh(clock.now()).catch((error: unknown) => log.warn({ err: error }, 'reading the server backoff failed'));
    } catch (error) {
      // The database is unreachable (restarting, say): keep the outcomes and try again. If this
      // node dies first, the leases expire and the messages are sent again (counted as ambiguous).
      log.error({ err: error, count: outcomes.length }, 'recording delivery outcomes or claiming failed; will retry');
      pending.unshift(...outcomes);
      if (running) schedule(500);
      return false;
    }
    if (batch.length === 0) return false;
    // Settings and the hold decision once per scope and batch, every scope's in one query (a changed
    // row is seen by the next batch); the live nodes only for a batch with mail to Graph, whose 4 at
    // once they share.
    const resolved = resolveEffectiveSettingsOf(
      store.db,
      batch.map((message) => message.scope_id),
    ).then(async (all) => {
      if ([...all.values()].some((effective) => effective.server?.api === 'graph')) await readSenders();
      return all;
    });
    const settings = new Map<string, Promise<ScopeSettings>>();
    for (const message of batch) {
      if (!settings.has(message.scope_id)) {
        settings.set(
          message.scope_id,
          resolved.then((all) => {
            const effective = all.get(message.scope_id)!;
            const auth = effective.server?.auth;
            if (auth?.kind === 'oauth2' && auth.grant.status === 'connected')
              deps.tokens?.seen(effective.server!.scopeId, auth.grant.version);
            return { effective, hold: holdReason(effective, deps.secrets) };
          }),
        );
      }
      inFlight.set(message.id, message);
      inFlightByScope.set(message.scope_id, (inFlightByScope.get(message.scope_id) ?? 0) + 1);
      void deliver(message, settings.get(message.scope_id)!);
    }
    // Fewer than asked: nothing more is due or claimable now; a settle, flush or tick claims again.
    return batch.length >= limit;
  }

  async function readSenders(): Promise<void> {
    try {
      senders = await liveSenders(store.db, clock.now());
    } catch (error) {
      log.warn({ err: error }, 'reading the live nodes failed');
    }
  }

  async function deliver(message: MessageWithBody, scopeSettings: Promise<ScopeSettings>): Promise<void> {
    let startedAt = clock.now();
    let outcome: MessageOutcome;
    try {
      const { effective, hold } = await scopeSettings;
      if (hold !== null || effective.server === null) {
        outcome = { kind: 'held', message, reason: hold ?? 'no mail server' };
      } else {
        const server = effective.server;
        const result = await transports.with(server, async (transport) => {
          // a server marked down takes only its probe; the rest wait, with no attempt
          const downUntil = server.provider === 'builtin' ? null : await backoff.admit(server, clock.now());
          if (downUntil !== null) return { status: 'postponed' as const, until: downUntil };
          // a mailbox done for the day (Gmail: 2,000): the rest waits for the next UTC day, with no attempt
          const slot = await dailyCap.take(server, clock.now());
          if (slot !== null && 'until' in slot) return { status: 'postponed' as const, until: slot.until };
          const rate = sendRateLimit(server);
          if (rate) await deps.rateLimiter.acquire(server.scopeId, rate);
          startedAt = clock.now();
          const sent = await transport.send(composeMail(message, server.sender)).catch(async (error: unknown) => {
            if (slot !== null) await dailyCap.giveBack(slot);
            throw error;
          });
          // only what left counts against the day (an ambiguous send may have)
          if (slot !== null && sent.status !== 'sent' && sent.status !== 'ambiguous') await dailyCap.giveBack(slot);
          // A token refused after its renewal: the connection needs a reconnect, so the hold sticks.
          if (sent.status === 'held' && server.auth.kind === 'oauth2') await deps.tokens?.refused(server.scopeId, sent.reason);
          if (server.provider !== 'builtin' && sent.status !== 'held') {
            const { stage, replyCode } = sent.status === 'sent' ? { stage: 'data', replyCode: sent.replyCode } : sent.failure;
            backoff.observe(server, { outcome: sent.status, stage, replyCode }, clock.now());
          }
          return sent;
        });
        if (result.status === 'postponed') outcome = { kind: 'postponed', message, until: result.until };
        else outcome = toOutcome(message, result, startedAt, server.scopeId, server.version);
      }
    } catch (error) {
      if (error instanceof GateClosedError) {
        queueOutcome({ kind: 'released', message });
        return settle(message);
      }
      const oauth = oauthOutcome(error);
      if (oauth) {
        queueOutcome(
          oauth.held !== null ? { kind: 'held', message, reason: oauth.held } : toOutcome(message, oauth.result, startedAt, null, null),
        );
        return settle(message);
      }
      // Unexpected (a bug, the database): retried like a transient failure. A password that does
      // not open never gets here: the hold decision above has already held the message.
      log.error({ err: error, message: message.id, scope: message.scope_id }, 'delivery attempt failed unexpectedly');
      const code = error instanceof AppError ? error.code : 'internal';
      outcome = toOutcome(
        message,
        {
          status: 'retry',
          failure: {
            kind: 'transient',
            stage: 'unknown',
            replyCode: null,
            enhancedCode: null,
            reply: null,
            errorCode: code,
            message: error instanceof AppError ? error.message : 'internal error',
          },
        },
        startedAt,
        null,
        null,
      );
    }
    deps.observeAttempt?.(message, outcome, scopeSettings);
    queueOutcome(outcome);
    settle(message);
  }

  function settle(message: MessageRow): void {
    inFlight.delete(message.id);
    const left = (inFlightByScope.get(message.scope_id) ?? 1) - 1;
    if (left === 0) inFlightByScope.delete(message.scope_id);
    else inFlightByScope.set(message.scope_id, left);
    if (inFlight.size === 0 && drained) drained();
    // Claim again only when this send made room for a batch, in its scope or overall; more room
    // in a scope that is already claimable is taken by that claim.
    const scopeJustClaimable = config.scopeConcurrency - left === minimumScopeClaim;
    if (room() >= minimumClaim && (scopeJustClaimable || room() === minimumClaim)) wake();
  }

  function toOutcome(
    message: MessageRow,
    result: SendOutcome,
    startedAt: number,
    settingsScope: string | null,
    settingsVersion: number | null,
  ): MessageOutcome {
    const now = clock.now();
    const base = { startedAt, durationMs: now - startedAt, settingsScope, settingsVersion };
    if (result.status === 'held') return { kind: 'held', message, reason: result.reason };
    if (result.status === 'sent') {
      return {
        kind: 'attempt',
        message,
        state: 'sent',
        attempt: { ...base, outcome: 'sent', stage: 'data', replyCode: result.replyCode, reply: result.reply, errorCode: null },
      };
    }
    const { failure } = result;
    const status = result.status === 'failed' && authSoftBounce(failure) ? 'retry' : result.status;
    const attempt = {
      ...base,
      outcome: status,
      stage: failure.stage,
      replyCode: failure.replyCode,
      reply: failure.reply ?? failure.message,
      errorCode: failure.errorCode,
    };
    if (status === 'failed') return { kind: 'attempt', message, state: 'failed', attempt };
    // the configured re-sends, or fewer where the transport says so (an HTTP API: one)
    const resends = Math.min(config.ambiguousResends, result.ambiguousResends ?? Infinity);
    if (result.status === 'ambiguous' && message.ambiguous_attempts >= resends) return ambiguousLimit(message, attempt);
    const decision = decideRetry(
      { attempts: message.attempts + 1, createdAt: message.queued_at, now, minDelayMs: result.retryAfterMs },
      config,
    );
    if (!decision.retry)
      return { kind: 'attempt', message, state: 'failed', attempt: { ...attempt, reply: `${attempt.reply} (${decision.reason})` } };
    return { kind: 'attempt', message, state: 'deferred', nextAttemptAt: now + decision.delayMs, attempt };
  }

  function queueOutcome(outcome: MessageOutcome): void {
    count(outcome);
    pending.push(outcome);
    if (pending.length >= 200) void cycle();
    else schedule(outcomeFlushMs);
  }

  function warmSmtp(): void {
    if (!running) return;
    transports.warmSmtp().catch((error: unknown) => log.warn({ err: error }, 'could not start the SMTP thread ahead of the first send'));
  }

  async function releaseHeldMessages(): Promise<number> {
    warmSmtp();
    const released = await releaseHeld(store.db, await releasableScopes(store.db, deps.secrets), clock.now());
    if (released > 0) {
      log.info({ released }, 'released held messages');
      wake();
    }
    return released;
  }

  async function recover(): Promise<void> {
    const recovered = await recoverExpiredLeases(store.db, nodeId, clock.now());
    if (recovered > 0) {
      log.warn({ recovered }, 'took over messages whose lease expired');
      wake();
    }
  }

  const every = (ms: number, task: () => Promise<unknown>) =>
    timers.push(repeatEvery(ms, task, (error: unknown) => log.error({ err: error }, 'delivery maintenance failed')));

  return {
    start() {
      if (running) return;
      running = true;
      every(config.pollIntervalMs, cycle);
      every(Math.max(1000, Math.min(config.leaseMs / 4, 30_000)), recover);
      every(5000, releaseHeldMessages);
      void recover().then(cycle, (error: unknown) => log.error({ err: error }, 'lease recovery failed'));
      warmSmtp();
    },
    wake,
    releaseHeldMessages,
    async stop(graceMs) {
      running = false;
      for (const stopTimer of timers) stopTimer();
      timers = [];
      transports.closeGates();
      if (inFlight.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      // Write what finished (a cycle already under way may leave outcomes that came in meanwhile).
      for (let round = 0; round < 3 && (pending.length > 0 || cycling); round += 1) await cycle();
      const abandoned = [...inFlight.keys()];
      await releaseLeases(store.db, nodeId, abandoned, clock.now());
      if (abandoned.length > 0) log.warn({ count: abandoned.length }, 'released leases of sends that did not finish in the grace period');
      await transports.closeAll();
    },
    stats: () => ({ inFlight: inFlight.size, ...counters, smtpThreads: transports.smtpThreadsRunning() }),
  };
}
