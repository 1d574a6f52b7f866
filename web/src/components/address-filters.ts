import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { readDateRange } from './date-range';
import { useCursorPages } from './pager';

/**
 * A list's filters kept in the address, so a filtered view can be shared and reloaded: the values
 * of `keys` and of the Since/Until range, `apply` for the filter form's submit (a range that ends
 * before it starts is refused, said in `rangeProblem`), `clear`, and the paging, which starts again
 * with every new filter. `formKey` remounts the form when the address changes.
 */
export function useAddressFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const [rangeProblem, setRangeProblem] = useState<string>();
  const filter = Object.fromEntries([...keys, 'since', 'until'].map((key) => [key, params.get(key) ?? ''])) as Record<
    K | 'since' | 'until',
    string
  >;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of keys) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    const { since, until, problem } = readDateRange(form);
    setRangeProblem(problem);
    if (problem) return;
    if (since) next.set('since', since);
    if (until) next.set('until', until);
    pages.reset();
    setParams(next);
  }

  function clear() {
    pages.reset();
    setRangeProblem(undefined);
    setParams(new URLSearchParams());
  }

  return { filter, apply, clear, rangeProblem, pages, formKey: params.toString() };
}
