import type { Insertable } from 'kysely';
import { newId } from '../../shared/ids.js';
import type { EventNoteTable } from '../../store/schema.js';
import type { Decision } from './decide.js';
import type { AlertSlot, DigestSlot, RuleNote, RuleWrites } from './slots.js';

/**
 * Records one event's decision in the commit: the alert's and digest's next rows in their slots
 * (so the commit's next events are decided on them), and what `flushRules` will write.
 */
export function recordDecision(
  writes: RuleWrites,
  slots: { alert?: AlertSlot; digest?: DigestSlot },
  event: { id: string; scopeId: string },
  now: number,
  decision: Decision,
): void {
  if (decision.alert && slots.alert) {
    if (!slots.alert.write) writes.alerts.push(slots.alert);
    slots.alert.write = decision.alert;
  }
  if (decision.outcome === 'grouped' && slots.digest) {
    if (!slots.digest.write) writes.digests.push(slots.digest);
    slots.digest.write = decision.digest;
    slots.digest.items.push(event.id);
  }
  for (const note of decision.notes) writes.notes.push(noteRow(event, now, note));
}

export function noteRow(event: { id: string; scopeId: string }, now: number, note: RuleNote): Insertable<EventNoteTable> {
  return { id: newId('note'), event_id: event.id, scope_id: event.scopeId, ...note, created_at: now };
}
