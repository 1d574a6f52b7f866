import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const shared: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * Bodies are validated as sent (no type coercion: `"recipients": "a@b"` is not an array);
 * query strings, path parameters and headers are text, so they are coerced (`limit=3` → 3,
 * `state=failed` → ["failed"]).
 */
export function installValidation(app: FastifyInstance): void {
  const body = addFormats(new Ajv({ ...shared, coerceTypes: false }));
  const text = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
