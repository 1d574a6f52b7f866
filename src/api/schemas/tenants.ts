import { Type } from 'typebox';

export const Tenant = Type.Object({ id: Type.String(), name: Type.String(), createdAt: Type.String(), updatedAt: Type.String() });
export const TenantName = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$',
});
export const CreateTenantBody = Type.Object(
  {
    id: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: "The platform's own tenant id; generated when omitted" }),
    ),
    name: TenantName,
  },
  { additionalProperties: false },
);
export const RenameTenantBody = Type.Object({ name: TenantName }, { additionalProperties: false });
export const TenantList = Type.Object({ items: Type.Array(Tenant), nextCursor: Type.Union([Type.String(), Type.Null()]) });
