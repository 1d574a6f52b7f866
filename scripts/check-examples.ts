// Type-checks every `@example` in src/ (as Kysely does), so the examples cannot drift from the code.
// Each example becomes the body of an async function in .tmp/examples/, with its module's exports
// in scope and the ambient names below (what a caller of a domain has at hand) declared.
// Usage: node --import tsx scripts/check-examples.ts   (part of `npm run typecheck`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const src = join(repo, 'src');
const out = join(repo, '.tmp/examples');

// What a caller of a domain has at hand; an example may use these names without declaring them,
// and may declare others with top-level `declare const name: Type;` lines.
const ambient: Record<string, [type: string, from: string]> = {
  db: ['Kysely<Database>', ''],
  trx: ['Kysely<Database>', ''],
  store: ['Store', 'store/database'],
  dialect: ['StoreDialect', 'store/dialect'],
  clock: ['Clock', 'shared/clock'],
  now: ['number', ''],
  config: ['Config', 'config/config'],
  log: ['Logger', 'shared/logger'],
  keyring: ['Keyring', 'secrets/keyring'],
  box: ['SecretBox', 'secrets/secret-box'],
  secrets: ['SettingsSecrets', 'scopes/index'],
  hosts: ['MailHostGuard', 'scopes/index'],
  mailServers: ['MailServerSettings', 'scopes/index'],
  mailServerTests: ['MailServerTests', 'delivery/diagnosis/mail-server-test'],
  renderPool: ['RenderPool', 'templates/index'],
  rateLimiter: ['ClusterRateLimiter', 'cluster/rate-limiter'],
  nodeId: ['string', ''],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The `@example` blocks of a file's doc comments, as code. */
function examplesOf(text: string): string[] {
  const examples: string[] = [];
  for (const [comment] of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment
      .replace(/^\/\*\*|\*\/$/g, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    let current: string[] | undefined;
    for (const line of lines) {
      if (line.startsWith('@example')) {
        current = [line.slice('@example'.length)];
        examples.push('');
      } else if (line.startsWith('@')) current = undefined;
      else current?.push(line);
      if (current) examples[examples.length - 1] = current.join('\n');
    }
  }
  return examples.filter((example) => example.trim() !== '');
}

function exportedNames(text: string): { values: string[]; types: string[] } {
  const values = [...text.matchAll(/^export (?:async )?(?:function\*?|const|let|class|enum) (\w+)/gm)].map((match) => match[1]!);
  const types = [...text.matchAll(/^export (?:type|interface) (\w+)/gm)].map((match) => match[1]!);
  return { values, types };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const generated: string[] = [];
for (const file of sourceFiles(src)) {
  const text = readFileSync(file, 'utf8');
  const examples = examplesOf(text);
  if (examples.length === 0) continue;
  const target = join(out, relative(src, file).replaceAll('/', '__'));
  const module = relative(dirname(target), file).replace(/\.ts$/, '.js');
  const { values, types } = exportedNames(text);
  const own = new Set([...values, ...types]);
  const imports = [
    values.length ? `import { ${values.join(', ')} } from '${module}';` : '',
    types.length ? `import type { ${types.join(', ')} } from '${module}';` : '',
    "import type { Kysely } from 'kysely';",
    `import type { Database } from '${relative(out, join(src, 'store/schema.js'))}';`,
  ];
  // The example sees what its file sees: the file's own imports, their paths made relative to out/.
  const fromHere = (statement: string) =>
    statement.replace(/from '(\.[^']+)'/, (_, path: string) => `from '${relative(out, resolve(dirname(file), path))}'`);
  const fileImports = [...text.matchAll(/^import [^;]+;/gm)].map(([statement]) => fromHere(statement));
  const inScope = new Set([
    ...own,
    ...fileImports.flatMap((statement) =>
      [
        ...statement
          .replace(/from '.*'/, '')
          .replace(/\w+ as /g, '')
          .matchAll(/\w+/g),
      ].map(([name]) => name),
    ),
  ]);
  imports.push(
    ...fileImports.filter((statement) => !/from 'kysely'|store\/schema\.js'/.test(statement) || !/\b(Kysely|Database)\b/.test(statement)),
  );
  const declarations: string[] = [];
  for (const [name, [type, from]] of Object.entries(ambient)) {
    if (inScope.has(name) || examples.every((example) => !new RegExp(`\\b${name}\\b`).test(example))) continue;
    const typeName = type.replace(/<.*/, '');
    if (from && !inScope.has(typeName)) imports.push(`import type { ${typeName} } from '${relative(out, join(src, from))}.js';`);
    declarations.push(`declare const ${name}: ${type};`);
  }
  // `declare …` and `import …` lines of an example belong at the top level of the file.
  const topLevel = (line: string) => /^(declare|import) /.test(line.trim());
  const bodies = examples.map((example, index) => {
    const lines = example.split('\n');
    declarations.push(...lines.filter(topLevel).map((line) => fromHere(line.trim())));
    return `export async function example${index}() {\n${lines.filter((line) => !topLevel(line)).join('\n')}\n}`;
  });
  writeFileSync(target, [...new Set(imports)].join('\n') + '\n' + declarations.join('\n') + '\n' + bodies.join('\n'));
  generated.push(target);
}

const tsconfig = join(out, 'tsconfig.json');
writeFileSync(tsconfig, JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noUnusedLocals: false }, include: ['*.ts'] }));
try {
  execFileSync(join(repo, 'node_modules/.bin/tsc'), ['--noEmit', '-p', tsconfig], { stdio: 'inherit' });
  console.log(`${generated.length} files' examples type-check`);
} catch {
  console.error('An @example above does not compile (.tmp/examples/ holds the generated files).');
  process.exitCode = 1;
}
