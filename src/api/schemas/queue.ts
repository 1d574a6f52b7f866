import { Type } from 'typebox';
import { Nullable, OneOf } from './common.js';

const waitingState = OneOf(['queued', 'sending', 'deferred', 'held']);

export const ScopeQueue = Type.Object({
  scope: Type.String(),
  name: Type.String(),
  paused: Nullable(Type.Object({ at: Type.String({ format: 'date-time' }), by: Type.String(), reason: Nullable(Type.String()) })),
  shape: Type.Array(
    Type.Object({
      state: waitingState,
      total: Type.Integer(),
      byAge: Type.Array(Type.Integer(), { description: 'counts per age bucket, in the order of ageBuckets' }),
    }),
  ),
  oldest: Nullable(
    Type.Object(
      {
        id: Type.String(),
        state: OneOf(['deferred', 'held']),
        queuedAt: Type.String({ format: 'date-time' }),
        ageMs: Type.Integer(),
        attempts: Type.Integer(),
        heldReason: Nullable(Type.String()),
        lastStage: Nullable(Type.String()),
        lastReplyCode: Nullable(Type.Integer()),
        lastReply: Nullable(Type.String()),
        hint: Nullable(Type.String()),
      },
      { description: 'the oldest deferred or held message, with its last reply and what to do about it' },
    ),
  ),
  held: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })),
  dailyLimitReached: Type.Array(
    Type.Object({ mailbox: Type.String(), sent: Type.Integer(), limit: Type.Integer(), resumesAt: Type.String({ format: 'date-time' }) }),
    {
      description:
        "mailboxes of this scope's own server that reached their daily cap (dailyLimit; Gmail: 2,000) today: their waiting mail is deferred to resumesAt, the next UTC day, with no attempt spent",
    },
  ),
  lastSuccessAt: Nullable(Type.String({ format: 'date-time' })),
  lastFailure: Nullable(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      stage: Type.String(),
      replyCode: Nullable(Type.Integer()),
      reply: Nullable(Type.String()),
      hint: Nullable(Type.String()),
    }),
  ),
});

export const QueueStatus = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  ageBuckets: Type.Array(Type.String(), { description: 'age since a message entered the queue: 0-5m, 5-30m, 30m-2h, 2h-12h, 12h+' }),
  scopes: Type.Array(ScopeQueue, {
    description: "the system scope, paused scopes and scopes with waiting mail (a tenant's caller: its own)",
  }),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      role: Type.String(),
      hostname: Type.String(),
      pid: Type.Integer(),
      version: Type.String(),
      state: OneOf(['alive', 'stopped', 'lost']),
      startedAt: Type.String(),
      heartbeatAt: Type.String(),
      inFlight: Type.Integer(),
      sent: Type.Integer(),
      failed: Type.Integer(),
    }),
    { description: "the cluster's nodes (empty for a tenant's caller)" },
  ),
  database: Type.Object({
    dialect: OneOf(['sqlite', 'postgres']),
    sizeBytes: Type.Integer({ description: "0 for a tenant's caller" }),
  }),
});

const filterFields = {
  olderThan: Type.Optional(
    Type.String({ maxLength: 32, description: 'only messages queued at least this long ago: 30m, 2h, 1d', examples: ['2h'] }),
  ),
  recipient: Type.Optional(Type.String({ maxLength: 320 })),
  type: Type.Optional(Type.String({ maxLength: 100, description: 'the type of the event the message is for' })),
  messageId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'one message (its id in the delivery history)' })),
};

export const RetryBody = Type.Object(
  {
    states: Type.Optional(
      Type.Array(OneOf(['deferred', 'failed', 'held']), {
        minItems: 1,
        description: 'default deferred (made due now, like postqueue -f); failed and held ones are queued again',
      }),
    ),
    ...filterFields,
  },
  { additionalProperties: false },
);

export const PurgeBody = Type.Object(
  {
    states: Type.Optional(
      Type.Array(OneOf(['queued', 'deferred', 'held']), {
        minItems: 1,
        description: 'default all three; a message being sent is never cancelled',
      }),
    ),
    ...filterFields,
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'why the messages are cancelled (kept on each message)' }),
  },
  { additionalProperties: false },
);

export const PauseBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const QueueCommandResult = Type.Object({
  scope: Type.String(),
  count: Type.Integer({ description: 'how many messages the command changed' }),
  filter: Type.Object({}, { additionalProperties: true, description: 'the filter the command used, defaults filled in' }),
});

export const PauseState = Type.Object({
  scope: Type.String(),
  paused: Nullable(Type.Object({ at: Type.String({ format: 'date-time' }), by: Type.String(), reason: Nullable(Type.String()) })),
  changed: Type.Boolean({ description: 'false when the scope already was in that state' }),
});
