// An SMTP sink for the delivery benchmark, run in its own process (child_process.fork with tsx)
// so that receiving mail never shares an event loop with what is measured.
//
// It is a real smtp-server on 127.0.0.1, port 0: no TLS, every message accepted. No AUTH, unless
// started with SinkAuthOptions as JSON in its first argument (the OAuth phase): then AUTH PLAIN,
// LOGIN or XOAUTH2 is required (bench/sink-auth.ts starts the fake identity provider). For each
// message it keeps only the Message-ID header (read from the first chunk(s) of the stream, no
// parser) and the time the final "." arrived, on CLOCK_MONOTONIC (process.hrtime), which every
// process on the machine shares, so the parent can compare it with its own send times.
//
// IPC protocol (parent → sink → parent), all answers carry the request's `id`:
//   { type: 'reset' }                          forget everything received so far → { type: 'ok' }
//   { type: 'stats' }                          → { type: 'stats', ...SinkStats }
//   { type: 'waitFor', count, timeoutMs }      answers once `count` messages arrived (or on timeout)
//                                              → { type: 'stats', ...SinkStats, timedOut }
//   { type: 'dump' }                           → { type: 'dump', records: [messageId, atMs][] }
//   { type: 'auth' }                           → { type: 'auth', ...SinkAuthStats } (since the last reset)
//   { type: 'stop' }                           closes the server and exits
// On start it sends { type: 'ready', port, idpOrigin? }.
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startSinkAuth, type SinkAuthOptions, type SinkAuthStats } from './sink-auth.js';

export interface SinkStats {
  count: number;
  duplicates: number;
  withoutMessageId: number;
  /** Monotonic milliseconds (process.hrtime) of the first and last message, or null. */
  firstAt: number | null;
  lastAt: number | null;
  connections: number;
}

export type SinkRequest =
  | { id: number; type: 'reset' }
  | { id: number; type: 'stats' }
  | { id: number; type: 'waitFor'; count: number; timeoutMs: number }
  | { id: number; type: 'dump' }
  | { id: number; type: 'auth' }
  | { id: number; type: 'stop' };

export type SinkReply =
  | { type: 'ready'; port: number; idpOrigin?: string }
  | { id: number; type: 'ok' }
  | ({ id: number; type: 'stats'; timedOut?: boolean } & SinkStats)
  | { id: number; type: 'dump'; records: Array<[string, number]> }
  | ({ id: number; type: 'auth' } & SinkAuthStats);

const authOptions = process.argv[2] ? (JSON.parse(process.argv[2]) as SinkAuthOptions) : undefined;
const auth = authOptions ? await startSinkAuth(authOptions) : undefined;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

let received = new Map<string, number>();
let count = 0;
let duplicates = 0;
let withoutMessageId = 0;
let firstAt: number | null = null;
let lastAt: number | null = null;
let connections = 0;
const waiters: Array<{ id: number; count: number; timer: NodeJS.Timeout }> = [];

const headerEnd = '\r\n\r\n';
const messageIdPattern = /^message-id:[ \t]*([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)/im;

function record(messageId: string | undefined): void {
  const at = nowMs();
  count += 1;
  firstAt ??= at;
  lastAt = at;
  if (messageId === undefined) withoutMessageId += 1;
  else if (received.has(messageId)) duplicates += 1;
  else received.set(messageId, at);
  if (waiters.length > 0) {
    for (const waiter of [...waiters]) {
      if (count >= waiter.count) {
        clearTimeout(waiter.timer);
        waiters.splice(waiters.indexOf(waiter), 1);
        send({ id: waiter.id, type: 'stats', ...stats(), timedOut: false });
      }
    }
  }
}

function stats(): SinkStats {
  return { count, duplicates, withoutMessageId, firstAt, lastAt, connections };
}

function send(reply: SinkReply): void {
  process.send?.(reply);
}

const server = new SMTPServer({
  secure: false,
  hideSTARTTLS: true,
  authOptional: auth === undefined,
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
  disabledCommands: auth === undefined ? ['AUTH', 'STARTTLS'] : ['STARTTLS'],
  onAuth(authentication, _session, callback) {
    if (!auth) return callback(new Error('AUTH is not offered'));
    auth.onAuth(authentication, callback);
  },
  disableReverseLookup: true,
  logger: false,
  banner: 'herald bench sink',
  onConnect(_session, callback) {
    connections += 1;
    callback();
  },
  onData(stream: SMTPServerDataStream, _session, callback) {
    // Only the header block is looked at; the body is drained without being kept.
    let head = '';
    let messageId: string | undefined;
    let searching = true;
    stream.on('data', (chunk: Buffer) => {
      if (!searching) return;
      head += chunk.toString('latin1');
      const end = head.indexOf(headerEnd);
      const block = end === -1 ? head : head.slice(0, end + 2);
      const match = messageIdPattern.exec(block);
      if (match) {
        messageId = match[1]!.replace(/\s+/g, '');
        searching = false;
      } else if (end !== -1 || head.length > 64 * 1024) searching = false;
    });
    stream.on('end', () => {
      record(messageId);
      callback(null, 'Ok: queued');
    });
  },
});
server.on('error', (error) => process.stderr.write(`smtp sink: ${String(error)}\n`));

process.on('message', (request: SinkRequest) => {
  switch (request.type) {
    case 'reset':
      received = new Map();
      count = 0;
      duplicates = 0;
      withoutMessageId = 0;
      firstAt = null;
      lastAt = null;
      connections = 0;
      auth?.reset();
      send({ id: request.id, type: 'ok' });
      break;
    case 'stats':
      send({ id: request.id, type: 'stats', ...stats() });
      break;
    case 'waitFor': {
      if (count >= request.count) {
        send({ id: request.id, type: 'stats', ...stats(), timedOut: false });
        break;
      }
      const waiter = {
        id: request.id,
        count: request.count,
        timer: setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          send({ id: request.id, type: 'stats', ...stats(), timedOut: true });
        }, request.timeoutMs),
      };
      waiters.push(waiter);
      break;
    }
    case 'dump':
      send({ id: request.id, type: 'dump', records: [...received] });
      break;
    case 'auth': {
      const none = { password: 0, xoauth2: 0, refused: 0, tokenRequests: { ok: 0, failed: 0 } };
      send({ id: request.id, type: 'auth', ...(auth?.stats() ?? none) });
      break;
    }
    case 'stop':
      void auth?.close();
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 1000).unref();
      break;
  }
});
// The parent went away (crashed or was killed): do not linger.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  send({ type: 'ready', port: (server.server.address() as AddressInfo).port, idpOrigin: auth?.idpOrigin });
});
