// The TypeScript client's types (clients/typescript/src/generated/openapi.ts), generated from
// docs/openapi.json with openapi-typescript.
// Usage: node --import tsx scripts/client-types.ts           (npm run client:types: regenerates)
//        node --import tsx scripts/client-types.ts --check   (part of npm run typecheck: fails when stale)
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const source = new URL('../docs/openapi.json', import.meta.url);
const target = new URL('../clients/typescript/src/generated/openapi.ts', import.meta.url);
const header = '// Generated from docs/openapi.json by scripts/client-types.ts (npm run client:types). Do not edit.\n\n';

const generated = header + astToString(await openapiTS(JSON.parse(readFileSync(source, 'utf8'))));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== generated) {
    console.error('clients/typescript/src/generated/openapi.ts is not what docs/openapi.json generates: run npm run client:types');
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
  console.log('wrote clients/typescript/src/generated/openapi.ts');
}
