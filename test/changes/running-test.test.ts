// The journal's part of "which test made this change": each change carries the number of the test the runner was
// running, the journal names each test once and says how it ended once the runner does; the fold turns that into
// the writer's test and the manifest's list of tests.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import type { JournalWriter } from '../../src/changes/journal.js';
import { decodeFrames, type JournalRecord } from '../../src/changes/record.js';
import { addTestSource, testEnded, type RunningTest } from '../../src/changes/running-test.js';
import { testsOfRun } from '../../src/changes/tests-of-run.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';
import { startProcess } from './support/engine.js';

const W = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC;
let disk: string;
let spool: string;
let running: RunningTest | undefined;
addTestSource(() => running);

/** A test as a runner hook describes it, its outcome set by the test. */
function runnerTest(name: string): RunningTest & { ended?: 'failed' | 'passed' } {
  const test: RunningTest & { ended?: 'failed' | 'passed' } = { name, outcome: () => test.ended };
  return test;
}

afterEach(() => {
  running = undefined;
  removeTempDirs();
});
beforeEach(() => {
  disk = tempDir('memfs-running-test-disk-');
  spool = tempDir('memfs-running-test-spool-');
});

const records = (journal: JournalWriter): JournalRecord[] => decodeFrames(fs.readFileSync(journal.file)).frames.map((f) => f.record);

describe('the running test in the journal', () => {
  it('numbers each test once, marks every change with it, and records the outcome when the runner says', () => {
    const { engine, journal } = startProcess(spool);
    const adds = runnerTest('math > adds');
    const fails = runnerTest('math > fails');
    running = adds;
    engine.writeFile(path.join(disk, 'a.txt'), Buffer.from('a'), W, 0o644);
    engine.mkdir(path.join(disk, 'dir'), 0o755, false);
    adds.ended = 'passed';
    testEnded(adds);
    running = fails;
    engine.writeFile(path.join(disk, 'b.txt'), Buffer.from('b'), W, 0o644);
    running = undefined;
    engine.writeFile(path.join(disk, 'c.txt'), Buffer.from('c'), W, 0o644);
    // Ended without a hook to say so: the journal asks at its flush.
    fails.ended = 'failed';
    journal.close();

    const written = records(journal as JournalWriter);
    const tests = written.filter((r) => r.k === 'test');
    expect(tests).toEqual([
      { k: 'test', t: expect.any(String), id: 1, name: 'math > adds' },
      { k: 'test', t: expect.any(String), id: 1, name: 'math > adds', passed: 1 },
      { k: 'test', t: expect.any(String), id: 2, name: 'math > fails' },
      { k: 'test', t: expect.any(String), id: 2, name: 'math > fails', failed: 1 },
    ]);
    const ti = (name: string) => (written.find((r) => 'path' in r && r.path === path.join(disk, name) && r.k !== 'unsaved') as { ti?: number } | undefined)?.ti;
    expect([ti('a.txt'), ti('dir'), ti('b.txt'), ti('c.txt')]).toEqual([1, 1, 2, undefined]);

    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    const testOf = (name: string) => cs.changes.find((c) => c.relativePath === name)?.test;
    expect([testOf('a.txt'), testOf('dir'), testOf('b.txt'), testOf('c.txt')]).toEqual(['math > adds', 'math > adds', 'math > fails', undefined]);
    expect(testsOfRun(cs).map(({ name, outcome, paths }) => ({ name, outcome, paths: paths.map((p) => path.basename(p)) }))).toEqual([
      { name: 'math > adds', outcome: 'passed', paths: ['a.txt', 'dir'] },
      { name: 'math > fails', outcome: 'failed', paths: ['b.txt'] },
    ]);
  });

  it('gives a file written by two tests in one turn to the last one, and lists it under both when they are in two turns', async () => {
    const { engine, journal } = startProcess(spool);
    const first = runnerTest('first');
    const second = runnerTest('second');
    running = first;
    engine.writeFile(path.join(disk, 'shared.txt'), Buffer.from('1'), W, 0o644);
    running = second;
    engine.writeFile(path.join(disk, 'shared.txt'), Buffer.from('2'), W, 0o644);
    await Promise.resolve();
    running = first;
    engine.writeFile(path.join(disk, 'later.txt'), Buffer.from('1'), W, 0o644);
    await Promise.resolve();
    running = second;
    engine.writeFile(path.join(disk, 'later.txt'), Buffer.from('2'), W, 0o644);
    journal.close();

    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    expect(cs.changes.find((c) => c.relativePath === 'shared.txt')!.test).toBe('second');
    expect(cs.changes.find((c) => c.relativePath === 'later.txt')!.test).toBe('second');
    expect(testsOfRun(cs).map(({ name, paths }) => [name, paths.map((p) => path.basename(p))])).toEqual([
      ['second', ['shared.txt', 'later.txt']],
      ['first', ['later.txt']],
    ]);
  });
});
