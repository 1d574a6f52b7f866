import { generate } from 'selfsigned';

let cached: Promise<{ key: string; cert: string }> | undefined;

/** A self-signed certificate for 127.0.0.1 and localhost, made once per process. */
export function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  cached ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return cached;
}

/**
 * A self-signed certificate and its private key for an app registration's certificate credential
 * (what `openssl req -x509 -newkey rsa:2048 …` makes), valid over the given dates; EC on request,
 * for the "not RSA" refusal.
 */
export async function appCertificate(options: {
  notBefore: Date;
  notAfter: Date;
  keyType?: 'rsa' | 'ec';
  subject?: string;
}): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: options.subject ?? 'Herald app credential' }], {
    keySize: 2048,
    keyType: options.keyType ?? 'rsa',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore,
    notAfterDate: options.notAfter,
  });
  return { key: pems.private, cert: pems.cert };
}
