import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultSmtpServer } from './support/fault-smtp-server.js';
import { smtpSettings, startHarness, type Harness } from './support/herald-harness.js';

// Real: Herald (app, database, delivery worker, SMTP thread) and a fault-injecting smtp-server
// on 127.0.0.1 that takes every message and answers the final "." only after Herald's SMTP
// timeout: each attempt is ambiguous although the server accepted the message.

async function deliveryOf(h: Harness, id: string, states: string[]) {
  return h.until(async () => {
    const detail = await h.api('GET', `/api/v1/deliveries/${id}`);
    return states.includes(detail.body.state) ? detail.body : undefined;
  });
}

for (const [resends, env] of [
  [2, {}],
  [0, { HERALD_AMBIGUOUS_RESENDS: '0' }],
] as const) {
  test(`a server answering after the timeout gets the message at most 1 + ${resends} times, then it fails ambiguous_limit; an admin may resend it`, async () => {
    await using smtp = await startFaultSmtpServer({ fault: { stage: 'dot', delayMs: 1_500 } });
    await using h = await startHarness({ HERALD_SMTP_TIMEOUT: '500ms', ...env });
    assert.equal((await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp))).status, 200);
    const posted = await h.api('POST', '/api/v1/events', {
      type: 'service.failed',
      severity: 'critical',
      recipients: ['ops@example.test'],
    });
    assert.equal(posted.status, 202, posted.raw);
    const message = posted.body.messages[0] as { id: string; messageId: string };

    const failed = await deliveryOf(h, message.id, ['failed', 'sent']);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.ambiguousAttempts, 1 + resends);
    assert.deepEqual(
      failed.attemptHistory.map((attempt: { outcome: string; stage: string }) => [attempt.outcome, attempt.stage]),
      Array(1 + resends).fill(['ambiguous', 'data']),
    );
    const last = failed.attemptHistory.at(-1);
    assert.equal(last.errorCode, 'ambiguous_limit');
    assert.match(last.reply, /ambiguous_limit: the server may have accepted it; not sent again to avoid duplicates/);
    await h.until(async () => smtp.accepted.length === 1 + resends || undefined);
    assert.deepEqual(smtp.accepted, Array(1 + resends).fill(message.messageId));

    smtp.fault = null;
    const resent = await h.api('POST', `/api/v1/deliveries/${message.id}/retry`);
    assert.equal(resent.status, 200, resent.raw);
    assert.equal((await deliveryOf(h, message.id, ['sent', 'failed'])).state, 'sent');
    assert.deepEqual(smtp.accepted, Array(2 + resends).fill(message.messageId));
  });
}
