import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole } from '../scripts/build-console.js';
import { consoleDir } from '../src/api/console.js';
import { startHarness } from './support/herald-harness.js';

// Real: the console built by Vite into web/dist and served by the real app (inject(), no network).

test('the console is served at / without a token, client routes fall back to index.html, the API keeps its JSON 404s', async () => {
  await buildConsole({ quiet: true });
  await using h = await startHarness();
  const anonymous = { authorization: '' };

  const index = await h.api('GET', '/', undefined, anonymous);
  assert.equal(index.status, 200);
  assert.match(index.raw, /<div id="root"><\/div>/);
  assert.doesNotMatch(index.raw, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script, so script-src 'self' suffices");

  for (const route of ['/deliveries/msg_123', '/mail-server/acme.eu', '/setup?token=abc']) {
    const page = await h.api('GET', route, undefined, anonymous);
    assert.equal(page.status, 200, route);
    assert.equal(page.raw, index.raw, `${route} loads the app`);
  }

  const script = readdirSync(join(consoleDir, 'assets')).find((name) => name.endsWith('.js'))!;
  const asset = await h.herald.app.inject({ url: `/assets/${script}` });
  assert.equal(asset.statusCode, 200);
  assert.match(String(asset.headers['content-type']), /javascript/);
  assert.match(String(asset.headers['cache-control']), /immutable/);

  const missingAsset = await h.api('GET', '/assets/nope.js', undefined, anonymous);
  assert.equal(missingAsset.status, 404);
  assert.equal(missingAsset.body.error.code, 'not_found');
  const unknownApi = await h.api('GET', '/api/v1/nope');
  assert.equal(unknownApi.status, 404);
  assert.equal(unknownApi.body.error.code, 'not_found');
  const traversal = await h.herald.app.inject({ url: '/%2e%2e/%2e%2e/package.json' });
  assert.doesNotMatch(traversal.body, /"name": "herald"/, 'nothing outside web/dist is served');
  assert.equal((await h.api('GET', '/api/v1/tenants', undefined, anonymous)).status, 401, 'the API still needs a token');
});
