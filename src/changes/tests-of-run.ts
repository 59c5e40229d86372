// The tests that changed files, each with the paths it changed: manifest.json's `tests` and the reports' sentences
// ("the failing test `x` wrote these files") read it. Built from the change set alone (writers[] and each change's
// writers), so that a change set read back from a manifest gives the same list.
import type { ChangeSet, PathChange } from './types.js';

export interface TestOfRun {
  /** The full name, suite > test (Writer.test). */
  name: string;
  /** How it ended, when the process's journal says (Writer.testOutcome). */
  outcome?: 'failed' | 'passed';
  /** The process that ran it, and its test file when the call stack showed one. */
  pid: number;
  testFile?: string;
  /** The changes[] entries it took part in (their `path`), in the order of changes[]. */
  paths: string[];
}

/** Every test named by a writer of a change, in the order of their first change; a test of two files is two tests. */
export function testsOfRun(cs: Pick<ChangeSet, 'writers' | 'changes'>): TestOfRun[] {
  const byKey = new Map<string, { name: string; outcome?: 'failed' | 'passed'; pid: number; testFile?: string; paths: string[] }>();
  for (const change of cs.changes) {
    for (const index of change.writers ?? []) {
      const writer = cs.writers[index];
      if (writer?.test === undefined) continue;
      const key = `${writer.pid}\0${writer.testFile ?? ''}\0${writer.test}`;
      let test = byKey.get(key);
      if (test === undefined) {
        test = { name: writer.test, pid: writer.pid, paths: [] };
        if (writer.testFile !== undefined) test.testFile = writer.testFile;
        byKey.set(key, test);
      }
      if (writer.testOutcome === 'failed' || (writer.testOutcome === 'passed' && test.outcome === undefined)) test.outcome = writer.testOutcome;
      if (test.paths.at(-1) !== change.path) test.paths.push(change.path);
    }
  }
  // Fields in the order the manifest shows them.
  return [...byKey.values()].map(({ name, outcome, pid, testFile, paths }) => ({
    name, ...(outcome !== undefined ? { outcome } : {}), pid, ...(testFile !== undefined ? { testFile } : {}), paths,
  }));
}

/** The changes a test took part in, for a report's list. */
export function changesOfTest(cs: Pick<ChangeSet, 'changes'>, test: TestOfRun): PathChange[] {
  const paths = new Set(test.paths);
  return cs.changes.filter((change) => paths.has(change.path));
}
