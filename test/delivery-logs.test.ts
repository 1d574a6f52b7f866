import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startHeraldProcess } from './support/herald-process.js';
import { adminToken, fastDeliveryEnv, smtpSettings } from './support/herald-harness.js';
import { createTestDatabase } from './support/test-database.js';
import { until } from './support/until.js';

// Real: `herald start` as a child process (its stdout is what an operator's log collector reads),
// the database of the run's dialect, two smtp-server peers requiring AUTH (one PLAIN, one LOGIN
// only). Nothing is faked.

const passwords = { system: 'pw-Log-System-4f5g', tenant: 'pw-Log-Tenant-6h7i', wrong: 'pw-Log-Wrong-8j9k' };
const encodings = (password: string) => [
  password,
  Buffer.from(password).toString('base64'),
  Buffer.from(password).toString('base64').replace(/=+$/, ''),
  Buffer.from(`\u0000ops\u0000${password}`).toString('base64'),
  Buffer.from(`\u0000tenant\u0000${password}`).toString('base64'),
];

interface Run {
  lines: Array<Record<string, any>>;
  output: string;
  messages: Record<'alice' | 'reject' | 'bob' | 'carol', string>;
  eventsRequestId: string;
}

/** Runs one delivery of each kind (sent, 550, sent over AUTH LOGIN, 535) through a Herald logging at `level`. */
async function deliverAndCollectLogs(level: 'info' | 'debug'): Promise<Run> {
  await using plain = await startSmtpTestServer({
    users: { ops: passwords.system },
    onRcptTo: (address) => (address.startsWith('reject') ? { code: 550, message: `5.1.1 <${address}>: no such user` } : 'accept'),
  });
  await using login = await startSmtpTestServer({ users: { tenant: passwords.tenant }, authMethods: ['LOGIN'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-logs-'));
  const database = await createTestDatabase();
  const env = {
    ...fastDeliveryEnv,
    // one attempt each: the refused login's deferred message must not be tried again before the
    // process is stopped (on a loaded machine a 100 ms retry made a fifth attempt line)
    HERALD_RETRY_BASE: '10m',
    HERALD_RETRY_MAX_DELAY: '30m',
    ...database.env,
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: adminToken,
    HERALD_LOG_LEVEL: level,
  };
  // A loaded machine (the suite runs files side by side) can take long to start a process.
  const herald = await startHeraldProcess(env, 90_000).catch(async (error: unknown) => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${herald.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any, requestId: response.headers.get('x-request-id') };
    };
    const ok = async (method: string, path: string, body: unknown, status = 200) =>
      assert.equal((await call(method, path, body)).status, status, `${method} ${path}`);
    const own = { applyToAllTenants: undefined };
    await ok(
      'PUT',
      '/api/v1/system/mail-server',
      smtpSettings(plain, { applyToAllTenants: false, auth: 'password', username: 'ops', password: passwords.system }),
    );
    for (const id of ['acme', 'globex']) await ok('POST', '/api/v1/tenants', { id, name: id }, 201);
    await ok(
      'PUT',
      '/api/v1/tenants/acme/mail-server',
      smtpSettings(login, { ...own, auth: 'password', username: 'tenant', password: passwords.tenant }),
    );
    await ok(
      'PUT',
      '/api/v1/tenants/globex/mail-server',
      smtpSettings(plain, { ...own, auth: 'password', username: 'ops', password: passwords.wrong }),
    );

    const post = async (tenant: string | undefined, recipients: string[]) => {
      const response = await call('POST', '/api/v1/events', {
        type: 'service.failed',
        severity: 'critical',
        data: { service: 'pbx' },
        recipients,
        ...(tenant ? { tenant } : {}),
      });
      assert.equal(response.status, 202);
      return { ids: response.body.messages.map((m: { id: string }) => m.id) as string[], requestId: response.requestId! };
    };
    const system = await post(undefined, ['alice.private@example.test', 'reject.private@example.test']);
    const acme = await post('acme', ['bob.private@acme.test']);
    const globex = await post('globex', ['carol.private@globex.test']);
    const messages = { alice: system.ids[0]!, reject: system.ids[1]!, bob: acme.ids[0]!, carol: globex.ids[0]! };

    const attemptLines = () =>
      herald
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"delivery attempt"'));
    await until('every message had its attempt logged', () => attemptLines().length >= 4, 30_000);
    await herald.kill('SIGTERM');
    const output = herald.output();
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, any>);
    return { lines, output, messages, eventsRequestId: system.requestId };
  } finally {
    await herald.kill('SIGKILL');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function assertAttemptLines(run: Run): void {
  const attempts = run.lines.filter((line) => line.msg === 'delivery attempt');
  assert.equal(attempts.length, 4, 'one line per attempt');
  const of = (id: string) => attempts.find((line) => line.message === id)!;
  const common = { eventType: 'service.failed', attempt: 1, provider: 'smtp' };
  const pick = (line: Record<string, any>) =>
    Object.fromEntries(
      [
        'scope',
        'recipientDomain',
        'outcome',
        'state',
        'reason',
        'stage',
        'replyCode',
        'settingsScope',
        'settingsVersion',
        ...Object.keys(common),
      ].map((k) => [k, line[k]]),
    );
  assert.deepEqual(pick(of(run.messages.alice)), {
    ...common,
    scope: 'system',
    recipientDomain: 'example.test',
    outcome: 'sent',
    state: 'sent',
    reason: 'none',
    stage: 'data',
    replyCode: 250,
    settingsScope: 'system',
    // The system scope starts with the built-in mailbox as version 1.
    settingsVersion: 2,
  });
  assert.deepEqual(pick(of(run.messages.reject)), {
    ...common,
    scope: 'system',
    recipientDomain: 'example.test',
    outcome: 'failed',
    state: 'failed',
    reason: 'rejected',
    stage: 'rcpt',
    replyCode: 550,
    settingsScope: 'system',
    settingsVersion: 2,
  });
  assert.match(of(run.messages.reject).reply, /<…@example\.test>: no such user/, 'the reply names the recipient by domain only');
  assert.deepEqual(pick(of(run.messages.bob)), {
    ...common,
    scope: 'acme',
    recipientDomain: 'acme.test',
    outcome: 'sent',
    state: 'sent',
    reason: 'none',
    stage: 'data',
    replyCode: 250,
    settingsScope: 'acme',
    settingsVersion: 1,
  });
  assert.deepEqual(pick(of(run.messages.carol)), {
    ...common,
    scope: 'globex',
    recipientDomain: 'globex.test',
    // a refused login is the settings' fault, not the message's: deferred (soft bounce), not failed
    outcome: 'retry',
    state: 'deferred',
    reason: 'auth',
    stage: 'auth',
    replyCode: 535,
    settingsScope: 'globex',
    settingsVersion: 1,
  });
  for (const line of attempts) assert.equal(typeof line.durationMs, 'number');
  // Request logs: one line per API request, with the id the response returned.
  const posted = run.lines.find((line) => line.msg === 'request' && line.reqId === run.eventsRequestId);
  assert.ok(posted, 'the event request is logged under the id its response returned');
  assert.deepEqual(
    [posted.method, posted.route, posted.status, posted.actor],
    ['POST', '/api/v1/events', 202, 'token:env:HERALD_ADMIN_TOKEN'],
  );
  for (const password of Object.values(passwords))
    for (const form of encodings(password)) assert.ok(!run.output.includes(form), `a form of ${password} is in the log`);
}

test(
  'info: one line per delivery attempt with its fields, addresses by domain only, request lines with ids, no secret',
  { timeout: 180_000 },
  async () => {
    const run = await deliverAndCollectLogs('info');
    assertAttemptLines(run);
    assert.ok(!run.output.includes('.private@'), 'no local part of an address at info');
    assert.ok(!run.lines.some((line) => line.smtp !== undefined), 'no SMTP conversation at info');
  },
);

test(
  'debug: the SMTP conversation, AUTH PLAIN and AUTH LOGIN redacted, the passwords in no form anywhere',
  { timeout: 180_000 },
  async () => {
    const run = await deliverAndCollectLogs('debug');
    assertAttemptLines(run);
    const conversation = (scope: string) =>
      run.lines.filter((line) => line.smtp !== undefined && line.scope === scope).map((line) => `${line.smtp}: ${line.msg}`);
    const system = conversation('system');
    assert.ok(system.includes('client: AUTH PLAIN [redacted]'), system.join('\n'));
    assert.ok(system.some((line) => /^server: 235 /.test(line)));
    assert.ok(system.some((line) => /^client: RCPT TO:<alice\.private@example\.test>/.test(line)));
    assert.ok(system.some((line) => /^server: 550 5\.1\.1/.test(line)));
    const acme = conversation('acme');
    const auth = acme.indexOf('client: AUTH LOGIN');
    assert.ok(auth >= 0, acme.join('\n'));
    const signedIn = acme.findIndex((line) => /^server: 235 /.test(line));
    assert.ok(signedIn > auth, acme.join('\n'));
    assert.deepEqual(
      acme.slice(auth + 1, signedIn).filter((line) => line.startsWith('client')),
      ['client: [redacted]', 'client: [redacted]'],
      'the username and password lines of AUTH LOGIN',
    );
    const globex = conversation('globex');
    assert.ok(
      globex.some((line) => /^server: 535 /.test(line)),
      globex.join('\n'),
    );
    assert.ok(
      !run.lines.some((line) => line.smtp !== undefined && /^Subject:|^Content-Type:/m.test(line.msg)),
      'the message itself is not logged',
    );
  },
);
