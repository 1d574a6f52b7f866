import type { TemplateRow } from '../store/schema.js';
import { renderBuiltin, templateCacheKey, type NotificationContext, type Rendered, type RenderPool } from '../templates/index.js';
import type { EventType } from './catalogue.js';

/** Records a warning note on the event (`template_failed`, `template_budget`, `template_busy`). */
export type Warn = (code: 'template_failed' | 'template_budget' | 'template_busy', message: string) => void;

/**
 * The email of one event: the scope's template rendered in the render pool, else the built-in one
 * (on this thread: it is Herald's own code). A template that fails, goes over its render budget, or
 * cannot be rendered in time on a busy machine gives the built-in email and a warning saying which.
 *
 * @example
 * declare const template: TemplateRow | undefined; declare const type: EventType; declare const context: NotificationContext;
 * const notes: { code: string; message: string }[] = [];
 * const rendered = await renderForSend(renderPool, template, type, context, now, (code, message) => notes.push({ code, message }));
 */
export async function renderForSend(
  pool: RenderPool,
  template: TemplateRow | undefined,
  type: EventType,
  context: NotificationContext,
  now: number,
  warn: Warn,
): Promise<Rendered> {
  if (template) {
    const name = `the ${template.scope_id} template v${template.version}`;
    try {
      const outcome = await pool.render(templateCacheKey(template), template, context);
      if ('rendered' in outcome) return outcome.rendered;
      const why = outcome.problems.map((problem) => problem.message).join('; ');
      const rules = new Set(outcome.problems.map((problem) => problem.rule));
      if (rules.has('budget')) warn('template_budget', `${name} was stopped: ${why}; the built-in default was sent`);
      else if (rules.has('busy')) warn('template_busy', `${name} was not rendered: ${why}; the built-in default was sent`);
      else warn('template_failed', `${name} failed (${why}); the built-in default was sent`);
    } catch (error) {
      warn('template_failed', `${name} could not be rendered (${(error as Error).message}); the built-in default was sent`);
    }
  }
  return renderBuiltin(type, context, now);
}
