import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import { assertScope } from '../scopes/index.js';
import { rowsByScope } from '../store/in-lists.js';
import type { Database } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';

/**
 * A window during which matching notifications are suppressed (and recorded so): one-off
 * (`startsAt`–`endsAt`) or recurring on weekdays between two UTC times (`02:00`–`04:00`, which may
 * wrap past midnight), optionally bounded by `startsAt`/`endsAt`.
 */
export interface Silence {
  id: string;
  /** Event type it matches; omitted matches every type. */
  eventType?: string;
  /** Labels the event must carry with these exact values. */
  labels: Record<string, string>;
  startsAt?: number;
  endsAt?: number;
  recurring?: { days: number[]; from: string; to: string };
  comment: string;
}

export type SilenceInput = Omit<Silence, 'id' | 'labels' | 'comment'> & { labels?: Record<string, string>; comment?: string };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the silence stops covering `now`, or undefined when it does not cover it. */
export function silenceEndsAt(silence: Silence, now: number): number | undefined {
  if (silence.startsAt !== undefined && now < silence.startsAt) return undefined;
  if (silence.endsAt !== undefined && now >= silence.endsAt) return undefined;
  if (!silence.recurring) return silence.endsAt ?? Number.MAX_SAFE_INTEGER;
  const date = new Date(now);
  const minute = date.getUTCHours() * 60 + date.getUTCMinutes();
  const from = minutesOf(silence.recurring.from);
  const to = minutesOf(silence.recurring.to);
  const dayStart = now - (minute * 60_000 + date.getUTCSeconds() * 1000 + date.getUTCMilliseconds());
  const today = date.getUTCDay();
  const yesterday = (today + 6) % 7;
  let end: number | undefined;
  if (from < to) {
    if (silence.recurring.days.includes(today) && minute >= from && minute < to) end = dayStart + to * 60_000;
  } else {
    // Wraps midnight: the part after `from` belongs to today, the part before `to` to yesterday's window.
    if (silence.recurring.days.includes(today) && minute >= from) end = dayStart + 86_400_000 + to * 60_000;
    else if (silence.recurring.days.includes(yesterday) && minute < to) end = dayStart + to * 60_000;
  }
  return end === undefined ? undefined : Math.min(end, silence.endsAt ?? end);
}

export function silenceMatches(silence: Silence, event: { type: string; labels: Record<string, string> }): boolean {
  if (silence.eventType && silence.eventType !== event.type) return false;
  return Object.entries(silence.labels).every(([key, value]) => event.labels[key] === value);
}

/** The first silence covering this event now, with when it ends. */
export function activeSilence(
  silences: readonly Silence[],
  event: { type: string; labels: Record<string, string> },
  now: number,
): { silence: Silence; endsAt: number } | undefined {
  for (const silence of silences) {
    if (!silenceMatches(silence, event)) continue;
    const endsAt = silenceEndsAt(silence, now);
    if (endsAt !== undefined) return { silence, endsAt };
  }
  return undefined;
}

export async function loadSilences(db: Kysely<Database>, scopeId: string): Promise<Silence[]> {
  return (await loadSilencesOf(db, [scopeId])).get(scopeId)!;
}

/** `loadSilences` for several scopes: one query per 64 of them. */
export async function loadSilencesOf(db: Kysely<Database>, scopeIds: readonly string[]): Promise<Map<string, Silence[]>> {
  const rows = await rowsByScope(scopeIds, (ids) =>
    db.selectFrom('silences').select(['scope_id', 'definition']).where('scope_id', 'in', ids).orderBy('id').execute(),
  );
  return new Map(scopeIds.map((scopeId) => [scopeId, (rows.get(scopeId) ?? []).map((row) => JSON.parse(row.definition) as Silence)]));
}

/** Creates a silence; `along` runs in its transaction. */
export async function createSilence(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  input: SilenceInput,
  along?: AlongWith<Silence>,
): Promise<Silence> {
  await assertScope(db, scopeId);
  if (!input.recurring && input.endsAt === undefined) {
    throw new AppError('validation_failed', '/endsAt: a one-off silence needs an end', [
      { field: '/endsAt', rule: 'required', message: 'a one-off silence needs an end (or give recurring)' },
    ]);
  }
  if (input.startsAt !== undefined && input.endsAt !== undefined && input.endsAt <= input.startsAt) {
    throw new AppError('validation_failed', '/endsAt: must be after startsAt', [
      { field: '/endsAt', rule: 'after', message: 'must be after startsAt' },
    ]);
  }
  const silence: Silence = { ...input, id: newId('sil'), labels: input.labels ?? {}, comment: input.comment ?? '' };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('silences')
      .values({ id: silence.id, scope_id: scopeId, definition: JSON.stringify(silence), created_at: clock.now() })
      .execute();
    await along?.(trx, silence);
  });
  return silence;
}

/** Deletes a silence of a scope; another scope's is `not_found`. `along` gets the deleted silence in the same transaction. */
export async function deleteSilence(db: Kysely<Database>, scopeId: string, id: string, along?: AlongWith<Silence>): Promise<Silence> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .deleteFrom('silences')
      .where('scope_id', '=', scopeId)
      .where('id', '=', id)
      .returning('definition')
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No silence ${id} in this scope.`);
    const silence = JSON.parse(row.definition) as Silence;
    await along?.(trx, silence);
    return silence;
  });
}

/** Every scope's silences. */
export interface Silences {
  /** The scope's silences, oldest first. */
  list(scopeId: string): Promise<Silence[]>;
  /** Creates a silence; a one-off one needs an end after its start. */
  create(scopeId: string, input: SilenceInput, along?: AlongWith<Silence>): Promise<Silence>;
  /** Deletes a silence of the scope; another scope's is `not_found`. */
  remove(scopeId: string, id: string, along?: AlongWith<Silence>): Promise<Silence>;
}

export function createSilences({ db, clock }: { db: Kysely<Database>; clock: Clock }): Silences {
  return {
    async list(scopeId) {
      await assertScope(db, scopeId);
      return loadSilences(db, scopeId);
    },
    create: (scopeId, input, along) => createSilence(db, clock, scopeId, input, along),
    remove: (scopeId, id, along) => deleteSilence(db, scopeId, id, along),
  };
}
