// Writes docs/openapi.json from the route schemas: npm run openapi
import { writeFileSync } from 'node:fs';
import { generateOpenApi } from '../src/app/openapi.js';

writeFileSync(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
console.log('wrote docs/openapi.json');
