import type { FastifyServerOptions } from 'fastify';
import { SerializerSelector, type SerializerCompiler } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own response serializers, one per distinct schema rather than one per route and
 * status. Every route declares the shared error body for eight statuses, and Fastify compiles a
 * function for each: 1,184 copies of the same 6.6 KB source, held in the heap for the life of the
 * process (docs/benchmarks.md, memory). Two routes whose schemas serialize alike now share one.
 */
export function sharedResponseSerializers(): NonNullable<FastifyServerOptions['schemaController']> {
  const build = SerializerSelector();
  return {
    compilersFactory: {
      buildSerializer: (externalSchemas: unknown, options: unknown): SerializerCompiler => {
        const compile = build(externalSchemas, options as Parameters<typeof build>[1]);
        const compiled = new Map<string, ReturnType<SerializerCompiler>>();
        return (route) => {
          const key = JSON.stringify(route.schema);
          let serialize = compiled.get(key);
          if (!serialize) {
            serialize = compile(route);
            compiled.set(key, serialize);
          }
          return serialize;
        };
      },
    },
  };
}
