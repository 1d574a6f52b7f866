import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorBody } from './schemas/common.js';
import { sharedResponseSerializers } from './serialization.js';

// Real: Fastify's own serializer compiler (fast-json-stringify), behind the cache.

test('routes whose response schemas are alike share one compiled serializer, which writes what the schema says', () => {
  const build = sharedResponseSerializers().compilersFactory!.buildSerializer!;
  const compile = build({ ErrorBody }, {});
  const route = (url: string, httpStatus: string, schema: object) => ({ method: 'GET', url, httpStatus, schema });
  const errorRef = { $ref: 'ErrorBody#' };
  const notFound = compile(route('/api/v1/tenants/:id', '404', { ...errorRef }));
  assert.equal(compile(route('/api/v1/events/:id', '400', { ...errorRef })), notFound, 'one function for the shared error body');
  const body = { error: { code: 'not_found', message: 'no such tenant', details: [] }, extra: 'dropped' };
  assert.equal(notFound(body), '{"error":{"code":"not_found","message":"no such tenant","details":[]}}');

  const count = compile(route('/api/v1/events', '200', { type: 'object', properties: { count: { type: 'integer' } } }));
  assert.notEqual(count, notFound, 'another schema, another function');
  assert.equal(count({ count: 3, secret: 'x' }), '{"count":3}');
});
