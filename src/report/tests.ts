// "The failing test `x` wrote these files": what every report says of the tests of recognised runners, decided once
// (changes/tests-of-run.ts gives them); the renderers lay it out and escape it their way. A test's name is shown
// whole: the journal bounds it, and a name cut short could name another test.
import { changesOfTest, testsOfRun } from '../changes/tests-of-run.js';
import type { ChangeSet } from '../changes/types.js';
import { relativeToRoot } from './writers.js';

export interface TestLine {
  name: string;
  outcome?: 'failed' | 'passed';
  /** Relative to its root, when the call stack showed it. */
  testFile?: string;
  /** `<root label>/<relative path>` of the paths it changed, a `/` after a directory; at most `maxPaths`. */
  paths: string[];
  /** Paths left out of `paths`. */
  more: number;
}

/** The failing tests first, then the others, each in the order of their first change. */
export function testLines(cs: ChangeSet, maxPaths: number): TestLine[] {
  const tests = testsOfRun(cs);
  const ordered = [...tests.filter((t) => t.outcome === 'failed'), ...tests.filter((t) => t.outcome !== 'failed')];
  return ordered.map((test) => {
    const changes = changesOfTest(cs, test);
    const line: TestLine = {
      name: test.name,
      paths: changes.slice(0, maxPaths).map((c) => `${c.root}/${c.relativePath}${c.type === 'directory' ? '/' : ''}${c.change === 'deleted' ? ' (deleted)' : ''}`),
      more: Math.max(0, changes.length - maxPaths),
    };
    if (test.outcome !== undefined) line.outcome = test.outcome;
    if (test.testFile !== undefined) line.testFile = relativeToRoot(cs.roots, test.testFile);
    return line;
  });
}

/** How a renderer escapes and marks the pieces of a sentence: the test's name, and a file or path. */
export interface SentenceStyle {
  name(text: string): string;
  path(text: string): string;
}

/** "The failing test `a > b` (x.test.js) wrote these files: workspace/out.txt, and 3 more (manifest.json)." */
export function testSentence(line: TestLine, style: SentenceStyle, moreWhere = 'manifest.json'): string {
  const who = line.outcome === 'failed' ? 'The failing test' : line.outcome === 'passed' ? 'The passing test' : 'The test';
  const file = line.testFile !== undefined ? ` (${style.path(line.testFile)})` : '';
  const more = line.more > 0 ? `, and ${line.more} more (${moreWhere})` : '';
  return `${who} ${style.name(line.name)}${file} wrote these files: ${line.paths.map((p) => style.path(p)).join(', ')}${more}.`;
}
