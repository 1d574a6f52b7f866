import { Type } from 'typebox';

export const EventBody = Type.Object(
  {
    type: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,99}$', description: 'e.g. disk.threshold, service.failed' }),
    tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: 'Omit for the system scope' })),
    severity: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')])),
    data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
    recipients: Type.Optional(Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50, description: 'Explicit recipients; else the scope\'s admin recipients' })),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const BatchBody = Type.Object({ events: Type.Array(EventBody, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });

export const IngestResult = Type.Object({
  eventId: Type.String(),
  scope: Type.String(),
  outcome: Type.Union([Type.Literal('queued'), Type.Literal('suppressed')]),
  reason: Type.Optional(Type.String()),
  messages: Type.Array(Type.Object({ id: Type.String(), recipient: Type.String(), messageId: Type.String() })),
  replayed: Type.Boolean(),
});

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
