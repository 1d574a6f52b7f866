// Prints the import graph between src/ folders (tests left out): one line per edge with the number
// of imports behind it, then any edge that points up the layer order the lint enforces, and cycles.
// Usage: node --import tsx scripts/import-graph.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../src');
const layerOrder: string[] = JSON.parse(readFileSync(resolve(import.meta.dirname, 'layer-order.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(root, file).split('/')[0] ?? '';
const edges = new Map<string, number>();
for (const file of sourceFiles(root)) {
  for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const from = folderOf(file);
    const to = folderOf(resolve(dirname(file), specifier));
    if (from !== to && !to.startsWith('..')) edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
  }
}

const ends = (edge: string) => edge.split(' -> ') as [string, string];
const sorted = [...edges.entries()].sort(([a], [b]) => a.localeCompare(b));
for (const [edge, count] of sorted) console.log(`${edge} (${count})`);
const upward = sorted.filter(([edge]) => {
  const [from, to] = ends(edge);
  return layerOrder.indexOf(to) > layerOrder.indexOf(from) && from !== 'cli';
});
const graph = new Map<string, string[]>();
for (const [edge] of sorted) {
  const [from, to] = ends(edge);
  graph.set(from, [...(graph.get(from) ?? []), to]);
}
const reaches = (start: string, goal: string, seen = new Set<string>()): boolean =>
  (graph.get(start) ?? []).some((next) => next === goal || (!seen.has(next) && (seen.add(next), reaches(next, goal, seen))));
const cyclic = [...graph.keys()].filter((folder) => reaches(folder, folder));
console.log(
  `\n${new Set(sorted.flatMap(([edge]) => edge.split(' -> '))).size} folders, ${sorted.length} edges, ${upward.length} upward, ${cyclic.length} folders on a cycle`,
);
for (const [edge] of upward) console.log(`upward: ${edge}`);
if (cyclic.length) console.log(`on a cycle: ${cyclic.join(', ')}`);
