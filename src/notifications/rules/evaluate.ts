import type { EventOutcome } from '../../store/schema.js';
import type { Rendered } from '../../templates/index.js';
import type { Recipient } from '../audience.js';
import { renderForSend } from '../render-for-send.js';
import type { RulesCommit } from './commit.js';
import { decide } from './decide.js';
import type { PreparedRules } from './prepare.js';
import type { RuleInput } from './rule-input.js';
import { noteRow, recordDecision } from './record.js';

export interface Evaluation {
  outcome: EventOutcome;
  /** `code: explanation` when suppressed or grouped. */
  reason?: string;
  recipients: Recipient[];
  /** The email's content, being rendered (a template's failure gives the built-in email); the commit waits for it before writing. */
  rendered?: Promise<Rendered>;
}

export interface EvaluateContext {
  eventId: string;
  scope: { id: string; name: string };
  now: number;
}

/**
 * Decides one event (in commit order), records what that changes in the commit, and starts
 * rendering its email: a scope's template renders in the render pool, so the events of a commit
 * render concurrently; a template's warning is noted on the event.
 */
export function evaluateRules(prepared: PreparedRules, input: RuleInput, context: EvaluateContext, commit: RulesCommit): Evaluation {
  const { eventId, scope, now } = context;
  const decision = decide({ id: eventId, scope, input }, prepared, now);
  const event = { id: eventId, scopeId: scope.id };
  recordDecision(commit.writes, prepared, event, now, decision);
  if (decision.outcome !== 'queued') return { outcome: decision.outcome, reason: decision.reason, recipients: [] };
  const rendered = renderForSend(commit.pool, prepared.template, prepared.type, decision.email, now, (code, message) =>
    commit.writes.notes.push(noteRow(event, now, { kind: 'warning', code, recipient: null, message })),
  );
  return { outcome: 'queued', recipients: decision.recipients, rendered };
}
