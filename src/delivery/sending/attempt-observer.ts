import type { Kysely } from 'kysely';
import type { HeraldMetrics } from '../../metrics/index.js';
import type { EffectiveSettings } from '../../scopes/index.js';
import type { Logger } from '../../shared/logger.js';
import type { Database, MessageRow } from '../../store/schema.js';
import { reasonClassOf } from '../smtp/reason-class.js';
import type { MessageOutcome } from './outbox.js';

/**
 * Sees each delivery attempt as the worker finishes it: counts it in the metrics and writes one
 * structured log line. Held and released messages were not attempted and are not seen.
 */
export type AttemptObserver = (message: MessageRow, outcome: MessageOutcome, settings: Promise<{ effective: EffectiveSettings }>) => void;

/** Event types looked up and kept; a claim batch's messages mostly share a few events. */
const eventTypeCacheSize = 10_000;

/**
 * The observer the worker calls once per attempt. The log line names the message, scope, event
 * and its type, the outcome and its reason class, the stage and reply, the duration, the attempt
 * number and the settings version, and shows addresses by domain only (`…@example.com`), replies
 * included. The event types of the attempts of 20 ms are read in one query, after the attempts,
 * so the send path never waits for it.
 *
 * @example
 * declare const metrics: HeraldMetrics;
 * const observeAttempt = createAttemptObserver({ db, log, metrics });
 */
export function createAttemptObserver(deps: {
  db: Kysely<Database>;
  log: Logger;
  metrics: Pick<HeraldMetrics, 'deliveryAttempt'>;
}): AttemptObserver {
  const eventTypes = new Map<string, string>();
  let waiting: Array<{ message: MessageRow; outcome: AttemptOutcome; provider: string }> = [];

  async function writeLines(): Promise<void> {
    // Lines the level leaves out (sent ones at HERALD_LOG_LEVEL=warn) cost no lookup.
    const infoShown = deps.log.isLevelEnabled?.('info') ?? true;
    const batch = waiting.filter((entry) => infoShown || isWarning(entry.outcome));
    waiting = [];
    const unknown = [...new Set(batch.map((entry) => entry.message.event_id).filter((id) => !eventTypes.has(id)))];
    try {
      for (let i = 0; i < unknown.length; i += 500) {
        const rows = await deps.db
          .selectFrom('events')
          .select(['id', 'type'])
          .where('id', 'in', unknown.slice(i, i + 500))
          .execute();
        for (const row of rows) remember(row.id, row.type);
      }
    } catch (error) {
      deps.log.warn({ err: error }, 'could not read the event types of delivery attempts; logged without them');
    }
    for (const { message, outcome, provider } of batch) {
      const line = attemptLine(message, outcome, provider, eventTypes.get(message.event_id) ?? null);
      if (isWarning(outcome)) deps.log.warn(line, 'delivery attempt');
      else deps.log.info(line, 'delivery attempt');
    }
  }

  function remember(eventId: string, type: string): void {
    if (eventTypes.size >= eventTypeCacheSize) eventTypes.delete(eventTypes.keys().next().value!);
    eventTypes.set(eventId, type);
  }

  return (message, outcome, settings) => {
    if (outcome.kind !== 'attempt') return;
    void settings
      .then(
        ({ effective }) => effective.server?.provider ?? 'none',
        () => 'none',
      )
      .then((provider) => {
        const { attempt } = outcome;
        deps.metrics.deliveryAttempt({
          scope: message.scope_id,
          provider,
          outcome: attempt.outcome,
          reason: reasonClassOf(attempt),
          ...(outcome.state === 'sent' ? { latencyMs: attempt.startedAt + attempt.durationMs - message.created_at } : {}),
        });
        // Coalesced for a moment: under load one query reads the event types of many attempts.
        if (waiting.push({ message, outcome, provider }) === 1) setTimeout(() => void writeLines(), 20);
      });
  };
}

type AttemptOutcome = Extract<MessageOutcome, { kind: 'attempt' }>;

/** Failed and ambiguous attempts are warnings; sent and deferred ones information. */
const isWarning = (outcome: AttemptOutcome) => outcome.state === 'failed' || outcome.attempt.outcome === 'ambiguous';

/** The log line's fields: no local part of any address, no secret (settings are named by version only). */
function attemptLine(message: MessageRow, outcome: AttemptOutcome, provider: string, eventType: string | null) {
  const { attempt } = outcome;
  return {
    message: message.id,
    scope: message.scope_id,
    event: message.event_id,
    eventType,
    recipientDomain: domainOf(message.recipient),
    attempt: message.attempts + 1,
    outcome: attempt.outcome,
    state: outcome.state,
    reason: reasonClassOf(attempt),
    stage: attempt.stage,
    replyCode: attempt.replyCode,
    reply: attempt.reply === null ? null : withoutLocalParts(attempt.reply),
    errorCode: attempt.errorCode,
    durationMs: attempt.durationMs,
    provider,
    settingsScope: attempt.settingsScope,
    settingsVersion: attempt.settingsVersion,
    ...(outcome.nextAttemptAt !== undefined ? { nextAttemptAt: new Date(outcome.nextAttemptAt).toISOString() } : {}),
  };
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/** `550 <ghost@example.com>: no such user` → `550 <…@example.com>: no such user`. */
function withoutLocalParts(text: string): string {
  return text.replace(/[^\s<>()[\]"',;:@]+@(?=[A-Za-z0-9[])/g, '…@');
}
