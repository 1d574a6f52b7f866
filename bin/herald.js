#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=20
// Runs the compiled server (build/, made by `npm start` or `npm run build:server`) when it was
// built from the sources as they are, else the TypeScript sources through tsx's loader: Herald
// needs no build step, and an edited source is never run stale. The build spares every thread
// tsx's transforms and source maps (about 45 MB each: docs/benchmarks.md, memory).
import { serverBuildIsFresh } from './server-build.js';

if (process.env.HERALD_FROM_SOURCE !== '1' && serverBuildIsFresh()) {
  await import('../build/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
