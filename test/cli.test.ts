import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, messageStates, testDialect } from './support/test-database.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';

// Real: the `herald` binary in child processes, on a SQLite file in a temp folder.

const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
const herald = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });

test('a bad configuration value stops the start with a message naming the variable', () => {
  const result = herald(['start'], { HERALD_PORT: 'eighty', HERALD_DATA_DIR: '/nonexistent/never' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /HERALD_PORT: "eighty" must be a whole number/);
});

test('migrate, status and send-test work on a fresh database', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  const database = await createTestDatabase();
  try {
    const env = { HERALD_DATA_DIR: dataDir, ...database.env };
    const migrate = herald(['migrate'], env);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /Applied: 2026-11-21-001-initial/);
    assert.match(herald(['migrate'], env).stdout, /up to date/);
    const sent = herald(['send-test', '--to', 'admin@example.test'], env);
    assert.equal(sent.status, 0, sent.stderr);
    assert.match(sent.stdout, /through builtin/);
    const status = herald(['status', '--json'], env);
    assert.equal(status.status, 0, status.stderr);
    assert.equal(JSON.parse(status.stdout).database.dialect, testDialect);
    assert.match(herald(['status'], env).stdout, /^system \(System\)$/m);
    const unknown = herald(['frobnicate'], env);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command/);
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('start prints the URL and a one-time setup link that creates the first administrator; never a default password', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  const database = await createTestDatabase();
  try {
    const first = await startHeraldProcess({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: '', ...database.env });
    const link = /one-time link\): (\S+)/.exec(first.output())?.[1];
    assert.ok(link, first.output());
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(link.startsWith(`${first.url}/setup?token=`));
    const token = new URL(link).searchParams.get('token')!;
    assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
    assert.deepEqual(await (await fetch(`${first.url}/api/v1/auth/setup`)).json(), { needed: true });
    const setup = { token, email: 'Root@Example.test', name: 'Root', password: 'a long first password' };
    const created = await fetch(`${first.url}/api/v1/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(setup),
    });
    assert.equal(created.status, 200);
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
    assert.equal((await fetch(`${first.url}/api/v1/tenants`, { headers: { cookie } })).status, 200);
    const again = await fetch(`${first.url}/api/v1/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...setup, email: 'other@example.test' }),
    });
    assert.equal(again.status, 409, 'the link works once');
    assert.equal(await first.kill('SIGTERM'), 0);
    const second = await startHeraldProcess({ HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: '', ...database.env });
    assert.ok(!second.output().includes('setup?token='), 'no setup link once an administrator exists');
    assert.deepEqual(await (await fetch(`${second.url}/api/v1/auth/setup`)).json(), { needed: false });
    assert.equal((await fetch(`${second.url}/api/v1/tenants`)).status, 401);
    await second.kill('SIGTERM');
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('herald admin create reads the password from standard input; herald audit verify checks the chain', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  const database = await createTestDatabase();
  try {
    const env = { ...process.env, ...database.env, HERALD_DATA_DIR: dataDir, HERALD_LOG_LEVEL: 'warn' };
    const create = spawnSync(process.execPath, [bin, 'admin', 'create', '--email', 'ops@example.test', '--name', 'Ops'], {
      env,
      input: 'a long admin password\n',
      encoding: 'utf8',
    });
    assert.equal(create.status, 0, create.stderr);
    assert.match(create.stdout, /Created system administrator ops@example\.test/);
    assert.ok(!create.stdout.includes('a long admin password'));
    const short = spawnSync(process.execPath, [bin, 'admin', 'create', '--email', 'two@example.test'], {
      env,
      input: 'short\n',
      encoding: 'utf8',
    });
    assert.equal(short.status, 1);
    assert.match(short.stderr, /at least 12 characters/);
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env, encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /intact: 1 entries/);
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('SIGTERM lets sends in flight finish and records them; nothing is left leased or lost', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-drain-'));
  const database = await createTestDatabase();
  await using smtp = await startSmtpTestServer({ replyDelayMs: 700 });
  const env = { ...fastDeliveryEnv, ...database.env, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: adminToken, HERALD_LOG_LEVEL: 'warn' };
  try {
    const first = await startHeraldProcess(env);
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${first.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await call('PUT', '/api/v1/system/mail-server', {
      provider: 'smtp',
      host: smtp.host,
      port: smtp.port,
      security: 'none',
      fromAddress: 'herald@example.test',
      poolSize: 3,
    });
    const events = Array.from({ length: 30 }, (_, i) => ({ type: 'record.added', recipients: [`u${i}@example.test`] }));
    assert.equal((await call('POST', '/api/v1/events/batch', { events })).status, 202);
    await smtp.waitFor(1);
    assert.equal(await first.kill('SIGTERM'), 0);
    const counts = await messageStates(env);
    assert.equal(counts.sending ?? 0, 0, 'no lease left behind');
    assert.equal(counts.sent, smtp.received.length, 'every message the server received is recorded as sent');
    assert.ok((counts.queued ?? 0) > 0, 'the rest is still queued');

    const second = await startHeraldProcess(env);
    await smtp.waitFor(30, 30_000);
    await second.kill('SIGTERM');
    assert.equal(new Set(smtp.received.map((m) => m.messageId)).size, 30);
    assert.equal(smtp.received.length, 30, 'no duplicates after a graceful stop');
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
