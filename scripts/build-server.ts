// Compiles the server (src/ → build/, one JavaScript module per TypeScript file, as tsx would
// run it; the type-check is `npm run typecheck`'s), unless build/ was made from the same sources.
// Run by `npm start` (prestart), the benches and CI; bin/herald.js uses build/ only when it
// matches the sources, and tsx otherwise. esbuild is the transform tsx itself uses.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourceFiles } from '../bin/source-hash.js';
import { buildDir, root, serverBuildIsFresh, serverSourceHash, stampFile } from '../bin/server-build.js';

/** Builds build/ when it is missing or stale; returns whether it built. */
export async function buildServer(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (serverBuildIsFresh()) return false;
  // Hashed before compiling: a source edited meanwhile leaves the build stale, never wrongly fresh.
  const hash = serverSourceHash();
  if (!options.quiet) console.log('Compiling the server (src/ → build/)…');
  rmSync(buildDir, { recursive: true, force: true });
  await build({
    // The thread entries (*-entry.js) register tsx for the sources; built threads start at their module.
    entryPoints: sourceFiles(join(root, 'src'), (name) => name.endsWith('.test.ts')).filter((file) => file.endsWith('.ts')),
    outdir: buildDir,
    outbase: join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildServer();
