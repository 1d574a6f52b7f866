import { Type } from 'typebox';
// Leaf modules (constants only), so the console can type-check against these schemas.
import { tokenPermissions, userRoles } from '../../accounts/permissions.js';
import { HeaderSafeString, Nullable, OneOf, PageQuery } from './common.js';

const Role = OneOf(userRoles, { description: 'system_admin (system scope only), tenant_admin, tenant_viewer or member' });
const Email = Type.String({ minLength: 3, maxLength: 320 });
const Password = Type.String({ minLength: 1, maxLength: 1024, writeOnly: true });
const Locale = Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 });
const TenantId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  role: Role,
  tenantId: Nullable(Type.String()),
  disabled: Type.Boolean(),
  canSignIn: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const UserPage = Type.Object({ items: Type.Array(User), nextCursor: Nullable(Type.String()) });

export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  role: Role,
  tenantId: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
});
export const SessionBody = Type.Object({ user: SessionUser, csrfToken: Type.String() });

export const LoginBody = Type.Object(
  { email: Email, password: Password, tenantId: Type.Optional(TenantId) },
  { additionalProperties: false },
);
export const PasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const SetupBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    email: Email,
    name: HeaderSafeString({ minLength: 1, maxLength: 200 }),
    password: Password,
  },
  { additionalProperties: false },
);

const userFields = {
  email: Email,
  name: HeaderSafeString({ minLength: 1, maxLength: 200 }),
  locale: Type.Optional(Locale),
  role: Type.Optional(Role),
  password: Type.Optional(Password),
};
export const CreateUserBody = Type.Object(userFields, { additionalProperties: false });
export const ImportUsersBody = Type.Array(
  Type.Object(
    { email: Email, name: HeaderSafeString({ minLength: 1, maxLength: 200 }), locale: Type.Optional(Locale), role: Type.Optional(Role) },
    { additionalProperties: false },
  ),
  { maxItems: 1000 },
);
export const PatchUserBody = Type.Object(
  {
    name: Type.Optional(userFields.name),
    locale: Type.Optional(Locale),
    role: Type.Optional(Role),
    password: Type.Optional(Password),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const UserIdParam = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 40 }) });
export const UserPageQuery = Type.Object(PageQuery, { additionalProperties: false });

export const ApiToken = Type.Object({
  id: Type.String(),
  label: Type.String(),
  tenantId: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const CreateTokenBody = Type.Object(
  {
    label: HeaderSafeString({ minLength: 1, maxLength: 200 }),
    permissions: Type.Array(OneOf(tokenPermissions), { minItems: 1, maxItems: tokenPermissions.length }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export const CreatedToken = Type.Object({
  token: Type.String({ description: 'Shown once; only its hash is stored.' }),
  apiToken: ApiToken,
});
export const TokenIdParam = Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 64 }) });

export const HostPolicy = Type.Object(
  {
    allowedHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:\\[\\]-]+$' }), {
      maxItems: 200,
      description: 'Hosts tenants may use although private (any port)',
    }),
    allowedPorts: Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), {
      maxItems: 50,
      description: 'Ports allowed besides 25, 465, 587 and 2525',
    }),
  },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    scope: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(
      Type.String({
        maxLength: 120,
        description: 'An actor as stored (user:usr_…, token:…, cli), or a name, e-mail or token label to look for',
      }),
    ),
    since: Type.Optional(Type.String({ format: 'date-time' })),
    until: Type.Optional(Type.String({ format: 'date-time' })),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: PageQuery.limit,
  },
  { additionalProperties: false },
);
export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  scope: Type.String(),
  action: Type.String(),
  target: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  nextCursor: Nullable(Type.String()),
  names: Type.Record(Type.String(), Type.String(), {
    description:
      'Readable names of the page\'s actors and targets as they are named now (`user:usr_1` → "Ada <ada@example.com>"); a deleted account has none',
  }),
});
