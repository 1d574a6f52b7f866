#!/usr/bin/env node
// Refreshes docs/screenshots/ on purpose: runs the console's browser tests (SQLite only) with the
// screenshots going to docs/screenshots/ instead of the git-ignored .tmp/screenshots/. The
// README's pictures are the ones .gitignore keeps; commit them after looking at them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const files = readdirSync('test')
  .filter((name) => /^console-.*\.test\.ts$/.test(name))
  .map((name) => join('test', name));
const result = spawnSync(process.execPath, ['scripts/run-tests.js', ...files], {
  stdio: 'inherit',
  env: { ...process.env, HERALD_SCREENSHOT_DIR: 'docs/screenshots', HERALD_TEST_DIALECTS: 'sqlite' },
});
process.exit(result.status ?? 1);
