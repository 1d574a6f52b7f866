/**
 * Bounds the `scope` label: the system scope and at most `topTenants` tenants get their own value,
 * every other tenant shares `other`. The tenants labelled are the busiest seen so far (delivery
 * attempts on this node plus messages waiting in the queue); one that grows past the quietest
 * labelled tenant by half takes its place, and the one it replaces loses its series (`onEvict`),
 * so a scrape never shows more than `topTenants` tenants. Counts already added to `other` stay
 * there: no series ever goes down, which keeps `rate()` honest.
 *
 * @example
 * const labels = createTenantLabels({ topTenants: 1, onEvict: () => undefined });
 * labels.add('acme', 5); labels.labelOf('acme'); // 'acme'
 * labels.labelOf('globex'); // 'other'
 */
export function createTenantLabels(options: { topTenants: number; onEvict: (tenant: string) => void; always?: readonly string[] }) {
  const always = new Set(options.always ?? ['system']);
  const attempts = new Map<string, number>();
  const queued = new Map<string, number>();
  const labelled = new Set<string>();
  const score = (scope: string) => (attempts.get(scope) ?? 0) + (queued.get(scope) ?? 0);

  function quietest(): string | undefined {
    let found: string | undefined;
    for (const tenant of labelled) if (found === undefined || score(tenant) < score(found)) found = tenant;
    return found;
  }

  return {
    /** Counts `n` delivery attempts of a scope towards its rank. */
    add(scope: string, n = 1): void {
      if (!always.has(scope)) attempts.set(scope, (attempts.get(scope) ?? 0) + n);
    },
    /** Replaces every scope's queue size (from the latest queue snapshot) in its rank. */
    setQueued(sizes: ReadonlyMap<string, number>): void {
      queued.clear();
      for (const [scope, size] of sizes) if (!always.has(scope)) queued.set(scope, size);
    },
    /** The label value for a scope now: its id, or `other`. */
    labelOf(scope: string): string {
      if (always.has(scope) || labelled.has(scope)) return scope;
      if (labelled.size < options.topTenants) {
        labelled.add(scope);
        return scope;
      }
      const weakest = quietest();
      if (weakest === undefined || score(scope) <= score(weakest) * 1.5) return 'other';
      labelled.delete(weakest);
      options.onEvict(weakest);
      labelled.add(scope);
      return scope;
    },
  };
}

export type TenantLabels = ReturnType<typeof createTenantLabels>;
