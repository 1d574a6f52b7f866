import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { copyStore } from '../src/store/copy-store.js';
import { openStore } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { createTestDatabase } from './support/test-database.js';

// Real: a SQLite file as the source and this run's database (a second SQLite file, or a new
// PostgreSQL database) as the target; tables larger than one page of the copy, keyed by one
// column (paged by key) and by two (paged by offset).

test('copyStore copies tables of several pages, by single and composite keys, and replaces the rows migrations seeded', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'herald-copy-'));
  const database = await createTestDatabase();
  const source = openStore(loadConfig({ HERALD_DATA_DIR: join(folder, 'source') }).database);
  const target = openStore(loadConfig({ HERALD_DATA_DIR: join(folder, 'target'), ...database.env }).database);
  try {
    await migrateToLatest(source.db);
    await migrateToLatest(target.db);
    const count = 1234;
    await source.db.updateTable('scopes').set({ name: 'Renamed system' }).where('id', '=', 'system').execute();
    for (let start = 0; start < count; start += 200) {
      const ids = Array.from({ length: Math.min(200, count - start) }, (_, i) => start + i);
      await source.db
        .insertInto('events')
        .values(
          ids.map((i) => ({
            id: `evt_${String(i).padStart(5, '0')}`,
            scope_id: 'system',
            type: 'record.added',
            severity: 'info',
            data: JSON.stringify({ i, text: 'naïve “quotes” \\ and \n lines' }),
            explicit_recipients: null,
            idempotency_key: i % 2 ? `k${i}` : null,
            request_hash: null,
            outcome: 'queued',
            outcome_reason: null,
            created_at: 1_700_000_000_000 + i,
          })),
        )
        .execute();
      await source.db
        .insertInto('scope_recipients')
        .values(ids.map((i) => ({ scope_id: 'system', address: `r${i}@example.test`, created_at: i })))
        .execute();
    }
    const copied = await copyStore(source, target);
    assert.equal(copied.events, count);
    assert.equal(copied.scope_recipients, count);
    assert.equal(copied.scopes, 1);
    const events = await target.db.selectFrom('events').selectAll().orderBy('id').execute();
    assert.deepEqual(events, await source.db.selectFrom('events').selectAll().orderBy('id').execute());
    const recipients = await target.db.selectFrom('scope_recipients').select('address').orderBy('address').execute();
    assert.equal(new Set(recipients.map((row) => row.address)).size, count);
    const scopes = await target.db.selectFrom('scopes').select(['id', 'name']).execute();
    assert.deepEqual(scopes, [{ id: 'system', name: 'Renamed system' }], "the source's system scope replaced the seeded one");
  } finally {
    await source.close();
    await target.close();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
