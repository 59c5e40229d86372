// The ways the runner fixtures (test/fixtures/<runner>) are run: each runner in each way it spreads tests over
// processes and threads, with how to read its summary. Shared by the fixtures' test (test/preload/runners.test.ts)
// and the bench that times them (bench/runners.bench.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = path.join(repo, 'test/fixtures');

const bin = {
  vitest: path.join(repo, 'node_modules/vitest/vitest.mjs'),
  jest: path.join(repo, 'node_modules/jest/bin/jest.js'),
  mocha: path.join(repo, 'node_modules/mocha/bin/mocha.js'),
};

export interface RunnerCase {
  name: string;
  /** The folder under test/fixtures the runner starts in. */
  fixture: string;
  /** Node's arguments: the runner's entry point and its options. */
  args: string[];
  /** Where the tests must find themselves running: "process|thread <argv[1]>" (scenario.assertRunsWhereExpected). */
  where: string;
  /** Reads the runner's summary: how many tests passed and failed. */
  summary(output: string): { passed: number; failed: number } | undefined;
}

const count = (output: string, pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? 0);
const vitestSummary = (o: string) => (/Tests\s/.test(o) ? { passed: count(o, /Tests\s+(?:.*?)(\d+) passed/), failed: count(o, /Tests\s+(\d+) failed/) } : undefined);
const jestSummary = (o: string) => (/Tests:/.test(o) ? { passed: count(o, /Tests:.*?(\d+) passed/), failed: count(o, /Tests:\s+(\d+) failed/) } : undefined);
const mochaSummary = (o: string) => (/passing/.test(o) ? { passed: count(o, /(\d+) passing/), failed: count(o, /(\d+) failing/) } : undefined);

export const runnerCases: RunnerCase[] = [
  {
    name: 'vitest, forks pool (child processes)',
    where: '^process .*/vitest/dist/workers/forks\\.js$',
    fixture: 'vitest',
    args: [bin.vitest, 'run', '--pool=forks', '--maxWorkers=1'],
    summary: vitestSummary,
  },
  {
    name: 'vitest, threads pool (worker threads)',
    where: '^thread .*/vitest/dist/workers/threads\\.js$',
    fixture: 'vitest',
    args: [bin.vitest, 'run', '--pool=threads', '--maxWorkers=1'],
    summary: vitestSummary,
  },
  {
    name: 'jest with workers (child processes)',
    where: '^process .*/jest-worker/build/processChild\\.js$',
    fixture: 'jest',
    args: [bin.jest, '--maxWorkers=2', '--ci'],
    summary: jestSummary,
  },
  {
    name: 'jest --runInBand (the jest process)',
    where: '^process .*/jest/bin/jest\\.js$',
    fixture: 'jest',
    args: [bin.jest, '--runInBand', '--ci'],
    summary: jestSummary,
  },
  {
    name: 'node --test (one child per file)',
    where: '^process .*/node-test/test/fs\\.test\\.mjs$',
    fixture: 'node-test',
    args: ['--test', '--test-reporter=tap', 'test/fs.test.mjs', 'test/modules.test.mjs'],
    summary: (o) => (/^# pass/m.test(o) ? { passed: count(o, /^# pass (\d+)/m), failed: count(o, /^# fail (\d+)/m) } : undefined),
  },
  {
    name: 'mocha, serial (the mocha process)',
    where: '^process .*/mocha/bin/mocha\\.js$',
    fixture: 'mocha',
    args: [bin.mocha],
    summary: mochaSummary,
  },
  {
    name: 'mocha --parallel (workerpool children)',
    where: '^process .*/mocha/lib/nodejs/worker\\.cjs$',
    fixture: 'mocha',
    args: [bin.mocha, '--parallel', '--jobs=2'],
    summary: mochaSummary,
  },
];

/** The environment a fixture runs in: the caller's, without this project's variables, NODE_OPTIONS or vitest's. */
export function fixtureEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MEMFS_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
  return Object.assign(env, { NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' }, extra);
}
