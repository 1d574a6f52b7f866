/** The token-endpoint errors an administrator can act on (../shared/oauth.md), by AADSTS code. */
const aadsts: Record<string, string> = {
  '7000215': "the client secret is wrong: paste the secret's Value, not its Secret ID",
  '7000222': 'the client secret expired: create a new secret in Entra and save it',
  '700016': 'the application was not found in the directory: check the client id, the directory (tenant) id and admin consent',
  '65001': 'consent is missing: an administrator must grant consent to the app',
  '65004': 'the user declined to consent to the app (Cancel on the consent page)',
  '90094': 'consent is missing: an administrator must grant consent to the app',
  '50173': 'the grant was revoked or has expired: reconnect the mailbox',
  '70008': 'the grant was revoked or has expired: reconnect the mailbox',
  '700082': 'the refresh token expired (unused for 90 days): reconnect the mailbox',
  '70043': 'a sign-in frequency policy ended the grant: reconnect the mailbox',
  '50011': 'the redirect URI does not match: register the exact redirect URI Herald shows',
  '50076': 'multi-factor authentication or Conditional Access blocks the app: an administrator must allow it',
  '53003': 'Conditional Access blocks the app: an administrator must allow it',
  '530035': 'security defaults block the app: an administrator must allow it',
  '90002': 'the directory (tenant) was not found: check the directory id',
  '50194': 'the app is single-tenant: give the directory (tenant) id instead of a common endpoint',
  '700027':
    "the certificate's signature was refused: upload this certificate (.cer) to the app registration, or save the certificate registered there with its own key",
  '700024': 'the client assertion is outside its valid time: check the clock of the Herald host',
  '700023': "the client assertion's audience is wrong: check the cloud and directory (tenant) id",
};

const plain: Record<string, string> = {
  invalid_grant: 'the grant was revoked or has expired (or the Google app is in "Testing", where refresh tokens last 7 days): reconnect',
  invalid_client: 'the client id or secret is wrong',
  unauthorized_client: 'the app may not use this grant: check its registration (for a Google service account, domain-wide delegation)',
  invalid_scope: "the requested scope was refused: check the app's API permissions",
  access_denied: 'the user or an administrator declined consent',
};

/**
 * An OAuth error explained in words, from the stable error code and the AADSTS number in the
 * description (never the description itself, which may change and is not shown).
 *
 * @example explainTokenError('invalid_grant', 'AADSTS700082: The refresh token has expired') // 'AADSTS700082: the refresh token expired …'
 */
export function explainTokenError(error: string, description: string | undefined): string {
  const code = /AADSTS(\d+)/.exec(description ?? '')?.[1];
  if (code && aadsts[code]) return `AADSTS${code}: ${aadsts[code]}`;
  return plain[error] ?? `the provider refused the request (${error.replace(/[^a-z_]/gi, '').slice(0, 40)})`;
}
