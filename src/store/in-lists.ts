/**
 * Splits ids into `in` lists of at most `max`, each padded to a power of two (or `max`) by
 * repeating its last id, which selects nothing more: a query read this way has a few texts (seven
 * for 64) whatever the number of ids, since SQLite's statement cache keeps every text it prepared,
 * and no list exceeds what one statement may bind.
 *
 * @example [...inLists(['a', 'b', 'c'])] // [['a', 'b', 'c', 'c']]
 */
export function* inLists(ids: readonly string[], max = 64): Generator<string[]> {
  const unique = [...new Set(ids)];
  for (let at = 0; at < unique.length; at += max) {
    const list = unique.slice(at, at + max);
    const shape = Math.min(2 ** Math.ceil(Math.log2(list.length)), max);
    while (list.length < shape) list.push(list.at(-1)!);
    yield list;
  }
}

/**
 * The rows of several scopes, read with `read` once per `in` list of at most `max` (`inLists`),
 * grouped by scope in the order each query returned them: what loads one scope's rows serves a
 * commit's scopes.
 *
 * @example
 * const silences = await rowsByScope(['acme', 'globex'], (ids) => db.selectFrom('silences').selectAll().where('scope_id', 'in', ids).orderBy('id').execute());
 * silences.get('acme') // acme's rows in id order, or undefined when it has none
 */
export async function rowsByScope<R extends { scope_id: string }>(
  scopeIds: readonly string[],
  read: (ids: string[]) => Promise<R[]>,
  max = 64,
): Promise<Map<string, R[]>> {
  const grouped = new Map<string, R[]>();
  for (const ids of inLists(scopeIds, max)) {
    for (const row of await read(ids)) {
      const rows = grouped.get(row.scope_id);
      if (rows) rows.push(row);
      else grouped.set(row.scope_id, [row]);
    }
  }
  return grouped;
}
