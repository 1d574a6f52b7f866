import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { ErrorDetail } from '../shared/app-error.js';

/** What the API shows of a stored certificate: never the key, only what identifies the certificate. */
export interface CertificateFacts {
  /** SHA-1 thumbprint in upper-case hex, as the Entra portal lists it under Certificates & secrets. */
  thumbprint: string;
  subject: string;
  notAfter: string;
}

/** A certificate credential that passed every check: the certificate as given, its private key as PKCS#8 PEM (to seal). */
export interface CheckedCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const keyBlock = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/**
 * Checks a certificate credential for Microsoft's client assertion: the certificate PEM and its
 * private key PEM (or one PEM text holding both, in `certificate`). The certificate must parse,
 * be valid at `now` and hold an RSA key (Entra signs and checks RS256); the key must be an
 * unencrypted PEM private key that matches it. Problems name `/certificate` or `/privateKey`.
 *
 * @example
 * declare const pem: string; // one PEM text with both the certificate and the key
 * const checked = checkCertificate(pem, undefined, Date.now());
 */
export function checkCertificate(
  certificate: string,
  privateKey: string | undefined,
  now: number,
): { ok: true; value: CheckedCertificate } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const certificatePem = certificateBlock.exec(certificate)?.[0];
  const keyPem = privateKey !== undefined && privateKey !== '' ? keyBlock.exec(privateKey)?.[0] : keyBlock.exec(certificate)?.[0];
  let x509: X509Certificate | undefined;
  if (certificatePem === undefined) problem('/certificate', 'pem', 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
  else {
    try {
      x509 = new X509Certificate(certificatePem);
    } catch {
      problem('/certificate', 'pem', 'is not a readable X.509 certificate');
    }
  }
  if (x509 && x509.publicKey.asymmetricKeyType !== 'rsa')
    problem(
      '/certificate',
      'rsa',
      `must hold an RSA key (this one is ${x509.publicKey.asymmetricKeyType ?? 'unknown'}); Entra checks RS256`,
    );
  else if (x509 && Date.parse(x509.validTo) <= now) problem('/certificate', 'expired', `expired on ${isoOf(x509.validTo)}`);
  else if (x509 && Date.parse(x509.validFrom) > now)
    problem('/certificate', 'not_yet_valid', `is valid only from ${isoOf(x509.validFrom)}`);

  let key: KeyObject | undefined;
  if (keyPem === undefined)
    problem(
      '/privateKey',
      privateKey === undefined || privateKey === '' ? 'required' : 'pem',
      privateKey === undefined || privateKey === ''
        ? "is required: the certificate's private key (PEM), here or in the certificate's PEM"
        : 'must be a PEM private key (-----BEGIN PRIVATE KEY-----)',
    );
  else if (keyPem.includes('ENCRYPTED')) problem('/privateKey', 'encrypted', 'must not be encrypted: export it without a passphrase');
  else {
    try {
      key = createPrivateKey(keyPem);
    } catch {
      problem('/privateKey', 'pem', 'is not a readable PEM private key');
    }
  }
  if (key && key.asymmetricKeyType !== 'rsa') problem('/privateKey', 'rsa', 'must be an RSA key');
  else if (key && x509 && x509.publicKey.asymmetricKeyType === 'rsa' && !x509.checkPrivateKey(key))
    problem('/privateKey', 'mismatch', 'does not match the certificate: it is the private key of another certificate');

  if (problems.length > 0 || !key) return { ok: false, problems };
  return { ok: true, value: { certificatePem: certificatePem!, privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString() } };
}

/** The facts of a stored certificate, for the view. */
export function certificateFacts(certificatePem: string): CertificateFacts {
  const x509 = new X509Certificate(certificatePem);
  return { thumbprint: x509.fingerprint.replaceAll(':', ''), subject: x509.subject.replaceAll('\n', ', '), notAfter: isoOf(x509.validTo) };
}

/** The certificate's thumbprints as a JWS header carries them (base64url of the DER's SHA-1 and SHA-256). */
export function thumbprintsOf(certificatePem: string): { x5t: string; 'x5t#S256': string } {
  const x509 = new X509Certificate(certificatePem);
  const b64url = (hexWithColons: string) => Buffer.from(hexWithColons.replaceAll(':', ''), 'hex').toString('base64url');
  return { x5t: b64url(x509.fingerprint), 'x5t#S256': b64url(x509.fingerprint256) };
}

const isoOf = (openssl: string) => new Date(Date.parse(openssl)).toISOString();
