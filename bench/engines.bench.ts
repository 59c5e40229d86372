// The two engines and the plain disk on the same workloads, through the CLI as users run it (`--export always`, so
// the capture and the export are paid too), alternated run by run so that a change in machine load hits every side
// alike. Read the ratios, not the seconds: this machine is shared.
//   node --import tsx bench/engines.bench.ts [--runs 5] [--cli dist/cli.mjs]
// Workloads:
// - node-files: one Node process writes 2000 files of 4 KiB, reads them back, renames 500 and deletes 500;
// - shell-tools: `git init`, 200 files written by a shell loop, `tar` of them and `tar tf` of the archive;
// - node-startup: 20 `node -e 0` in a row (what the preload costs each process, and what the kernel engine does not).
// "plain" runs the workload with no CLI at all, on a scratch copy (the disk really changes there).
// The kernel engine needs root, an unprivileged user namespace or passwordless sudo; without one its column is empty.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, cli: { type: 'string' } } });
const runs = Number(values.runs);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.resolve(values.cli ?? path.join(repo, 'dist/cli.mjs'));

const workloads: Record<string, string> = {
  'node-files': `node -e "
    const fs = require('fs');
    fs.mkdirSync('out');
    const data = Buffer.alloc(4096, 7);
    for (let i = 0; i < 2000; i++) fs.writeFileSync('out/f' + i, data);
    for (let i = 0; i < 2000; i++) fs.readFileSync('out/f' + i);
    for (let i = 0; i < 500; i++) fs.renameSync('out/f' + i, 'out/r' + i);
    for (let i = 500; i < 1000; i++) fs.unlinkSync('out/f' + i);"`,
  'shell-tools': 'git init -q repo && mkdir out && i=0; while [ $i -lt 200 ]; do echo line $i > out/f$i; i=$((i+1)); done; tar cf out.tar out && tar tf out.tar > list.txt',
  'node-startup': 'i=0; while [ $i -lt 20 ]; do node -e 0; i=$((i+1)); done',
};

type Mode = 'plain' | 'preload' | 'kernel';
const modes: Mode[] = ['plain', 'preload', 'kernel'];

function runOnce(mode: Mode, script: string): number | undefined {
  const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-engines-bench-')));
  const temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-engines-bench-tmp-')));
  writeFileSync(path.join(project, 'seed.txt'), 'on disk\n');
  try {
    const argv = mode === 'plain' ? ['sh', '-c', script]
      : [process.execPath, cli, 'run', '--engine', mode, '--export', 'always', '--out', path.join(temp, 'report'), '--', script];
    const started = performance.now();
    const result = spawnSync(argv[0]!, argv.slice(1), { cwd: project, env: { ...process.env, TMPDIR: temp }, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (result.status !== 0) {
      if (mode === 'kernel') return undefined;
      throw new Error(`${mode} ${script}: exit ${result.status}\n${result.stderr}`);
    }
    return elapsed;
  } finally {
    rmSync(project, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

console.log(`${runs} runs each, alternated; median wall time in ms and the ratio to plain\n`);
console.log(['workload', ...modes.map((m) => m.padStart(16))].join(''));
for (const [name, script] of Object.entries(workloads)) {
  const samples: Record<Mode, number[]> = { plain: [], preload: [], kernel: [] };
  for (let i = 0; i < runs; i++) {
    for (const mode of modes) {
      const ms = runOnce(mode, script);
      if (ms !== undefined) samples[mode].push(ms);
    }
  }
  const plain = median(samples.plain);
  const cells = modes.map((mode) => {
    if (samples[mode].length === 0) return 'n/a'.padStart(16);
    const ms = median(samples[mode]);
    return `${ms.toFixed(0)} (${(ms / plain).toFixed(2)}×)`.padStart(16);
  });
  console.log([name.padEnd(8), ...cells].join(''));
}
