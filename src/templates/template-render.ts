import { compile as compileHtmlToText } from 'html-to-text';
import { toHeaderText } from '../shared/email-address.js';
import { inlineCss } from './css-inliner.js';
import { engines, type Compiled } from './engine.js';
import { wrapInLayout } from './layout.js';
import type { NotificationContext, Rendered, TemplateSource } from './render.js';

// The scopes' own templates, compiled and rendered in the render threads (render-thread.ts): the
// CSS inliner and the HTML-to-text converter are loaded there, not where the built-in emails render.

export interface CompiledTemplate {
  subject: Compiled;
  html: Compiled;
  text: Compiled | null;
  /** A template that brings its own <html> document is not wrapped in the branded layout. */
  fullDocument: boolean;
}

const htmlToText = compileHtmlToText({ wordwrap: 78, selectors: [{ selector: 'img', format: 'skip' }] });
const compiledCache = new Map<string, CompiledTemplate>();

/** Parses a template (throws a Liquid error naming the line); CSS in a <style> block is inlined now, once. */
export function compileTemplate(source: TemplateSource): CompiledTemplate {
  const html = /<style[\s>]/i.test(source.html) ? inlineCss(source.html) : source.html;
  return {
    subject: engines.plain.parse(source.subject),
    html: engines.html.parse(html),
    text: source.text === null ? null : engines.plain.parse(source.text),
    fullDocument: /<html[\s>]/i.test(source.html),
  };
}

/** A compiled template from the cache, keyed by (scope, type, version) so each version compiles once. */
export function cachedTemplate(key: string, source: TemplateSource): CompiledTemplate {
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileTemplate(source);
    if (compiledCache.size > 5000) compiledCache.clear();
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/**
 * Renders a user template strictly: an unknown variable or filter throws, and so does a part Liquid
 * finds still running after `renderLimitMs` (checked between nodes only: see render-pool.ts).
 */
export function renderTemplate(compiled: CompiledTemplate, context: NotificationContext, renderLimitMs?: number): Rendered {
  const limits = renderLimitMs === undefined ? undefined : { renderLimit: renderLimitMs };
  const content = engines.html.renderSync(compiled.html, context, limits) as string;
  const html = compiled.fullDocument ? content : wrapInLayout(context.brand, content);
  const text = compiled.text ? (engines.plain.renderSync(compiled.text, context, limits) as string) : htmlToText(html);
  return {
    subject: toHeaderText(engines.plain.renderSync(compiled.subject, context, limits) as string)
      .trim()
      .slice(0, 250),
    html,
    text,
  };
}
