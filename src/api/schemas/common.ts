import { Type, type Static, type TSchema } from 'typebox';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() })),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error: a stable code, a message, and the fields that broke a rule.' },
);

/** A reference to the shared error schema, registered once with `app.addSchema(ErrorBody)`. */
const ErrorRef = Type.Unsafe<Static<typeof ErrorBody>>({ $ref: 'ErrorBody#' });

/** The error responses every authenticated route may give. */
export const errorResponses = {
  400: ErrorRef,
  401: ErrorRef,
  403: ErrorRef,
  404: ErrorRef,
  409: ErrorRef,
  413: ErrorRef,
  415: ErrorRef,
  422: ErrorRef,
};

export const TenantIdParam = Type.Object({ tenantId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }) });
export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

/** A string that may go into a mail header: no control characters at all. */
export const HeaderSafeString = (options: { maxLength: number; minLength?: number; description?: string }) =>
  Type.String({ ...options, pattern: '^[^\\u0000-\\u001f\\u007f]*$' });

/** A union of string literals that keeps its static type. */
export const OneOf = <const T extends string[]>(values: readonly [...T], options?: { description?: string }) => Type.Enum(values, options);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
