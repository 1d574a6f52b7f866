import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { readPemCertificates } from '../web/src/pem.js';
import { selfSignedCertificate } from './support/certificates.js';

// The console's PEM reader (web/src/pem.ts) against Node's own X.509 parser, on real certificates.

test("the console reads a PEM certificate's subject, issuer and validity as Node does; a bundle gives each; other text says why not", async () => {
  const { cert } = await selfSignedCertificate();
  const ca = await generate(
    [
      { name: 'commonName', value: 'Example Root CA' },
      { name: 'organizationName', value: 'Example Ltd' },
      { name: 'countryName', value: 'DE' },
    ],
    { keySize: 2048, notAfterDate: new Date(Date.UTC(2036, 0, 31, 12)) },
  );
  const bundle = readPemCertificates(`${cert}\n${ca.cert}`);
  assert.equal(bundle.problem, undefined);
  const expected = [cert, ca.cert].map((pem) => new X509Certificate(pem));
  assert.deepEqual(
    bundle.certificates.map((c) => c.notAfter.toISOString()),
    expected.map((x) => new Date(x.validTo).toISOString()),
  );
  assert.deepEqual(
    bundle.certificates.map((c) => c.notBefore.toISOString()),
    expected.map((x) => new Date(x.validFrom).toISOString()),
  );
  assert.equal(bundle.certificates[0]!.subject, 'CN=localhost');
  assert.equal(bundle.certificates[1]!.subject, 'CN=Example Root CA, O=Example Ltd, C=DE');
  assert.equal(bundle.certificates[1]!.issuer, bundle.certificates[1]!.subject, 'self-signed');
  assert.match(readPemCertificates('not a certificate').problem!, /holds no certificate/);
  assert.match(readPemCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----').problem!, /cannot be read/);
});
