import nodemailer from 'nodemailer';
import type MimeNode from 'nodemailer/lib/mime-node';
import type { OutgoingMail } from './mail-transport.js';
import { toMailOptions } from './mail-options.js';

/** A built message's body: everything after its top-level header block, and the boundary it uses. */
interface BuiltBody {
  boundary: string | false;
  body: Buffer;
}

/** MimeNode's members used here that @types/nodemailer does not declare. */
type RootNode = MimeNode & { boundary: string | false; buildHeaders(): string };

// The bodies of the last few distinct contents: an event's recipients get the same subject, text
// and HTML, so the encoding (quoted-printable HTML, the MIME tree) is done once per event, not per
// recipient; each message still gets its own headers (To, Message-ID, Date).
// At most `bodiesKept` of at most `largestKept` characters of content each: a few megabytes.
const bodies = new Map<string, Promise<BuiltBody>>();
const bodiesKept = 16;
const largestKept = 128 * 1024;

// The content itself is the key (a Map hashes a string faster than a digest would); the HTML's
// length first, so no HTML and text can pass for another pair.
const contentKey = (mail: Pick<OutgoingMail, 'text' | 'html'>) =>
  mail.html === undefined ? `t${mail.text}` : `h${mail.html.length}:${mail.html}${mail.text}`;

const headerEnd = Buffer.from('\r\n\r\n');
/** Every line break as CRLF, as SMTP wants them (what nodemailer's `newline: 'windows'` does). */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** The whole message from nodemailer's stream. */
function streamed(root: MimeNode): Promise<Buffer> {
  const stream = root.createReadStream();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    // latin1 maps each byte to one character and back, so the bytes of every line are kept
    stream.once('end', () => resolve(Buffer.from(crlf(Buffer.concat(chunks).toString('latin1')), 'latin1')));
  });
}

async function build(root: RootNode, key: string): Promise<Buffer> {
  const reused = bodies.get(key);
  if (reused) {
    bodies.delete(key);
    bodies.set(key, reused);
    const { boundary, body } = await reused.catch(() => ({ boundary: false as const, body: undefined }));
    if (body) {
      // the same tree as the message it was built for: the same boundary keeps its parts valid
      if (boundary) root.boundary = boundary;
      return Buffer.concat([Buffer.from(crlf(root.buildHeaders())), headerEnd, body]);
    }
  }
  const whole = streamed(root);
  if (key.length > largestKept) return whole;
  const built = whole.then((message) => ({
    boundary: root.boundary,
    body: message.subarray(message.indexOf(headerEnd) + headerEnd.length),
  }));
  built.catch(() => undefined); // a failed build is the sender's error; the next message builds anew
  bodies.set(key, built);
  if (bodies.size > bodiesKept) bodies.delete(bodies.keys().next().value!);
  return whole;
}

// nodemailer's own pipeline (headers, Message-ID, Date, MIME tree, encodings) without a connection:
// the bytes the SMTP session pool writes after DATA, and the HTTP APIs' body. No plugins, DKIM or
// stream transforms: a reused body is only right while nothing rewrites the whole message.
const composer = nodemailer.createTransport({
  name: 'herald-mime',
  version: '1',
  send(mail, done) {
    const data = mail.data as { text: string; html?: string };
    build(mail.message as RootNode, contentKey(data)).then(
      (message) => done(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), message }),
      (error: Error) => done(error, undefined),
    );
  },
});

/** The RFC 822 message the SMTP path would send for this mail, as bytes. */
export async function buildMime(mail: OutgoingMail): Promise<Buffer> {
  const info = (await composer.sendMail(toMailOptions(mail))) as { message: Buffer };
  return info.message;
}
