import type { Insertable } from 'kysely';
import type { AlertRow, DigestTable, EventNoteTable } from '../../store/schema.js';

export type Digest = Insertable<DigestTable> & { id: string };

/** One alert (scope, dedup key) in a commit: the row as read and locked (undefined: none yet), and the row it will be written as. */
export interface AlertSlot {
  loaded: AlertRow | undefined;
  write?: AlertRow;
}

/** One group's open digest in a commit: as read and locked, as it will be written, and the events joining it. */
export interface DigestSlot {
  loaded: Digest | undefined;
  /** The id of the digest this commit opens when the group has none open, or its open one is due. */
  opens: string;
  write?: Digest;
  items: string[];
}

/** A note on an event, as the rules decide it. */
export type RuleNote = Pick<EventNoteTable, 'kind' | 'code' | 'recipient' | 'message'>;

/** What a commit's decisions change, in decision order; `flushRules` writes it. */
export interface RuleWrites {
  alerts: AlertSlot[];
  digests: DigestSlot[];
  notes: Insertable<EventNoteTable>[];
}

export const noWrites = (): RuleWrites => ({ alerts: [], digests: [], notes: [] });
