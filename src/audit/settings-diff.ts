/** Fields whose values are never written to the audit log, only that they changed. */
const secretFields = new Set(['password', 'passwordSet', 'tlsCa', 'token']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects as dotted keys (`thresholds.cpu`), so a diff names the field that changed, not its parent. */
function flatten(view: Record<string, unknown> | undefined, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view ?? {})) {
    if (isPlainObject(value)) Object.assign(flat, flatten(value, `${prefix}${key}.`));
    else flat[`${prefix}${key}`] = value;
  }
  return flat;
}

/**
 * The field-level difference of two views of an object for the audit log: changed fields with
 * their old and new values (nested fields by dotted name), secrets only as "changed".
 *
 * @example diffFields({ host: 'a', passwordSet: true }, { host: 'b', passwordSet: true }, true)
 * // { host: { from: 'a', to: 'b' }, password: 'changed' }
 */
export function diffFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  secretChanged = false,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const [from, to] = [flatten(before), flatten(after)];
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'version') continue;
    const old = from[key] ?? null;
    const next = to[key] ?? null;
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const secret = secretFields.has(key.slice(key.lastIndexOf('.') + 1));
    changes[key === 'passwordSet' ? 'password' : key] = secret ? 'changed' : { from: old, to: next };
  }
  if (secretChanged) changes.password = 'changed';
  return changes;
}
