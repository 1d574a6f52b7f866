import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSmtpTestServer, type SmtpTestServer } from '../../../test/support/smtp-test-server.js';
import type { SmtpServerOptions } from '../smtp/smtp-options.js';
import { probeSmtp, type ProbeMail, type ProbeResult } from './smtp-probe.js';

// Real: the SMTP server (smtp-server on 127.0.0.1, port 0), nodemailer, TLS with a self-signed
// certificate, the sockets. Nothing is faked.

const password = 'Corr3ct-Horse-Battery-Staple';
const users = { ops: password };

function serverFor(smtp: SmtpTestServer, overrides: Partial<SmtpServerOptions> = {}): SmtpServerOptions {
  return { host: smtp.host, port: smtp.port, security: 'none', tlsVerify: true, auth: { type: 'none' }, timeoutMs: 5_000, ...overrides };
}

const withPassword = (secret = password): SmtpServerOptions['auth'] => ({ type: 'password', username: 'ops', password: secret });

const mail: ProbeMail = {
  from: 'herald@example.test',
  to: 'ops@example.test',
  raw: 'From: Herald <herald@example.test>\r\nTo: ops@example.test\r\nSubject: Herald test email\r\nMessage-ID: <probe-1@example.test>\r\n\r\nIt works.\r\n',
};

/** Runs the probe, then checks that it left no socket behind (the server's side closes once ours has). */
async function probe(server: SmtpServerOptions, message?: ProbeMail): Promise<ProbeResult> {
  const result = await probeSmtp(server, message);
  for (let waited = 0; openSockets() > 0; waited += 10) {
    if (waited > 2_000) assert.fail(`sockets left open: ${process.getActiveResourcesInfo().join(', ')}`);
    await sleep(10);
  }
  return result;
}

const openSockets = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;

/** `dns:ok connect:ok tls:skipped …`, for one-line assertions on the whole transcript. */
const statuses = (result: ProbeResult) => result.steps.map((step) => `${step.step}:${step.status}`).join(' ');
const step = (result: ProbeResult, name: string) => result.steps.find((candidate) => candidate.step === name)!;

function assertNoSecret(result: ProbeResult, secret = password) {
  const json = JSON.stringify(result);
  const base64 = (value: string) => Buffer.from(value).toString('base64');
  for (const form of [secret, base64(secret), base64(`\0ops\0${secret}`)]) assert.ok(!json.includes(form), `the result contains ${form}`);
}

test('verifies a plain server: greeting, EHLO extensions, then QUIT', async () => {
  await using smtp = await startSmtpTestServer();
  const result = await probe(serverFor(smtp));
  assert.equal(result.ok, true);
  assert.equal(result.failure, undefined);
  assert.equal(statuses(result), 'dns:ok connect:ok tls:skipped ehlo:ok auth:skipped mail:skipped rcpt:skipped data:skipped');
  assert.equal(step(result, 'dns').detail, '127.0.0.1 is an IP address');
  assert.equal(step(result, 'connect').replyCode, 220);
  assert.match(step(result, 'ehlo').command ?? '', /^EHLO /);
  for (const extension of ['PIPELINING', '8BITMIME', 'SIZE 20971520'])
    assert.ok(step(result, 'ehlo').extensions?.includes(extension), extension);
  assert.match(step(result, 'mail').detail, /Verify only/);
});

for (const security of ['starttls', 'tls'] as const) {
  test(`${security}: the self-signed certificate is refused while verifying, with a hint`, async () => {
    await using smtp = await startSmtpTestServer({ security });
    const result = await probe(serverFor(smtp, { security }));
    assert.equal(result.ok, false);
    assert.equal(statuses(result), 'dns:ok connect:ok tls:failed ehlo:skipped auth:skipped mail:skipped rcpt:skipped data:skipped');
    assert.equal(result.failure?.stage, 'tls');
    assert.equal(result.failure?.kind, 'transient');
    assert.equal(result.failure?.errorCode, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.match(result.failure?.hint ?? '', /CA certificate/);
    assert.equal(step(result, 'tls').detail, 'self-signed certificate');
    if (security === 'starttls') {
      assert.equal(step(result, 'connect').replyCode, 220);
      assert.equal(step(result, 'tls').command, 'STARTTLS');
    }
  });

  test(`${security}: OK once the CA is given, with the certificate in the transcript`, async () => {
    await using smtp = await startSmtpTestServer({ security });
    const result = await probe(serverFor(smtp, { security, tlsCa: smtp.ca }));
    assert.equal(result.ok, true, JSON.stringify(result.failure));
    assert.equal(statuses(result), 'dns:ok connect:ok tls:ok ehlo:ok auth:skipped mail:skipped rcpt:skipped data:skipped');
    const tls = step(result, 'tls');
    assert.match(tls.detail, /TLSv1\.[23].*certificate verified/);
    assert.equal(tls.certificate?.subject, 'CN=localhost');
    assert.equal(tls.certificate?.issuer, 'CN=localhost');
    assert.match(tls.certificate?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.ok(!step(result, 'ehlo').extensions?.includes('STARTTLS'), 'the EHLO after the upgrade is the one reported');
  });

  test(`${security}: OK with certificate verification off, saying so`, async () => {
    await using smtp = await startSmtpTestServer({ security });
    const result = await probe(serverFor(smtp, { security, tlsVerify: false }));
    assert.equal(result.ok, true, JSON.stringify(result.failure));
    assert.match(step(result, 'tls').detail, /NOT verified \(DEPTH_ZERO_SELF_SIGNED_CERT/);
  });
}

test('AUTH PLAIN after STARTTLS: 235, the secret redacted from the command', async () => {
  await using smtp = await startSmtpTestServer({ security: 'starttls', users });
  const result = await probe(serverFor(smtp, { security: 'starttls', tlsCa: smtp.ca, auth: withPassword() }));
  assert.equal(result.ok, true, JSON.stringify(result.failure));
  const auth = step(result, 'auth');
  assert.deepEqual([auth.status, auth.command, auth.replyCode, auth.detail], ['ok', 'AUTH PLAIN [redacted]', 235, 'Authenticated as ops']);
  assertNoSecret(result);
});

test('AUTH LOGIN when it is the only mechanism offered', async () => {
  await using smtp = await startSmtpTestServer({ users, authMethods: ['LOGIN'] });
  const result = await probe(serverFor(smtp, { auth: withPassword() }));
  assert.equal(result.ok, true, JSON.stringify(result.failure));
  assert.deepEqual([step(result, 'auth').command, step(result, 'auth').replyCode], ['AUTH LOGIN [redacted]', 235]);
  assertNoSecret(result);
});

test('a wrong password stops the transcript at AUTH with the 535 reply; nothing is sent', async () => {
  await using smtp = await startSmtpTestServer({ users });
  const wrong = 'Wr0ng-Horse-Battery-Staple';
  const result = await probe(serverFor(smtp, { auth: withPassword(wrong) }), mail);
  assert.equal(result.ok, false);
  assert.equal(statuses(result), 'dns:ok connect:ok tls:skipped ehlo:ok auth:failed mail:skipped rcpt:skipped data:skipped');
  const auth = step(result, 'auth');
  assert.deepEqual(
    [auth.command, auth.replyCode, auth.reply],
    ['AUTH PLAIN [redacted]', 535, '535 5.7.8 Authentication credentials invalid'],
  );
  assert.deepEqual([result.failure?.kind, result.failure?.stage, result.failure?.enhancedCode], ['permanent', 'auth', '5.7.8']);
  assert.match(result.failure?.hint ?? '', /username or password/);
  assert.equal(step(result, 'mail').detail, 'Not reached');
  assertNoSecret(result, wrong);
  assert.equal(smtp.received.length, 0);
});

test('a rejected recipient fails at RCPT, permanently; DATA is not reached', async () => {
  await using smtp = await startSmtpTestServer({ onRcptTo: () => ({ code: 550, message: '5.1.1 No such user here' }) });
  const result = await probe(serverFor(smtp), mail);
  assert.equal(statuses(result), 'dns:ok connect:ok tls:skipped ehlo:ok auth:skipped mail:ok rcpt:failed data:skipped');
  assert.deepEqual([step(result, 'rcpt').command, step(result, 'rcpt').replyCode], ['RCPT TO:<ops@example.test>', 550]);
  assert.deepEqual(
    [result.failure?.kind, result.failure?.stage, result.failure?.reply],
    ['permanent', 'rcpt', '550 5.1.1 No such user here'],
  );
});

test('a closed port fails at connect, transiently, with the ECONNREFUSED hint', async () => {
  const closed = await startSmtpTestServer();
  const server = serverFor(closed);
  await closed.close();
  const result = await probe(server);
  assert.equal(statuses(result), 'dns:ok connect:failed tls:skipped ehlo:skipped auth:skipped mail:skipped rcpt:skipped data:skipped');
  assert.deepEqual([result.failure?.kind, result.failure?.stage, result.failure?.errorCode], ['transient', 'connect', 'ECONNREFUSED']);
  assert.match(result.failure?.hint ?? '', /Nothing accepts connections/);
});

test('a host name that does not resolve fails at DNS', async () => {
  const result = await probe({
    host: 'herald-probe.invalid',
    port: 25,
    security: 'none',
    tlsVerify: true,
    auth: { type: 'none' },
    timeoutMs: 3_000,
  });
  assert.equal(statuses(result), 'dns:failed connect:skipped tls:skipped ehlo:skipped auth:skipped mail:skipped rcpt:skipped data:skipped');
  assert.deepEqual([result.failure?.kind, result.failure?.stage], ['transient', 'dns']);
  assert.match(result.failure?.hint ?? '', /does not resolve/);
});

test('a full send: MAIL, RCPT and DATA replies, and the message arrives with its Message-ID', async () => {
  await using smtp = await startSmtpTestServer({ users });
  const result = await probe(serverFor(smtp, { auth: withPassword() }), mail);
  assert.equal(result.ok, true, JSON.stringify(result.failure));
  assert.equal(statuses(result), 'dns:ok connect:ok tls:skipped ehlo:ok auth:ok mail:ok rcpt:ok data:ok');
  assert.deepEqual([step(result, 'mail').command, step(result, 'mail').replyCode], ['MAIL FROM:<herald@example.test>', 250]);
  assert.deepEqual([step(result, 'data').command, step(result, 'data').reply], ['DATA', '250 OK: message queued']);
  await smtp.waitFor(1);
  assert.equal(smtp.received[0]?.messageId, '<probe-1@example.test>');
  assert.deepEqual([smtp.received[0]?.from, smtp.received[0]?.to], ['herald@example.test', ['ops@example.test']]);
  assertNoSecret(result);
});

test('a connection dropped after the final "." is ambiguous: the server may have the message', async () => {
  await using smtp = await startSmtpTestServer({ onData: () => 'drop' });
  const result = await probe(serverFor(smtp), mail);
  assert.equal(statuses(result), 'dns:ok connect:ok tls:skipped ehlo:ok auth:skipped mail:ok rcpt:ok data:failed');
  assert.deepEqual(
    [result.failure?.kind, result.failure?.stage, result.failure?.replyCode, result.failure?.errorCode],
    ['ambiguous', 'data', null, 'ECONNECTION'],
  );
  assert.equal(step(result, 'data').command, 'DATA');
  assert.match(result.failure?.hint ?? '', /may or may not have been delivered/);
});

test('the password never leaves, even when a server echoes it', async () => {
  await using smtp = await startSmtpTestServer({ users, onMailFrom: () => ({ code: 550, message: `5.7.1 ${password} is not a sender` }) });
  const result = await probe(serverFor(smtp, { auth: withPassword() }), mail);
  assert.equal(result.failure?.stage, 'mail');
  assert.equal(result.failure?.reply, '550 5.7.1 [redacted] is not a sender');
  assertNoSecret(result);
});

test('settings that cannot be connected to at all are a programmer error, thrown', async () => {
  await assert.rejects(
    probeSmtp({ host: '', port: 25, security: 'none', tlsVerify: true, auth: { type: 'none' }, timeoutMs: 1_000 }),
    TypeError,
  );
});
