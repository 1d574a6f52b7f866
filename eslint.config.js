import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Dependencies point one way: adapters (api, cli, app) → domains → store, config, shared.
const layers = {
  shared: ['config', 'store', 'cluster', 'secrets', 'scopes', 'delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  config: ['store', 'cluster', 'secrets', 'scopes', 'delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  store: ['cluster', 'secrets', 'scopes', 'delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  cluster: ['secrets', 'scopes', 'delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  secrets: ['scopes', 'delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  scopes: ['delivery', 'events', 'mailbox', 'api', 'cli', 'app'],
  mailbox: ['delivery', 'events', 'api', 'cli', 'app'],
  delivery: ['events', 'api', 'cli', 'app'],
  events: ['delivery', 'api', 'cli', 'app'],
  api: ['cli', 'app'],
};

const boundaries = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((target) => ({ group: [`**/${target}/*`, `../${target}`, `../../${target}`], message: `${layer} may not import ${target}: dependencies point from adapters to domains to store.` })),
          ...(layer === 'api' ? [] : [{ group: ['fastify', '@fastify/*'], message: 'Only the api adapter may use Fastify.' }]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', NodeJS: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  ...boundaries,
);
