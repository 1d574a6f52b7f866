import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inlineCss } from './css-inliner.js';

test('the CSS of a <style> block is inlined into the elements it selects, Liquid tags kept as written', () => {
  const html = inlineCss(
    '<style>.big { font-size: 20px; } p { color: #24292f; } @media (max-width: 600px) { p { margin: 0; } }</style>' +
      '<p class="big">{{ data.used }} &amp; {% if data.limit %}{{ data.limit | escape }}{% endif %}</p><td width="50">x</td>',
  );
  assert.match(
    html,
    /<p class="big" style="color: #24292f; font-size: 20px;">\{\{ data\.used \}\} &amp; \{% if data\.limit %\}\{\{ data\.limit \| escape \}\}\{% endif %\}<\/p>/,
  );
  assert.match(html, /@media \(max-width: 600px\)/, 'a media query stays in a <style> block: it cannot be inlined');
  assert.doesNotMatch(html, /\.big \{/);
});

test('the inliner loads neither undici nor parse5 (about 7 MB of RSS in every render thread)', () => {
  inlineCss('<style>p { color: red; }</style><p>x</p>');
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.deepEqual(
    loaded.filter((path) => /node_modules\/(undici|parse5|web-resource-inliner)\//.test(path)),
    [],
  );
  assert.ok(
    loaded.some((path) => path.includes('node_modules/cheerio/dist/commonjs/slim')),
    'juice parses with cheerio slim',
  );
});
