import nodemailer from 'nodemailer';
import type { OutgoingMail } from './mail-transport.js';
import { toMailOptions } from './mail-options.js';

// nodemailer's own pipeline (headers, Message-ID, Date, MIME tree, encodings) without a connection:
// the bytes the SMTP session pool writes after DATA, and the HTTP APIs' body.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** The RFC 822 message the SMTP path would send for this mail, as bytes. */
export async function buildMime(mail: OutgoingMail): Promise<Buffer> {
  const info = await composer.sendMail(toMailOptions(mail));
  return info.message as Buffer;
}
