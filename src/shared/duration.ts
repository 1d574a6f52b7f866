const units: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];
const unitMs: Record<string, number> = Object.fromEntries(units);

/**
 * Parses a duration: `500ms`, `30s`, `5m`, `24h`, `2d`, parts together (`1h30m`, `1h 30m`), or a
 * bare number of milliseconds (`requireUnit` refuses that: a person typing "30" means no unit).
 *
 * @example parseDuration('1h30m') // 5400000
 */
export function parseDuration(text: string, options: { requireUnit?: boolean } = {}): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return options.requireUnit && Number(trimmed) !== 0 ? undefined : Math.round(Number(trimmed));
  if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) total += Number(amount) * unitMs[unit!]!;
  return Math.round(total);
}

/**
 * A duration the way parseDuration reads it, in the largest units that add up exactly: `12h`,
 * `1h30m`, `45s`, `0`.
 *
 * @example formatDuration(5_400_000) // '1h30m'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  let rest = Math.round(ms);
  let text = '';
  for (const [unit, size] of units) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
