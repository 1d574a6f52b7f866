import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reasonClassOf, type ClassifiedAttempt, type ReasonClass } from './reason-class.js';
import { redactTranscriptLine } from './transcript-redaction.js';

const cases: Array<[name: string, attempt: ClassifiedAttempt, expected: ReasonClass]> = [
  ['sent', { outcome: 'sent', stage: 'data', replyCode: 250, errorCode: null }, 'none'],
  ['535 at AUTH', { outcome: 'failed', stage: 'auth', replyCode: 535, errorCode: 'EAUTH' }, 'auth'],
  ['454 at AUTH (temporary auth failure)', { outcome: 'retry', stage: 'auth', replyCode: 454, errorCode: 'EAUTH' }, 'auth'],
  ['expired certificate', { outcome: 'retry', stage: 'tls', replyCode: null, errorCode: 'CERT_HAS_EXPIRED' }, 'tls'],
  ['550 at RCPT', { outcome: 'failed', stage: 'rcpt', replyCode: 550, errorCode: 'EENVELOPE' }, 'rejected'],
  ['554 after DATA', { outcome: 'failed', stage: 'data', replyCode: 554, errorCode: 'EMESSAGE' }, 'rejected'],
  ['451 at RCPT', { outcome: 'retry', stage: 'rcpt', replyCode: 451, errorCode: 'EENVELOPE' }, 'throttled'],
  ['421 at the greeting', { outcome: 'retry', stage: 'connect', replyCode: 421, errorCode: 'EPROTOCOL' }, 'throttled'],
  ['connection refused', { outcome: 'retry', stage: 'connect', replyCode: null, errorCode: 'ECONNREFUSED' }, 'connect'],
  ['host not found', { outcome: 'retry', stage: 'dns', replyCode: null, errorCode: 'ENOTFOUND' }, 'connect'],
  ['refused by the network policy', { outcome: 'failed', stage: 'connect', replyCode: null, errorCode: 'host_not_allowed' }, 'connect'],
  ['lost after the final "."', { outcome: 'ambiguous', stage: 'data', replyCode: null, errorCode: 'ECONNECTION' }, 'ambiguous'],
  ['a failure inside Herald', { outcome: 'retry', stage: 'unknown', replyCode: null, errorCode: 'internal' }, 'other'],
];

for (const [name, attempt, expected] of cases) {
  test(`reason class: ${name} → ${expected}`, () => assert.equal(reasonClassOf(attempt), expected));
}

test('transcript redaction: commands shown, AUTH data and unknown client lines redacted, the password cut from replies', () => {
  const secrets = ['pw-1234', Buffer.from('pw-1234').toString('base64')];
  const lines: Array<[direction: 'client' | 'server', line: string, shown: string]> = [
    ['client', 'EHLO [127.0.0.1]', 'EHLO [127.0.0.1]'],
    ['client', 'MAIL FROM:<herald@example.test>', 'MAIL FROM:<herald@example.test>'],
    ['client', 'RCPT TO:<ops@example.test>', 'RCPT TO:<ops@example.test>'],
    ['client', 'AUTH PLAIN AG9wcwBwdy0xMjM0', 'AUTH PLAIN [redacted]'],
    ['client', 'AUTH XOAUTH2 dXNlcj1vcHMBYXV0aD1CZWFyZXIgeWEyOS4BAQ==', 'AUTH XOAUTH2 [redacted]'],
    ['client', 'AUTH LOGIN', 'AUTH LOGIN'],
    ['client', 'b3Bz', '[redacted]'],
    ['client', 'cHctMTIzNA==', '[redacted]'],
    ['client', '', '[redacted]'],
    ['client', '.', '.'],
    ['server', '334 VXNlcm5hbWU6', '334 VXNlcm5hbWU6'],
    ['server', '535 5.7.8 password pw-1234 is wrong', '535 5.7.8 password [redacted] is wrong'],
  ];
  for (const [direction, line, shown] of lines) assert.equal(redactTranscriptLine(direction, line, secrets), shown, line);
});
