import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpTestServer, type SmtpTestServer } from '../../../../test/support/smtp-test-server.js';
import { silentLogger } from '../../../shared/logger.js';
import type { SmtpServerOptions } from '../../smtp/smtp-options.js';
import type { OutgoingMail } from './mail-transport.js';
import { createSmtpThreads, shareOut } from './smtp-thread-client.js';

// Real: the SMTP thread (a worker thread running nodemailer), the SMTP server (smtp-server on
// 127.0.0.1, port 0), the sockets. Nothing is faked.

const serverFor = (smtp: SmtpTestServer): SmtpServerOptions => ({
  host: smtp.host,
  port: smtp.port,
  security: 'none',
  tlsVerify: true,
  auth: { type: 'none' },
  timeoutMs: 5_000,
});

const mailTo = (to: string, n: number): OutgoingMail => ({
  id: `msg-${n}`,
  scopeId: 'system',
  from: { address: 'herald@example.test', name: 'Herald' },
  to: { address: to },
  subject: `Disk almost full #${n}`,
  text: 'The disk is 95% full.',
  html: '<p>The disk is 95% full.</p>',
  messageId: `<thread-${n}@example.test>`,
});

test('sends through the SMTP thread: every mail arrives with its Message-ID, and a refusal comes back classified', async () => {
  await using smtp = await startSmtpTestServer({
    onRcptTo: (address) => (address === 'nobody@example.test' ? { code: 550, message: 'No such user' } : 'accept'),
  });
  const thread = createSmtpThreads(silentLogger);
  const transport = thread.transport(serverFor(smtp), { poolSize: 3 });
  try {
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => transport.send(mailTo('ops@example.test', n))));
    assert.deepEqual(
      outcomes.map((outcome) => [outcome.status, outcome.status === 'sent' ? outcome.replyCode : null]),
      Array(5).fill(['sent', 250]),
    );
    assert.deepEqual(
      smtp.received.map((mail) => mail.messageId).sort(),
      [1, 2, 3, 4, 5].map((n) => `<thread-${n}@example.test>`),
    );
    assert.equal(smtp.received.find((mail) => mail.messageId === '<thread-2@example.test>')?.headers.get('x-herald-message'), 'msg-2');

    const refused = await transport.send(mailTo('nobody@example.test', 6));
    assert.equal(refused.status, 'failed');
    assert.equal(refused.status === 'failed' && refused.failure.stage, 'rcpt');
    assert.equal(refused.status === 'failed' && refused.failure.replyCode, 550);
  } finally {
    await transport.close();
    await thread.stop();
  }
});

test('more sends than the pool size wait in the SMTP thread for a session: never more connections than the pool size', async () => {
  await using smtp = await startSmtpTestServer({ replyDelayMs: 20 });
  const thread = createSmtpThreads(silentLogger);
  const transport = thread.transport(serverFor(smtp), { poolSize: 2 });
  try {
    // what the delivery worker's send gate hands over for a pool of 2 (two each), and more
    const outcomes = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => transport.send(mailTo('ops@example.test', n))));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      Array(8).fill('sent'),
    );
    assert.equal(smtp.received.length, 8);
    assert.equal(smtp.connections.peak, 2, 'at most the pool size open at once');
    assert.equal(smtp.connections.opened, 2, 'each session reused for the sends that waited');
  } finally {
    await transport.close();
    await thread.stop();
  }
});

test('a pool shared out among two SMTP threads: every mail arrives once, over no more connections than the pool size', async () => {
  await using smtp = await startSmtpTestServer({ replyDelayMs: 20 });
  const threads = createSmtpThreads(silentLogger, 2);
  const transport = threads.transport(serverFor(smtp), { poolSize: 3 });
  try {
    const sends = Array.from({ length: 12 }, (_, index) => index + 1);
    const outcomes = await Promise.all(sends.map((n) => transport.send(mailTo('ops@example.test', n))));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      Array(12).fill('sent'),
    );
    assert.deepEqual(smtp.received.map((mail) => mail.messageId).sort(), sends.map((n) => `<thread-${n}@example.test>`).sort());
    assert.equal(smtp.connections.peak, 3, 'two connections in one thread and one in the other, at once');
    assert.equal(smtp.connections.opened, 3);
  } finally {
    await transport.close();
    await threads.stop();
  }
});

test('a pool is shared out among the threads, never one with no connection', () => {
  assert.deepEqual(shareOut(5, 2), [3, 2]);
  assert.deepEqual(shareOut(1, 2), [1]);
  assert.deepEqual(shareOut(4, 1), [4]);
  assert.deepEqual(shareOut(2, 3), [1, 1]);
});

test('a send in flight when the thread ends is ambiguous; the next send starts a new thread and delivers', async () => {
  let dataRead!: () => void;
  const read = new Promise<void>((resolve) => (dataRead = resolve));
  await using smtp = await startSmtpTestServer({ replyDelayMs: 1_000, onData: () => (dataRead(), 'accept') });
  const thread = createSmtpThreads(silentLogger);
  const transport = thread.transport(serverFor(smtp), { poolSize: 1 });
  try {
    const inFlight = transport.send(mailTo('ops@example.test', 1));
    await read;
    await thread.stop();
    const lost = await inFlight;
    assert.equal(lost.status, 'ambiguous');
    assert.equal(lost.status === 'ambiguous' && lost.failure.errorCode, 'smtp_thread_exit');

    const again = await transport.send(mailTo('ops@example.test', 2));
    assert.equal(again.status, 'sent');
    assert.deepEqual(
      smtp.received.map((mail) => mail.messageId),
      ['<thread-1@example.test>', '<thread-2@example.test>'],
    );
  } finally {
    await transport.close();
    await thread.stop();
  }
});
