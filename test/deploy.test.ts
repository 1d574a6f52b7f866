import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { testDialect } from './support/test-database.js';
import { nodeFlags } from '../bin/node-flags.js';

// Real: systemd-analyze on the unit file (when the machine has it), and the Dockerfile read
// instruction by instruction (no linter or image build is possible here).

const root = fileURLToPath(new URL('..', import.meta.url));
const onlyOnce = testDialect !== 'sqlite' && 'file checks run once, in the SQLite run';
const systemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

test(
  'deploy/herald.service passes systemd-analyze verify',
  { skip: onlyOnce || (!systemdAnalyze && 'systemd-analyze is not installed on this machine: the unit is not checked') },
  () => {
    const unit = join(root, 'deploy', 'herald.service');
    const result = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '', 'no warnings either');
    // The check itself can fail: a broken copy of the unit is refused.
    const folder = mkdtempSync(join(tmpdir(), 'herald-unit-'));
    try {
      const broken = join(folder, 'herald.service');
      writeFileSync(broken, readFileSync(unit, 'utf8').replace(/^ExecStart=.*$/m, 'ExecStart=bin/herald.js start'));
      assert.notEqual(spawnSync('systemd-analyze', ['verify', broken], { encoding: 'utf8' }).status, 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

test(
  'deploy/herald.service gives the shutdown more time than Herald takes to drain, and keeps the data directory private',
  { skip: onlyOnce },
  () => {
    const unit = readFileSync(join(root, 'deploy', 'herald.service'), 'utf8');
    const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];
    const grace = loadConfig({}).shutdownGraceMs / 1000;
    assert.ok(Number(value('TimeoutStopSec')) > grace, `TimeoutStopSec ${value('TimeoutStopSec')} > HERALD_SHUTDOWN_GRACE ${grace}s`);
    assert.equal(value('KillSignal'), 'SIGTERM');
    assert.equal(value('StateDirectoryMode'), '0700');
    assert.equal(value('UMask'), '0077');
    assert.match(value('ExecStart') ?? '', /bin\/herald\.js start$/);
  },
);

/** Instructions with their arguments, continuation lines joined, comments and blank lines dropped. */
function dockerInstructions(text: string): Array<{ instruction: string; args: string }> {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [instruction = '', ...rest] = line.split(/\s+/);
      return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
    });
}

const known = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);

test(
  'deploy/Dockerfile: pinned bases, dependencies before sources, non-root, health check on /readyz, exec-form entry point',
  { skip: onlyOnce },
  () => {
    const steps = dockerInstructions(readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8'));
    for (const step of steps) assert.ok(known.has(step.instruction), `unknown instruction ${step.instruction}`);
    const froms = steps.filter((step) => step.instruction === 'FROM');
    assert.ok(froms.length >= 1);
    for (const from of froms) assert.match(from.args, /^[\w./-]+:[\w.-]+(\s+AS\s+\w+)?$/i, `FROM ${from.args} names a tag`);
    for (const from of froms) assert.doesNotMatch(from.args, /:latest\b/);
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
    assert.ok(
      froms.every((from) => from.args.startsWith(`node:${/\d+/.exec(engines)![0]}`)),
      `the Node of package.json engines (${engines})`,
    );

    const index = (predicate: (step: { instruction: string; args: string }) => boolean) => steps.findIndex(predicate);
    const install = index((step) => step.instruction === 'RUN' && /\bnpm ci\b/.test(step.args));
    const manifests = index((step) => step.instruction === 'COPY' && /package-lock\.json/.test(step.args));
    const sources = index((step) => step.instruction === 'COPY' && /^\.\s+\.$/.test(step.args));
    assert.ok(
      manifests >= 0 && manifests < install && install < sources,
      'the manifests are copied and installed before the sources (a cached layer)',
    );
    assert.match(steps[install]!.args, /--omit=dev/);
    for (const step of steps.filter((s) => s.instruction === 'RUN' && /apt-get install/.test(s.args))) {
      assert.match(step.args, /--no-install-recommends/);
      assert.match(step.args, /rm -rf \/var\/lib\/apt\/lists/);
    }
    for (const step of steps.filter((s) => s.instruction === 'COPY' && !s.args.includes('--from'))) {
      for (const path of step.args
        .split(/\s+/)
        .slice(0, -1)
        .filter((p) => p !== '.'))
        assert.ok(existsSync(join(root, path)), `COPY ${path} exists`);
    }

    const lastStage = steps.slice(steps.lastIndexOf(froms.at(-1)!));
    const user = lastStage.filter((step) => step.instruction === 'USER').at(-1);
    assert.ok(user && !/^(root|0)$/.test(user.args), 'the final image runs as a non-root user');
    const env = lastStage
      .filter((step) => step.instruction === 'ENV')
      .map((step) => step.args)
      .join(' ');
    const port = /HERALD_PORT=(\d+)/.exec(env)?.[1];
    assert.ok(port, 'HERALD_PORT is set');
    assert.ok(
      lastStage.some((step) => step.instruction === 'EXPOSE' && step.args === port),
      `EXPOSE ${port}`,
    );
    assert.match(env, /HERALD_HOST=0\.0\.0\.0/, 'listens beyond the container loopback');
    assert.match(env, /HERALD_DATA_DIR=(\S+)/);
    const dataDir = /HERALD_DATA_DIR=(\S+)/.exec(env)![1]!;
    assert.ok(
      lastStage.some((step) => step.instruction === 'VOLUME' && step.args.includes(dataDir)),
      'the data directory is a volume',
    );
    assert.ok(lastStage.some((step) => step.instruction === 'HEALTHCHECK' && step.args.includes('/readyz')));
    const entry = lastStage.find((step) => step.instruction === 'ENTRYPOINT');
    assert.ok(entry && entry.args.startsWith('['), 'exec form, so SIGTERM reaches Herald');
    const entryArgs = JSON.parse(entry.args) as string[];
    const script = entryArgs.find((arg) => arg.endsWith('herald.js'));
    assert.ok(script && existsSync(join(root, script)), `${script} exists`);
    assert.deepEqual(JSON.parse(lastStage.find((step) => step.instruction === 'CMD')!.args), ['start']);
  },
);

test('every launcher of herald start passes the V8 flags of bin/node-flags.js, and this Node takes them', { skip: onlyOnce }, () => {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const launchers = {
    "the bin's shebang": read('bin/herald.js').split('\n')[0]!,
    'npm start': (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!,
    'deploy/Dockerfile ENTRYPOINT': /^ENTRYPOINT (.*)$/m.exec(read('deploy/Dockerfile'))?.[1] ?? '',
    'deploy/herald.service ExecStart': /^ExecStart=(.*)$/m.exec(read('deploy/herald.service'))?.[1] ?? '',
  };
  for (const [launcher, line] of Object.entries(launchers))
    for (const flag of nodeFlags) assert.ok(line.includes(flag), `${launcher} passes ${flag}: ${line}`);
  // Run through the shebang itself (env -S splits the flags), as an installed `herald` command is.
  const run = spawnSync(join(root, 'bin', 'herald.js'), ['--help'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /herald start/);
  // Objects that survive a while grow the young generation to its largest: 2 × 16 MB without the flags.
  const grow = 'let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({ i }); if (keep.length > 2e5) keep = []; }';
  const young = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      '-e',
      `${grow} console.log(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(young.status, 0, young.stderr);
  assert.ok(Number(young.stdout) <= 8 * 1024 * 1024, `a young generation of at most 2 × 4 MB: ${young.stdout.trim()} bytes`);
});
