import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultSmtpServer, type Fault } from './support/fault-smtp-server.js';
import { createSmtpTransport } from '../src/delivery/sending/transports/smtp-transport.js';
import type { OutgoingMail, SendOutcome } from '../src/delivery/sending/transports/mail-transport.js';

// Real: the SMTP transport Herald delivers with and a fault-injecting smtp-server on 127.0.0.1.
// Each failure must come back with the stage it happened at and the server's reply; only a
// connection lost after the final "." is ambiguous.

let sequence = 0;
const mail = (bodyBytes = 200): OutgoingMail => {
  sequence += 1;
  return {
    id: `msg-${sequence}`,
    scopeId: 'system',
    from: { address: 'herald@example.test' },
    to: { address: 'ops@example.test' },
    subject: `Disk almost full #${sequence}`,
    text: 'x'.repeat(bodyBytes),
    messageId: `<stage-${sequence}@example.test>`,
  };
};

const summary = (outcome: SendOutcome) =>
  outcome.status === 'sent' || outcome.status === 'held'
    ? { status: outcome.status }
    : { status: outcome.status, stage: outcome.failure.stage, replyCode: outcome.failure.replyCode, reply: outcome.failure.reply };

/** Sends `before` messages normally (so the connection is reused), then one under `fault`. */
async function sendUnder(fault: Fault | null, options: { before?: number; messagesPerConnection?: number; bodyBytes?: number } = {}) {
  await using smtp = await startFaultSmtpServer({ messagesPerConnection: options.messagesPerConnection });
  const transport = createSmtpTransport(
    { host: smtp.host, port: smtp.port, security: 'none', tlsVerify: true, auth: { type: 'none' }, timeoutMs: 1_000 },
    { poolSize: 1 },
  );
  try {
    for (let n = 0; n < (options.before ?? 0); n += 1) assert.equal((await transport.send(mail())).status, 'sent');
    smtp.fault = fault;
    return summary(await transport.send(mail(options.bodyBytes)));
  } finally {
    await transport.close();
  }
}

const tempfail = (code: number, message: string) => ({ code, message });

test('a 421 greeting or EHLO keeps its stage and reply: retried, not ambiguous', async () => {
  assert.deepEqual(await sendUnder({ stage: 'connect', reply: tempfail(421, '4.3.2 Service not available') }), {
    status: 'retry',
    stage: 'connect',
    replyCode: 421,
    reply: '421 4.3.2 Service not available',
  });
  assert.deepEqual(await sendUnder({ stage: 'ehlo', reply: tempfail(421, '4.3.2 Closing') }), {
    status: 'retry',
    stage: 'ehlo',
    replyCode: 421,
    reply: '421 4.3.2 Closing',
  });
});

test('a 421 at RCPT on a reused connection keeps stage rcpt and the reply', async () => {
  assert.deepEqual(await sendUnder({ stage: 'rcpt', reply: tempfail(421, '4.7.0 Try again later') }, { before: 2 }), {
    status: 'retry',
    stage: 'rcpt',
    replyCode: 421,
    reply: '421 4.7.0 Try again later',
  });
});

test('a server closing after its per-connection limit: stage mail and its 421, not ambiguous', async () => {
  assert.deepEqual(await sendUnder(null, { before: 2, messagesPerConnection: 2 }), {
    status: 'retry',
    stage: 'mail',
    replyCode: 421,
    reply: '421 4.7.0 Too many messages on this connection, reconnect',
  });
});

test('a connection dropped mid-DATA (before Herald wrote the final ".") is a retry at stage data, not ambiguous', async () => {
  // larger than the socket buffers, so the drop comes while the body is still being written
  assert.deepEqual(await sendUnder({ stage: 'data', drop: 'mid-data' }, { before: 1, bodyBytes: 15_000_000 }), {
    status: 'retry',
    stage: 'data',
    replyCode: null,
    reply: null,
  });
});

test('only a connection lost after the final "." with no reply is ambiguous; a reply after it keeps its code', async () => {
  assert.deepEqual(await sendUnder({ stage: 'dot', drop: 'after-dot' }, { before: 1 }), {
    status: 'ambiguous',
    stage: 'data',
    replyCode: null,
    reply: null,
  });
  assert.deepEqual(await sendUnder({ stage: 'dot', delayMs: 3_000 }, { before: 1 }), {
    status: 'ambiguous',
    stage: 'data',
    replyCode: null,
    reply: null,
  });
  assert.deepEqual(await sendUnder({ stage: 'dot', reply: tempfail(550, '5.6.0 Content rejected') }, { before: 1 }), {
    status: 'failed',
    stage: 'data',
    replyCode: 550,
    reply: '550 5.6.0 Content rejected',
  });
});
