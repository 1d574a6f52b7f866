import type { Kysely } from 'kysely';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { systemScopeId } from '../scopes/index.js';
import { inLists, rowsByScope } from '../store/in-lists.js';
import type { Database, TemplateRow } from '../store/schema.js';
import { inTransaction, type AlongWith } from '../store/transaction.js';
import type { NotificationContext, Rendered, TemplateSource } from './render.js';
import type { RenderPool } from './render-pool.js';

/** The key of a scope's template of a type, in maps of templates by scope and type. */
export const templateKey = (scopeId: string, type: string) => `${scopeId}\u0000${type}`;

/** The template in force for (scope, type): the scope's own, else the system's (tenants inherit). */
export async function findTemplate(db: Kysely<Database>, scopeId: string, type: string): Promise<TemplateRow | undefined> {
  return (await findTemplatesOf(db, [scopeId], [type]))(scopeId, type);
}

/**
 * `findTemplate` for the scopes and types of an ingest commit: their templates and the system's,
 * one query per 64 scopes and 64 types; answers for any of those scopes and types.
 *
 * @example const templateOf = await findTemplatesOf(db, ['acme', 'globex'], ['disk.threshold']); templateOf('acme', 'disk.threshold')
 */
export async function findTemplatesOf(
  db: Kysely<Database>,
  scopeIds: readonly string[],
  types: readonly string[],
): Promise<(scopeId: string, type: string) => TemplateRow | undefined> {
  const found = new Map<string, TemplateRow>();
  for (const typeList of inLists(types)) {
    const rows = await rowsByScope([...scopeIds, systemScopeId], (ids) =>
      db.selectFrom('templates').selectAll().where('scope_id', 'in', ids).where('event_type', 'in', typeList).execute(),
    );
    for (const row of [...rows.values()].flat()) found.set(templateKey(row.scope_id, row.event_type), row);
  }
  return (scopeId, type) => found.get(templateKey(scopeId, type)) ?? found.get(templateKey(systemScopeId, type));
}

export const templateCacheKey = (row: Pick<TemplateRow, 'scope_id' | 'event_type' | 'version'>) =>
  `${templateKey(row.scope_id, row.event_type)}\u0000${row.version}`;

/**
 * Compiles and renders a template against a context (the type's sample data at save time) in the
 * render pool: syntax errors, unknown variables or filters, and a render over the budget are
 * refused (`template_invalid`), each naming the part and the rule.
 */
export async function checkTemplate(pool: RenderPool, source: TemplateSource, context: NotificationContext): Promise<Rendered> {
  const outcome = await pool.check(source, context);
  if ('rendered' in outcome) return outcome.rendered;
  throw new AppError('template_invalid', outcome.problems.map((p) => `${p.field}: ${p.message}`).join('; '), outcome.problems);
}

/**
 * Saves a scope's template for a type after checking it; each save is a new version. `along` gets
 * the scope's previous template (if any) and the new one, in the same transaction.
 */
export async function saveTemplate(
  db: Kysely<Database>,
  clock: Clock,
  pool: RenderPool,
  scopeId: string,
  type: string,
  source: TemplateSource,
  sample: NotificationContext,
  along?: AlongWith<{ previous: TemplateRow | undefined; row: TemplateRow }>,
): Promise<TemplateRow> {
  await checkTemplate(pool, source, sample);
  return inTransaction(db, async (trx) => {
    const previous = await trx
      .selectFrom('templates')
      .selectAll()
      .where('scope_id', '=', scopeId)
      .where('event_type', '=', type)
      .executeTakeFirst();
    const row: TemplateRow = {
      scope_id: scopeId,
      event_type: type,
      version: (previous?.version ?? 0) + 1,
      subject: source.subject,
      html: source.html,
      text: source.text,
      updated_at: clock.now(),
    };
    await trx.deleteFrom('templates').where('scope_id', '=', scopeId).where('event_type', '=', type).execute();
    await trx.insertInto('templates').values(row).execute();
    await along?.(trx, { previous, row });
    return row;
  });
}

/** Deletes a scope's own template for a type (the inherited one applies again); `along` gets the deleted one in the same transaction. */
export async function deleteTemplate(
  db: Kysely<Database>,
  scopeId: string,
  type: string,
  along?: AlongWith<TemplateRow>,
): Promise<TemplateRow> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .deleteFrom('templates')
      .where('scope_id', '=', scopeId)
      .where('event_type', '=', type)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `This scope has no template of its own for ${type}.`);
    await along?.(trx, row);
    return row;
  });
}
