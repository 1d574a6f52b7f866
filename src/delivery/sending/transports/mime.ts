import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type MimeNode from 'nodemailer/lib/mime-node';
import { Encoder as Base64Encoder } from 'nodemailer/lib/base64';
import { Encoder as QpEncoder } from 'nodemailer/lib/qp';
import type { OutgoingMail } from './mail-transport.js';
import { toMailOptions } from './mail-options.js';

/** A built message's body: everything after its top-level header block, and the boundary it uses. */
interface BuiltBody {
  boundary: string | false;
  body: Buffer;
}

/** MimeNode's members used here that its declarations leave out or leave loose. */
type Node = Omit<MimeNode, 'childNodes'> & {
  boundary: string | false;
  buildHeaders(): string;
  getTransferEncoding(): string | false;
  childNodes: Node[];
  _raw: unknown;
  _transforms: unknown[];
  _processFuncs: unknown[];
};

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

/** Everything a stream gives, once it ends ('data' events: stream/consumers' async iteration costs more per message). */
function collected(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Every node holds its content as a string or bytes and nothing rewrites the stream. */
const plainTree = (node: Node): boolean =>
  !node._raw &&
  node._transforms.length === 0 &&
  node._processFuncs.length === 0 &&
  (node.content === undefined || typeof node.content === 'string' || Buffer.isBuffer(node.content)) &&
  node.childNodes.every(plainTree);

/** A node's content in its transfer encoding, by nodemailer's own encoders. */
function encoded(node: Node, content: string | Buffer): Promise<Buffer> | Buffer {
  const encoding = node.getTransferEncoding();
  if (encoding !== 'quoted-printable' && encoding !== 'base64') return Buffer.from(content);
  const encoder = encoding === 'base64' ? new Base64Encoder() : new QpEncoder({ binary: !/^text\//i.test(node.contentType ?? '') });
  encoder.end(content);
  return collected(encoder);
}

/**
 * The bytes MimeNode's stream writes for a plain tree, in the same order, without its stream
 * stages: per message they cost more than the encoding (a pipeline per node, each with its
 * AbortController, and a turn of the event loop between parts).
 */
async function serialized(node: Node, parts: Buffer[] = []): Promise<Buffer[]> {
  parts.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`));
  if (node.content) parts.push(await encoded(node, node.content as string | Buffer));
  if (node.multipart) {
    for (const [index, child] of node.childNodes.entries()) {
      parts.push(Buffer.from(`${index ? '\r\n' : ''}--${node.boundary}\r\n`));
      await serialized(child, parts);
    }
    parts.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
  }
  return parts;
}

/** The whole message, every line ending in CRLF (nodemailer's `newline: 'windows'`, and its final line break). */
async function composed(root: Node): Promise<Buffer> {
  const message = plainTree(root) ? Buffer.concat(await serialized(root)) : await collected(root.createReadStream());
  const last = message.at(-1);
  const ended = last === 0x0a ? '' : last === 0x0d ? '\n' : '\r\n';
  // latin1 maps each byte to one character and back, so the bytes of every line are kept
  return Buffer.from(crlf(message.toString('latin1') + ended), 'latin1');
}

async function build(root: Node, key: string): Promise<Buffer> {
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
  const whole = composed(root);
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
    build(mail.message as Node, contentKey(data)).then(
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
