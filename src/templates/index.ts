export { renderBuiltin, renderTemplate, cachedTemplate, compileTemplate, type NotificationContext, type Rendered, type TemplateSource } from './render.js';
export { findTemplate, checkTemplate, saveTemplate, deleteTemplate, templateCacheKey } from './template-store.js';
export { renderPlain } from './render-plain.js';
export type { LayoutBrand } from './layout.js';
