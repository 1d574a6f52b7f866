import { Type } from 'typebox';

export const EventBody = Type.Object(
  {
    type: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,99}$', description: 'e.g. disk.threshold, service.failed' }),
    tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: 'Omit for the system scope' })),
    severity: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')])),
    data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
    recipients: Type.Optional(
      Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50, description: "Explicit recipients; else the scope's admin recipients" }),
    ),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    user: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 320,
        description: 'The user the event concerns (id or email): the audience of `user` events',
      }),
    ),
    dedupKey: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Makes the event an alert, deduplicated per scope by this key' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('firing'), Type.Literal('resolved')], { description: "An alert's state (default firing)" }),
    ),
    group: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Alerts of one group within the group window share a digest' }),
    ),
    labels: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), { maxProperties: 50 })),
  },
  { additionalProperties: false },
);

export const BatchBody = Type.Object({ events: Type.Array(EventBody, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });

export const IngestResult = Type.Object({
  eventId: Type.String(),
  scope: Type.String(),
  outcome: Type.Union([Type.Literal('queued'), Type.Literal('suppressed'), Type.Literal('grouped')], {
    description: "grouped: held for the group window's digest",
  }),
  reason: Type.Optional(Type.String()),
  messages: Type.Array(Type.Object({ id: Type.String(), recipient: Type.String(), messageId: Type.String() })),
  replayed: Type.Boolean(),
});

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

export const EventQuery = Type.Object(
  {
    scope: Type.Optional(Type.String({ maxLength: 64, description: 'system or a tenant id' })),
    type: Type.Optional(Type.String({ maxLength: 100 })),
    outcome: Type.Optional(Type.Union([Type.Literal('queued'), Type.Literal('suppressed'), Type.Literal('grouped')])),
    since: Type.Optional(Type.String({ format: 'date-time' })),
    until: Type.Optional(Type.String({ format: 'date-time' })),
    cursor: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export const EventView = Type.Object({
  id: Type.String(),
  scope: Type.String(),
  type: Type.String(),
  severity: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  outcome: Type.Union([Type.Literal('queued'), Type.Literal('suppressed'), Type.Literal('grouped')]),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Integer(),
  notes: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('suppressed'), Type.Literal('warning')]),
      code: Type.String({
        description: 'e.g. event_disabled, opted_out, silenced, repeat_interval, template_failed, template_budget, template_busy',
      }),
      recipient: Type.Union([Type.String(), Type.Null()]),
      message: Type.String(),
    }),
    { description: 'Why the event, or a recipient, got no mail; template warnings' },
  ),
});

export const EventPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...EventView.properties,
      messages: Type.Array(Type.Object({ id: Type.String(), recipient: Type.String(), state: Type.String() }), {
        description: 'the messages the event made',
      }),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
