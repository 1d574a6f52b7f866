import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from '../shared/duration.js';
import { ConfigError, loadConfig } from './config.js';

test('defaults: ./data, 127.0.0.1, SQLite with synchronous FULL, the documented retry policy', () => {
  const config = loadConfig({});
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 3025);
  assert.deepEqual(config.database, { dialect: 'sqlite', file: `${config.dataDir}/herald.sqlite`, synchronous: 'FULL' });
  assert.equal(config.delivery.retryBaseMs, 30_000);
  assert.equal(config.delivery.retryMaxDelayMs, 1_800_000);
  assert.equal(config.delivery.retryMaxAgeMs, 86_400_000);
  assert.deepEqual(config.security.session, { ttlMs: 43_200_000, idleMs: 1_800_000 });
  assert.deepEqual(config.templates, { threads: 2, budgetMs: 50, idleStopMs: 30_000 });
  assert.ok(Object.isFrozen(config) && Object.isFrozen(config.delivery));
});

test('flags win over the environment; port 0 picks a free port', () => {
  const config = loadConfig({ HERALD_PORT: '4000', HERALD_HOST: '0.0.0.0' }, { port: '0', dataDir: '/tmp/h' });
  assert.equal(config.port, 0);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.dataDir, '/tmp/h');
});

test('every bad value is reported, each naming its variable', () => {
  const env = {
    HERALD_PORT: '70000',
    HERALD_HOST: 'bad host',
    HERALD_DATABASE_URL: 'mysql://x',
    HERALD_MASTER_KEY: 'short',
    HERALD_ADMIN_TOKEN: 'tiny',
    HERALD_RETRY_BASE: 'soon',
    HERALD_LOG_LEVEL: 'loud',
    HERALD_CLAIM_BATCH: '0',
    HERALD_TRUST_PROXY: '10.0.0.0/40',
    HERALD_TEMPLATE_THREADS: '0',
    HERALD_TEMPLATE_BUDGET: 'fast',
  };
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      for (const name of Object.keys(env))
        assert.ok(
          error.problems.some((p) => p.startsWith(`${name}:`)),
          `${name} is named`,
        );
      return true;
    },
  );
});

test('a lease shorter than three SMTP timeouts is refused: a live send could lose its lease', () => {
  assert.throws(() => loadConfig({ HERALD_LEASE: '10s', HERALD_SMTP_TIMEOUT: '5s' }), /HERALD_LEASE/);
});

test('durations', () => {
  assert.deepEqual(
    ['500ms', '30s', '5m', '24h', '2d', '1500', 'x'].map((text) => parseDuration(text)),
    [500, 30_000, 300_000, 86_400_000, 172_800_000, 1500, undefined],
  );
});

test('HERALD_TRUST_PROXY: off by default; a list of addresses, CIDR ranges and proxy-addr names', () => {
  assert.deepEqual(loadConfig({}).security.trustProxy, []);
  assert.deepEqual(loadConfig({ HERALD_TRUST_PROXY: 'off' }).security.trustProxy, []);
  assert.deepEqual(loadConfig({ HERALD_TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,fd00::/8 ,loopback' }).security.trustProxy, [
    '10.0.0.0/8',
    '192.0.2.7',
    'fd00::/8',
    'loopback',
  ]);
  for (const bad of ['*', 'true', 'proxy.example', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8']) {
    assert.throws(() => loadConfig({ HERALD_TRUST_PROXY: bad }), /HERALD_TRUST_PROXY/, bad);
  }
});

test('HERALD_NODE_ID: by default host name, role and data directory, the same at every start; a bad one is refused', () => {
  const node = (env: Record<string, string>, flags = {}) => loadConfig(env, flags).nodeId;
  assert.match(node({}), /^[A-Za-z0-9.-]+:all:[0-9a-f]{8}$/);
  assert.equal(node({}), node({}), 'stable across starts');
  assert.notEqual(node({}, { role: 'worker' }), node({}, { role: 'api' }), 'the API and the worker of a split differ');
  assert.notEqual(node({}, { dataDir: '/srv/a' }), node({}, { dataDir: '/srv/b' }), 'installations with their own data directories differ');
  assert.equal(node({ HERALD_NODE_ID: 'herald-0' }), 'herald-0');
  assert.throws(() => loadConfig({ HERALD_NODE_ID: 'two words' }), /HERALD_NODE_ID/);
});

test('HERALD_OAUTH_TEST_ENDPOINTS is for tests: loopback only; HERALD_PUBLIC_URL keeps its origin', () => {
  assert.equal(loadConfig({}).oauth.testEndpoints, null);
  assert.equal(loadConfig({ HERALD_OAUTH_TEST_ENDPOINTS: 'http://127.0.0.1:4321/' }).oauth.testEndpoints, 'http://127.0.0.1:4321');
  assert.equal(loadConfig({ HERALD_OAUTH_TEST_ENDPOINTS: 'http://[::1]:4321' }).oauth.testEndpoints, 'http://[::1]:4321');
  for (const value of [
    'https://login.microsoftonline.com',
    'http://10.0.0.5:80',
    'http://127.0.0.1.evil.example',
    'file:///etc/passwd',
    'nonsense',
  ])
    assert.throws(
      () => loadConfig({ HERALD_OAUTH_TEST_ENDPOINTS: value }),
      (error: unknown) => error instanceof ConfigError && /HERALD_OAUTH_TEST_ENDPOINTS/.test(error.message),
      value,
    );
  assert.equal(loadConfig({ HERALD_PUBLIC_URL: 'https://herald.example.com/console' }).oauth.publicUrl, 'https://herald.example.com');
});
