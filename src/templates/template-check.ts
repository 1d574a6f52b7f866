import type { ErrorDetail } from '../shared/app-error.js';
import type { NotificationContext, Rendered, TemplateSource } from './render.js';
import { cachedTemplate, compileTemplate, renderTemplate } from './template-render.js';

/**
 * What a render comes to, as plain data (it crosses from the render thread): the email, or what is
 * wrong, each problem naming the part and the rule (`syntax`, `render`, or `budget` for a render
 * that took too long).
 */
export type RenderOutcome = { rendered: Rendered } | { problems: ErrorDetail[] };

/**
 * Compiles and renders a template strictly against a context (the type's sample data at save
 * time, or a preview's): a syntax error names its part; an unknown variable or filter, or a render
 * Liquid stopped at `renderLimitMs`, names the render.
 *
 * @example
 * declare const context: NotificationContext;
 * checkSource({ subject: '{{ event.title }}', html: '<p>{{ data.nope }}</p>', text: null }, context, 40) // { problems: [{ field: '/', rule: 'render', … }] }
 */
export function checkSource(source: TemplateSource, context: NotificationContext, renderLimitMs: number): RenderOutcome {
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
  if (problems.length > 0) return { problems };
  try {
    return { rendered: renderTemplate(compileTemplate(source), context, renderLimitMs) };
  } catch (error) {
    return { problems: [renderProblem(error)] };
  }
}

/** Renders a stored template version, compiled once per `key` (scope, type, version). */
export function renderStored(key: string, source: TemplateSource, context: NotificationContext, renderLimitMs: number): RenderOutcome {
  try {
    return { rendered: renderTemplate(cachedTemplate(key, source), context, renderLimitMs) };
  } catch (error) {
    return { problems: [renderProblem(error)] };
  }
}

function renderProblem(error: unknown): ErrorDetail {
  const message = error instanceof Error ? error.message : String(error);
  return { field: '/', rule: /template render limit exceeded/.test(message) ? 'budget' : 'render', message };
}
