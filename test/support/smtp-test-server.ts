import { SMTPServer, type SMTPServerOptions, type SMTPServerSession, type SMTPServerDataStream } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './certificates.js';

/** One message the test server accepted. */
export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | false;
  headers: Map<string, unknown>;
  raw: string;
  /** When the final "." arrived (epoch ms). */
  receivedAt: number;
}

/** What a hook decides: accept, reject with an SMTP reply, or drop the connection. */
export type HookDecision = 'accept' | { code: number; message: string } | 'drop';

export interface SmtpTestServerOptions {
  /** `tls` for implicit TLS, `starttls` to offer STARTTLS, `none` for plain. */
  security?: 'none' | 'starttls' | 'tls';
  /** Listen on this port instead of a free one, e.g. to start a server where a client already points. */
  port?: number;
  /** Username → password; when set, AUTH PLAIN/LOGIN is required. */
  users?: Record<string, string>;
  /** The AUTH mechanisms offered; default PLAIN and LOGIN. Offer only LOGIN to make nodemailer use it. */
  authMethods?: Array<'PLAIN' | 'LOGIN'>;
  /**
   * Requires AUTH XOAUTH2 (only) and asks this whether an access token is good for the user; a
   * refused token gets the `334` JSON challenge, then `535 5.7.3`, as Microsoft and Google answer.
   */
  xoauth2?: (user: string, accessToken: string) => boolean;
  onMailFrom?: (address: string) => HookDecision;
  onRcptTo?: (address: string) => HookDecision;
  /** Called after the whole message is read (the final "."), before the reply. */
  onData?: (mail: ReceivedMail) => HookDecision;
  /** Waits this long after the final "." before replying, like a slow server. */
  replyDelayMs?: number;
  /** Read only the Message-ID (no MIME parsing), for tests that count thousands of messages. */
  light?: boolean;
  /** Text appended to the 220 greeting, e.g. to find it again in a transcript. */
  banner?: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a free port, recording every message it
 * accepts. Hooks reject at any stage with any reply, or drop the connection.
 *
 * @example
 * await using smtp = await startSmtpTestServer({ onRcptTo: () => ({ code: 550, message: 'No such user' }) });
 */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}) {
  const received: ReceivedMail[] = [];
  /** Every AUTH XOAUTH2 the server answered, accepted or refused. */
  const authentications: Array<{ user: string; ok: boolean }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  /** Sessions opened in all, open now, and the most open at once. */
  const connections = { opened: 0, open: 0, peak: 0 };
  const security = options.security ?? 'none';
  const certificate = security === 'none' ? undefined : await selfSignedCertificate();

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const serverOptions: SMTPServerOptions = {
    secure: security === 'tls',
    hideSTARTTLS: security === 'none',
    key: certificate?.key,
    cert: certificate?.cert,
    authOptional: options.users === undefined && options.xoauth2 === undefined,
    authMethods: options.xoauth2 ? ['XOAUTH2'] : (options.authMethods ?? ['PLAIN', 'LOGIN']),
    allowInsecureAuth: true,
    disabledCommands: options.users === undefined && options.xoauth2 === undefined ? ['AUTH'] : [],
    logger: false,
    banner: options.banner,
    size: 20 * 1024 * 1024,
    onConnect(_session, callback) {
      connections.opened += 1;
      connections.open += 1;
      connections.peak = Math.max(connections.peak, connections.open);
      callback();
    },
    onClose() {
      connections.open -= 1;
    },
    onAuth(auth, _session, callback) {
      if (options.xoauth2) {
        const user = auth.username ?? '';
        if (auth.method === 'XOAUTH2' && options.xoauth2(user, auth.accessToken ?? '')) {
          authentications.push({ user, ok: true });
          return callback(null, { user });
        }
        authentications.push({ user, ok: false });
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } });
      }
      const expected = options.users?.[auth.username ?? ''];
      if (expected !== undefined && expected === auth.password) return callback(null, { user: auth.username });
      const error = Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 });
      return callback(error);
    },
    onMailFrom(address, session, callback) {
      decide(options.onMailFrom?.(address.address), session, callback);
    },
    onRcptTo(address, session, callback) {
      decide(options.onRcptTo?.(address.address), session, callback);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        (options.light ? Promise.resolve(lightParse(raw)) : simpleParser(raw))
          .then((parsed) => {
            const mail: ReceivedMail = {
              messageId: parsed.messageId ?? '',
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html,
              headers: parsed.headers,
              raw,
              receivedAt: Date.now(),
            };
            const decision = options.onData?.(mail) ?? 'accept';
            if (decision === 'accept') {
              received.push(mail);
              notify();
            }
            if (options.replyDelayMs) setTimeout(() => decide(decision, session, callback), options.replyDelayMs);
            else decide(decision, session, callback);
          })
          .catch((error: Error) => callback(error));
      });
    },
  };

  const server = new SMTPServer(serverOptions);
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  function decide(decision: HookDecision | undefined, session: SMTPServerSession, callback: (error?: Error | null) => void) {
    if (decision === undefined || decision === 'accept') return callback();
    if (decision === 'drop') {
      // the session's topmost socket: destroying the raw one under a TLS socket can crash Node
      for (const connection of server.connections) if (connection.session === session) connection._socket.destroy();
      return;
    }
    callback(Object.assign(new Error(decision.message), { responseCode: decision.code }));
  }

  return {
    host: '127.0.0.1',
    port,
    received,
    authentications,
    connections,
    /** The CA (here: the self-signed certificate itself) a client must trust. */
    ca: certificate?.cert,
    /** Resolves once at least `count` messages have been accepted. */
    waitFor(count: number, timeoutMs = 15_000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} messages, got ${received.length}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () => closeSmtpServer(server),
    async [Symbol.asyncDispose]() {
      await this.close();
    },
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpTestServer>>;

/** Stops an smtp-server and ends the sessions still open. */
export async function closeSmtpServer(server: SMTPServer): Promise<void> {
  // smtp-server's close() destroys the sockets still in a TLS handshake (from the top: tearing
  // the raw socket down under a handshake segfaults Node); then end the sessions' sockets
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const connection of server.connections) connection._socket.destroy();
  await closed;
}

/** Just enough of a message for counting: its Message-ID and subject, unparsed. */
function lightParse(raw: string) {
  const header = (name: string) => new RegExp(`^${name}:[ \t]*(.*)$`, 'im').exec(raw.slice(0, raw.indexOf('\r\n\r\n')))?.[1]?.trim();
  return {
    messageId: header('Message-ID'),
    subject: header('Subject'),
    text: '',
    html: false as const,
    headers: new Map<string, unknown>(),
  };
}
