/**
 * A whole number from the environment, or `fallback` when unset or empty; throws naming the
 * variable when it is not a whole number ≥ `min`.
 *
 * @example wholeFromEnv(process.env, 'BENCH_N', 5000) // 5000 unless BENCH_N says otherwise
 */
export function wholeFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}: "${raw}" must be a whole number ≥ ${min}`);
  return value;
}
