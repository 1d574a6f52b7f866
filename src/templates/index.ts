export { renderBuiltin, type NotificationContext, type Rendered, type TemplateSource } from './render.js';
export { createRenderPool, type RenderPool, type RenderPoolOptions } from './render-pool.js';
export type { RenderOutcome } from './template-check.js';
export { findTemplate, findTemplatesOf, templateCacheKey, templateKey } from './template-store.js';
export { renderPlain } from './render-plain.js';
export { summaryProblem } from './summary.js';
export type { LayoutBrand } from './layout.js';
export { createTemplates, type Templates, type TemplateView, type TemplateDraft } from './templates.js';
