import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { closeSmtpServer } from './smtp-test-server.js';

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that takes every message to the final "." and then
 * never answers: each send stays in flight until the client times out or dies. Records the
 * Message-IDs it read. Close it and start a normal server on `port` to let the mail through.
 *
 * @example await using hung = await startHungSmtpServer(); await until('4 sends hang', () => hung.hanging.size >= 4);
 */
export async function startHungSmtpServer() {
  const hanging = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, _callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const messageId = /^Message-ID:[ \t]*(.*)$/im.exec(head)?.[1]?.trim();
        if (messageId) hanging.add(messageId);
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: '127.0.0.1',
    port: (server.server.address() as AddressInfo).port,
    /** Message-IDs whose final "." arrived and that got no reply. */
    hanging,
    close: () => closeSmtpServer(server),
    async [Symbol.asyncDispose]() {
      await this.close();
    },
  };
}
