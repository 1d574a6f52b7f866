import type { SendFailure } from '../smtp/smtp-failure.js';

/** What a hint is chosen from; `message` (nodemailer's error text) is optional. */
export type HintInput = Pick<SendFailure, 'stage' | 'replyCode' | 'enhancedCode' | 'reply' | 'errorCode'> & { message?: string };

interface HintRule {
  when: (failure: HintInput) => boolean;
  hint: string;
}

const code =
  (...codes: string[]) =>
  (f: HintInput) =>
    f.errorCode !== null && codes.includes(f.errorCode);
const reply = (replyCode: number, pattern?: RegExp) => (f: HintInput) =>
  f.replyCode === replyCode && (pattern === undefined || pattern.test(`${f.enhancedCode ?? ''} ${f.reply ?? ''}`));
const says = (pattern: RegExp) => (f: HintInput) => pattern.test(`${f.reply ?? ''}\n${f.message ?? ''}`);

/** Checked in order; the first that matches gives the hint. */
const rules: HintRule[] = [
  {
    // 504 at AUTH: the server does not know the mechanism; with a password nodemailer picks one it offers, so it is NTLM or XOAUTH2
    when: (f) => f.stage === 'auth' && (reply(504)(f) || says(/does not offer AUTH NTLM/)(f)),
    hint: 'The server does not offer the sign-in mechanism configured (AUTH NTLM, or XOAUTH2 for OAuth2): for NTLM on Exchange, enable Integrated Windows authentication on the receive connector (Set-ReceiveConnector -AuthMechanism), or sign in with a password (AUTH LOGIN) if the server offers that.',
  },
  {
    when: reply(535, /\b5\.7\.139\b/),
    hint: 'Microsoft 365 has basic authentication (SMTP AUTH) disabled for this mailbox or tenant: enable Authenticated SMTP for the mailbox in the Microsoft 365 admin center, or connect with OAuth2.',
  },
  {
    when: (f) => reply(534)(f) || reply(535, /gsmtp|google/i)(f),
    hint: 'Google refuses the account password over SMTP: create an app password (with 2-Step Verification on) and use it as the password, or connect with OAuth2.',
  },
  { when: reply(535), hint: 'The server rejected the username or password: check both, and that the account may send over SMTP.' },
  {
    when: reply(530, /STARTTLS/i),
    hint: 'The server only accepts mail after STARTTLS: set the security to STARTTLS (usually port 587).',
  },
  { when: reply(530, /auth/i), hint: 'The server requires authentication: set a username and password.' },
  {
    when: (f) =>
      code('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG')(f) || says(/wrong version number|packet length too long/i)(f),
    hint: 'TLS and plain SMTP are mixed up: use STARTTLS on port 587 (or 25), implicit TLS on port 465.',
  },
  {
    when: (f) => f.stage === 'tls' && f.replyCode !== null,
    hint: 'The server does not offer STARTTLS on this port: use implicit TLS on port 465, or plain SMTP only on a trusted network.',
  },
  {
    when: code(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    ),
    hint: "The server's certificate is self-signed or from a CA Herald does not trust: add that CA certificate to the mail server settings (Advanced → CA certificate, or tlsCa in the API), or, as a last resort, accept invalid certificates.",
  },
  {
    when: code('CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'),
    hint: "The server's certificate has expired (or is not valid yet): the mail server's administrator must renew it.",
  },
  {
    when: code('ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'),
    hint: "The host name does not match the server's certificate: connect using a name the certificate lists.",
  },
  {
    when: (f) => f.stage === 'tls' && says(/SSL routines/i)(f),
    hint: 'The TLS handshake failed: check the security setting (STARTTLS on 587, TLS on 465) and that the server supports TLS 1.2 or later.',
  },
  {
    when: (f) => code('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENODATA', 'EDNS')(f) || (f.stage === 'dns' && f.replyCode === null),
    hint: 'The host name does not resolve: check it for typos, and that Herald can reach a DNS server.',
  },
  {
    when: code('ECONNREFUSED'),
    hint: 'Nothing accepts connections on that host and port: check the port, and that the mail server is running.',
  },
  {
    when: (f) => f.errorCode === 'ETIMEDOUT' && says(/greeting/i)(f),
    hint: 'The server accepted the connection but never greeted: port 465 expects implicit TLS (set the security to TLS), or a firewall or proxy holds the connection.',
  },
  {
    when: (f) => f.stage === 'connect' && code('ETIMEDOUT')(f),
    hint: 'The connection timed out: a firewall drops it or the port is wrong. Many cloud providers block outgoing port 25; use 587 or 465.',
  },
  {
    when: code('EHOSTUNREACH', 'ENETUNREACH'),
    hint: 'There is no network route to the host: check the host name and the network or firewall.',
  },
  {
    when: (f) => f.replyCode !== null && f.replyCode >= 500 && says(/relay/i)(f),
    hint: 'The server does not relay mail for Herald: authenticate with an account of that server, or allow Herald’s IP address to relay.',
  },
  {
    when: (f) => says(/SendAsDenied|sender address rejected|not owned by user|not allowed to send as/i)(f) || f.enhancedCode === '5.7.60',
    hint: 'The account may not send as this From address: use an address the account owns or has “send as” rights for.',
  },
  {
    when: (f) => reply(552)(f) || f.enhancedCode === '5.3.4' || says(/size larger than allowed/i)(f),
    hint: 'The message is larger than the server accepts.',
  },
  {
    when: (f) => f.stage === 'data' && f.replyCode === null && code('ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'ECONNRESET', 'EPIPE')(f),
    hint: 'The connection ended after the message was sent, before the server confirmed it: it may or may not have been delivered.',
  },
  {
    when: (f) => f.replyCode !== null && f.replyCode >= 400 && f.replyCode < 500,
    hint: 'The server deferred the message temporarily (busy, rate limit or greylisting); Herald will retry it.',
  },
  {
    when: (f) =>
      (f.replyCode === 554 || f.replyCode === 550) &&
      (f.enhancedCode === '5.7.1' || says(/spam|block|blacklist|denylist|reputation|policy/i)(f)),
    hint: "The server refused the message as spam or by policy: check the content, the sending IP's reputation and the domain's SPF, DKIM and DMARC records.",
  },
];

/**
 * An admin-readable hint for a known SMTP failure, or undefined. Matches on reply and enhanced
 * codes, reply text and system error codes; pure and table-driven.
 *
 * @example
 * hintFor({ stage: 'auth', replyCode: 535, enhancedCode: '5.7.139', reply: '535 5.7.139 Authentication unsuccessful…', errorCode: 'EAUTH' })
 * // → 'Microsoft 365 has basic authentication (SMTP AUTH) disabled…'
 */
export function hintFor(failure: HintInput): string | undefined {
  return rules.find((rule) => rule.when(failure))?.hint;
}
