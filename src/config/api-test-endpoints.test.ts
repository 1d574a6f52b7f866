import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('HERALD_API_TEST_ENDPOINTS (test only): loopback URLs replace the Graph and Gmail endpoints; anything else is refused', () => {
  assert.deepEqual(loadConfig({}).delivery.apiTestEndpoints, {});
  const set = loadConfig({ HERALD_API_TEST_ENDPOINTS: 'graph=http://127.0.0.1:4100/, gmail=http://[::1]:4200' }).delivery.apiTestEndpoints;
  assert.deepEqual(set, { graph: 'http://127.0.0.1:4100', gmail: 'http://[::1]:4200' });
  for (const value of [
    'graph=https://graph.microsoft.com',
    'gmail=http://10.0.0.5:80',
    'graph=http://127.0.0.1.evil.example',
    'graph=file:///etc/passwd',
    'graph=http://user:pw@127.0.0.1:1',
    'outlook=http://127.0.0.1:1',
    'graph',
  ]) {
    assert.throws(
      () => loadConfig({ HERALD_API_TEST_ENDPOINTS: value }),
      (error: unknown) => error instanceof ConfigError && /^HERALD_API_TEST_ENDPOINTS: /.test(error.problems[0] ?? ''),
      value,
    );
  }
});
