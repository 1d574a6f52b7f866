import { Type } from 'typebox';
import { Nullable, OneOf } from './common.js';

export const ScopeHealth = Type.Object({
  scope: Type.String(),
  name: Type.String(),
  source: OneOf(['own', 'system', 'none'], { description: "where the scope's effective mail server comes from" }),
  provider: Nullable(Type.String()),
  status: OneOf(['working', 'failing', 'held', 'untested'], {
    description: 'held: no usable mail server; failing: the last attempt failed',
  }),
  statusReason: Type.String(),
  lastSuccessAt: Nullable(Type.String({ format: 'date-time' })),
  lastFailure: Nullable(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      stage: Type.String(),
      replyCode: Nullable(Type.Integer()),
      reply: Nullable(Type.String()),
    }),
  ),
  queueDepth: Type.Integer({ description: 'queued, sending and deferred messages' }),
  held: Type.Object({ count: Type.Integer(), reasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })) }),
  paused: Nullable(
    Type.Object(
      { at: Type.String({ format: 'date-time' }), by: Type.String(), reason: Nullable(Type.String()) },
      { description: "set while an operator has paused the scope's sending: its mail stays queued" },
    ),
  ),
  last24h: Type.Array(Type.Object({ hour: Type.String({ format: 'date-time' }), sent: Type.Integer(), failed: Type.Integer() }), {
    description: '24 hourly buckets, oldest first',
  }),
  adminRecipients: Type.Integer({
    description: 'how many admin recipients the scope has: with none, events for administrators reach nobody',
  }),
  events24h: Type.Object(
    {
      queued: Type.Integer(),
      grouped: Type.Integer(),
      suppressed: Type.Record(Type.String(), Type.Integer(), {
        description: 'by reason code: no_recipients, event_disabled, silenced, repeat_interval…',
      }),
    },
    { description: "what became of the scope's events in the last 24 hours" },
  ),
});

export const PasswordAuthRetiring = Type.Object(
  {
    scope: Type.String(),
    name: Type.String({ description: 'System, or the tenant name' }),
    provider: Type.String({ description: 'microsoft365 or gmail' }),
    since: Type.String({ format: 'date-time', description: "since when the scope's own mail server signs in with a password there" }),
    basicAuthEnds: Type.String({
      format: 'date',
      description: 'the day the provider stops (Google: stopped) accepting basic authentication',
    }),
    moveTo: Type.Array(Type.String(), { description: 'the OAuth2 connection modes to move to' }),
    message: Type.String(),
  },
  { description: 'a scope still on password authentication at a provider retiring it' },
);

export const OverviewPage = Type.Object({
  generatedAt: Type.String({ format: 'date-time' }),
  scopes: Type.Array(ScopeHealth),
  nextCursor: Nullable(Type.String()),
  passwordAuthRetiring: Type.Array(PasswordAuthRetiring, {
    description:
      "every scope whose own mail server still uses a password at Microsoft 365 or Gmail (a tenant's caller: its own only); on the first page only",
  }),
});
