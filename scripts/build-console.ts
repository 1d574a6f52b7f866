// Builds the web console (web/) into web/dist with Vite, unless the build there was made from
// the same sources. Run by `npm start` (prestart) and by the browser tests, so a clean clone
// serves the console after `npm ci && npm start` with no extra step.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles, sourceHash } from '../bin/source-hash.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.source-hash');

/** What the bundle is made from: the console's sources, the shared parsers, the lock file. */
const consoleSourceHash = () =>
  sourceHash(root, [
    ...sourceFiles(web),
    join(root, 'src/shared/email-address.ts'),
    join(root, 'src/shared/duration.ts'),
    join(root, 'package-lock.json'),
  ]);

/** Builds web/dist when it is missing or stale; returns whether it built. */
export async function buildConsole(options: { quiet?: boolean } = {}): Promise<boolean> {
  const hash = consoleSourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(join(dist, 'index.html'))) return false;
  if (!options.quiet) console.log('Building the web console (web/ → web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildConsole();
}
