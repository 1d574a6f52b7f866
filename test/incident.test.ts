import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from './support/test-database.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';

// Real: `herald start` in a child process, the `herald` CLI in child processes against the same
// data directory and database (SQLite file or PostgreSQL), a real SMTP server with AUTH on loopback.
// Set HERALD_INCIDENT_TRANSCRIPT=FILE to keep the commands and their output (docs/operations.md shows one).

const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// A CLI run takes seconds (and far more on a loaded machine): generous bounds, never a fixed wait.
async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test(
  'scripted incident: a tenant’s server refuses AUTH with 535; status names it; pause, fix, resume, retry → delivered',
  { timeout: 900_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-incident-'));
    const database = await createTestDatabase();
    const env = {
      ...fastDeliveryEnv,
      // Retries ten minutes apart: after the fix, only `herald queue retry` sends the deferred mail now.
      HERALD_RETRY_BASE: '10m',
      HERALD_RETRY_MAX_DELAY: '1h',
      HERALD_RETRY_MAX_AGE: '1d',
      ...database.env,
      HERALD_DATA_DIR: dataDir,
      HERALD_ADMIN_TOKEN: adminToken,
      HERALD_LOG_LEVEL: 'warn',
    };
    const transcript: string[] = [];
    const run = async (args: string[]) => {
      const result = await cli(args, env);
      transcript.push(`$ herald ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`, result.stdout.trimEnd(), '');
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    let smtp = await startSmtpTestServer({ users: { 'acme-mailer': 'pw-Acme-Before-1' } });
    // A loaded CI machine may need a while to start it.
    const herald = await startHeraldProcess(env, 120_000);
    try {
      const api = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${herald.url}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as any };
      };
      const settings = (password: string) => ({
        provider: 'smtp',
        host: smtp.host,
        port: smtp.port,
        security: 'none',
        auth: 'password',
        username: 'acme-mailer',
        password,
        fromAddress: 'alerts@acme.example',
      });
      const post = async (to: string) => {
        const response = await api('POST', '/events', {
          tenant: 'acme',
          type: 'service.failed',
          severity: 'critical',
          data: { service: 'billing' },
          recipients: [to],
        });
        assert.equal(response.status, 202, JSON.stringify(response.body));
        return response.body.messages[0].id as string;
      };
      const stateOf = async (id: string) => (await api('GET', `/deliveries/${id}`)).body.state as string;

      assert.equal((await api('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
      assert.equal((await api('PUT', '/tenants/acme/mail-server', settings('pw-Acme-Before-1'))).status, 200);
      const before = await post('oncall@acme.example');
      await until(async () => (await stateOf(before)) === 'sent');

      // Acme's mail server gets a new password (restarted, so no session stays signed in): Herald's is refused with 535.
      const port = smtp.port;
      await smtp.close();
      smtp = await startSmtpTestServer({ port, users: { 'acme-mailer': 'pw-Acme-Rotated-2' } });
      const stuck = [await post('oncall@acme.example'), await post('billing@acme.example')];
      for (const id of stuck) {
        const settled = await until(async () => {
          const detail = (await api('GET', `/deliveries/${id}`)).body;
          return detail.state !== 'queued' && detail.state !== 'sending' && detail;
        });
        assert.equal(settled.state, 'deferred', JSON.stringify(settled.attemptHistory));
      }

      const status = await run(['status', '--scope', 'acme']);
      assert.match(status, /^acme \(Acme Corp\)/m);
      assert.match(status, /deferred\s+2\s+2\s+0\s+0\s+0\s+0/);
      assert.match(status, /oldest: +\S+ deferred for \d+s, 1 attempt\(s\); auth: 535 5\.7\.8 Authentication credentials invalid/);
      assert.match(status, /hint: +The server rejected the username or password/);
      const json = JSON.parse((await cli(['status', '--json'], env)).stdout);
      const acme = json.scopes.find((s: any) => s.scope === 'acme');
      assert.equal(acme.oldest.id, stuck[0]);
      assert.equal(acme.oldest.lastReplyCode, 535);
      assert.ok(acme.oldest.ageMs >= 0);
      assert.ok(json.nodes.some((node: any) => node.state === 'alive'));

      assert.match(
        await run(['queue', 'pause', '--scope', 'acme', '--reason', 'relay refuses our password (535)']),
        /Sending from acme is paused/,
      );
      const during = await post('ceo@acme.example');
      assert.equal((await api('PUT', '/tenants/acme/mail-server', settings('pw-Acme-Rotated-2'))).status, 200);
      assert.match(await run(['status', '--scope', 'acme']), /PAUSED by cli .*relay refuses our password/);
      assert.equal(await stateOf(during), 'queued', 'paused: the new message waits');
      assert.equal(smtp.received.length, 0);

      assert.match(await run(['queue', 'resume', '--scope', 'acme']), /Sending from acme is resumed/);
      await until(async () => (await stateOf(during)) === 'sent');
      for (const id of stuck) assert.equal(await stateOf(id), 'deferred', 'the deferred mail waits for its next retry, ten minutes away');
      assert.match(await run(['queue', 'retry', '--scope', 'acme']), /Retrying 2 message\(s\) of acme \(deferred\) now/);
      for (const id of stuck) await until(async () => (await stateOf(id)) === 'sent');
      assert.equal(smtp.received.length, 3);
      const after = await run(['status', '--scope', 'acme']);
      assert.match(after, /deferred\s+0/);

      const audit = (await api('GET', '/audit?limit=50')).body.items.map((e: any) => `${e.actor} ${e.action}`);
      for (const action of ['queue.pause', 'queue.resume', 'queue.retry']) assert.ok(audit.includes(`cli ${action}`), audit.join('\n'));
      if (process.env.HERALD_INCIDENT_TRANSCRIPT) writeFileSync(process.env.HERALD_INCIDENT_TRANSCRIPT, transcript.join('\n'));
    } finally {
      await herald.kill('SIGTERM');
      await smtp.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test('herald status --watch redraws until Ctrl-C, then exits 0', { timeout: 600_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-watch-'));
  const database = await createTestDatabase();
  const env = { ...database.env, HERALD_DATA_DIR: dataDir };
  try {
    assert.equal((await cli(['migrate'], env)).code, 0);
    const child = spawn(process.execPath, [bin, 'status', '--watch', '--interval', '0.2'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await until(async () => output.split('\x1b[2J').length > 3);
    assert.match(output, /Refreshing every 0\.2 s; Ctrl-C to stop/);
    child.kill('SIGINT');
    assert.equal(await exited, 0, errors);
    assert.equal(errors, '');
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
