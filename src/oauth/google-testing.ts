import type { OAuthConnectionRow } from '../store/schema.js';

const dayMs = 86_400_000;

/**
 * Why a Google sign-in grant probably died, when it died as Google's "Testing" apps do: `invalid_grant`
 * about 7 days (6 to 8) after the sign-in granted the refresh token. Google expires the refresh
 * tokens of an app whose OAuth consent screen is left in "Testing" after 7 days; reconnecting only
 * buys another week until the app is moved to "In production". Null otherwise.
 *
 * @example testingAppHint({ mode: 'google_signin', granted_at: now - 7 * 86_400_000 }, 'invalid_grant', now) // 'the refresh token was granted 7 days ago: …'
 */
export function testingAppHint(
  row: Pick<OAuthConnectionRow, 'mode' | 'granted_at'>,
  providerError: string | null,
  now: number,
): string | null {
  if (row.mode !== 'google_signin' || providerError !== 'invalid_grant' || row.granted_at === null) return null;
  const age = now - row.granted_at;
  if (age < 6 * dayMs || age > 8 * dayMs) return null;
  return (
    `the refresh token was granted ${Math.round(age / dayMs)} days ago: the Google app is probably in "Testing" publishing status, ` +
    'where refresh tokens expire after 7 days; move it to "In production" (Google Cloud console → OAuth consent screen → Publish app), then reconnect'
  );
}
