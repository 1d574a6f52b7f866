import { Type } from 'typebox';
// A leaf module (constants only), so the console can type-check against these schemas.
import { authModes, providers, securities, sendApis } from '../../scopes/mail-server/mail-server-settings.js';
import { HeaderSafeString, Nullable, OneOf } from './common.js';

const Provider = OneOf(providers, { description: "smtp, gmail, microsoft365 or builtin (Herald's own mailbox)" });
const Security = OneOf(securities, { description: 'none (plain), starttls (port 587 unless given) or tls (implicit, port 465)' });
const Api = OneOf(sendApis, {
  description: 'smtp (default), graph (Microsoft Graph sendMail; microsoft365 with oauth2) or gmail (the Gmail API; gmail with oauth2)',
});
const Auth = OneOf(authModes, {
  description:
    'none for IP-authorised relays, password, oauth2, or ntlm (on-premises Exchange: NTLM with a Windows domain; smtp provider only)',
});

const settingsFields = {
  provider: Provider,
  host: Type.Optional(Type.String({ minLength: 1, maxLength: 253 })),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  security: Type.Optional(Security),
  allowInvalidCertificate: Type.Optional(Type.Boolean({ description: 'Turns TLS certificate verification off (logged). Prefer tlsCa.' })),
  tlsCa: Type.Optional(Nullable(Type.String({ maxLength: 20000, description: 'PEM of a CA to trust for this server' }))),
  auth: Type.Optional(Auth),
  username: Type.Optional(Nullable(HeaderSafeString({ maxLength: 320 }))),
  password: Type.Optional(Type.String({ maxLength: 1024, writeOnly: true, description: 'Write-only. Omit to keep the stored one.' })),
  domain: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 253,
        description: "With auth ntlm (required): the account's Windows domain, NetBIOS (CORP) or DNS (corp.example.com)",
      }),
    ),
  ),
  workstation: Type.Optional(
    Nullable(Type.String({ maxLength: 15, description: 'With auth ntlm (optional): the workstation name Herald announces' })),
  ),
  smtpDomain: Type.Optional(Nullable(Type.String({ maxLength: 253, description: 'The name Herald announces in EHLO' }))),
  fromAddress: Type.Optional(Type.String({ maxLength: 320 })),
  fromName: Type.Optional(Nullable(HeaderSafeString({ maxLength: 200 }))),
  replyTo: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
  enabled: Type.Optional(Type.Boolean()),
  applyToAllTenants: Type.Optional(Type.Boolean({ description: 'System only: tenants without settings of their own use these.' })),
  poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  rateLimitPerSecond: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  dailyLimit: Type.Optional(
    Nullable(
      Type.Integer({
        minimum: 0,
        maximum: 10_000_000,
        description:
          "Messages a day (UTC) from this mailbox across the cluster; mail past it waits for the next day. null: the provider's default (Gmail 2,000); 0: no cap.",
      }),
    ),
  ),
  api: Type.Optional(Api),
};

export const MailServerSettingsInput = Type.Object(settingsFields, { additionalProperties: false });

export const SaveSettingsBody = Type.Object(
  { ...settingsFields, testRecipient: Type.Optional(Type.String({ maxLength: 400, description: 'Send a test email here after saving' })) },
  { additionalProperties: false },
);

export const MailServerSettingsView = Type.Object({
  scope: Type.String(),
  version: Type.Integer(),
  provider: Provider,
  host: Nullable(Type.String()),
  port: Nullable(Type.Integer()),
  security: Security,
  allowInvalidCertificate: Type.Boolean(),
  tlsCa: Nullable(Type.String()),
  auth: Auth,
  username: Nullable(Type.String()),
  passwordSet: Type.Boolean(),
  domain: Nullable(Type.String()),
  workstation: Nullable(Type.String()),
  smtpDomain: Nullable(Type.String()),
  fromAddress: Type.String(),
  fromName: Nullable(Type.String()),
  replyTo: Nullable(Type.String()),
  enabled: Type.Boolean(),
  applyToAllTenants: Type.Optional(Type.Boolean()),
  poolSize: Type.Integer(),
  rateLimitPerSecond: Nullable(Type.Integer()),
  dailyLimit: Nullable(Type.Integer({ description: "null: the provider's default (Gmail 2,000 a day); 0: no cap" })),
  api: Api,
  updatedAt: Type.String({ format: 'date-time' }),
});

export const EffectiveSettingsView = Type.Object({
  tenant: Type.String(),
  source: Type.Union([Type.Literal('own'), Type.Literal('system'), Type.Literal('none')]),
  reason: Type.String(),
  settings: Nullable(MailServerSettingsView),
});

const Step = Type.Object({
  step: Type.String(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('skipped')]),
  durationMs: Type.Number(),
  detail: Type.String(),
  command: Type.Optional(Type.String()),
  replyCode: Type.Optional(Type.Integer()),
  reply: Type.Optional(Type.String()),
  extensions: Type.Optional(Type.Array(Type.String())),
  certificate: Type.Optional(
    Type.Object({
      subject: Type.String(),
      issuer: Type.String(),
      validFrom: Type.String(),
      validTo: Type.String(),
      fingerprint256: Type.String(),
    }),
  ),
});

export const TestResult = Type.Object({
  ok: Type.Boolean(),
  provider: Provider,
  settingsSource: Type.Union([Type.Literal('saved'), Type.Literal('candidate')]),
  messageId: Type.Optional(Type.String()),
  steps: Type.Array(Step),
  failure: Type.Optional(
    Type.Object({
      kind: Type.String(),
      stage: Type.String(),
      replyCode: Nullable(Type.Integer()),
      enhancedCode: Nullable(Type.String()),
      reply: Nullable(Type.String()),
      errorCode: Nullable(Type.String()),
      message: Type.String(),
      hint: Type.Optional(Type.String()),
    }),
  ),
});

export const TestBody = Type.Object(
  {
    to: Type.Optional(Type.String({ maxLength: 400, description: 'Required to send; omit with /verify' })),
    settings: Type.Optional(MailServerSettingsInput),
  },
  { additionalProperties: false },
);

export const SettingsWarnings = Type.Array(
  Type.Object({
    code: Type.Literal('basic_auth_retiring'),
    message: Type.String(),
  }),
  { description: 'Saved, but will stop working: Microsoft 365 or Gmail with a password (basic authentication is being retired)' },
);
