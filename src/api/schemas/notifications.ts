import { Type, type TSchema } from 'typebox';
import { Nullable, OneOf } from './common.js';

export const EventTypeId = Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,99}$' });
const Severity = OneOf(['info', 'warning', 'critical']);
const Audience = OneOf(['admins', 'user', 'subscribers']);
const Percent = Type.Integer({ minimum: 0, maximum: 100, description: 'Percent; 0 disables' });
const Color = Type.String({ pattern: '^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$' });
const Addresses = Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50 });

export const EventTypeBody = Type.Object(
  {
    id: EventTypeId,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    severity: Type.Optional(Severity),
    audience: Type.Optional(Audience),
    optOut: Type.Optional(Type.Boolean()),
    defaultEnabled: Type.Optional(Type.Boolean()),
    sampleData: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
    summary: Type.Optional(
      Type.String({
        maxLength: 2000,
        description:
          'One sentence for the built-in email, with values such as {{ data.host }}: no {% %} tags, only filters whose cost is linear (upcase, round, truncate, date…)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EventTypeView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: Type.String(),
  severity: Severity,
  audience: Audience,
  optOut: Type.Boolean(),
  defaultEnabled: Type.Boolean(),
  origin: OneOf(['builtin', 'registered', 'unregistered']),
  sampleData: Type.Record(Type.String(), Type.Unknown()),
  summary: Type.String(),
  enabled: Type.Boolean({ description: 'Whether it sends in this scope now' }),
  enabledSource: OneOf(['scope', 'system', 'default'], {
    description: "Where `enabled` comes from: this scope's toggle, the system's, or the type's default",
  }),
  override: Type.Object({ enabled: Nullable(Type.Boolean()), recipients: Nullable(Type.Array(Type.String())) }),
});

export const EventOverrideBody = Type.Object(
  { enabled: Type.Optional(Nullable(Type.Boolean())), recipients: Type.Optional(Nullable(Addresses)) },
  { additionalProperties: false, description: 'null returns a field to inheriting' },
);

const BrandingFields = {
  productName: Type.String({ minLength: 1, maxLength: 100 }),
  logoUrl: Type.String({ maxLength: 2000, pattern: '^https?://[^\\s"\'<>]+$' }),
  primaryColor: Color,
  backgroundColor: Color,
  footer: Type.String({ maxLength: 1000 }),
};

export const SettingsPatch = Type.Object(
  {
    emailEnabled: Type.Optional(Nullable(Type.Boolean())),
    thresholds: Type.Optional(
      Type.Object(
        { cpu: Type.Optional(Nullable(Percent)), memory: Type.Optional(Nullable(Percent)), disk: Type.Optional(Nullable(Percent)) },
        { additionalProperties: false },
      ),
    ),
    repeatIntervalMs: Type.Optional(Nullable(Type.Integer({ minimum: 60_000, maximum: 30 * 86_400_000 }))),
    groupWindowMs: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 86_400_000, description: '0 turns grouping off' }))),
    branding: Type.Optional(
      Type.Object(
        {
          productName: Type.Optional(Nullable(BrandingFields.productName)),
          logoUrl: Type.Optional(Nullable(BrandingFields.logoUrl)),
          primaryColor: Type.Optional(Nullable(Color)),
          backgroundColor: Type.Optional(Nullable(Color)),
          footer: Type.Optional(Nullable(BrandingFields.footer)),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const EffectiveNotificationSettings = Type.Object({
  emailEnabled: Type.Boolean(),
  thresholds: Type.Object({ cpu: Type.Integer(), memory: Type.Integer(), disk: Type.Integer() }),
  repeatIntervalMs: Type.Integer(),
  groupWindowMs: Type.Integer(),
  branding: Type.Object({
    productName: Type.String(),
    logoUrl: Nullable(Type.String()),
    primaryColor: Type.String(),
    backgroundColor: Type.String(),
    footer: Type.String(),
  }),
});

export const SettingOrigin = Type.Object({
  source: OneOf(['scope', 'system', 'default'], {
    description: 'Where the value in `effective` comes from: this scope, the system, or the built-in default',
  }),
  inherited: Type.Unknown({ description: 'What applies when this scope sets nothing' }),
  inheritedFrom: OneOf(['system', 'default']),
});
export const SettingsView = Type.Object({
  effective: EffectiveNotificationSettings,
  own: Type.Unknown({ description: 'What this scope set itself; the rest is inherited' }),
  origins: Type.Record(Type.String(), SettingOrigin, { description: 'Each setting by dotted name (`thresholds.cpu`, `branding.footer`)' }),
});

export const TemplateBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 2000 }),
    html: Type.String({ minLength: 1, maxLength: 200_000 }),
    text: Type.Optional(Nullable(Type.String({ maxLength: 200_000, description: 'Omitted: generated from the HTML' }))),
  },
  { additionalProperties: false },
);

export const TemplateView = Type.Object({
  type: Type.String(),
  origin: OneOf(['scope', 'system', 'builtin'], { description: 'builtin: no template saved; the default renders' }),
  version: Nullable(Type.Integer()),
  subject: Nullable(Type.String()),
  html: Nullable(Type.String()),
  text: Nullable(Type.String()),
});

export const PreviewBody = Type.Object(
  {
    type: EventTypeId,
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    html: Type.Optional(Type.String({ minLength: 1, maxLength: 200_000 })),
    text: Type.Optional(Nullable(Type.String({ maxLength: 200_000 }))),
    data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 })),
  },
  { additionalProperties: false },
);

export const PreviewView = Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String() });

const EpochMs = Type.Integer({ minimum: 0, description: 'Epoch milliseconds' });
const silenceFields = <T extends TSchema>(time: T) => ({
  eventType: Type.Optional(EventTypeId),
  labels: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 1000 }), { maxProperties: 20 })),
  startsAt: Type.Optional(time),
  endsAt: Type.Optional(time),
  recurring: Type.Optional(
    Type.Object(
      {
        days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, description: '0 = Sunday (UTC)' }),
        from: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
        to: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
      },
      { additionalProperties: false },
    ),
  ),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export const SilenceBody = Type.Object(
  silenceFields(
    Type.Union([EpochMs, Type.String({ format: 'date-time', description: 'ISO 8601 time with its offset, e.g. 2026-11-21T02:00:00Z' })], {
      description: 'Epoch milliseconds or an ISO 8601 time',
    }),
  ),
  { additionalProperties: false },
);
export const SilenceView = Type.Object({
  ...silenceFields(EpochMs),
  id: Type.String(),
  labels: Type.Record(Type.String(), Type.String()),
  comment: Type.String(),
});

export const AlertView = Type.Object({
  dedupKey: Type.String(),
  type: Type.String(),
  status: OneOf(['firing', 'resolved']),
  severity: Severity,
  group: Nullable(Type.String()),
  labels: Type.Record(Type.String(), Type.String()),
  firstSeenAt: Type.Integer(),
  lastSeenAt: Type.Integer(),
  lastNotifiedAt: Nullable(Type.Integer()),
  resolvedAt: Nullable(Type.Integer()),
  nextNotifyAt: Nullable(Type.Integer()),
  lastEventId: Type.String(),
});

export const PreferencesView = Type.Object({
  preferences: Type.Array(
    Type.Object({
      type: Type.String(),
      title: Type.String(),
      audience: OneOf(['user', 'subscribers']),
      optOut: Type.Boolean(),
      receiving: Type.Boolean(),
    }),
  ),
});
export const PreferencesBody = Type.Object(
  { preferences: Type.Record(EventTypeId, Type.Boolean(), { maxProperties: 500, description: 'event type → receive it' }) },
  { additionalProperties: false },
);
