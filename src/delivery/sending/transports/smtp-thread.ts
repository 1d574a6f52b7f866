// The SMTP thread: runs the delivery worker's nodemailer pools (MIME building, the SMTP session,
// TLS) beside the main thread, which keeps the HTTP API, the database and the outbox. It holds
// nothing that matters: if it dies, the sends in flight come back as ambiguous outcomes and the
// next send starts a new thread. Every check (the send gate, the SSRF guard and its pinned
// address, rate limits) stays on the main thread; this one only sends what it is given.
import { parentPort } from 'node:worker_threads';
import type { MailTransport } from './mail-transport.js';
import { createSmtpTransport } from './smtp-transport.js';
import { transcriptLogger } from './smtp-transcript.js';
import { createBatcher, type SmtpThreadMessage, type SmtpThreadRequest } from './smtp-thread-protocol.js';

const port = parentPort!;
// A pool nodemailer refused to create keeps its error: its sends fail with it, the thread lives on.
const pools = new Map<number, MailTransport | Error>();
const reply = createBatcher<SmtpThreadMessage>((batch) => port.postMessage(batch));

port.on('message', (requests: SmtpThreadRequest[]) => {
  for (const request of requests) handle(request);
});

function handle(request: SmtpThreadRequest): void {
  if (request.op === 'open') {
    try {
      const logger = request.options.transcript ? transcriptLogger(request.pool, request.server, reply) : undefined;
      pools.set(request.pool, createSmtpTransport(request.server, request.options, logger));
    } catch (error) {
      pools.set(request.pool, error instanceof Error ? error : new Error(String(error)));
    }
    return;
  }
  const transport = pools.get(request.pool);
  if (request.op === 'close') {
    pools.delete(request.pool);
    const closing = transport && !(transport instanceof Error) ? transport.close() : Promise.resolve();
    void closing.finally(() => reply({ seq: request.seq }));
    return;
  }
  if (!transport) return reply({ seq: request.seq, error: 'no such pool in the SMTP thread' });
  if (transport instanceof Error) return reply({ seq: request.seq, error: transport.message });
  // createSmtpTransport turns every nodemailer failure into an outcome; this catches the rest.
  transport.send(request.mail).then(
    (outcome) => reply({ seq: request.seq, outcome }),
    (error: unknown) => reply({ seq: request.seq, error: error instanceof Error ? error.message : String(error) }),
  );
}
