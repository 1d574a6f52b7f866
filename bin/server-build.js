// The compiled server (scripts/build-server.ts → build/) and whether it was made from the sources
// as they are now. bin/herald.js runs it only then, so an edited source is never run stale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles, sourceHash } from './source-hash.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const buildDir = join(root, 'build');
export const stampFile = join(buildDir, '.source-hash');

/** The hash of what the server build is made from: src/ (tests aside), the TypeScript settings, the lock file, the build script. */
export function serverSourceHash() {
  const files = sourceFiles(join(root, 'src'), (name) => name.endsWith('.test.ts'));
  return sourceHash(root, [...files, join(root, 'tsconfig.json'), join(root, 'package-lock.json'), join(root, 'scripts/build-server.ts')]);
}

/** Whether build/ holds a complete build of the current sources. */
export function serverBuildIsFresh() {
  return existsSync(stampFile) && existsSync(join(buildDir, 'cli/main.js')) && readFileSync(stampFile, 'utf8') === serverSourceHash();
}
