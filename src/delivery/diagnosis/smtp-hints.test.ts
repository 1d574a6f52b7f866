import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hintFor, type HintInput } from './smtp-hints.js';

/** A failure with a server reply; the enhanced code is read off the reply as the classifier does. */
const replied = (stage: HintInput['stage'], reply: string, errorCode = 'EENVELOPE'): HintInput => ({
  stage,
  replyCode: Number(reply.slice(0, 3)),
  enhancedCode: /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})/.exec(reply)?.[1] ?? null,
  reply,
  errorCode,
});
const systemError = (stage: HintInput['stage'], errorCode: string, message?: string): HintInput => ({
  stage,
  replyCode: null,
  enhancedCode: null,
  reply: null,
  errorCode,
  ...(message ? { message } : {}),
});

const cases: Array<[name: string, failure: HintInput, hint: RegExp | undefined]> = [
  [
    'NTLM configured, the server does not know the mechanism',
    {
      ...replied('auth', '504 5.7.4 Unrecognized authentication type', 'EAUTH'),
      message: 'The server does not offer AUTH NTLM (it offers AUTH LOGIN): 504 5.7.4 Unrecognized authentication type',
    },
    /does not offer the sign-in mechanism.*AUTH NTLM.*receive connector/,
  ],
  [
    'NTLM refused as a stored reply (the queue view): 504 at AUTH',
    replied('auth', '504 5.7.4 Unrecognized authentication type', 'EAUTH'),
    /does not offer the sign-in mechanism/,
  ],
  [
    'Microsoft 365, SMTP AUTH disabled',
    replied('auth', '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', 'EAUTH'),
    /Microsoft 365.*OAuth2/,
  ],
  [
    'Gmail, password not accepted',
    replied(
      'auth',
      '535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp',
      'EAUTH',
    ),
    /app password.*OAuth2/,
  ],
  [
    'Gmail, application-specific password required',
    replied(
      'auth',
      '534-5.7.9 Application-specific password required.\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
      'EAUTH',
    ),
    /app password/,
  ],
  ['any other 535', replied('auth', '535 5.7.8 Authentication credentials invalid', 'EAUTH'), /username or password/],
  ['530 must issue STARTTLS first', replied('mail', '530 5.7.0 Must issue a STARTTLS command first. - gsmtp'), /STARTTLS/],
  ['530 authentication required', replied('mail', '530 5.7.0 Authentication required'), /requires authentication/],
  [
    'TLS on a plain port (wrong version number)',
    systemError('tls', 'ERR_SSL_WRONG_VERSION_NUMBER', 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'),
    /STARTTLS on port 587.*465/,
  ],
  [
    'older Node: EPROTO with "wrong version number"',
    systemError('tls', 'EPROTO', 'write EPROTO 140:error:1408F10B:SSL routines:ssl3_get_record:wrong version number'),
    /STARTTLS on port 587.*465/,
  ],
  ['STARTTLS refused by the server', replied('tls', '454 4.7.0 TLS not available', 'ETLS'), /does not offer STARTTLS/],
  [
    'other TLS handshake failure',
    systemError(
      'tls',
      'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
      'C0:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure',
    ),
    /handshake failed/,
  ],
  ['self-signed certificate', systemError('tls', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), /CA certificate.*last resort/],
  ['unknown issuer', systemError('tls', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), /CA certificate/],
  ['self-signed CA in the chain', systemError('tls', 'SELF_SIGNED_CERT_IN_CHAIN'), /CA certificate/],
  ['expired certificate', systemError('tls', 'CERT_HAS_EXPIRED', 'certificate has expired'), /expired/],
  ['host name not in the certificate', systemError('tls', 'ERR_TLS_CERT_ALTNAME_INVALID'), /does not match/],
  ['connection refused', systemError('connect', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), /Nothing accepts connections/],
  ['connect timeout', systemError('connect', 'ETIMEDOUT', 'Connection timeout'), /firewall.*port 25/],
  ['greeting timeout', systemError('connect', 'ETIMEDOUT', 'Greeting never received'), /never greeted.*465/],
  ['host not found', systemError('dns', 'ENOTFOUND', 'getaddrinfo ENOTFOUND smtp.example.invalid'), /does not resolve/],
  ['DNS failure without a system code', systemError('dns', 'EDNS'), /does not resolve/],
  [
    'DNS server refused: a DNS hint, not the "nothing listens" one',
    systemError('dns', 'ECONNREFUSED', 'queryA ECONNREFUSED smtp.example.com'),
    /does not resolve/,
  ],
  ['relaying denied (550 5.7.1)', replied('rcpt', '550 5.7.1 Relaying denied'), /does not relay.*authenticate/],
  ['relay access denied (554)', replied('rcpt', '554 5.7.1 <ops@example.com>: Relay access denied'), /does not relay/],
  [
    'Microsoft 365 SendAsDenied',
    replied('data', '554 5.2.252 SendAsDenied; herald@example.com not allowed to send as boss@example.com', 'EMESSAGE'),
    /send as/,
  ],
  [
    'Postfix sender not owned',
    replied('mail', '553 5.7.1 <boss@example.com>: Sender address rejected: not owned by user herald'),
    /send as/,
  ],
  ['5.7.60', replied('mail', '550 5.7.60 SMTP; Client does not have permissions to send as this sender'), /send as/],
  [
    'message too large (552)',
    replied('data', '552 5.3.4 Message size exceeds fixed maximum message size', 'EMESSAGE'),
    /larger than the server accepts/,
  ],
  [
    'message too large for the advertised SIZE',
    { ...systemError('mail', 'EMESSAGE', 'Message size larger than allowed 1000') },
    /larger than the server accepts/,
  ],
  ['421 closing', replied('mail', '421 4.7.0 Try again later, closing connection.'), /temporarily.*retry/],
  ['450 greylisted', replied('rcpt', '450 4.2.0 Greylisted, please try again later'), /temporarily.*retry/],
  ['451 local error', replied('data', '451 4.3.0 Error: queue file write error', 'EMESSAGE'), /temporarily.*retry/],
  ['554 spam', replied('data', '554 5.7.1 Message rejected as spam', 'EMESSAGE'), /spam or by policy.*SPF/],
  [
    '550 blocked by a blocklist',
    replied('rcpt', '550 5.7.1 Service unavailable; client host [203.0.113.5] blocked using Spamhaus'),
    /spam or by policy/,
  ],
  [
    'connection dropped after the message was sent',
    systemError('data', 'ECONNECTION', 'Connection closed unexpectedly'),
    /may or may not have been delivered/,
  ],
  ['unknown user: no hint', replied('rcpt', '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown'), undefined],
  ['nothing known', systemError('unknown', 'EABORT'), undefined],
];

for (const [name, failure, expected] of cases) {
  test(`hintFor: ${name}`, () => {
    const hint = hintFor(failure);
    if (expected === undefined) assert.equal(hint, undefined);
    else assert.match(hint ?? '(no hint)', expected);
  });
}
