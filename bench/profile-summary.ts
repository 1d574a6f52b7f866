// Summarises a V8 CPU profile of Herald written by `BENCH_PROFILE=DIR npm run bench`:
//
//   node --import tsx bench/profile-summary.ts DIR/CPU.<…>.<pid>.<…>.cpuprofile [--phase delivery] [--top 25]
//
// --phase cuts the profile to one phase window recorded by the bench (phases-<pid>.json next to
// the profile); V8's profile clock and process.hrtime are both CLOCK_MONOTONIC on Linux. With the
// SQLite probe loaded, time inside SQLite's native calls (including fsync at commit) is booked to the
// probe's wrappers and shown as "better-sqlite3 statements". Prints
// self time by package/area, by function, and the inclusive time of Herald's own (src/) functions.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { phase: { type: 'string' }, top: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [--phase NAME] [--top N]');
  process.exit(2);
}
const top = Number(values.top ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

let windowUs: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
if (values.phase) {
  const pid = /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(basename(file))?.[1];
  const phasesFile = join(dirname(file), `phases-${pid}.json`);
  if (!existsSync(phasesFile)) throw new Error(`no phase windows at ${phasesFile}`);
  const phases = JSON.parse(readFileSync(phasesFile, 'utf8')) as Array<{ name: string; startMs: number; endMs: number }>;
  const phase = phases.find((p) => p.name === values.phase);
  if (!phase) throw new Error(`no phase ${values.phase}; there are ${phases.map((p) => p.name).join(', ')}`);
  windowUs = [phase.startMs * 1000, phase.endMs * 1000];
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Self time per node within the window.
const self = new Map<number, number>();
let time = profile.startTime;
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  time += delta;
  if (time < windowUs[0] || time > windowUs[1]) return;
  self.set(id, (self.get(id) ?? 0) + delta);
  total += delta;
});

function area(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  // The probe's wrappers call better-sqlite3's native run/all/get; V8 books that time to them.
  if (url.includes('bench/sqlite-probe')) return 'better-sqlite3 statements (native run/all/get, seen through the probe)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(src\/.+?)(?:\?.*)?$/.exec(url);
  if (src) return src[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}
const label = (frame: CallFrame) => `${frame.functionName || '(anonymous)'} ${area(frame)}:${frame.lineNumber + 1}`;

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
const inclusiveSrc = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  byArea.set(area(node.callFrame), (byArea.get(area(node.callFrame)) ?? 0) + us);
  byFunction.set(label(node.callFrame), (byFunction.get(label(node.callFrame)) ?? 0) + us);
  // Inclusive time of each src/ (or compiled build/) function on the stack (counted once per sample even if recursive).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!.callFrame;
    if (!/\/(src|build)\//.test(frame.url)) continue;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusiveSrc.set(key, (inclusiveSrc.get(key) ?? 0) + us);
  }
}

const idle = byArea.get('(idle)') ?? 0;
const busy = total - idle;
const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
const print = (title: string, entries: Map<string, number>, limit: number) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...entries]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)) {
    console.log(`${ms(us)} ms ${pct(us)}  ${name}`);
  }
};

console.log(`${file}${values.phase ? ` — phase ${values.phase}` : ''}`);
console.log(
  `sampled ${(total / 1000).toFixed(0)} ms: busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms (percentages are of busy time)`,
);
print('Self time by area (package, Herald file, node internal)', byArea, top);
print('Self time by function', byFunction, top);
print("Inclusive time of Herald's functions (src/)", inclusiveSrc, top);
