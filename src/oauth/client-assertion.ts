import * as oauth from 'oauth4webapi';
import { importPKCS8 } from 'jose';
import { thumbprintsOf, type CheckedCertificate } from './certificate.js';

/** How long a client assertion is accepted; Entra wants it short-lived. */
const assertionSeconds = 300;

/**
 * Client authentication with a certificate (private_key_jwt), as Microsoft Entra expects it: an
 * RS256 JWT with `iss` = `sub` = the client id, `aud` = the token endpoint, a fresh `jti`, a
 * short `exp`, and the certificate's thumbprints in the header (`x5t#S256`, and `x5t`, which
 * Entra's v2 endpoint still looks up by). Times come from `now` (the injected clock), not the host's.
 *
 * @example
 * declare const certificate: Parameters<typeof certificateAuth>[0];
 * const auth = await certificateAuth(certificate, 'https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token', Date.now());
 */
export async function certificateAuth(certificate: CheckedCertificate, tokenEndpoint: string, now: number): Promise<oauth.ClientAuth> {
  const key = await importPKCS8(certificate.privateKeyPem, 'RS256');
  const thumbprints = thumbprintsOf(certificate.certificatePem);
  const issuedAt = Math.floor(now / 1000);
  return oauth.PrivateKeyJwt(key, {
    [oauth.modifyAssertion]: (header, payload) => {
      Object.assign(header, { alg: 'RS256', ...thumbprints });
      Object.assign(payload, { aud: tokenEndpoint, iat: issuedAt, nbf: issuedAt, exp: issuedAt + assertionSeconds });
    },
  });
}
