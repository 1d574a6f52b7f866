import { Type } from 'typebox';
import { Nullable, OneOf, PageQuery } from './common.js';

export const messageStates = ['queued', 'sending', 'sent', 'deferred', 'failed', 'held', 'cancelled'] as const;
const State = OneOf(messageStates);

export const DeliveryQuery = Type.Object(
  {
    scope: Type.Optional(Type.String({ maxLength: 64, description: 'system or a tenant id' })),
    state: Type.Optional(Type.Array(State, { description: 'one or more states' })),
    recipient: Type.Optional(Type.String({ maxLength: 320 })),
    event: Type.Optional(Type.String({ maxLength: 64 })),
    type: Type.Optional(Type.String({ maxLength: 100, description: 'the type of the event the message is for' })),
    since: Type.Optional(Type.String({ format: 'date-time' })),
    until: Type.Optional(Type.String({ format: 'date-time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DeliverySummary = Type.Object({
  id: Type.String(),
  scope: Type.String(),
  eventId: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  messageId: Type.String(),
  state: State,
  heldReason: Nullable(Type.String()),
  attempts: Type.Integer(),
  ambiguousAttempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastStage: Nullable(Type.String()),
  lastReplyCode: Nullable(Type.Integer()),
  lastReply: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  sentAt: Nullable(Type.String()),
  cancelled: Nullable(
    Type.Object({ by: Type.String(), reason: Type.String() }, { description: 'who cancelled it and why (state cancelled)' }),
  ),
});

export const DeliveryDetail = Type.Intersect([
  DeliverySummary,
  Type.Object({
    text: Type.String(),
    html: Nullable(Type.String()),
    attemptHistory: Type.Array(
      Type.Object({
        number: Type.Integer(),
        startedAt: Type.String(),
        durationMs: Type.Integer(),
        outcome: Type.String(),
        stage: Type.String(),
        replyCode: Nullable(Type.Integer()),
        reply: Nullable(Type.String()),
        errorCode: Nullable(Type.String()),
        settingsScope: Nullable(Type.String()),
        settingsVersion: Nullable(Type.Integer()),
        node: Type.String(),
      }),
    ),
  }),
]);

export const DeliveryPage = Type.Object({ items: Type.Array(DeliverySummary), nextCursor: Nullable(Type.String()) });
