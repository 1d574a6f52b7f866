import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { adminToken, fastDeliveryEnv, smtpSettings, startHarness } from './support/herald-harness.js';
import { createTestDatabase, everyStoredRow, testDialect } from './support/test-database.js';
import { asUser, send, signIn } from './support/accounts.js';
import { startFakeIdentityProvider } from './support/fake-identity-provider.js';
import { consent, signInWithProvider } from './support/oauth-sign-in.js';
import { manualClock } from './support/test-clock.js';

// Real: Herald with its SQLite file and key file, an smtp-server requiring AUTH, and the
// `herald keys rotate` command as a child process.

const passwords = [
  'pw-Sys-Secret-1a2b',
  'pw-Tenant-Secret-3c4d',
  'pw-Wrong-Guess-5e6f',
  'pw-Candidate-7g8h',
  'pw-User-Sign-In-9i0j',
  'pw-User-Changed-1k2l',
  'pw-User-Guess-3m4n',
];
const encodings = (password: string) => [
  password,
  Buffer.from(password).toString('base64'),
  Buffer.from(`\u0000ops\u0000${password}`).toString('base64'),
  Buffer.from(`\u0000tenant\u0000${password}`).toString('base64'),
];

test(
  'passwords appear in no response, no log line and nowhere in the database file; rotation keeps them usable',
  { timeout: 60_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-secrets-'));
    const database = await createTestDatabase();
    const bodies: string[] = [];
    // Shown once at creation (that response is not in `bodies`), never again.
    const tokens: string[] = [];
    let logs: string[] = [];
    try {
      await using smtp = await startSmtpTestServer({ security: 'starttls', users: { ops: passwords[0]!, tenant: passwords[1]! } });
      {
        await using h = await startHarness({}, { keepDataDir: dataDir, database: database.env });
        logs = h.logs;
        const call = async (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => {
          const response = await h.api(method, url, body);
          bodies.push(response.raw);
          return response;
        };
        const tls = { security: 'starttls', port: smtp.port, tlsCa: smtp.ca };
        assert.equal(
          (
            await call(
              'PUT',
              '/api/v1/system/mail-server',
              smtpSettings(smtp, { ...tls, auth: 'password', username: 'ops', password: passwords[0] }),
            )
          ).status,
          200,
        );
        await call('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
        assert.equal(
          (
            await call(
              'PUT',
              '/api/v1/tenants/acme/mail-server',
              smtpSettings(smtp, { ...tls, applyToAllTenants: undefined, auth: 'password', username: 'tenant', password: passwords[1] }),
            )
          ).status,
          200,
        );
        const good = await call('POST', '/api/v1/system/mail-server/test', { to: 'ops@example.test' });
        assert.equal(good.body.ok, true, good.raw);
        const wrong = await call('POST', '/api/v1/system/mail-server/test', {
          to: 'ops@example.test',
          settings: smtpSettings(smtp, { ...tls, auth: 'password', username: 'ops', password: passwords[2] }),
        });
        assert.equal(wrong.body.ok, false);
        assert.equal(wrong.body.failure.replyCode, 535);
        await call('POST', '/api/v1/system/mail-server/verify', {
          settings: smtpSettings(smtp, { ...tls, auth: 'password', username: 'ops', password: passwords[3] }),
        });
        const event = await call('POST', '/api/v1/events', { type: 'user.created', tenant: 'acme', recipients: ['new@acme.example'] });
        await h.until(async () => (await call('GET', `/api/v1/deliveries/${event.body.messages[0].id}`)).body.state === 'sent');
        for (const url of [
          '/api/v1/system/mail-server',
          '/api/v1/tenants/acme/mail-server',
          '/api/v1/tenants/acme/mail-server/effective',
          '/api/v1/deliveries',
        ])
          await call('GET', url);
        // Accounts: users' passwords, sessions and API tokens.
        await call('POST', '/api/v1/tenants/acme/users', {
          email: 'admin@acme.example',
          name: 'Admin',
          role: 'tenant_admin',
          password: passwords[4],
        });
        bodies.push(
          (await send(h, 'POST', '/api/v1/auth/login', { body: { email: 'admin@acme.example', password: passwords[6], tenantId: 'acme' } }))
            .raw,
        );
        const session = await signIn(h, { email: 'admin@acme.example', password: passwords[4]!, tenantId: 'acme' });
        const user = asUser(h, session);
        const created = await user('POST', '/api/v1/tenants/acme/tokens', { label: 'app', permissions: ['deliveries:read'] });
        tokens.push(created.body.token, session.cookie.split('=')[1]!);
        for (const [method, url, body] of [
          ['GET', '/api/v1/tenants/acme/tokens'],
          ['GET', '/api/v1/auth/session'],
          ['GET', '/api/v1/tenants/acme/users'],
          ['POST', '/api/v1/auth/password', { currentPassword: passwords[4], newPassword: passwords[5] }],
          ['GET', '/api/v1/audit?limit=500'],
        ] as const) {
          bodies.push((await user(method, url, body)).raw);
        }
        bodies.push((await send(h, 'GET', '/api/v1/deliveries', { headers: { authorization: `Bearer ${created.body.token}` } })).raw);
        bodies.push((await call('GET', '/api/v1/audit?limit=500')).raw);
      }
      const keyFile = join(dataDir, 'master.key');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const keyBefore = readFileSync(keyFile, 'utf8');

      const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
      const rotate = spawnSync(process.execPath, [bin, 'keys', 'rotate'], {
        env: { ...process.env, ...fastDeliveryEnv, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: adminToken, ...database.env },
        encoding: 'utf8',
      });
      assert.equal(rotate.status, 0, rotate.stderr);
      assert.match(rotate.stdout, /Re-encrypted \d+ secret/);
      assert.notEqual(readFileSync(keyFile, 'utf8'), keyBefore);

      {
        await using h = await startHarness({}, { keepDataDir: dataDir, database: database.env });
        const after = await h.api('POST', '/api/v1/tenants/acme/mail-server/test', { to: 'ops@acme.example' });
        bodies.push(after.raw);
        assert.equal(after.body.ok, true, `the rotated secret still authenticates: ${after.raw}`);
        logs = [...logs, ...h.logs];
      }

      const files = ['herald.sqlite', 'herald.sqlite-wal'].map((name) => join(dataDir, name)).filter(existsSync);
      const stored = [
        ...files.map((file) => readFileSync(file).toString('latin1')),
        await everyStoredRow({ HERALD_DATA_DIR: dataDir, ...database.env }),
      ];
      assert.equal(files.length > 0, testDialect === 'sqlite');
      for (const token of tokens) {
        for (const text of [...bodies, ...logs, ...stored])
          assert.ok(!text.includes(token), 'a token or session appears in a response, log line or the database');
      }
      assert.equal(tokens.length, 2);
      for (const password of passwords) {
        for (const form of encodings(password)) {
          for (const body of bodies) assert.ok(!body.includes(form), `a response holds ${password}`);
          for (const line of logs) assert.ok(!line.includes(form), `a log line holds ${password}`);
          for (const content of stored) assert.ok(!content.includes(form), `the database holds ${password}`);
          assert.ok(!rotate.stdout.includes(form) && !rotate.stderr.includes(form));
        }
      }
      assert.ok(logs.length > 0 && bodies.length > 10);
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test(
  'OAuth2 client secrets, service-account keys, tokens, codes and states appear in no response, no log line (at debug) and nowhere in the database; rotation keeps them usable',
  { timeout: 90_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-oauth-secrets-'));
    const database = await createTestDatabase();
    const clock = manualClock(Date.UTC(2026, 11, 1, 9, 0));
    const clientSecret = 'oauth-Client-Secret-5p6q';
    await using idp = await startFakeIdentityProvider({ clock, clients: { 'app-1': clientSecret }, lifetimeSeconds: 3600 });
    await using smtp = await startSmtpTestServer({ xoauth2: (user, token) => idp.accepts(user, token) });
    const serviceAccount = await idp.addServiceAccount('herald@project.iam.example');
    const privateKey = (JSON.parse(serviceAccount.keyJson) as { private_key: string }).private_key.split('\n')[1]!;
    const env = { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin, HERALD_LOG_LEVEL: 'debug' };
    const bodies: string[] = [];
    let logs: string[] = [];
    const codes: string[] = [];
    const oauthServer = (provider: string) => ({
      provider,
      host: smtp.host,
      port: smtp.port,
      security: 'none',
      auth: 'oauth2',
      username: 'alerts@contoso.test',
      fromAddress: 'alerts@contoso.test',
    });
    try {
      {
        await using h = await startHarness(env, { keepDataDir: dataDir, database: database.env, herald: { clock } });
        logs = h.logs;
        const call = async (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) => {
          const response = await h.api(method, url, body);
          bodies.push(response.raw);
          return response;
        };
        await call('PUT', '/api/v1/system/mail-server', { ...oauthServer('microsoft365'), applyToAllTenants: true });
        await call('PUT', '/api/v1/system/mail-server/oauth', { mode: 'microsoft_delegated', clientId: 'app-1', clientSecret });
        const unused = await consent(h, '/api/v1/system');
        codes.push(unused.code, unused.state);
        const signed = await signInWithProvider(h, '/api/v1/system', 'microsoft');
        codes.push(signed.code, signed.state);
        bodies.push(JSON.stringify(signed.view));
        await call('POST', '/api/v1/tenants', { id: 'acme', name: 'Acme' });
        await call('PUT', '/api/v1/tenants/acme/mail-server', oauthServer('gmail'));
        const saved = await call('PUT', '/api/v1/tenants/acme/mail-server/oauth', {
          mode: 'google_service_account',
          serviceAccountKey: serviceAccount.keyJson,
        });
        assert.equal(saved.body.connected, true, saved.raw);
        for (const tenant of [undefined, 'acme']) {
          const event = await call('POST', '/api/v1/events', {
            type: 'user.created',
            ...(tenant ? { tenant } : {}),
            recipients: ['new@acme.example'],
          });
          await h.until(async () => (await call('GET', `/api/v1/deliveries/${event.body.messages[0].id}`)).body.state === 'sent', 30_000);
        }
        for (const url of ['/api/v1/system/mail-server/oauth', '/api/v1/tenants/acme/mail-server/oauth', '/api/v1/audit?limit=500'])
          await call('GET', url);
      }
      const bin = fileURLToPath(new URL('../bin/herald.js', import.meta.url));
      const rotate = spawnSync(process.execPath, [bin, 'keys', 'rotate'], {
        env: { ...process.env, ...fastDeliveryEnv, ...env, HERALD_DATA_DIR: dataDir, HERALD_ADMIN_TOKEN: adminToken, ...database.env },
        encoding: 'utf8',
      });
      assert.equal(rotate.status, 0, rotate.stderr);
      assert.match(rotate.stdout, /Re-encrypted [1-9]\d* secret/);
      {
        // Past the tokens' lifetime: both connections must open their re-sealed secrets to get new ones.
        clock.advance(2 * 3600_000);
        await using h = await startHarness(env, { keepDataDir: dataDir, database: database.env, herald: { clock } });
        for (const tenant of [undefined, 'acme']) {
          const event = await h.api('POST', '/api/v1/events', {
            type: 'user.created',
            ...(tenant ? { tenant } : {}),
            recipients: ['new@acme.example'],
          });
          await h.until(async () => (await h.api('GET', `/api/v1/deliveries/${event.body.messages[0].id}`)).body.state === 'sent', 30_000);
        }
        logs = [...logs, ...h.logs];
      }
      assert.equal(smtp.received.length, 4);
      const files = ['herald.sqlite', 'herald.sqlite-wal'].map((name) => join(dataDir, name)).filter(existsSync);
      const stored = [
        ...files.map((file) => readFileSync(file).toString('latin1')),
        await everyStoredRow({ HERALD_DATA_DIR: dataDir, ...database.env }),
      ];
      const secrets = [clientSecret, privateKey, ...idp.issuedTokens(), ...codes];
      assert.ok(idp.issuedTokens().length >= 6);
      for (const secret of secrets) {
        for (const body of bodies) assert.ok(!body.includes(secret), `a response holds ${secret.slice(0, 12)}…`);
        for (const line of logs) assert.ok(!line.includes(secret), `a log line holds ${secret.slice(0, 12)}…`);
        for (const content of stored) assert.ok(!content.includes(secret), `the database holds ${secret.slice(0, 12)}…`);
        assert.ok(!rotate.stdout.includes(secret) && !rotate.stderr.includes(secret));
      }
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
