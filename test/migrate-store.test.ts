import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { openStore, type Store } from '../src/store/database.js';
import { storedTables } from '../src/store/table-catalogue.js';
import { startHarness, smtpSettings } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { adminQuery, postgresAdminUrl, testDialect } from './support/test-database.js';
import { runHerald } from './support/herald-cli.js';

// Real: a Herald on a SQLite file that stored a sealed password, audit entries and delivered
// mail; `herald migrate-store` and `herald audit verify` in child processes; a throwaway database
// (random name, dropped after) on the local PostgreSQL server; a real SMTP server requiring AUTH.

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function contents(store: Store): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await storedTables(store.db, store.dialect)) {
    if (table.name === 'nodes') continue; // the copy is taken after the source stopped; its rows are compared by count below
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(store.db);
    result[table.name] = rows
      .map((row) => JSON.stringify(table.columns.map((column) => (row[column] === null ? null : String(row[column])))))
      .sort();
  }
  return result;
}

const password = 'pw-Migrate-Store-4';

test(
  'migrate-store copies a SQLite Herald to PostgreSQL and back: every row, secrets still decrypt, the audit chain verifies; a non-empty target is refused',
  { skip: testDialect !== 'sqlite' && 'runs once, in the SQLite run (it uses both dialects itself)', timeout: 300_000 },
  async (t) => {
    if (!(await postgresAnswers())) return t.skip('no PostgreSQL server answers at ' + postgresAdminUrl);
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-migrate-store-'));
    const name = `herald_t_ms_${randomBytes(6).toString('hex')}`;
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    await adminQuery(`create database ${name}`);
    await using smtp = await startSmtpTestServer({ users: { ops: password } });
    try {
      const sqliteEnv = { HERALD_DATA_DIR: dataDir };
      {
        await using h = await startHarness({}, { keepDataDir: dataDir, database: {} });
        assert.equal(
          (await h.api('PUT', '/api/v1/system/mail-server', smtpSettings(smtp, { auth: 'password', username: 'ops', password }))).status,
          200,
        );
        assert.equal((await h.api('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' })).status, 201);
        const events = Array.from({ length: 3 }, (_, i) => ({ type: 'record.added', tenant: 'acme', recipients: [`u${i}@example.test`] }));
        assert.equal((await h.api('POST', '/api/v1/events/batch', { events })).status, 202);
        await smtp.waitFor(3);
        await h.until(
          async () => (await h.herald.store.db.selectFrom('messages').select('id').where('state', '!=', 'sent').execute()).length === 0,
        );
      }

      const copied = await runHerald(['migrate-store', '--from', join(dataDir, 'herald.sqlite'), '--to', url.toString()], sqliteEnv);
      assert.equal(copied.status, 0, copied.stdout + copied.stderr);
      assert.match(copied.stdout, /Copied \d+ rows in \d+ tables/);

      const source = openStore(loadConfig(sqliteEnv).database);
      const target = openStore(loadConfig({ HERALD_DATABASE_URL: url.toString() }).database);
      try {
        const [from, to] = [await contents(source), await contents(target)];
        assert.deepEqual(Object.keys(to).sort(), Object.keys(from).sort());
        for (const table of Object.keys(from)) assert.deepEqual(to[table], from[table], `table ${table} copied row for row`);
        assert.ok(from.audit_log!.length >= 2 && from.messages!.length === 3);
        const nodes = async (store: Store) => (await store.db.selectFrom('nodes').select('id').execute()).length;
        assert.equal(await nodes(target), await nodes(source));
      } finally {
        await source.close();
        await target.close();
      }

      const pgEnv = { HERALD_DATA_DIR: dataDir, HERALD_DATABASE_URL: url.toString() };
      const verified = await runHerald(['audit', 'verify'], pgEnv);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);
      assert.match(verified.stdout, /The audit log is intact/);

      const again = await runHerald(['migrate-store', '--from', join(dataDir, 'herald.sqlite'), '--to', url.toString()], sqliteEnv);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /The target is not empty \(it has tenants\)/);

      // And back: the same copy from PostgreSQL into a new SQLite file gives the original rows.
      const backFile = join(dataDir, 'back', 'herald.sqlite');
      const back = await runHerald(['migrate-store', '--from', url.toString(), '--to', backFile], sqliteEnv);
      assert.equal(back.status, 0, back.stdout + back.stderr);
      const original = openStore(loadConfig(sqliteEnv).database);
      const roundTrip = openStore(loadConfig({ HERALD_DATABASE_URL: `sqlite:${backFile}` }).database);
      try {
        assert.deepEqual(await contents(roundTrip), await contents(original));
      } finally {
        await original.close();
        await roundTrip.close();
      }

      await using onPostgres = await startHarness({}, { keepDataDir: dataDir, database: { HERALD_DATABASE_URL: url.toString() } });
      const sent = await onPostgres.api('POST', '/api/v1/events', {
        type: 'record.added',
        tenant: 'acme',
        recipients: ['after@example.test'],
      });
      assert.equal(sent.status, 202, sent.raw);
      await smtp.waitFor(4);
      assert.deepEqual(smtp.received.at(-1)!.to, ['after@example.test'], 'the copied password authenticates on the target');
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
