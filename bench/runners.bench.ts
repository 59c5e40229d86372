// Whole suites: the wall time of the repository's runner fixtures (vitest forks and threads, jest with workers and in
// band, node --test, mocha serial and --parallel) plainly, under the bare preload, and under the CLI as users run it
// (with a spool; and with the kernel engine where it can be set up), on Node 20 and the newest Node, in one run.
//   npm run bench:runners
//   BENCH_RUNNER_ROUNDS=1 BENCH_NODES=20 BENCH_RUNNERS=mocha npm run bench:runners   (quicker: runners whose name holds it)
// Every run starts in a fresh copy of test/fixtures beside the repository's node_modules (.cache/bench-runners/…)
// with a private temp dir: a plain run writes into its folder (the fixtures change and delete files of their own),
// and each mode must find the same files on disk. A plain run and the kernel engine's set FIXTURE_RUNS_PLAINLY, with
// which the fixtures assert what a plain filesystem gives instead of the preload's documented limits. Every run must pass; the medians of
// BENCH_RUNNER_ROUNDS (default 3), modes interleaved round by round. Uses dist/: `npm run build` first.
// Not a test: it prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixtureEnv, fixtures, repo, runnerCases, type RunnerCase } from '../test/support/runner-cases.js';
import { benchNodes, median, table } from './table-format.js';

const PRELOAD = path.join(repo, 'dist/preload.cjs');
const CLI = path.join(repo, 'dist/cli.mjs');
const ROUNDS = Number(process.env.BENCH_RUNNER_ROUNDS ?? 3);
const COPIES = path.join(repo, '.cache/bench-runners');

type Mode = 'plainly' | 'bare preload' | 'CLI' | 'CLI, kernel';
const MODES: Mode[] = ['plainly', 'bare preload', 'CLI', 'CLI, kernel'];

/** A fresh copy of the fixtures (and the scenario they share), without the runners' caches. */
function freshFixtures(): string {
  fs.mkdirSync(COPIES, { recursive: true });
  const copy = fs.mkdtempSync(path.join(COPIES, 'run-'));
  fs.cpSync(fixtures, copy, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
  return copy;
}

interface Timed {
  seconds: number;
  output: string;
  passed: boolean;
}

function runOnce(node: string, mode: Mode, runner: RunnerCase): Timed {
  const copy = freshFixtures();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-bench-runner-tmp-'));
  try {
    const cwd = path.join(copy, runner.fixture);
    const env = fixtureEnv({ TMPDIR: tmp, FIXTURE_WHERE: runner.where });
    let args = runner.args;
    // Under the kernel engine the tests see a real filesystem (the overlay is a mount), as plainly.
    if (mode === 'plainly' || mode === 'CLI, kernel') env.FIXTURE_RUNS_PLAINLY = '1';
    if (mode === 'bare preload') env.NODE_OPTIONS = `--require ${JSON.stringify(PRELOAD)}`;
    if (mode === 'CLI' || mode === 'CLI, kernel') {
      // The CLI runs under the same Node as the suite; the export is off: these runs pass, and a run that does not
      // is reported below rather than timed.
      args = [CLI, 'run', '--export', 'never', ...(mode === 'CLI, kernel' ? ['--engine', 'kernel'] : []), '--', node, ...runner.args];
    }
    const start = performance.now();
    const r = spawnSync(node, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
    const seconds = (performance.now() - start) / 1000;
    const output = `${r.stdout}\n${r.stderr}`;
    const summary = runner.summary(output);
    return { seconds, output, passed: r.status === 0 && summary !== undefined && summary.failed === 0 && summary.passed > 0 };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Whether `--engine kernel` can run here: one tiny command through it, and what it said when it could not. */
function kernelEngineHere(node: string): string | undefined {
  // In an empty folder that is also its temp dir: the CLI's check of the disk walks its roots.
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-bench-kernel-'));
  try {
    const r = spawnSync(node, [CLI, 'run', '--export', 'never', '--engine', 'kernel', '--', node, '-e', '0'],
      { encoding: 'utf8', cwd: empty, env: fixtureEnv({ TMPDIR: empty }) });
    return r.status === 0 ? undefined : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

function main(): void {
  for (const file of [PRELOAD, CLI]) if (!fs.existsSync(file)) throw new Error(`${path.relative(repo, file)} is missing: run \`npm run build\` first.`);
  const nodes = benchNodes(repo);
  const only = process.env.BENCH_RUNNERS;
  const cases = runnerCases.filter((r) => only === undefined || r.name.includes(only));
  const notes: string[] = [];
  const modesOf = new Map<string, Mode[]>();
  for (const node of nodes) {
    const whyNot = process.platform === 'linux' ? kernelEngineHere(node) : 'not Linux';
    if (whyNot !== undefined) notes.push(`CLI, kernel on ${node}: not measured — ${whyNot}`);
    modesOf.set(node, MODES.filter((m) => m !== 'CLI, kernel' || whyNot === undefined));
  }
  const seconds = new Map<string, number>(); // `${node}\0${case}\0${mode}` → median
  try {
    for (const node of nodes) {
      for (const runner of cases) {
        const samples = new Map<Mode, number[]>(modesOf.get(node)!.map((m) => [m, []]));
        for (let round = 0; round < ROUNDS; round++) {
          for (const [mode, values] of samples) {
            const run = runOnce(node, mode, runner);
            if (!run.passed) throw new Error(`${runner.name}, ${mode}, ${node}: the run did not pass — not timed.\n${run.output}`);
            values.push(run.seconds);
          }
        }
        for (const [mode, values] of samples) seconds.set(`${node}\0${runner.name}\0${mode}`, median(values));
        process.stderr.write('.');
      }
    }
  } finally {
    fs.rmSync(COPIES, { recursive: true, force: true });
  }
  process.stderr.write('\n');

  const versions = nodes.map((n) => spawnSync(n, ['--version'], { encoding: 'utf8' }).stdout.trim());
  console.log(`\nThe runner fixtures, wall seconds — ${versions.join(' / ')}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; ` +
    `median of ${ROUNDS} runs, each in a fresh copy; in brackets the ratio to the plain run`);
  const cell = (name: string, mode: Mode) => nodes.map((n) => {
    const s = seconds.get(`${n}\0${name}\0${mode}`);
    const plain = seconds.get(`${n}\0${name}\0plainly`)!;
    if (s === undefined) return '—';
    return mode === 'plainly' ? `${s.toFixed(2)}` : `${s.toFixed(2)} (${(s / plain).toFixed(2)}×)`;
  }).join(' / ');
  console.log(table([`runner (${versions.join(' / ')})`, ...MODES], cases.map((r) => [r.name, ...MODES.map((m) => cell(r.name, m))])));
  for (const note of notes) console.log(`  ${note}`);
}

main();
