import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { appCertificate } from './support/certificates.js';
import { oauthMailServer, postEvent, startOAuthRig } from './support/oauth-rig.js';
import { everyStoredRow } from './support/test-database.js';

// Real: Herald (app, database, delivery worker, SMTP, oauth4webapi's private_key_jwt, jose), the
// fake identity provider of test/support on 127.0.0.1 (it checks the client assertion like Entra:
// thumbprint, RS256 signature against the registered certificate, audience, expiry) and an
// smtp-server that accepts only AUTH XOAUTH2 with a token that provider issued. Fake: the clock.

const mailbox = 'alerts@contoso.test';
const day = 86_400_000;
const start = Date.UTC(2026, 11, 1, 9, 0);
const tokenPath = '/contoso.example/oauth2/v2.0/token';

async function setup(certificatePem: string) {
  const rig = await startOAuthRig({ certificateClients: { 'app-cert': certificatePem } });
  const saved = await rig.h.api('PUT', '/api/v1/system/mail-server', oauthMailServer(rig.smtp, 'microsoft365', mailbox));
  assert.equal(saved.status, 200, saved.raw);
  return rig;
}

const certificateBody = (extra: Record<string, unknown>) => ({
  mode: 'microsoft_app',
  directoryId: 'contoso.example',
  clientId: 'app-cert',
  ...extra,
});

/** The lines of a PEM's base64 body: any one of them in a row, log line or response would leak the key. */
const bodyLines = (pem: string) => pem.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));

test('Microsoft app-only with a certificate sends end to end over XOAUTH2; the private key is in no response, log line or database row', async () => {
  const credential = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day) });
  await using run = await setup(credential.cert);
  const { h, idp, smtp } = run;
  const responses: string[] = [];

  const saved = await h.api(
    'PUT',
    '/api/v1/system/mail-server/oauth',
    certificateBody({ certificate: credential.cert, privateKey: credential.key }),
  );
  responses.push(saved.raw);
  assert.equal(saved.status, 200, saved.raw);
  assert.equal(saved.body.connected, true, saved.raw);
  assert.equal(saved.body.clientSecretSet, false);
  const x509 = new X509Certificate(credential.cert);
  assert.equal(saved.body.certificate.thumbprint, x509.fingerprint.replaceAll(':', ''));
  assert.match(saved.body.certificate.subject, /CN=Herald app credential/);
  assert.equal(saved.body.certificate.notAfter, new Date(x509.validTo).toISOString());
  assert.equal(saved.body.certificate.expiresSoon, false);
  assert.deepEqual(saved.body.warnings, []);

  await postEvent(h);
  await smtp.waitFor(1);
  assert.deepEqual(
    smtp.authentications.map((a) => [a.user, a.ok]),
    [[mailbox, true]],
  );
  // What Herald signed: RS256, the certificate's thumbprints, aud = the token endpoint, iss = sub = the client id.
  const { header, payload } = idp.assertions[0]!;
  assert.equal(header.alg, 'RS256');
  assert.equal(header['x5t#S256'], Buffer.from(x509.fingerprint256.replaceAll(':', ''), 'hex').toString('base64url'));
  assert.equal(header.x5t, Buffer.from(x509.fingerprint.replaceAll(':', ''), 'hex').toString('base64url'));
  assert.equal(payload.aud, `${idp.origin}${tokenPath}`);
  assert.equal(payload.iss, 'app-cert');
  assert.equal(payload.sub, 'app-cert');
  assert.equal(payload.iat, Math.floor(start / 1000), 'times from the injected clock');
  assert.ok(typeof payload.jti === 'string' && payload.jti.length > 0);
  assert.equal(idp.requests[0]!.grant, 'client_credentials');

  // One PEM holding both the certificate and the key is accepted; saving again without them keeps them.
  const combined = await h.api(
    'PUT',
    '/api/v1/system/mail-server/oauth',
    certificateBody({ certificate: `${credential.cert}\n${credential.key}` }),
  );
  responses.push(combined.raw);
  assert.equal(combined.status, 200, combined.raw);
  const kept = await h.api('PUT', '/api/v1/system/mail-server/oauth', certificateBody({}));
  responses.push(kept.raw);
  assert.equal(kept.status, 200, kept.raw);
  assert.equal(kept.body.certificate.thumbprint, saved.body.certificate.thumbprint);
  assert.equal(kept.body.connected, true);
  const view = await h.api('GET', '/api/v1/system/mail-server/oauth');
  responses.push(view.raw);
  await postEvent(h);
  await smtp.waitFor(2);

  const stored = await everyStoredRow(h.env);
  const audit = JSON.stringify(await h.herald.store.db.selectFrom('audit_log').selectAll().execute());
  assert.match(audit, /privateKey\\+":\\+"changed/);
  for (const line of bodyLines(credential.key)) {
    assert.ok(!stored.includes(line), 'the key is not in the database in plain text');
    assert.ok(!h.logs.some((log) => log.includes(line)), 'not in a log line');
    assert.ok(!responses.some((body) => body.includes(line)), 'not in a response');
  }
  const sealed = await h.herald.store.db
    .selectFrom('oauth_connections')
    .select(['private_key_enc', 'client_secret_enc'])
    .executeTakeFirstOrThrow();
  assert.ok(sealed.private_key_enc !== null && !sealed.private_key_enc.includes('PRIVATE KEY'));
  assert.equal(sealed.client_secret_enc, null);
});

test('a wrong key, an expired, non-RSA or non-PEM certificate, and a secret with a certificate are refused with 400 naming the field and rule', async () => {
  const credential = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day) });
  const other = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day) });
  const expired = await appCertificate({ notBefore: new Date(start - 400 * day), notAfter: new Date(start - day) });
  const ec = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day), keyType: 'ec' });
  await using run = await setup(credential.cert);
  const { h, idp } = run;
  const refusal = async (extra: Record<string, unknown>, mode = 'microsoft_app') => {
    const response = await h.api('PUT', '/api/v1/system/mail-server/oauth', { ...certificateBody(extra), mode });
    assert.equal(response.status, 400, response.raw);
    assert.equal(response.body.error.code, 'validation_failed');
    assert.ok(!response.raw.includes(bodyLines(credential.key)[1]!), 'the key is not echoed');
    return response.body.error.details.map((d: { field: string; rule: string }) => `${d.field} ${d.rule}`);
  };
  assert.deepEqual(await refusal({ certificate: credential.cert, privateKey: other.key }), ['/privateKey mismatch']);
  assert.deepEqual(await refusal({ certificate: expired.cert, privateKey: expired.key }), ['/certificate expired']);
  assert.deepEqual(await refusal({ certificate: ec.cert, privateKey: ec.key }), ['/certificate rsa', '/privateKey rsa']);
  assert.deepEqual(await refusal({ certificate: 'not a certificate', privateKey: credential.key }), ['/certificate pem']);
  assert.deepEqual(await refusal({ certificate: credential.cert, privateKey: 'not a key' }), ['/privateKey pem']);
  assert.deepEqual(await refusal({ certificate: credential.cert }), ['/privateKey required']);
  assert.deepEqual(await refusal({ certificate: credential.cert, privateKey: credential.key, clientSecret: 'a-secret-value-1' }), [
    '/certificate exclusive',
  ]);
  assert.deepEqual(await refusal({ certificate: credential.cert, privateKey: credential.key, directoryId: null }, 'microsoft_delegated'), [
    '/certificate unexpected',
  ]);
  assert.equal(idp.requests.length, 0, 'nothing refused reached the provider');
  assert.equal((await h.api('GET', '/api/v1/system/mail-server/oauth')).status, 409, 'nothing was saved');
});

test('the provider refuses an assertion signed for a certificate it does not hold, or after the certificate expired (AADSTS700027); the view warns 30 days ahead', async () => {
  const registered = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day) });
  const unregistered = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 365 * day) });
  const expiring = await appCertificate({ notBefore: new Date(start - day), notAfter: new Date(start + 20 * day) });
  await using run = await setup(registered.cert);
  const { h, idp, clock } = run;

  const refused = await h.api(
    'PUT',
    '/api/v1/system/mail-server/oauth',
    certificateBody({ certificate: unregistered.cert, privateKey: unregistered.key }),
  );
  assert.equal(refused.status, 200, refused.raw);
  assert.equal(refused.body.connected, false);
  assert.equal(refused.body.status, 'reconnect_required');
  assert.match(refused.body.statusReason, /AADSTS700027: .*upload this certificate/);

  idp.registerCertificate('app-cert', expiring.cert);
  const soon = await h.api(
    'PUT',
    '/api/v1/system/mail-server/oauth',
    certificateBody({ certificate: expiring.cert, privateKey: expiring.key }),
  );
  assert.equal(soon.body.connected, true, soon.raw);
  assert.equal(soon.body.certificate.expiresSoon, true);
  assert.equal(soon.body.warnings[0].code, 'certificate_expiring');
  assert.match(soon.body.warnings[0].message, /expires on 2026-12-21/);

  // The certificate runs out: the next token request is refused, and the connection says why.
  clock.advance(21 * day);
  const id = await postEvent(h);
  await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${id}`)).body.state === 'held');
  const view = await h.api('GET', '/api/v1/system/mail-server/oauth');
  assert.equal(view.body.status, 'reconnect_required');
  assert.match(view.body.statusReason, /AADSTS700027/);
  assert.match(view.body.warnings[0].message, /expired on/);

  // The fake provider also refuses an assertion whose audience is another endpoint.
  const key = await importPKCS8(registered.key, 'RS256');
  idp.registerCertificate('app-cert', registered.cert);
  const x509 = new X509Certificate(registered.cert);
  const assertion = await new SignJWT({ jti: 'j-1' })
    .setProtectedHeader({ alg: 'RS256', 'x5t#S256': Buffer.from(x509.fingerprint256.replaceAll(':', ''), 'hex').toString('base64url') })
    .setIssuer('app-cert')
    .setSubject('app-cert')
    .setAudience('https://login.microsoftonline.com/other/oauth2/v2.0/token')
    .setIssuedAt(Math.floor(clock.now() / 1000))
    .setExpirationTime(Math.floor(clock.now() / 1000) + 300)
    .sign(key);
  const answer = await fetch(`${idp.origin}${tokenPath}`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'app-cert',
      scope: 'https://outlook.office365.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  assert.equal(answer.status, 401);
  assert.match(((await answer.json()) as { error_description: string }).error_description, /AADSTS700027.*aud/);
});
