/** A host name (RFC 1123 labels, at most 253 characters, an optional final dot). */
export const hostPattern =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * A NetBIOS name as administrators write them: letters, digits and hyphens, at most 15
 * characters. NetBIOS allows a few more symbols, but NTLM libraries escape them differently,
 * and Windows has advised against them since Windows 2000.
 */
export const netbiosPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,13}[A-Za-z0-9])?$/;

/**
 * Whether `name` can be the domain of a Windows account: its NetBIOS name (`CORP`) or its DNS
 * name (`corp.example.com`, no final dot).
 *
 * @example isWindowsDomain('CORP') // true
 * @example isWindowsDomain('corp\\ops') // false
 */
export function isWindowsDomain(name: string): boolean {
  return netbiosPattern.test(name) || (name.includes('.') && !name.endsWith('.') && hostPattern.test(name));
}
