import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openStore } from '../src/store/database.js';
import { startHarness, smtpSettings } from './support/herald-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { postgresAdminUrl, testDialect } from './support/test-database.js';
import { runHerald } from './support/herald-cli.js';

// Real: Herald (in this process) delivering 5,000 messages to a real SMTP server that requires
// AUTH (so every delivery after the restore proves the stored password decrypts), SQLite files in
// temp folders, and the `herald backup`, `restore` and `audit verify` commands in child processes.
// The first Herald sends 4 at a time to a server answering in 20 ms (25 s at least for all 5,000),
// so the backup, taken after 200 arrived, lands mid-run on any machine.

const total = 5000;
const password = 'pw-Backup-Restore-9';

async function snapshotOf(env: Record<string, string>) {
  const store = openStore(loadConfig(env).database);
  try {
    const messages = await store.db.selectFrom('messages').select(['id', 'message_id', 'state', 'attempts']).execute();
    const sentAttempts = await store.db.selectFrom('attempts').select('message_id').where('outcome', '=', 'sent').execute();
    return { messages, sentAttempts: new Set(sentAttempts.map((row) => row.message_id)) };
  } finally {
    await store.close();
  }
}

test(
  'backup during a delivery run of 5,000, restore into a new data dir: every message there, leases recovered, secrets decrypt, the audit chain verifies',
  { skip: testDialect !== 'sqlite' && 'herald backup copies SQLite; the PostgreSQL refusal is tested below', timeout: 600_000 },
  async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herald-backup-'));
    try {
      await using smtp = await startSmtpTestServer({ users: { ops: password }, light: true, replyDelayMs: 20 });
      const original = await startHarness({ HERALD_LOG_LEVEL: 'warn', HERALD_DELIVERY_CONCURRENCY: '4' });
      let restored: Awaited<ReturnType<typeof startHarness>> | undefined;
      try {
        const put = await original.api(
          'PUT',
          '/api/v1/system/mail-server',
          smtpSettings(smtp, { auth: 'password', username: 'ops', password, poolSize: 16 }),
        );
        assert.equal(put.status, 200, put.raw);
        for (let batch = 0; batch < total / 1000; batch += 1) {
          const events = Array.from({ length: 1000 }, (_, i) => ({
            type: 'record.added',
            recipients: [`u${batch * 1000 + i}@example.test`],
          }));
          assert.equal((await original.api('POST', '/api/v1/events/batch', { events })).status, 202);
        }
        await smtp.waitFor(200, 60_000);

        const backup = join(folder, 'herald-backup.sqlite');
        const made = await runHerald(['backup', backup], original.env);
        assert.equal(made.status, 0, made.stderr);
        assert.match(made.stdout, /Master key file copied to .*herald-backup\.sqlite\.master\.key \(mode 0600\)/);
        assert.equal(statSync(backup).mode & 0o777, 0o600);
        assert.equal(statSync(`${backup}.master.key`).mode & 0o777, 0o600);

        // Independent commands run side by side: each `herald` process takes seconds to start on a busy machine.
        const newDir = join(folder, 'restored');
        const restoreEnv = { ...original.env, HERALD_DATA_DIR: newDir };
        const [refused, placed] = await Promise.all([
          runHerald(['restore', backup, '--force'], original.env),
          runHerald(['restore', backup], restoreEnv),
        ]);
        assert.equal(refused.status, 1, 'a running instance is never overwritten');
        assert.match(refused.stderr, /Herald is running on .*stop it before restoring/);
        assert.equal(placed.status, 0, placed.stderr);
        assert.match(placed.stdout, /Master key file restored to/);
        const [again, verified] = await Promise.all([
          runHerald(['restore', backup], restoreEnv),
          runHerald(['audit', 'verify'], restoreEnv),
        ]);
        assert.equal(again.status, 1);
        assert.match(again.stderr, /already holds a database. Pass --force/);
        assert.equal(verified.status, 0, verified.stdout + verified.stderr);
        assert.match(verified.stdout, /The audit log is intact: \d+ entries/);

        const atBackup = await snapshotOf(restoreEnv);
        assert.equal(atBackup.messages.length, total, 'every accepted message is in the backup');
        const states = new Set(atBackup.messages.map((message) => message.state));
        assert.ok(
          [...states].every((state) => ['queued', 'sending', 'sent', 'deferred'].includes(state)),
          [...states].join(),
        );
        const sentInBackup = atBackup.messages.filter((message) => message.state === 'sent');
        assert.ok(sentInBackup.length > 0 && sentInBackup.length < total, `the backup was made mid-run (${sentInBackup.length} sent)`);
        for (const message of sentInBackup) assert.ok(atBackup.sentAttempts.has(message.id), `${message.id} is sent with its attempt`);

        await original.close();
        const before = smtp.received.length;
        restored = await startHarness({ HERALD_LOG_LEVEL: 'warn' }, { keepDataDir: newDir, database: {} });
        const unsent = atBackup.messages.filter((message) => message.state !== 'sent');
        await restored.until(async () => {
          const rows = await restored!.herald.store.db.selectFrom('messages').select('id').where('state', '!=', 'sent').limit(1).execute();
          return rows.length === 0;
        }, 120_000);
        const receivedAfter = new Set(smtp.received.slice(before).map((mail) => mail.messageId));
        for (const message of unsent)
          assert.ok(receivedAfter.has(message.message_id), `${message.message_id} delivered after the restore (with AUTH)`);
      } finally {
        await restored?.close();
        await original.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

test(
  'backup and restore on PostgreSQL refuse, pointing at pg_dump',
  { skip: testDialect !== 'postgres' && 'PostgreSQL run only' },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-backup-pg-'));
    try {
      const env = { HERALD_DATA_DIR: dataDir, HERALD_DATABASE_URL: postgresAdminUrl };
      const backup = await runHerald(['backup', join(dataDir, 'x.sqlite')], env);
      assert.equal(backup.status, 2);
      assert.match(backup.stderr, /pg_dump -Fc \(see docs\/operations\.md/);
      assert.ok(!existsSync(join(dataDir, 'x.sqlite')));
      const restore = await runHerald(['restore', join(dataDir, 'x.sqlite')], env);
      assert.equal(restore.status, 2);
      assert.match(restore.stderr, /pg_restore/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test(
  'a backup of a newer schema, or no backup at all, is refused by restore',
  { skip: testDialect !== 'sqlite' && 'SQLite run only' },
  async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herald-restore-'));
    try {
      const env = { HERALD_DATA_DIR: join(folder, 'data') };
      const missing = await runHerald(['restore', join(folder, 'none.sqlite')], env);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /There is no backup at/);
      const source = { HERALD_DATA_DIR: join(folder, 'source') };
      assert.equal((await runHerald(['migrate'], source)).status, 0);
      const store = openStore(loadConfig(source).database);
      await store.db
        .insertInto('kysely_migration' as never)
        .values({ name: '2099-01-01-001-future', timestamp: new Date().toISOString() } as never)
        .execute();
      await store.close();
      const backup = join(folder, 'b.sqlite');
      assert.equal((await runHerald(['backup', backup], source)).status, 0);
      const newer = await runHerald(['restore', backup], env);
      assert.equal(newer.status, 1);
      assert.match(newer.stderr, /was made by a newer Herald \(schema 2099-01-01-001-future\)/);
      assert.ok(!existsSync(join(folder, 'data', 'herald.sqlite')), 'nothing was restored');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);
