import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { challengeMessage, messageType, parseAuthenticate, provesPassword, targetInfo } from './ntlm-messages.js';

/** A Windows account the server knows. */
export interface NtlmAccount {
  /** The NetBIOS domain (CORP); its DNS name (`dnsDomain`) is accepted too, in any case. */
  domain: string;
  dnsDomain?: string;
  user: string;
  password: string;
}

export interface NtlmSmtpServerOptions {
  accounts: NtlmAccount[];
  /** The AUTH mechanisms EHLO lists; default NTLM. Without NTLM, AUTH NTLM gets 504 as Exchange answers it. */
  mechanisms?: string[];
}

/** Every AUTH NTLM the server answered, with the names the client's type 3 message gave. */
export interface NtlmAuthentication {
  user: string;
  domain: string;
  workstation: string;
  ok: boolean;
}

export interface NtlmReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** `DOMAIN\user` of the session that sent it. */
  account: string;
}

/**
 * An SMTP server on 127.0.0.1 that speaks AUTH NTLM as on-premises Exchange does (smtp-server
 * has no NTLM): it offers `AUTH NTLM`, answers the type 1 message with a type 2 challenge (a
 * fresh random server challenge, target info naming the domain), and verifies the type 3
 * message's NTLMv2 response by recomputing it from the account's password (ntlm-messages.ts):
 * `235 2.7.0` when it proves the password, `535 5.7.3 Authentication unsuccessful` otherwise.
 * Mail is accepted only after a successful login (`530 5.7.1` before). Plain text, no STARTTLS,
 * no pipelining; only NTLM is implemented (any other mechanism gets 504).
 *
 * @example
 * await using exchange = await startNtlmSmtpServer({ accounts: [{ domain: 'CORP', user: 'svc-herald', password: 'pw' }] });
 */
export async function startNtlmSmtpServer(options: NtlmSmtpServerOptions) {
  const mechanisms = options.mechanisms ?? ['NTLM'];
  const authentications: NtlmAuthentication[] = [];
  const received: NtlmReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    converse(socket);
  });

  function converse(socket: Socket): void {
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let account: string | null = null;
    let envelope: { from: string; to: string[] } | null = null;
    let data: string[] | null = null;
    // the step of an AUTH NTLM exchange: waiting for type 1 (no initial response) or type 3
    let auth: { waiting: 'negotiate' } | { waiting: 'authenticate'; serverChallenge: Buffer; info: Buffer } | null = null;

    const challenge = (negotiate: Buffer) => {
      if (messageType(negotiate) !== 1) {
        auth = null;
        return reply('501 5.5.2 Cannot decode the NTLM negotiate message');
      }
      const serverChallenge = randomBytes(8);
      const first = options.accounts[0];
      const info = targetInfo({ domain: first?.domain ?? 'WORKGROUP', computer: 'EXCH01', dnsDomain: first?.dnsDomain });
      auth = { waiting: 'authenticate', serverChallenge, info };
      reply(`334 ${challengeMessage(serverChallenge, first?.domain ?? 'WORKGROUP', info).toString('base64')}`);
    };
    const authenticate = (line: string, serverChallenge: Buffer, info: Buffer) => {
      auth = null;
      const message = parseAuthenticate(Buffer.from(line, 'base64'));
      if (!message) return reply('501 5.5.2 Cannot decode the NTLM authenticate message');
      const known = options.accounts.find(
        (candidate) =>
          candidate.user.toLowerCase() === message.user.toLowerCase() &&
          [candidate.domain, candidate.dnsDomain].some((name) => name?.toLowerCase() === message.domain.toLowerCase()),
      );
      const ok = known !== undefined && provesPassword(message, known.password, serverChallenge, info);
      authentications.push({ user: message.user, domain: message.domain, workstation: message.workstation, ok });
      if (!ok) return reply('535 5.7.3 Authentication unsuccessful');
      account = `${message.domain}\\${message.user}`;
      reply('235 2.7.0 Authentication successful');
    };

    const command = (line: string) => {
      if (data) {
        if (line !== '.') return void data.push(line.startsWith('..') ? line.slice(1) : line);
        received.push({ ...envelope!, raw: data.join('\r\n'), account: account ?? '' });
        data = null;
        envelope = null;
        return reply('250 2.6.0 Queued mail for delivery');
      }
      if (auth?.waiting === 'negotiate')
        return line === '*' ? ((auth = null), reply('501 5.7.0 Cancelled')) : challenge(Buffer.from(line, 'base64'));
      if (auth?.waiting === 'authenticate')
        return line === '*' ? ((auth = null), reply('501 5.7.0 Cancelled')) : authenticate(line, auth.serverChallenge, auth.info);
      const [verb = '', ...rest] = line.split(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO': {
          const lines = [
            'EXCH01.corp.test Hello',
            'SIZE 37748736',
            '8BITMIME',
            ...(mechanisms.length > 0 ? [`AUTH ${mechanisms.join(' ')}`] : []),
          ];
          return reply(lines.map((text, i) => `250${i === lines.length - 1 ? ' ' : '-'}${text}`).join('\r\n'));
        }
        case 'HELO':
          return reply('250 EXCH01.corp.test Hello');
        case 'AUTH': {
          if (account !== null) return reply('503 5.5.2 Already authenticated');
          const [mechanism = '', initial] = rest;
          if (mechanism.toUpperCase() !== 'NTLM' || !mechanisms.includes('NTLM'))
            return reply('504 5.7.4 Unrecognized authentication type');
          if (initial === undefined) {
            auth = { waiting: 'negotiate' };
            return reply('334 ');
          }
          return challenge(Buffer.from(initial, 'base64'));
        }
        case 'MAIL':
          if (account === null) return reply('530 5.7.1 Client was not authenticated');
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
          return reply('250 2.1.0 Sender OK');
        case 'RCPT':
          if (!envelope) return reply('503 5.5.2 Need mail command');
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          return reply('250 2.1.5 Recipient OK');
        case 'DATA':
          if (!envelope || envelope.to.length === 0) return reply('503 5.5.2 Need rcpt command');
          data = [];
          return reply('354 Start mail input; end with <CRLF>.<CRLF>');
        case 'RSET':
          envelope = null;
          return reply('250 2.0.0 Resetting');
        case 'NOOP':
          return reply('250 2.0.0 OK');
        case 'QUIT':
          reply('221 2.0.0 Service closing transmission channel');
          return void socket.end();
        default:
          return reply('500 5.3.3 Unrecognized command');
      }
    };

    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        command(line);
      }
    });
    reply('220 EXCH01.corp.test Microsoft ESMTP MAIL Service ready (Herald NTLM test server)');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    authentications,
    received,
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async [Symbol.asyncDispose]() {
      await this.close();
    },
  };
}

export type NtlmSmtpServer = Awaited<ReturnType<typeof startNtlmSmtpServer>>;
