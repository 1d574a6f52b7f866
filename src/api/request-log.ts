import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { actorOf } from '../accounts/index.js';

/** An id a proxy in front may pass on (`X-Request-Id`) is kept when it looks like one; else a new one. */
const acceptedRequestId = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Fastify's `genReqId`: every log line of a request carries it as `reqId`, and the response
 * returns it (`X-Request-Id`) so a caller can quote it.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && acceptedRequestId.test(given) ? given : randomUUID();
}

/**
 * One log line per request once it is answered: method, path (never the query string, which may
 * carry a setup or sign-in token), route, status, duration and who asked. Requests to the API
 * and every 4xx/5xx are logged at info; health checks, scrapes and the console's files at debug.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    const line = {
      method: request.method,
      path,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      actor: actorOf(request.principal),
      ip: request.ip,
    };
    if (reply.statusCode >= 400 || path.startsWith('/api/v1/')) request.log.info(line, 'request');
    else request.log.debug(line, 'request');
  });
}
