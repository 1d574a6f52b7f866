import { format } from 'node:util';
import type { SmtpServerOptions } from '../../smtp/smtp-options.js';
import { secretsOf } from '../../smtp/secret-redaction.js';
import { redactTranscriptLine } from '../../smtp/transcript-redaction.js';
import type { SmtpTranscriptLine } from './smtp-thread-protocol.js';
import type { SmtpTransactionLogger } from './smtp-transport.js';

/**
 * A nodemailer logger (in the SMTP thread) that passes on what Herald sent and what the server
 * answered, redacted before it leaves the thread: no AUTH data, no password in any encoding. The
 * message itself (`tnx: message`) and nodemailer's own notes are not passed on: a body can carry
 * a password-reset link.
 */
export function transcriptLogger(pool: number, server: SmtpServerOptions, post: (line: SmtpTranscriptLine) => void): SmtpTransactionLogger {
  const secrets = secretsOf(server);
  const log = (entry: object, message?: unknown, ...args: unknown[]) => {
    const tnx = (entry as { tnx?: unknown }).tnx;
    if (tnx !== 'client' && tnx !== 'server') return;
    const text = format(String(message ?? ''), ...args);
    // A multi-line reply (EHLO's extensions) is one entry; each line is shown on its own.
    for (const line of text.split(/\r?\n/)) post({ transcript: { pool, direction: tnx, line: redactTranscriptLine(tnx, line, secrets) } });
  };
  return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log };
}
