import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Dependencies point one way: adapters (api, cli, app) → domains → store, config, shared
// (scripts/layer-order.json, lowest first; scripts/import-graph.ts reads the same list).
const order = JSON.parse(readFileSync(join(import.meta.dirname, 'scripts/layer-order.json'), 'utf8'));
// Each layer may not import the layers after it (the CLI may use the composition root); delivery and events are siblings (neither imports the other).
const layers = Object.fromEntries(
  order.filter((layer) => layer !== 'cli' && layer !== 'app').map((layer, index) => [layer, order.slice(index + 1)]),
);
layers.events.push('delivery');

const boundaries = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((target) => ({
            group: [`**/${target}/*`, `../${target}`, `../../${target}`],
            message: `${layer} may not import ${target}: dependencies point from adapters to domains to store.`,
          })),
          ...(layer === 'api' ? [] : [{ group: ['fastify', '@fastify/*'], message: 'Only the api adapter may use Fastify.' }]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'web/dist/**',
      'build/**',
      '.tmp/**',
      'clients/typescript/src/generated/**',
      'clients/typescript/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        NodeJS: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  ...boundaries,
  // Inside delivery (src/delivery/README.md): smtp/ serves sending/ and diagnosis/, diagnosis/ may use sending/.
  ...Object.entries({
    smtp: ['sending', 'diagnosis', 'read-models'],
    sending: ['diagnosis', 'read-models'],
    diagnosis: ['read-models'],
    'read-models': ['smtp', 'sending', 'diagnosis', 'queue'],
    queue: ['sending'],
  }).map(([folder, forbidden]) => ({
    files: [`src/delivery/${folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((target) => ({
            group: [`**/delivery/${target}/**`, `../${target}/**`, `../../${target}/**`],
            message: `delivery/${folder} may not import delivery/${target}.`,
          })),
        },
      ],
    },
  })),
  // The web console (web/): browser code, React hooks rules; it reaches Herald only over HTTP.
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!shared/(email-address|duration)\\.js$|api/schemas/)',
              message: 'The console uses the API over HTTP; only the shared address and duration parsers are imported.',
            },
            // The API's response shapes, as types: erased from the bundle, checked against the server's schemas.
            { regex: '(^|/)src/api/schemas/', allowTypeImports: true, message: 'Only types may come from the API schemas (import type).' },
          ],
        },
      ],
    },
  },
);
