// The running test's name in provenance, end to end for each runner the preload recognises: the manifest names the
// test of each change and how it ended, and the reports say first which files the failing test wrote.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Manifest } from '../../src/changes/manifest.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildCli } from './cli-bundle.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repo, 'test/cli/fixtures/test-names');
let cli: string;

beforeAll(async () => {
  cli = await buildCli();
});

/** The CLI in `cwd`, its export and TMPDIR in fresh folders removed after the test. */
function runCli(cwd: string, command: string[], env: NodeJS.ProcessEnv = {}) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-test-names-out-'));
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-test-names-tmp-')));
  onTestFinished(() => {
    for (const folder of [out, temp]) fs.rmSync(folder, { recursive: true, force: true });
  });
  const result = spawnSync(process.execPath, [cli, 'run', '--export', 'always', '--out', out, '--', ...command], {
    cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, ...env }, timeout: 180_000,
  });
  return {
    status: result.status,
    stderr: result.stderr,
    manifest: JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest,
    summary: fs.readFileSync(path.join(out, 'summary.md'), 'utf8'),
  };
}

const testOf = (m: Manifest, relativePath: string) => m.changes.find((c) => c.relativePath === relativePath)?.test;

/** What every fixture's two tests must leave: the same whatever the runner. */
function expectNamedTests(run: ReturnType<typeof runCli>, testFile: string): void {
  const { manifest, summary, stderr } = run;
  expect(testOf(manifest, 'output/passed.txt')).toBe('passes');
  expect(testOf(manifest, 'output/failed.txt')).toBe('writes > then fails');
  // Written after an await, while the test still runs.
  expect(testOf(manifest, 'output/later.txt')).toBe('writes > then fails');
  const tests = manifest.tests!.map(({ name, outcome, paths, testFile: file }) => ({ name, outcome, file, paths: paths.map((p) => path.basename(p)) }));
  expect(tests).toEqual(expect.arrayContaining([
    { name: 'passes', outcome: 'passed', file: expect.stringMatching(testFile), paths: ['passed.txt'] },
    { name: 'writes > then fails', outcome: 'failed', file: expect.stringMatching(testFile), paths: ['failed.txt', 'later.txt'] },
  ]));
  // The failing test first, on every surface.
  expect(summary).toContain('<li>The failing test <code>writes &gt; then fails</code> (<code>' + testFile +
    '</code>) wrote these files: <code>workspace/output/failed.txt</code>, <code>workspace/output/later.txt</code>.</li>\n' +
    '<li>The passing test <code>passes</code>');
  expect(stderr).toContain('\n    The failing test `writes > then fails` (' + testFile +
    ') wrote these files: workspace/output/failed.txt, workspace/output/later.txt.\n');
}

describe.each(nodeBinaries())('node:test on Node $major', ({ path: node }) => {
  it('names the test of each write, async ones included, and says which failed', () => {
    const dir = path.join(fixtures, 'node-test');
    const before = snapshotDisk(dir);
    const run = runCli(dir, [node, '--test', 'names.test.mjs']);
    expect(run.status).toBe(1);
    expect(snapshotDisk(dir)).toEqual(before);
    expectNamedTests(run, 'names.test.mjs');
  });

  it('tells apart tests that run at the same time, through their async context', () => {
    const dir = path.join(fixtures, 'node-test');
    const { status, manifest } = runCli(dir, [node, '--test', 'concurrent.test.mjs']);
    expect(status).toBe(0);
    expect(testOf(manifest, 'first-early.txt')).toBe('together > first');
    expect(testOf(manifest, 'first-late.txt')).toBe('together > first');
    expect(testOf(manifest, 'second.txt')).toBe('together > second');
    // A timer the test started: its callback runs in the test's context, even as the other test writes.
    expect(testOf(manifest, 'second-timer.txt')).toBe('together > second');
  });

  it('leaves no frame of its own on the stack of a test or a suite', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-test-names-project-')));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'stack.test.cjs'), `
      const { describe, it } = require('node:test');
      const fs = require('fs');
      describe('suite', () => {
        fs.writeFileSync('suite.txt', new Error().stack);
        it('test', () => fs.writeFileSync('test.txt', new Error().stack));
      });`);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-test-names-out-'));
    onTestFinished(() => fs.rmSync(out, { recursive: true, force: true }));
    spawnSync(process.execPath, [cli, 'run', '--export', 'always', '--out', out, '--', node, '--test', '--stack-trace-limit=50', 'stack.test.cjs'], { cwd: dir, env: { ...process.env, TMPDIR: dir } });
    // From the function to node:test's own frames that run it (below them, a suite's body has the loading of the test
    // file, where Node 20's require is watched by the preload: see first-reach.ts).
    for (const file of ['suite.txt', 'test.txt']) {
      const stack = fs.readFileSync(path.join(out, 'files/workspace', file), 'utf8').split('\n');
      const upToTheRunner = stack.slice(0, stack.findIndex((line) => /Test\.run |Suite\.run |createSubtest/.test(line)) + 1);
      expect(upToTheRunner.length).toBeGreaterThan(2);
      expect(upToTheRunner.join('\n')).not.toMatch(/preload/);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.changes.map((c) => [c.relativePath, c.test])).toEqual([['suite.txt', 'suite'], ['test.txt', 'suite > test']]);
  });

  it('names the tests of a test file run as a plain script', () => {
    const run = runCli(path.join(fixtures, 'node-test'), [node, 'names.test.mjs']);
    expect(run.status).toBe(1);
    expectNamedTests(run, 'names.test.mjs');
  });
});

describe('other runners', () => {
  it.each(['forks', 'threads'])('vitest %s: names the test of each write and says which failed', (pool) => {
    const dir = path.join(fixtures, 'vitest');
    const before = snapshotDisk(dir);
    const run = runCli(dir, [process.execPath, path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run'], { POOL: pool });
    expect(run.status).toBe(1);
    expect(snapshotDisk(dir)).toEqual(before);
    expectNamedTests(run, 'names.spec.js');
  });

  it('jest: names the test of each write (through the environment) and says which failed', () => {
    const dir = path.join(fixtures, 'jest');
    const before = snapshotDisk(dir);
    const run = runCli(dir, [process.execPath, path.join(repo, 'node_modules/jest/bin/jest.js')]);
    expect(run.status).toBe(1);
    expect(snapshotDisk(dir)).toEqual(before);
    expectNamedTests(run, 'names.test.cjs');
  });

  it('mocha: names the test of each write (through the runner\'s events) and says which failed', () => {
    const dir = path.join(fixtures, 'mocha');
    const before = snapshotDisk(dir);
    const run = runCli(dir, [process.execPath, path.join(repo, 'node_modules/mocha/bin/mocha.js'), 'names.test.cjs']);
    expect(run.status).toBe(1);
    expect(snapshotDisk(dir)).toEqual(before);
    expectNamedTests(run, 'names.test.cjs');
  });
});

describe('a hostile test name', () => {
  it('is shown escaped on every surface, whole', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-test-names-project-')));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const name = 'a <img src=x> \u001b[31mred\u001b[0m \u202eevil';
    fs.writeFileSync(path.join(dir, 'hostile.test.cjs'), `
      const { test } = require('node:test');
      test(${JSON.stringify(name)}, () => { require('fs').writeFileSync('out.txt', 'x'); throw new Error('no'); });`);
    const { manifest, summary, stderr } = runCli(dir, [process.execPath, '--test', 'hostile.test.cjs']);
    expect(manifest.changes.find((c) => c.relativePath === 'out.txt')!.test).toBe(name);
    expect(summary).toContain('<code>a &lt;img src=x&gt; \\x1b[31mred\\x1b[0m \\u{202E}evil</code>');
    expect(stderr).toContain('The failing test `a <img src=x> \\x1b[31mred\\x1b[0m \\u{202E}evil` (hostile.test.cjs) wrote these files: workspace/out.txt.');
    for (const surface of [summary, stderr]) expect(surface).not.toMatch(/[\u001b\u202e]/);
  });
});
