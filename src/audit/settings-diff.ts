/** Fields whose values are never written to the audit log, only that they changed. */
const secretFields = new Set(['password', 'passwordSet', 'tlsCa', 'token']);

/**
 * The field-level difference of two views of an object for the audit log: changed fields with
 * their old and new values, secrets only as "changed".
 *
 * @example diffFields({ host: 'a', passwordSet: true }, { host: 'b', passwordSet: true }, true)
 * // { host: { from: 'a', to: 'b' }, password: 'changed' }
 */
export function diffFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, secretChanged = false): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'version') continue;
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key === 'passwordSet' ? 'password' : key] = secretFields.has(key) ? 'changed' : { from, to };
  }
  if (secretChanged) changes.password = 'changed';
  return changes;
}
