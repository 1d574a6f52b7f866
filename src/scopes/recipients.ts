import type { Kysely } from 'kysely';
import { AppError, type ErrorDetail } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { formatMailbox, parseMailbox } from '../shared/email-address.js';
import type { Database } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { assertScope } from './tenants.js';

export const maxRecipients = 50;

/**
 * Validates a list of single-mailbox addresses: each parsed strictly, at most 50, no address
 * twice (compared case-insensitively). Returns them normalized.
 */
export function validateRecipientList(addresses: readonly string[], field: string): string[] {
  const problems: ErrorDetail[] = [];
  if (addresses.length > maxRecipients) {
    throw new AppError('too_many_recipients', `${field}: at most ${maxRecipients} recipients are allowed`, [
      { field, rule: 'maxItems', message: `at most ${maxRecipients}` },
    ]);
  }
  const seen = new Set<string>();
  const normalized = addresses.map((raw, index) => {
    const parsed = parseMailbox(raw);
    if (!parsed.ok) {
      problems.push({ field: `${field}/${index}`, rule: 'format', message: `is not a valid address: it ${parsed.reason}` });
      return '';
    }
    const key = parsed.mailbox.address.toLowerCase();
    if (seen.has(key)) problems.push({ field: `${field}/${index}`, rule: 'unique', message: `${parsed.mailbox.address} is listed twice` });
    seen.add(key);
    return formatMailbox(parsed.mailbox);
  });
  if (problems.length > 0) throw new AppError('invalid_address', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return normalized;
}

/** The scope's admin recipients, in the order they were added. */
export async function listRecipients(db: Kysely<Database>, scopeId: string): Promise<string[]> {
  await assertScope(db, scopeId);
  const rows = await db
    .selectFrom('scope_recipients')
    .select('address')
    .where('scope_id', '=', scopeId)
    .orderBy('created_at')
    .orderBy('address')
    .execute();
  return rows.map((row) => row.address);
}

/** Replaces the scope's admin recipients; `along` gets the list before and after, in the same transaction. */
/** How many admin recipients each of the scopes has (0 for one with none). */
export async function countRecipients(db: Kysely<Database>, scopeIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(scopeIds.map((id) => [id, 0]));
  if (scopeIds.length === 0) return counts;
  const rows = await db
    .selectFrom('scope_recipients')
    .select(['scope_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('scope_id', 'in', scopeIds)
    .groupBy('scope_id')
    .execute();
  for (const row of rows) counts.set(row.scope_id, Number(row.count));
  return counts;
}

export async function replaceRecipients(
  db: Kysely<Database>,
  clock: Clock,
  scopeId: string,
  addresses: readonly string[],
  along?: AlongWith<{ before: string[]; after: string[] }>,
): Promise<string[]> {
  const normalized = validateRecipientList(addresses, '/recipients');
  await assertScope(db, scopeId);
  const now = clock.now();
  await inTransaction(db, async (trx) => {
    const before = along ? await listRecipients(trx, scopeId) : [];
    await trx.deleteFrom('scope_recipients').where('scope_id', '=', scopeId).execute();
    if (normalized.length > 0) {
      await trx
        .insertInto('scope_recipients')
        .values(normalized.map((address, index) => ({ scope_id: scopeId, address, created_at: now + index })))
        .execute();
    }
    await along?.(trx, { before, after: normalized });
  });
  return normalized;
}

/** Every scope's admin recipients: the default audience of its events. */
export interface Recipients {
  /** The scope's admin recipients, in the order they were added. */
  list(scopeId: string): Promise<string[]>;
  /** Replaces the list (validated, normalized); `along` gets it before and after. */
  replace(scopeId: string, addresses: readonly string[], along?: AlongWith<{ before: string[]; after: string[] }>): Promise<string[]>;
  /** How many admin recipients each scope has (0 for one with none). */
  count(scopeIds: readonly string[]): Promise<Map<string, number>>;
}

export function createRecipients({ db, clock }: { db: Kysely<Database>; clock: Clock }): Recipients {
  return {
    list: (scopeId) => listRecipients(db, scopeId),
    replace: (scopeId, addresses, along) => replaceRecipients(db, clock, scopeId, addresses, along),
    count: (scopeIds) => countRecipients(db, scopeIds),
  };
}
