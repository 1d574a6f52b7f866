import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { verifyAudit } from '../src/audit/index.js';
import { writeKeyFile, keyFileName } from '../src/secrets/keyring.js';
import { openStore, type Store } from '../src/store/database.js';
import { migrateTo, migrateToLatest, migrationNames } from '../src/store/migrate.js';
import { storedTables } from '../src/store/table-catalogue.js';
import { startHarness } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { createTestDatabase } from './support/test-database.js';
import * as release010 from './fixtures/releases/0.1.0.js';

// Real: this run's database (SQLite file or PostgreSQL) migrated to release 0.1.0's schema and
// filled with that release's frozen rows (test/fixtures/releases/), then today's migrations, then
// a real Herald delivering to a real SMTP server that requires the password 0.1.0 encrypted.

const releases = [release010];

/** Columns a later migration moved to another table, and the column there that holds the row's key. */
const moved: Record<string, { table: string; key: string; columns: string[] }> = {
  // 2026-12-03-101-message-bodies
  messages: { table: 'message_bodies', key: 'message_id', columns: ['text_body', 'html_body'] },
};

async function everyRow(store: Store) {
  const tables = await storedTables(store.db, store.dialect);
  const rows = new Map<string, Array<Record<string, unknown>>>();
  for (const table of tables)
    rows.set(table.name, (await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(store.db)).rows);
  return { tables, rows };
}

for (const release of releases) {
  test(
    `upgrade from ${release.release}: every row in every table survives today's migrations, and the mail it had queued is delivered`,
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), `herald-upgrade-${release.release}-`));
      const database = await createTestDatabase();
      await using smtp = await startSmtpTestServer({ users: { [release.smtpUser.username]: release.smtpUser.password } });
      try {
        const env = { HERALD_DATA_DIR: dataDir, ...database.env };
        writeKeyFile(join(dataDir, keyFileName), release.keyFile);
        const store = openStore(loadConfig(env).database);
        let before: Awaited<ReturnType<typeof everyRow>>;
        try {
          await migrateTo(store.db, release.lastMigration);
          await release.populate(store.db, { host: smtp.host, port: smtp.port });
          before = await everyRow(store);
          const empty = before.tables.filter((table) => before.rows.get(table.name)!.length === 0).map((table) => table.name);
          assert.deepEqual(empty, [], `the ${release.release} fixture has rows in every table of its schema`);

          const applied = await migrateToLatest(store.db);
          assert.deepEqual(
            applied,
            migrationNames().filter((name) => name > release.lastMigration),
          );
          const after = await everyRow(store);
          for (const table of before.tables) {
            const now = after.rows.get(table.name);
            assert.ok(now, `table ${table.name} still exists`);
            const key = table.key.length > 0 ? table.key : table.columns;
            const find = (row: Record<string, unknown>) =>
              now.find((candidate) => key.every((column) => String(candidate[column]) === String(row[column])));
            for (const row of before.rows.get(table.name)!) {
              const found = find(row);
              assert.ok(found, `${table.name} row ${key.map((column) => row[column]).join('/')} survives`);
              const move = moved[table.name];
              for (const column of table.columns) {
                if (move?.columns.includes(column)) {
                  const holder = after.rows.get(move.table)!.find((candidate) => String(candidate[move.key]) === String(row[key[0]!]));
                  assert.ok(holder, `${move.table} row for ${table.name} ${String(row[key[0]!])}`);
                  assert.deepEqual(holder[column], row[column], `${table.name}.${column} unchanged, now in ${move.table}`);
                } else assert.deepEqual(found[column], row[column], `${table.name}.${column} unchanged`);
              }
            }
          }
        } finally {
          await store.close();
        }

        await using h = await startHarness({ HERALD_LOG_LEVEL: 'warn' }, { keepDataDir: dataDir, database: database.env });
        await smtp.waitFor(release.pendingMessageIds.length, 30_000);
        assert.deepEqual(smtp.received.map((mail) => mail.messageId).sort(), [...release.pendingMessageIds].sort());
        const states = await h.herald.store.db.selectFrom('messages').select(['id', 'state']).orderBy('id').execute();
        await h.until(async () => {
          const pending = await h.herald.store.db
            .selectFrom('messages')
            .select('id')
            .where('state', 'in', ['queued', 'deferred', 'sending'])
            .execute();
          return pending.length === 0;
        });
        assert.equal(states.length, before.rows.get('messages')!.length);
        const tenants = await h.api('GET', '/api/v1/tenants', undefined, { authorization: `Bearer ${release.apiToken}` });
        assert.equal(tenants.status, 200, `the ${release.release} API token still works: ${tenants.raw}`);
        assert.ok(JSON.stringify(tenants.body).includes('Acme'));
        const audit = await verifyAudit(h.herald.store.db);
        assert.deepEqual(audit.problems, [], 'the audit chain written by the old release verifies');
      } finally {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
}
