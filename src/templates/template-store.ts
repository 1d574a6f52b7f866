import type { Kysely } from 'kysely';
import { AppError, type ErrorDetail } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import type { Database, TemplateRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import { compileTemplate, renderTemplate, type NotificationContext, type Rendered, type TemplateSource } from './render.js';

/** The template in force for (scope, type): the scope's own, else the system's (tenants inherit). */
export async function findTemplate(db: Kysely<Database>, scopeId: string, type: string): Promise<TemplateRow | undefined> {
  const rows = await db.selectFrom('templates').selectAll().where('event_type', '=', type).where('scope_id', 'in', [scopeId, 'system']).execute();
  return rows.find((row) => row.scope_id === scopeId) ?? rows.find((row) => row.scope_id === 'system');
}

export const templateCacheKey = (row: Pick<TemplateRow, 'scope_id' | 'event_type' | 'version'>) => `${row.scope_id}\u0000${row.event_type}\u0000${row.version}`;

/**
 * Compiles and renders a template against a context (the type's sample data at save time):
 * syntax errors and unknown variables or filters are refused, naming the part.
 */
export function checkTemplate(source: TemplateSource, context: NotificationContext): Rendered {
  const problems: ErrorDetail[] = [];
  for (const part of ['subject', 'html', 'text'] as const) {
    const text = source[part];
    if (text === null) continue;
    try {
      compileTemplate({ subject: part === 'subject' ? text : '', html: part === 'html' ? text : '', text: part === 'text' ? text : null });
    } catch (error) {
      problems.push({ field: `/${part}`, rule: 'syntax', message: (error as Error).message });
    }
  }
  if (problems.length === 0) {
    try {
      return renderTemplate(compileTemplate(source), context);
    } catch (error) {
      const message = (error as Error).message;
      problems.push({ field: '/', rule: 'render', message });
    }
  }
  throw new AppError('template_invalid', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/**
 * Saves a scope's template for a type after checking it; each save is a new version. `along` gets
 * the scope's previous template (if any) and the new one, in the same transaction.
 */
export async function saveTemplate(
  db: Kysely<Database>, clock: Clock, scopeId: string, type: string, source: TemplateSource, sample: NotificationContext,
  along?: AlongWith<{ previous: TemplateRow | undefined; row: TemplateRow }>,
): Promise<TemplateRow> {
  checkTemplate(source, sample);
  return inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('templates').selectAll().where('scope_id', '=', scopeId).where('event_type', '=', type).executeTakeFirst();
    const row: TemplateRow = { scope_id: scopeId, event_type: type, version: (previous?.version ?? 0) + 1, subject: source.subject, html: source.html, text: source.text, updated_at: clock.now() };
    await trx.deleteFrom('templates').where('scope_id', '=', scopeId).where('event_type', '=', type).execute();
    await trx.insertInto('templates').values(row).execute();
    await along?.(trx, { previous, row });
    return row;
  });
}

/** Deletes a scope's own template for a type (the inherited one applies again); `along` gets the deleted one in the same transaction. */
export async function deleteTemplate(db: Kysely<Database>, scopeId: string, type: string, along?: AlongWith<TemplateRow>): Promise<TemplateRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('templates').where('scope_id', '=', scopeId).where('event_type', '=', type).returningAll().executeTakeFirst();
    if (!row) throw new AppError('not_found', `This scope has no template of its own for ${type}.`);
    await along?.(trx, row);
    return row;
  });
}
