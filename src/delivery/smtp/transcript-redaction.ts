import { redact } from './secret-redaction.js';

/** Client lines shown as sent: the commands, never an AUTH exchange's data. */
const shownCommands = /^((EHLO|HELO|LHLO|STARTTLS|DATA|RSET|NOOP|QUIT)\b|MAIL FROM:|RCPT TO:|\.$)/i;

/**
 * One line of an SMTP conversation as the debug log may show it. What Herald sends is shown only
 * when it is a known command; `AUTH <mechanism>` keeps its mechanism and loses its initial
 * response (AUTH PLAIN's credentials, XOAUTH2's token, NTLM's type 1 message), and every other
 * line Herald sends (the base64 username and password of AUTH LOGIN, a CRAM-MD5 answer, NTLM's
 * type 3 message with the user, the domain and the response hash) is `[redacted]`. The server's
 * lines are shown, with the password in any of its encodings (`secrets`) cut out in case one
 * echoed it.
 *
 * @example
 * redactTranscriptLine('client', 'AUTH PLAIN AG9wcwBzM2NyZXQ=', []) // 'AUTH PLAIN [redacted]'
 */
export function redactTranscriptLine(direction: 'client' | 'server', line: string, secrets: string[]): string {
  if (direction === 'server') return redact(line, secrets);
  const auth = /^AUTH\s+(\S+)/i.exec(line);
  if (auth) return line.trim().length > auth[0].length ? `${auth[0]} [redacted]` : auth[0];
  return shownCommands.test(line) ? redact(line, secrets) : '[redacted]';
}
