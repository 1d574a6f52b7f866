import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testDialect } from '../support/test-database.js';
import { startThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';

// Real: a PostgreSQL server initdb'd into a temp folder and run on its own port; nothing faked.

const skip = testDialect !== 'postgres' ? 'PostgreSQL tests run in the PostgreSQL pass' : (throwawayPostgresUnavailable() ?? false);
const root = fileURLToPath(new URL('../..', import.meta.url));

async function query(url: string, text: string): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : filesUnder(path)) : [path];
  });
}

// Spelled in parts, so that this file, and anything that searches the tree for them, never holds the commands themselves.
const machineServerControl = new RegExp(
  `\\b(${['pg_ctl' + 'cluster', 'system' + 'ctl', 'service' + ' postgresql', 'pg_ctl\\b[^\\n]*/var/lib/' + 'postgresql'].join('|')})`,
);

test("no test or script stops, restarts or signals the machine's own PostgreSQL", () => {
  const offenders = ['test', 'scripts', 'bench']
    .map((dir) => join(root, dir))
    .filter(existsSync)
    .flatMap(filesUnder)
    .filter((file) => machineServerControl.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  assert.deepEqual(offenders, [], 'tests that stop or restart PostgreSQL use test/support/throwaway-postgres.ts');
});

test(
  'a throwaway cluster: restart keeps port and data, kill -9 and start recover them, a standby says 57P03 until promoted, close leaves nothing',
  { skip, timeout: 120_000 },
  async () => {
    const server = await startThrowawayPostgres();
    const dir = server.dir;
    let pid = server.pid();
    try {
      assert.ok(pid);
      const database = await server.createDatabase();
      const url = database.env.HERALD_DATABASE_URL!;
      assert.match(url, new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${server.port}/`));
      await query(url, 'create table kept (n integer); insert into kept values (1)');

      await server.restart();
      assert.notEqual(server.pid(), pid, 'a new postmaster');
      assert.deepEqual(await query(url, 'select n from kept'), [{ n: 1 }]);

      pid = server.pid()!;
      await query(url, 'insert into kept values (2)');
      await server.crash();
      assert.equal(server.pid(), undefined);
      assert.throws(() => process.kill(pid!, 0), /ESRCH/, 'the postmaster is gone');
      await assert.rejects(query(url, 'select 1'), /ECONNREFUSED/);
      await server.start();
      assert.deepEqual(await query(url, 'select n from kept order by n'), [{ n: 1 }, { n: 2 }], 'crash recovery kept committed rows');

      await server.stop();
      await server.start({ standby: true });
      await assert.rejects(query(url, 'select 1'), (error: any) => error.code === '57P03');
      await server.promote();
      assert.deepEqual(await query(url, 'select count(*)::int as n from kept'), [{ n: 2 }]);
      pid = server.pid()!;
    } finally {
      await server.close();
    }
    assert.equal(existsSync(dir), false, 'the folder is removed');
    assert.throws(() => process.kill(pid!, 0), /ESRCH/, 'no server left running');
  },
);
