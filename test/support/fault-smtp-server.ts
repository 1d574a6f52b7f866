import { createServer, type Server, type Socket, type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { closeSmtpServer } from './smtp-test-server.js';

/** The point of an SMTP session a fault applies to; `dot` is the reply to the final ".". */
export type FaultStage = 'connect' | 'ehlo' | 'mail' | 'rcpt' | 'data' | 'dot';

/**
 * What the server does wrong. `reply`: answers the stage's command with this reply (a 421 also
 * closes the connection, as servers do); `drop-mid-data`: reads part of the message and drops
 * the connection before the final "."; `drop-after-dot`: reads the whole message and drops the
 * connection without a reply; `delay`: answers the stage this late (past the client's timeout,
 * say), accepting the message at `dot`.
 */
export type Fault =
  | { stage: FaultStage; reply: { code: number; message: string } }
  | { stage: 'data'; drop: 'mid-data' }
  | { stage: 'dot'; drop: 'after-dot' }
  | { stage: 'connect' | 'dot'; delayMs: number };

export interface FaultSmtpServerOptions {
  fault?: Fault | null;
  /** Accepts this many messages on a connection, then answers the next MAIL FROM with 421 and closes it. */
  messagesPerConnection?: number;
}

/**
 * A fault-injecting SMTP server (smtp-server) on 127.0.0.1: tempfail or permfail at any stage,
 * dropped connections mid-DATA or after the final ".", late replies, a per-connection message
 * limit, and outages (`stop()` then `start()` on the same port). Counts connection attempts,
 * during an outage too (`stop({ refuse: true })` keeps a listener on the port that counts and
 * resets each connection, like a host whose mail daemon is down behind a load balancer).
 * The fault can be changed at any time (`server.fault = …`).
 *
 * @example
 * await using smtp = await startFaultSmtpServer({ fault: { stage: 'rcpt', reply: { code: 421, message: '4.7.0 Try again later' } } });
 * smtp.fault = null; // heal it
 */
export async function startFaultSmtpServer(options: FaultSmtpServerOptions = {}) {
  let port = 0;
  let smtp: SMTPServer | undefined;
  let refuser: Server | undefined;
  const refusedSockets = new Set<Socket>();
  /** Message-IDs accepted, in order (a duplicate appears twice). */
  const accepted: string[] = [];
  /** Message-IDs whose final "." arrived, whatever the server then did. */
  const dotted: string[] = [];
  const state: { fault: Fault | null; connections: number; refused: number } = { fault: options.fault ?? null, connections: 0, refused: 0 };

  const failWith = (reply: { code: number; message: string }) => Object.assign(new Error(reply.message), { responseCode: reply.code });
  const connectionOf = (session: SMTPServerSession) => [...(smtp?.connections ?? [])].find((connection) => connection.session === session);
  /** A 421 means the server closes the connection after saying so. */
  const closeAfter421 = (session: SMTPServerSession, code: number) => {
    if (code === 421) setImmediate(() => connectionOf(session)?.close());
  };
  const faultAt = (stage: FaultStage) => (state.fault?.stage === stage ? state.fault : null);

  function createSmtp(): SMTPServer {
    const perConnection = new WeakMap<object, number>();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      hideSTARTTLS: true,
      logger: false,
      disableReverseLookup: true,
      size: 20 * 1024 * 1024,
      onConnect(session, callback) {
        state.connections += 1;
        const fault = faultAt('connect');
        if (fault && 'reply' in fault) return callback(failWith(fault.reply));
        if (fault && 'delayMs' in fault) return void setTimeout(() => callback(), fault.delayMs);
        const ehlo = faultAt('ehlo');
        if (ehlo && 'reply' in ehlo) {
          // smtp-server has no EHLO hook: answer this session's EHLO/HELO ourselves
          setImmediate(() => {
            const connection = connectionOf(session);
            if (!connection) return;
            const refuse = (_command: unknown, done: () => void) => {
              connection.send(ehlo.reply.code, ehlo.reply.message);
              if (ehlo.reply.code === 421) connection.close();
              done();
            };
            Object.assign(connection, { handler_EHLO: refuse, handler_HELO: refuse });
          });
        }
        callback();
      },
      onMailFrom(_address, session, callback) {
        const connection = connectionOf(session);
        const sent = (connection && perConnection.get(connection)) ?? 0;
        if (options.messagesPerConnection !== undefined && sent >= options.messagesPerConnection) {
          callback(failWith({ code: 421, message: '4.7.0 Too many messages on this connection, reconnect' }));
          return closeAfter421(session, 421);
        }
        const fault = faultAt('mail');
        if (fault && 'reply' in fault) {
          callback(failWith(fault.reply));
          return closeAfter421(session, fault.reply.code);
        }
        callback();
      },
      onRcptTo(_address, session, callback) {
        const fault = faultAt('rcpt');
        if (fault && 'reply' in fault) {
          callback(failWith(fault.reply));
          return closeAfter421(session, fault.reply.code);
        }
        callback();
      },
      onData(stream, session, callback) {
        const connection = connectionOf(session);
        const fault = faultAt('data');
        if (fault && 'reply' in fault) {
          stream.resume();
          stream.on('end', () => {
            callback(failWith(fault.reply));
            closeAfter421(session, fault.reply.code);
          });
          return;
        }
        if (fault && 'drop' in fault) {
          // the first chunk of the body arrived; the final "." has not been read
          stream.once('data', () => connection?._socket.destroy());
          return;
        }
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 8192) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          const messageId = /^Message-ID:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
          dotted.push(messageId);
          const atDot = faultAt('dot');
          if (atDot && 'drop' in atDot) return void connection?._socket.destroy();
          if (atDot && 'reply' in atDot) {
            callback(failWith(atDot.reply));
            return closeAfter421(session, atDot.reply.code);
          }
          accepted.push(messageId);
          if (connection) perConnection.set(connection, (perConnection.get(connection) ?? 0) + 1);
          if (atDot && 'delayMs' in atDot) setTimeout(() => callback(), atDot.delayMs);
          else callback();
        });
      },
    });
    server.on('error', () => undefined);
    return server;
  }

  async function start(): Promise<void> {
    await closeRefuser();
    smtp = createSmtp();
    const server = smtp;
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    port = (server.server.address() as AddressInfo).port;
  }

  async function closeRefuser(): Promise<void> {
    if (!refuser) return;
    const closing = refuser;
    refuser = undefined;
    for (const socket of refusedSockets) socket.destroy();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  /** Stops listening (an outage); with `refuse`, a plain listener on the port counts and resets each connection. */
  async function stop(stopOptions: { refuse?: boolean } = {}): Promise<void> {
    const closing = smtp;
    smtp = undefined;
    if (closing) await closeSmtpServer(closing);
    await closeRefuser();
    if (!stopOptions.refuse) return;
    refuser = createServer((socket) => {
      state.connections += 1;
      state.refused += 1;
      refusedSockets.add(socket);
      socket.on('close', () => refusedSockets.delete(socket));
      socket.on('error', () => undefined);
      socket.resetAndDestroy();
    });
    const listening = refuser;
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
  }

  await start();
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    /** The fault in force; null serves normally. */
    get fault(): Fault | null {
      return state.fault;
    },
    set fault(fault: Fault | null) {
      state.fault = fault;
    },
    /** Connections that reached the port (served or, during an outage with `refuse`, reset). */
    get connections() {
      return state.connections;
    },
    /** Connections reset during outages (included in `connections`). */
    get refused() {
      return state.refused;
    },
    accepted,
    dotted,
    start,
    stop,
    close: () => stop(),
    async [Symbol.asyncDispose]() {
      await stop();
    },
  };
}

export type FaultSmtpServer = Awaited<ReturnType<typeof startFaultSmtpServer>>;
