import { Output, Tag } from 'liquidjs';
import { engines } from './engine.js';

// Filters whose cost grows no faster than the text they are given: an event type's summary renders
// on the main thread for every event of the type, so it may not loop, sort or build arrays.
const linearFilters = new Set([
  'default',
  'upcase',
  'downcase',
  'capitalize',
  'strip',
  'lstrip',
  'rstrip',
  'escape',
  'escape_once',
  'url_encode',
  'truncate',
  'truncatewords',
  'size',
  'first',
  'last',
  'date',
  'round',
  'floor',
  'ceil',
  'abs',
  'plus',
  'minus',
  'times',
  'divided_by',
  'modulo',
]);

/**
 * Why a registered event type's summary cannot be used, or undefined when it can: it must parse,
 * hold only values (`{{ data.host }}`, no `{% %}` tags) and use only filters whose cost is linear.
 *
 * @example summaryProblem('Disk {{ data.path }} is {{ data.value | round }}% full') // undefined
 */
export function summaryProblem(summary: string): string | undefined {
  let parsed;
  try {
    parsed = engines.plainLenient.parse(summary);
  } catch (error) {
    return `does not parse: ${(error as Error).message}`;
  }
  for (const node of parsed) {
    if (node instanceof Tag) return 'may hold only values such as {{ data.host }}, no tags ({% … %})';
    if (node instanceof Output) {
      const filter = node.value.filters.find((f) => !linearFilters.has(f.name));
      if (filter) return `may not use the filter ${filter.name} (allowed: ${[...linearFilters].join(', ')})`;
    }
  }
  return undefined;
}
