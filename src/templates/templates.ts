import type { Kysely } from 'kysely';
import { assertScope } from '../scopes/index.js';
import type { Clock } from '../shared/clock.js';
import type { Database, TemplateRow } from '../store/schema.js';
import type { AlongWith } from '../store/transaction.js';
import { renderBuiltin, type NotificationContext, type Rendered, type TemplateSource } from './render.js';
import type { RenderPool } from './render-pool.js';
import { checkTemplate, deleteTemplate, findTemplate, saveTemplate } from './template-store.js';

/** The template in force for a type in a scope: its own, the system's it inherits, or none (the built-in one renders). */
export interface TemplateView {
  type: string;
  origin: 'scope' | 'system' | 'builtin';
  version: number | null;
  subject: string | null;
  html: string | null;
  text: string | null;
}

/** A preview's edits: what is given replaces the saved template's part. */
export type TemplateDraft = { subject?: string; html?: string; text?: string | null };

/** Every scope's own templates, checked and previewed in the render pool. */
export interface Templates {
  /** The template in force for a type in a scope. */
  get(scopeId: string, type: string): Promise<TemplateView>;
  /** Checks a template against the type's sample context and saves it as the scope's next version. */
  save(
    scopeId: string,
    type: string,
    source: TemplateSource,
    sample: NotificationContext,
    along?: AlongWith<{ previous: TemplateRow | undefined; row: TemplateRow }>,
  ): Promise<TemplateView>;
  /** Deletes the scope's own template of a type (the inherited one applies again); none is `not_found`. */
  remove(scopeId: string, type: string, along?: AlongWith<TemplateRow>): Promise<void>;
  /** Renders the template in force (with a draft's edits) against a sample, or the built-in one when there is neither. */
  preview(
    scopeId: string,
    type: { id: string; title: string; summary: string },
    sample: NotificationContext,
    draft: TemplateDraft,
  ): Promise<Rendered>;
}

const viewOf = (row: TemplateRow, scopeId: string): TemplateView => ({
  type: row.event_type,
  origin: row.scope_id === scopeId ? 'scope' : 'system',
  version: row.version,
  subject: row.subject,
  html: row.html,
  text: row.text,
});

export function createTemplates({ db, clock, pool }: { db: Kysely<Database>; clock: Clock; pool: RenderPool }): Templates {
  return {
    async get(scopeId, type) {
      await assertScope(db, scopeId);
      const row = await findTemplate(db, scopeId, type);
      return row ? viewOf(row, scopeId) : { type, origin: 'builtin', version: null, subject: null, html: null, text: null };
    },
    save: async (scopeId, type, source, sample, along) =>
      viewOf(await saveTemplate(db, clock, pool, scopeId, type, source, sample, along), scopeId),
    async remove(scopeId, type, along) {
      await assertScope(db, scopeId);
      await deleteTemplate(db, scopeId, type, along);
    },
    async preview(scopeId, type, sample, draft) {
      const saved = await findTemplate(db, scopeId, type.id);
      if (draft.subject !== undefined || draft.html !== undefined) {
        return checkTemplate(
          pool,
          {
            subject: draft.subject ?? saved?.subject ?? '{{ event.title }}',
            html: draft.html ?? saved?.html ?? '<p>{{ event.title }}</p>',
            text: draft.text === undefined ? (saved?.text ?? null) : draft.text,
          },
          sample,
        );
      }
      return saved ? checkTemplate(pool, saved, sample) : renderBuiltin(type, sample, Date.parse(sample.event.occurredAt));
    },
  };
}
