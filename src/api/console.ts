import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build:console` (and `npm start`) put the built console. */
export const consoleDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Herald</title></head>
<body><h1>Herald is running</h1><p>The web console has not been built. Run <code>npm run build:console</code>
(or start Herald with <code>npm start</code>, which builds it), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the web console at `/`: its files from web/dist, and index.html for every other GET
 * outside /api so client routes (`/deliveries/…`, `/setup`) load the app. Hashed assets are
 * cached for a year; index.html never, so a new build is picked up at once.
 */
export async function installConsole(app: FastifyInstance, dir = consoleDir): Promise<void> {
  await app.register(fastifyStatic, { root: dir, serve: false });
  const indexFile = join(dir, 'index.html');

  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = `/${(request.params as { '*': string })['*']}`;
    if (path.startsWith('/api/') || path === '/api') return reply.callNotFound();
    reply.header('x-content-type-options', 'nosniff');
    const file = normalize(join(dir, path));
    const inside = file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
    if (inside && path !== '/' && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(path.slice(1), { cacheControl: false });
    }
    if (path.startsWith('/assets/') || path === '/favicon.ico') return reply.callNotFound();
    if (!existsSync(indexFile)) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(notBuilt);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
