// What the reports say of the tests that changed files: failing tests first, a sentence each with the paths they
// changed (a few, then how many more), the same words on the terminal, in the job summary and in summary.md.
import { describe, expect, it } from 'vitest';
import { minimalSummaryMarkdown } from '../../src/changes/summary-markdown.js';
import type { ChangeSet } from '../../src/changes/types.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { renderTerminalReport } from '../../src/report/terminal.js';
import { testLines, testSentence } from '../../src/report/tests.js';
import { change, fixedInput, roots } from './fixture.js';

const testFile = '/home/runner/work/app/app/test/parser.test.js';

function changeSetWithTests(): ChangeSet {
  const outputs = Array.from({ length: 12 }, (_, i) =>
    change({ root: 'workspace', relativePath: `out/${String(i).padStart(2, '0')}.txt`, change: 'created', writers: [1], lastWriter: 1, test: 'parser > rejects bad input' }));
  return {
    roots,
    writers: [
      { pid: 7, command: 'node --test', testFile, test: 'parser > accepts', testOutcome: 'passed' },
      { pid: 7, command: 'node --test', testFile, test: 'parser > rejects bad input', testOutcome: 'failed' },
      { pid: 8, command: 'node other.js', test: 'unknown ending' },
    ],
    changes: [
      change({ root: 'workspace', relativePath: 'accepted.json', change: 'created', writers: [0], lastWriter: 0, test: 'parser > accepts' }),
      change({ root: 'workspace', relativePath: 'stale.json', change: 'deleted', writers: [2], lastWriter: 2, test: 'unknown ending' }),
      ...outputs,
    ],
    gaps: [],
  };
}

describe('the tests that changed files', () => {
  it('come failing first, each with ten paths and a count of the rest', () => {
    const lines = testLines(changeSetWithTests(), 10);
    expect(lines.map((l) => [l.name, l.outcome, l.paths.length, l.more])).toEqual([
      ['parser > rejects bad input', 'failed', 10, 2],
      ['parser > accepts', 'passed', 1, 0],
      ['unknown ending', undefined, 1, 0],
    ]);
    const plain = { name: (text: string) => `\`${text}\``, path: (text: string) => text };
    expect(lines.map((l) => testSentence(l, plain))).toEqual([
      'The failing test `parser > rejects bad input` (test/parser.test.js) wrote these files: ' +
        Array.from({ length: 10 }, (_, i) => `workspace/out/${String(i).padStart(2, '0')}.txt`).join(', ') + ', and 2 more (manifest.json).',
      'The passing test `parser > accepts` (test/parser.test.js) wrote these files: workspace/accepted.json.',
      'The test `unknown ending` wrote these files: workspace/stale.json (deleted).',
    ]);
  });

  it('open every report, before its list of files', () => {
    const input = fixedInput({ changeSet: changeSetWithTests(), artifact: undefined, exportDir: './memfs-report' });
    const terminal = renderTerminalReport(input, { color: false });
    expect(terminal.indexOf('  tests that changed files (3):\n    The failing test `parser > rejects bad input`')).toBeGreaterThan(0);
    expect(terminal.indexOf('tests that changed files')).toBeLessThan(terminal.indexOf('created or modified'));
    const summary = renderJobSummary(input);
    expect(summary).toContain('### Tests that changed files (3)\n\n<ul>\n<li>The failing test <code>parser &gt; rejects bad input</code> (<code>test/parser.test.js</code>) wrote these files: <code>workspace/out/00.txt</code>');
    expect(summary.indexOf('Tests that changed files')).toBeLessThan(summary.indexOf('Created or modified'));
    const markdown = minimalSummaryMarkdown(input.changeSet, { command: 'npm test', exitCode: 1, durationMs: 1 });
    expect(markdown).toContain('The failing test parser \\> rejects bad input (test/parser.test.js) wrote these files: workspace/out/00.txt');
  });

  it('are not mentioned when no runner said which test ran', () => {
    const input = fixedInput({ artifact: undefined });
    expect(renderTerminalReport(input, { color: false })).not.toContain('tests that changed files');
    expect(renderJobSummary(input)).not.toContain('Tests that changed files');
  });
});
