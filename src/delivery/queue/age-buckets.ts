const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** How long messages have waited, in qshape's spirit: each bucket holds ages below its bound. */
export const ageBuckets = [
  { label: '0-5m', belowMs: 5 * minuteMs },
  { label: '5-30m', belowMs: 30 * minuteMs },
  { label: '30m-2h', belowMs: 2 * hourMs },
  { label: '2h-12h', belowMs: 12 * hourMs },
  { label: '12h+', belowMs: Number.POSITIVE_INFINITY },
] as const;

/** The index of the bucket an age falls in. */
export function ageBucketOf(ageMs: number): number {
  return ageBuckets.findIndex((bucket) => ageMs < bucket.belowMs);
}

/**
 * An age for a person: `45s`, `12m`, `3h 5m`, `2d 4h` (the two largest units).
 *
 * @example formatAge(3_900_000) // '1h 5m'
 */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor(seconds / 3600) % 24, 'h'],
    [Math.floor(seconds / 60) % 60, 'm'],
    [seconds % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ');
}
