import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCodes } from '../src/shared/error-codes.js';
import { errorStatus } from '../src/api/error-status.js';
import { generateOpenApi } from '../src/app/openapi.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

test('the error catalogue, the status table and docs/api.md agree', () => {
  const documented = [...read('../docs/api.md').matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(
    Object.fromEntries(documented),
    Object.fromEntries(Object.keys(errorCodes).map((code) => [code, errorStatus[code as keyof typeof errorCodes]])),
  );
});

test('docs/openapi.json is the document the route schemas generate (run npm run openapi)', async () => {
  const generated = JSON.parse(JSON.stringify(await generateOpenApi()));
  assert.deepEqual(JSON.parse(read('../docs/openapi.json')), generated);
});

test('every API route declares bearer or session security and its error responses', async () => {
  const doc = (await generateOpenApi()) as {
    security: unknown;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  assert.deepEqual(doc.security, [{ bearer: [] }, { session: [] }]);
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      for (const status of ['400', '401', '403', '404']) assert.ok(operation.responses[status], `${method} ${path} documents ${status}`);
    }
  }
});
