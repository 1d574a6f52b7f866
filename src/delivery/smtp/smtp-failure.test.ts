import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySmtpError, type SendFailure, type SmtpErrorContext } from './smtp-failure.js';

/** Builds an error the way nodemailer 10.6 does: an Error with code, command, response… as own properties. */
const nodemailerError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

type Expected = Pick<SendFailure, 'kind' | 'stage' | 'replyCode' | 'enhancedCode' | 'errorCode'>;

// Shapes captured from nodemailer 10.6 against smtp-server (see the report) or read off its source.
const cases: Array<{ name: string; error: unknown; context?: SmtpErrorContext; expected: Expected }> = [
  {
    name: 'connection refused',
    error: nodemailerError('connect ECONNREFUSED 127.0.0.1:1', {
      errno: -111,
      code: 'ESOCKET',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 1,
      originalCode: 'ECONNREFUSED',
      command: 'CONN',
    }),
    expected: { kind: 'transient', stage: 'connect', replyCode: null, enhancedCode: null, errorCode: 'ECONNREFUSED' },
  },
  {
    name: 'DNS: host not found (nodemailer)',
    error: nodemailerError('getaddrinfo ENOTFOUND nonexistent.invalid', {
      errno: -3008,
      code: 'EDNS',
      syscall: 'getaddrinfo',
      hostname: 'nonexistent.invalid',
      originalCode: 'ENOTFOUND',
      command: 'CONN',
    }),
    expected: { kind: 'transient', stage: 'dns', replyCode: null, enhancedCode: null, errorCode: 'ENOTFOUND' },
  },
  {
    name: 'DNS: host not found (node:dns lookup)',
    error: Object.assign(new Error('getaddrinfo ENOTFOUND nonexistent.invalid'), {
      errno: -3008,
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname: 'nonexistent.invalid',
    }),
    expected: { kind: 'transient', stage: 'dns', replyCode: null, enhancedCode: null, errorCode: 'ENOTFOUND' },
  },
  {
    name: 'DNS: resolver timed out',
    error: nodemailerError('DNS lookup for mail.example.com timed out', { code: 'EDNS', originalCode: 'ETIMEOUT', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'dns', replyCode: null, enhancedCode: null, errorCode: 'ETIMEOUT' },
  },
  {
    name: 'connect timeout',
    error: nodemailerError('Connection timeout', { timeoutType: 'CONNECT_TIMEOUT', code: 'ETIMEDOUT', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'connect', replyCode: null, enhancedCode: null, errorCode: 'ETIMEDOUT' },
  },
  {
    name: 'greeting timeout (plain client on an implicit TLS port)',
    error: nodemailerError('Greeting never received', { timeoutType: 'GREETING_TIMEOUT', code: 'ETIMEDOUT', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'connect', replyCode: null, enhancedCode: null, errorCode: 'ETIMEDOUT' },
  },
  {
    name: 'greeting refused with 554',
    error: nodemailerError('Invalid greeting. response=554 No SMTP service here: 554 No SMTP service here', {
      code: 'EPROTOCOL',
      response: '554 No SMTP service here',
      responseCode: 554,
      permanent: true,
      command: 'CONN',
    }),
    expected: { kind: 'permanent', stage: 'connect', replyCode: 554, enhancedCode: null, errorCode: 'EPROTOCOL' },
  },
  {
    name: 'self-signed certificate (STARTTLS and implicit TLS alike: command CONN)',
    error: nodemailerError('self-signed certificate', { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', command: 'CONN' }),
    context: { stage: 'connect' },
    expected: { kind: 'transient', stage: 'tls', replyCode: null, enhancedCode: null, errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
  },
  {
    name: 'expired certificate',
    error: nodemailerError('certificate has expired', { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'tls', replyCode: null, enhancedCode: null, errorCode: 'CERT_HAS_EXPIRED' },
  },
  {
    name: 'host name not in the certificate',
    error: nodemailerError(
      "Hostname/IP does not match certificate's altnames: Host: example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
      {
        code: 'ESOCKET',
        reason: "Host: example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1",
        host: 'example.com',
        originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
        command: 'CONN',
      },
    ),
    expected: { kind: 'transient', stage: 'tls', replyCode: null, enhancedCode: null, errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' },
  },
  {
    name: 'TLS client on a plain port',
    error: nodemailerError(
      '808CA45DE27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
      {
        code: 'ESOCKET',
        originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
        command: 'CONN',
        reason: 'wrong version number',
      },
    ),
    expected: { kind: 'transient', stage: 'tls', replyCode: null, enhancedCode: null, errorCode: 'ERR_SSL_WRONG_VERSION_NUMBER' },
  },
  {
    name: 'STARTTLS refused by the server',
    error: nodemailerError('Error upgrading connection with STARTTLS: 454 4.7.0 TLS not available', {
      code: 'ETLS',
      response: '454 4.7.0 TLS not available',
      responseCode: 454,
      permanent: false,
      command: 'STARTTLS',
    }),
    expected: { kind: 'transient', stage: 'tls', replyCode: 454, enhancedCode: '4.7.0', errorCode: 'ETLS' },
  },
  {
    name: 'STARTTLS handshake timed out',
    error: nodemailerError('TLS handshake timed out', { timeoutType: 'UPGRADE_TIMEOUT', code: 'ETIMEDOUT', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'tls', replyCode: null, enhancedCode: null, errorCode: 'ETIMEDOUT' },
  },
  {
    name: '421 in answer to EHLO',
    error: nodemailerError('Server terminates connection. response=421 4.3.2 Service shutting down: 421 4.3.2 Service shutting down', {
      code: 'ECONNECTION',
      response: '421 4.3.2 Service shutting down',
      responseCode: 421,
      permanent: false,
      command: 'EHLO',
    }),
    expected: { kind: 'transient', stage: 'ehlo', replyCode: 421, enhancedCode: '4.3.2', errorCode: 'ECONNECTION' },
  },
  {
    name: 'wrong password (535)',
    error: nodemailerError('Invalid login: 535 5.7.8 Authentication credentials invalid', {
      code: 'EAUTH',
      response: '535 5.7.8 Authentication credentials invalid',
      responseCode: 535,
      permanent: true,
      command: 'AUTH PLAIN',
    }),
    expected: { kind: 'permanent', stage: 'auth', replyCode: 535, enhancedCode: '5.7.8', errorCode: 'EAUTH' },
  },
  {
    name: 'AUTH temporarily unavailable (454)',
    error: nodemailerError('Invalid login: 454 4.7.0 Temporary authentication failure', {
      code: 'EAUTH',
      response: '454 4.7.0 Temporary authentication failure',
      responseCode: 454,
      permanent: false,
      command: 'AUTH LOGIN',
    }),
    expected: { kind: 'transient', stage: 'auth', replyCode: 454, enhancedCode: '4.7.0', errorCode: 'EAUTH' },
  },
  {
    name: 'credentials missing (no reply: configuration)',
    error: nodemailerError('Missing credentials for "PLAIN"', { code: 'EAUTH', command: 'API' }),
    expected: { kind: 'permanent', stage: 'auth', replyCode: null, enhancedCode: null, errorCode: 'EAUTH' },
  },
  {
    name: 'sender rejected (553, multi-line reply)',
    error: nodemailerError('Mail command failed: 553-5.7.1 Sender address rejected\n553 5.7.1 not owned by user', {
      code: 'EENVELOPE',
      response: '553-5.7.1 Sender address rejected\n553 5.7.1 not owned by user',
      responseCode: 553,
      permanent: true,
      command: 'MAIL FROM',
    }),
    expected: { kind: 'permanent', stage: 'mail', replyCode: 553, enhancedCode: '5.7.1', errorCode: 'EENVELOPE' },
  },
  {
    name: 'message larger than the advertised SIZE (refused before sending)',
    error: nodemailerError('Message size larger than allowed 1000', { code: 'EMESSAGE', command: 'MAIL FROM' }),
    expected: { kind: 'permanent', stage: 'mail', replyCode: null, enhancedCode: null, errorCode: 'EMESSAGE' },
  },
  {
    name: 'all recipients rejected (550, pipelined)',
    error: nodemailerError("Can't send mail - all recipients were rejected: 550 No such user here", {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: '550 No such user here',
      responseCode: 550,
      permanent: true,
    }),
    expected: { kind: 'permanent', stage: 'rcpt', replyCode: 550, enhancedCode: null, errorCode: 'EENVELOPE' },
  },
  {
    name: 'recipient deferred (450)',
    error: nodemailerError("Can't send mail - all recipients were rejected: 450 4.2.0 Greylisted", {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      response: '450 4.2.0 Greylisted',
      responseCode: 450,
      permanent: false,
    }),
    expected: { kind: 'transient', stage: 'rcpt', replyCode: 450, enhancedCode: '4.2.0', errorCode: 'EENVELOPE' },
  },
  {
    name: '503 bad sequence is not permanent (nodemailer isPermanentResponseCode)',
    error: nodemailerError('Data command failed: 503 5.5.1 Error: need RCPT command', {
      code: 'EENVELOPE',
      response: '503 5.5.1 Error: need RCPT command',
      responseCode: 503,
      permanent: false,
      command: 'DATA',
    }),
    expected: { kind: 'transient', stage: 'data', replyCode: 503, enhancedCode: '5.5.1', errorCode: 'EENVELOPE' },
  },
  {
    name: 'message deferred after the final "." (451)',
    error: nodemailerError('Message failed: 451 try later', {
      code: 'EMESSAGE',
      response: '451 try later',
      responseCode: 451,
      permanent: false,
      command: 'DATA',
    }),
    expected: { kind: 'transient', stage: 'data', replyCode: 451, enhancedCode: null, errorCode: 'EMESSAGE' },
  },
  {
    name: 'message refused after the final "." (552)',
    error: nodemailerError('Message failed: 552 5.3.4 Message size exceeds fixed maximum message size', {
      code: 'EMESSAGE',
      response: '552 5.3.4 Message size exceeds fixed maximum message size',
      responseCode: 552,
      permanent: true,
      command: 'DATA',
    }),
    expected: { kind: 'permanent', stage: 'data', replyCode: 552, enhancedCode: '5.3.4', errorCode: 'EMESSAGE' },
  },
  {
    name: 'connection closed after the final ".": ambiguous once the caller says the message was sent',
    error: nodemailerError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN' }),
    context: { stage: 'data', messageSent: true },
    expected: { kind: 'ambiguous', stage: 'data', replyCode: null, enhancedCode: null, errorCode: 'ECONNECTION' },
  },
  {
    name: 'no reply after the final "." (socket timeout)',
    error: nodemailerError('Timeout', { timeoutType: 'SOCKET_TIMEOUT', code: 'ETIMEDOUT', command: 'CONN' }),
    context: { stage: 'data', messageSent: true },
    expected: { kind: 'ambiguous', stage: 'data', replyCode: null, enhancedCode: null, errorCode: 'ETIMEDOUT' },
  },
  {
    name: 'connection reset after the final "."',
    error: nodemailerError('read ECONNRESET', {
      errno: -104,
      code: 'ESOCKET',
      syscall: 'read',
      originalCode: 'ECONNRESET',
      command: 'CONN',
    }),
    context: { stage: 'data', messageSent: true },
    expected: { kind: 'ambiguous', stage: 'data', replyCode: null, enhancedCode: null, errorCode: 'ECONNRESET' },
  },
  {
    name: 'a dropped connection with command DATA and no reply',
    error: nodemailerError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'DATA' }),
    expected: { kind: 'ambiguous', stage: 'data', replyCode: null, enhancedCode: null, errorCode: 'ECONNECTION' },
  },
  {
    name: 'closed with a partial 451 after the final ".": the reply decides, not ambiguous',
    error: nodemailerError('Connection closed unexpectedly: 451 4.3.0 Queue full', {
      code: 'ECONNECTION',
      response: '451 4.3.0 Queue full',
      responseCode: 451,
      permanent: false,
      command: 'CONN',
    }),
    context: { stage: 'data', messageSent: true },
    expected: { kind: 'transient', stage: 'data', replyCode: 451, enhancedCode: '4.3.0', errorCode: 'ECONNECTION' },
  },
  {
    name: 'connection closed while waiting for RCPT replies: transient, at the stage the caller saw',
    error: nodemailerError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN' }),
    context: { stage: 'rcpt' },
    expected: { kind: 'transient', stage: 'rcpt', replyCode: null, enhancedCode: null, errorCode: 'ECONNECTION' },
  },
  {
    name: 'connection closed, stage unknown to the caller (the same error nodemailer gives after the final ".")',
    error: nodemailerError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN' }),
    expected: { kind: 'transient', stage: 'unknown', replyCode: null, enhancedCode: null, errorCode: 'ECONNECTION' },
  },
  {
    name: 'the pool gave up after the connection closed',
    error: nodemailerError('Reached maximum number of retries after connection was closed', { code: 'ECONNECTION' }),
    expected: { kind: 'transient', stage: 'unknown', replyCode: null, enhancedCode: null, errorCode: 'ECONNECTION' },
  },
  {
    name: 'not an Error at all',
    error: 'boom',
    expected: { kind: 'transient', stage: 'unknown', replyCode: null, enhancedCode: null, errorCode: null },
  },
];

for (const { name, error, context, expected } of cases) {
  test(`classifySmtpError: ${name}`, () => {
    const { kind, stage, replyCode, enhancedCode, errorCode } = classifySmtpError(error, context);
    assert.deepEqual({ kind, stage, replyCode, enhancedCode, errorCode }, expected);
  });
}

test('classifySmtpError keeps the reply and nodemailer’s message as they are', () => {
  const failure = classifySmtpError(
    nodemailerError('Invalid login: 535 5.7.8 Authentication credentials invalid', {
      code: 'EAUTH',
      response: '535 5.7.8 Authentication credentials invalid',
      responseCode: 535,
      command: 'AUTH PLAIN',
    }),
  );
  assert.equal(failure.reply, '535 5.7.8 Authentication credentials invalid');
  assert.equal(failure.message, 'Invalid login: 535 5.7.8 Authentication credentials invalid');
  assert.equal(classifySmtpError('boom').message, 'boom');
});
