import { Liquid, type Template } from 'liquidjs';

// No file system (`templates: {}` makes include/render look only in an empty map), own properties
// only, and limits so one template cannot take the process down. The memory limit (characters and
// array items a part's filters may create) is a million: far more than any email part needs.
// Liquid checks the render limit only between nodes: the scopes' own templates therefore render in
// the render threads (render-pool.ts), whose budget is enforced from outside.
const common = { templates: {}, ownPropertyOnly: true, parseLimit: 200_000, renderLimit: 2_000, memoryLimit: 1_000_000 };

/**
 * The Liquid engines: `html` escapes every output (event data is HTML-escaped in HTML parts), `plain`
 * does not (subject and text). The strict pair refuses unknown variables and filters (user
 * templates); the lenient pair renders the built-in defaults, which must never fail.
 */
export const engines = {
  html: new Liquid({ ...common, strictVariables: true, strictFilters: true, outputEscape: 'escape' }),
  plain: new Liquid({ ...common, strictVariables: true, strictFilters: true }),
  htmlLenient: new Liquid({ ...common, outputEscape: 'escape' }),
  plainLenient: new Liquid(common),
};

export type Compiled = Template[];
export type { Template };
