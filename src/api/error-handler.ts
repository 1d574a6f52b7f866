import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../shared/app-error.js';
import { errorCodes, type ErrorCode } from '../shared/error-codes.js';
import { errorStatus } from './error-status.js';
import { isDatabaseUnavailable } from '../store/unavailable.js';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const contextPrefix: Record<string, string> = { body: '', querystring: 'query:', params: 'path:', headers: 'header:' };

function validationDetails(issues: readonly ValidationIssue[], context: string | undefined): ErrorDetail[] {
  const prefix = contextPrefix[context ?? 'body'] ?? '';
  return issues.map((issue) => {
    const missing = issue.keyword === 'required' ? `/${String(issue.params.missingProperty)}` : '';
    const extra = issue.keyword === 'additionalProperties' ? `/${String(issue.params.additionalProperty)}` : '';
    const field = `${prefix}${issue.instancePath}${missing}${extra}` || `${prefix}/`;
    const message = issue.keyword === 'additionalProperties' ? 'is not a known field' : (issue.message ?? issue.keyword);
    return { field, rule: issue.keyword, message };
  });
}

const send = (code: ErrorCode, message: string, details: readonly ErrorDetail[]) => ({ error: { code, message, details } });

/**
 * Maps every error to `{ error: { code, message, details } }`: AppErrors by the status table,
 * schema violations to 400 naming each field, framework errors (size, media type, JSON syntax)
 * to their 4xx. Anything else is a 500 with no internals in the body.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(errorStatus[error.code]).send(send(error.code, error.message, error.details));
    }
    if (error.validation) {
      const details = validationDetails(error.validation as ValidationIssue[], error.validationContext);
      return reply.status(400).send(send('validation_failed', details.map((d) => `${d.field} ${d.message}`).join('; '), details));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(send('body_too_large', errorCodes.body_too_large, []));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.status(415).send(send('unsupported_media_type', errorCodes.unsupported_media_type, []));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(send('validation_failed', error.message, [{ field: '/', rule: 'syntax', message: error.message }]));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send(send('database_unavailable', errorCodes.database_unavailable, []));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error; see the server log.', details: [] } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(send('not_found', `No route ${request.method} ${request.url.split('?')[0]}`, [])),
  );
}

/** Errors Fastify raises before routing (a malformed or overlong URL): same body shape. */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'validation_failed';
  reply
    .status(errorStatus[code])
    .send(send(code, error.message, [{ field: 'path:/', rule: error.code ?? 'syntax', message: error.message }]));
}
