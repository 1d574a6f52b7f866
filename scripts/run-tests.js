#!/usr/bin/env node
// Runs the suite with Node's test runner (through tsx), two files at a time: once on SQLite, then
// the integration tests (test/) again on PostgreSQL when a server answers. Without one the
// PostgreSQL run is skipped with a message — unless HERALD_REQUIRE_POSTGRES=1 (as in CI).
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function run(label, files, env, concurrency = 2) {
  console.log(`\n== ${label}: ${files.length} test files`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

async function postgresAnswers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.log(`PostgreSQL at ${url} did not answer: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const only = process.argv.slice(2);
const dialects = (process.env.HERALD_TEST_DIALECTS ?? 'sqlite,postgres').split(',');
// test/cluster/ runs PostgreSQL clusters and restarts the server: alone, after the rest.
const isCluster = (file) => file.startsWith(join('test', 'cluster') + sep);
const files = only.length > 0 ? only : [...find('src'), ...find('test').filter((f) => !isCluster(f))].sort();
const integration =
  only.length > 0
    ? only
    : find('test')
        .filter((f) => !isCluster(f))
        .sort();
const cluster = only.length > 0 ? [] : find('test').filter(isCluster).sort();
const postgresUrl = process.env.HERALD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// The console's tests serve web/dist: build it once here (a no-op when it is current), not in two
// test files at the same time.
const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-console.ts'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let failed = 0;
if (dialects.includes('sqlite')) failed += run('SQLite', files, { HERALD_TEST_DIALECT: 'sqlite' });
if (dialects.includes('postgres')) {
  if (await postgresAnswers(postgresUrl)) {
    const env = { HERALD_TEST_DIALECT: 'postgres', HERALD_TEST_POSTGRES_URL: postgresUrl };
    failed += run('PostgreSQL', integration, env);
    if (cluster.length > 0) failed += run('PostgreSQL cluster', cluster, env, 1);
  } else if (process.env.HERALD_REQUIRE_POSTGRES === '1') {
    console.log('PostgreSQL suite FAILED: HERALD_REQUIRE_POSTGRES=1 but no server answers.');
    failed += 1;
  } else {
    console.log('PostgreSQL suite SKIPPED: no server answers (set HERALD_TEST_POSTGRES_URL to run it).');
  }
}
process.exit(failed === 0 ? 0 : 1);
