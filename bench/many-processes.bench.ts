// Many processes writing at once through one run, as users run it (the CLI, so the spool, the run layer, the fold
// and the export are all paid), against the same workload on the plain disk, alternated run by run so a change in
// machine load hits both sides alike. The workload (many-processes-workload.cjs) checks that every process saw the
// others' files; a wrong answer stops the bench. Read the ratios: this machine is shared.
//   node --import tsx bench/many-processes.bench.ts [--runs 1] [--processes 100,300] [--at-once 16] [--files 50]
// Printed per size: wall time and CPU time of the whole process tree (the shell's `times`: every child and the
// CLI), CLI over plain; a child's CPU time among the first and the last tenth of the children (a late child starts
// with the run's changes so far to read); the most descriptors a child held.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    processes: { type: 'string', default: '100,300' },
    'at-once': { type: 'string', default: '16' },
    files: { type: 'string', default: '50' },
    cli: { type: 'string' },
  },
});
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.resolve(values.cli ?? path.join(repo, 'dist/cli.mjs'));
const workload = path.join(repo, 'bench/many-processes-workload.cjs');

interface Sample {
  wallMs: number;
  cpuMs: number;
  firstTenthChildCpuMs: number;
  lastTenthChildCpuMs: number;
  maxDescriptors: number;
}

/** `times` prints the shell's and then its children's user and system time, as `0m1.234s 0m0.567s`. */
function childrenCpuMs(timesOutput: string): number {
  const lines = timesOutput.trim().split('\n');
  const seconds = [...lines[lines.length - 1]!.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (seconds[0]! + seconds[1]!) * 1000;
}

function runOnce(mode: 'plain' | 'cli', processes: number): Sample {
  const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-many-bench-')));
  const temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-many-bench-tmp-')));
  try {
    const node = `${JSON.stringify(process.execPath)} ${JSON.stringify(workload)}`;
    const command = mode === 'plain' ? node
      : `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} run --export always --out ${JSON.stringify(path.join(temp, 'report'))} -- ${node}`;
    const env = { ...process.env, TMPDIR: temp, N: String(processes), P: values['at-once'], FILES: values.files };
    const started = performance.now();
    const result = spawnSync('bash', ['-c', `${command} >&3; status=$?; times; exit $status`], { cwd: project, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const wallMs = performance.now() - started;
    const workloadLine = (result.output[3] as string).trim().split('\n').find((line) => line.startsWith('{'));
    if (result.status !== 0 || workloadLine === undefined) throw new Error(`${mode}, ${processes} processes: exit ${result.status}\n${result.stderr}\n${result.output[3]}`);
    const summary = JSON.parse(workloadLine);
    return { wallMs, cpuMs: childrenCpuMs(result.stdout), firstTenthChildCpuMs: summary.firstTenthChildCpuMs, lastTenthChildCpuMs: summary.lastTenthChildCpuMs, maxDescriptors: summary.maxDescriptors };
  } finally {
    rmSync(project, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fixed = (x: number, digits = 0) => x.toFixed(digits);

console.log(`node ${process.version}, ${values['at-once']} children at a time, ${values.files} files each, ${values.runs} run(s) per side, medians`);
console.log('processes | plain wall s | CLI wall s | wall ratio | plain CPU s | CLI CPU s | CPU ratio | child CPU ms first/last tenth, plain | CLI | descriptors plain/CLI');
for (const processes of values.processes.split(',').map(Number)) {
  const samples: Record<'plain' | 'cli', Sample[]> = { plain: [], cli: [] };
  for (let run = 0; run < Number(values.runs); run++) {
    for (const mode of ['plain', 'cli'] as const) samples[mode].push(runOnce(mode, processes));
  }
  const m = (mode: 'plain' | 'cli', key: keyof Sample) => median(samples[mode].map((s) => s[key]));
  console.log([
    processes, fixed(m('plain', 'wallMs') / 1000, 1), fixed(m('cli', 'wallMs') / 1000, 1), fixed(m('cli', 'wallMs') / m('plain', 'wallMs'), 2) + '×',
    fixed(m('plain', 'cpuMs') / 1000, 1), fixed(m('cli', 'cpuMs') / 1000, 1), fixed(m('cli', 'cpuMs') / m('plain', 'cpuMs'), 2) + '×',
    `${fixed(m('plain', 'firstTenthChildCpuMs'))}/${fixed(m('plain', 'lastTenthChildCpuMs'))}`,
    `${fixed(m('cli', 'firstTenthChildCpuMs'))}/${fixed(m('cli', 'lastTenthChildCpuMs'))}`,
    `${m('plain', 'maxDescriptors')}/${m('cli', 'maxDescriptors')}`,
  ].join(' | '));
}
