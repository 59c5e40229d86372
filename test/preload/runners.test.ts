// The runner fixtures (test/fixtures/<runner>) run under the preload on every Node version, in each way the runner
// spreads tests over processes and threads: their tests pass (they assert what they saw, including the documented
// per-runner limits), and the real disk under the roots — the fixture's folder and a private temp dir — is exactly
// what it was before (path, type, mode, size, mtime, content hash).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repo, 'test/fixtures');
const bin = {
  vitest: path.join(repo, 'node_modules/vitest/vitest.mjs'),
  jest: path.join(repo, 'node_modules/jest/bin/jest.js'),
  mocha: path.join(repo, 'node_modules/mocha/bin/mocha.js'),
};

interface RunnerCase {
  name: string;
  fixture: string;
  args: string[];
  /** Where the tests must find themselves running: "process|thread <argv[1]>" (scenario.assertRunsWhereExpected). */
  where: string;
  /** Reads the runner's summary: how many tests passed and failed. */
  summary(output: string): { passed: number; failed: number } | undefined;
}

const count = (output: string, pattern: RegExp): number => Number(pattern.exec(output)?.[1] ?? 0);

const runners: RunnerCase[] = [
  {
    name: 'vitest, forks pool (child processes)',
    where: '^process .*/vitest/dist/workers/forks\\.js$',
    fixture: 'vitest',
    args: [bin.vitest, 'run', '--pool=forks', '--maxWorkers=1'],
    summary: (o) => (/Tests\s/.test(o) ? { passed: count(o, /Tests\s+(?:.*?)(\d+) passed/), failed: count(o, /Tests\s+(\d+) failed/) } : undefined),
  },
  {
    name: 'vitest, threads pool (worker threads)',
    where: '^thread .*/vitest/dist/workers/threads\\.js$',
    fixture: 'vitest',
    args: [bin.vitest, 'run', '--pool=threads', '--maxWorkers=1'],
    summary: (o) => (/Tests\s/.test(o) ? { passed: count(o, /Tests\s+(?:.*?)(\d+) passed/), failed: count(o, /Tests\s+(\d+) failed/) } : undefined),
  },
  {
    name: 'jest with workers (child processes)',
    where: '^process .*/jest-worker/build/processChild\\.js$',
    fixture: 'jest',
    args: [bin.jest, '--maxWorkers=2', '--ci'],
    summary: (o) => (/Tests:/.test(o) ? { passed: count(o, /Tests:.*?(\d+) passed/), failed: count(o, /Tests:\s+(\d+) failed/) } : undefined),
  },
  {
    name: 'jest --runInBand (the jest process)',
    where: '^process .*/jest/bin/jest\\.js$',
    fixture: 'jest',
    args: [bin.jest, '--runInBand', '--ci'],
    summary: (o) => (/Tests:/.test(o) ? { passed: count(o, /Tests:.*?(\d+) passed/), failed: count(o, /Tests:\s+(\d+) failed/) } : undefined),
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
    summary: (o) => (/passing/.test(o) ? { passed: count(o, /(\d+) passing/), failed: count(o, /(\d+) failing/) } : undefined),
  },
  {
    name: 'mocha --parallel (workerpool children)',
    where: '^process .*/mocha/lib/nodejs/worker\\.cjs$',
    fixture: 'mocha',
    args: [bin.mocha, '--parallel', '--jobs=2'],
    summary: (o) => (/passing/.test(o) ? { passed: count(o, /(\d+) passing/), failed: count(o, /(\d+) failing/) } : undefined),
  },
];

let preload: string;
let base: string;
beforeAll(async () => {
  preload = await buildPreload();
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-runners-')));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Written on disk on purpose (pass-through): caches of the runners, not the tests' files.
const ignoreCaches = (relative: string): boolean => relative === 'node_modules' || relative.startsWith('node_modules/');
const ignoreTmpCaches = (relative: string): boolean => /^jest_[^/]*($|\/)/.test(relative);

describe.each(nodeBinaries())('runner fixtures on Node $major', ({ path: node }) => {
  it.each(runners)('$name: tests pass and the disk is unchanged', ({ fixture, args, where, summary }) => {
    const cwd = path.join(fixtures, fixture);
    // A private temp dir: its snapshot is not disturbed by anything else running on the machine.
    const privateTmp = mkdtempSync(path.join(base, 'tmp-'));
    const before = { fixture: snapshotDisk(cwd, { ignore: ignoreCaches }), tmp: snapshotDisk(privateTmp, { ignore: ignoreTmpCaches }) };

    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MEMFS_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v;
    Object.assign(env, { NODE_OPTIONS: nodeOptionsWith(preload), TMPDIR: privateTmp, FIXTURE_WHERE: where, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' });
    const r = spawnSync(node, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
    const output = `${r.stdout}\n${r.stderr}`;

    const result = summary(output);
    expect(result, output).toBeDefined();
    expect(result!.failed, output).toBe(0);
    expect(result!.passed, output).toBeGreaterThan(0);
    expect(r.status, output).toBe(0);
    expect(diffSnapshots(before.fixture, snapshotDisk(cwd, { ignore: ignoreCaches }))).toEqual([]);
    expect(diffSnapshots(before.tmp, snapshotDisk(privateTmp, { ignore: ignoreTmpCaches }))).toEqual([]);
  });
});
