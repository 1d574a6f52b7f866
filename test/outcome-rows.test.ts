import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAndClaim, type MessageOutcome } from '../src/delivery/sending/outbox.js';
import type { MessageRow } from '../src/store/schema.js';
import { testDialect } from './support/test-database.js';
import { insertTenants, messageRow, openDirectStore } from './support/direct-store.js';

// Outcomes are written as rows of one statement: VALUES on SQLite, one array per column on
// PostgreSQL. What a server answered must come back exactly, whatever characters it holds.
const replies = [
  '550 5.1.1 <a@example.test>: "quoted" \\back\\slash\\ {brace}, comma',
  'NULL',
  '451 4.7.1 {"json": [1, 2]} \'single\' ☃ line',
  null,
];

test(`outcomes keep every server reply exactly, quotes, backslashes, braces and nulls (${testDialect})`, async () => {
  await using store = await openDirectStore();
  const now = Date.now();
  await insertTenants(store.db, ['acme'], now);
  await store.db
    .insertInto('messages')
    .values(replies.map((_, i) => messageRow(`msg_${i}`, 'acme', 'queued', now - 10 + i)))
    .execute();
  const exchange = { nodeId: 'rows-test', leaseMs: 60_000 };
  const claimed = await recordAndClaim(store.db, store.dialect, {
    ...exchange,
    now,
    outcomes: [],
    claim: { limit: 10, roomFor: () => 10 },
  });
  assert.equal(claimed.length, replies.length);
  const outcomes = claimed.map((message: MessageRow, i): MessageOutcome => ({
    kind: 'attempt',
    message,
    state: i % 2 ? 'deferred' : 'failed',
    nextAttemptAt: now + 1000,
    attempt: {
      startedAt: now,
      durationMs: 3,
      outcome: i % 2 ? 'retry' : 'failed',
      stage: 'rcpt',
      replyCode: i === 3 ? null : 550,
      reply: replies[Number(message.id.slice(4))]!,
      errorCode: i === 3 ? 'ECONNRESET' : null,
      settingsScope: 'acme',
      settingsVersion: 2,
    },
  }));
  await recordAndClaim(store.db, store.dialect, { ...exchange, now: now + 1, outcomes });
  const messages = await store.db.selectFrom('messages').select(['id', 'state', 'last_reply', 'attempts']).orderBy('id').execute();
  assert.deepEqual(
    messages.map((m) => m.last_reply),
    replies,
  );
  assert.deepEqual(
    messages.map((m) => Number(m.attempts)),
    [1, 1, 1, 1],
  );
  const attempts = await store.db
    .selectFrom('attempts')
    .select(['message_id', 'reply', 'error_code', 'settings_version'])
    .orderBy('message_id')
    .execute();
  assert.deepEqual(
    attempts.map((a) => a.reply),
    replies,
  );
  assert.ok(attempts.every((a) => Number(a.settings_version) === 2));
});
