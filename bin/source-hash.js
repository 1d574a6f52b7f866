// A hash of the files a build is made from, so a build is used (or skipped) only when it was made
// from exactly these sources: the console's (scripts/build-console.ts) and the server's
// (scripts/build-server.ts, checked by bin/herald.js at every start).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, skipping build output, dependencies and whatever `skip` says. */
export function sourceFiles(dir, skip = () => false) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules' || skip(name)) return [];
    return statSync(path).isDirectory() ? sourceFiles(path, skip) : [path];
  });
}

/** sha256 over the files' paths (relative to `root`) and contents, in path order. */
export function sourceHash(root, files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
