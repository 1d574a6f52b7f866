/** Characters clients and consoles mask a secret with. */
const maskCharacters = '*•●○◦·∙⋅■□▪▫█#xX._-…';
const isMask = (character: string) => maskCharacters.includes(character);
const maskRun = /[*•●○◦·∙⋅■□▪▫█#xX._\-…]{3}/u;
/** A word in brackets, braces, angle brackets, a template or a run of `*`, `_` or `#`: `[REDACTED]`, `<hidden>`, `{{password}}`, `${SMTP_PASSWORD}`, `__secret__`. */
const wrappedWord = /^(?:\[([^\]]*)\]|\(([^)]*)\)|<([^>]*)>|\{\{([^}]*)\}\}|\$\{([^}]*)\}|[*_#]+([^*_#]*)[*_#]+)$/u;
/** Words that stand for a hidden value even bare (and are no one's password). */
const markerWords = new Set(['redacted', 'hidden', 'masked', 'unchanged', 'filtered', 'not set', 'undefined', 'null']);

/**
 * True when a value sent for a secret field is a mask or placeholder, not a secret: a client
 * that shows a masked secret and echoes it back must never replace the stored one with the mask.
 * Catches masks (`********`, `••••••`, `***`, `****1234`), wrapped words (`[REDACTED]`,
 * `<hidden>`, `(unchanged)`, `{{password}}`, `${SMTP_PASSWORD}`) and a few bare marker words.
 * Pure; any secret field may use it.
 *
 * @example isSecretPlaceholder('********') // true
 * @example isSecretPlaceholder('correct horse battery staple') // false
 */
export function isSecretPlaceholder(value: string): boolean {
  const text = value.trim();
  if (text === '') return false;
  const characters = [...text];
  const masked = characters.filter(isMask).length;
  if (masked === characters.length) return true;
  if (maskRun.test(text) && masked * 2 >= characters.length) return true;
  const inner = wrappedWord
    .exec(text)
    ?.slice(1)
    .find((group) => group !== undefined)
    ?.trim();
  if (inner !== undefined && /^[\p{L} _-]{1,40}$/u.test(inner)) return true;
  return markerWords.has(text.toLowerCase());
}
