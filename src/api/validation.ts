import type { FastifyInstance } from 'fastify';
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError } from '../shared/app-error.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

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

  // NUL is never meaningful in Herald's input and PostgreSQL cannot store it in text: refuse it
  // up front. In JSON it can only appear escaped, so a substring check on the raw body suffices.
  // Fastify's own parser, refusing __proto__ and constructor.prototype keys outright.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    if ((raw as string).includes('\\u0000')) return done(nulError('/'), undefined);
    parseJson(request, raw as string, done);
  });
  app.addHook('preValidation', async (request) => {
    for (const [part, values] of [
      ['path:', request.params],
      ['query:', request.query],
    ] as const) {
      for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if ([value].flat().some((item) => typeof item === 'string' && item.includes('\0'))) throw nulError(`${part}/${key}`);
      }
    }
  });
}

function nulError(field: string): AppError {
  return new AppError('validation_failed', `${field}: NUL characters are not accepted`, [
    { field, rule: 'no_nul', message: 'must not contain NUL characters' },
  ]);
}
