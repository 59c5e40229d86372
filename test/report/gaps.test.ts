// What the capture missed, as the reports say it: one sentence per gap, the same on every surface.
import { describe, expect, it } from 'vitest';
import type { CaptureGap } from '../../src/changes/types.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { describeGap } from '../../src/report/outline.js';
import { renderTerminalReport } from '../../src/report/terminal.js';
import { fixedChangeSet, fixedInput } from './fixture.js';

const died: CaptureGap = {
  pid: 42, command: 'node worker.js', reason: 'process-died-before-flush',
  detail: 'process 42 ended with unsaved writes to a file it still had open (/w/run.log): those writes are missing',
};

describe('describeGap', () => {
  it("adds the command after the process the gap's sentence names", () => {
    expect(describeGap(died)).toBe(
      'process 42 (node worker.js) ended with unsaved writes to a file it still had open (/w/run.log): those writes are missing');
  });

  it('puts the process in front of a sentence that does not name it', () => {
    const quota: CaptureGap = { pid: 42, command: 'node big.js', reason: 'quota-exceeded', detail: '1 write refused by the memory quota of 1 KiB per process' };
    expect(describeGap(quota)).toBe('process 42 (node big.js): 1 write refused by the memory quota of 1 KiB per process');
  });

  it('does not take process 420 for process 42', () => {
    const other: CaptureGap = { pid: 42, command: 'node a.js', reason: 'other', detail: 'process 420 was still running' };
    expect(describeGap(other)).toBe('process 42 (node a.js): process 420 was still running');
  });

  it("shortens a long command line, never the gap's own sentence", () => {
    const long = { ...died, command: `node ${'x'.repeat(500)}.js` };
    const text = describeGap(long);
    expect(text.length).toBeLessThan(died.detail.length + 120);
    expect(text).toContain(died.detail.slice('process 42'.length));
  });
});

describe('a gap in the reports', () => {
  const changeSet = { ...fixedChangeSet(), gaps: [died] };

  it('is said once on the terminal and once in the job summary', () => {
    const terminal = renderTerminalReport(fixedInput({ changeSet }), { color: false });
    const summary = renderJobSummary(fixedInput({ changeSet }));
    for (const text of [terminal, summary]) {
      expect(text.split('process 42').length - 1).toBe(1);
      expect(text.split('missing').length - 1).toBe(1);
    }
  });

  it('is shown whole on the terminal, with every file it names, however long', () => {
    const files = Array.from({ length: 3 }, (_, i) => `/home/runner/work/app/app/some/deep/folder/of/the/project/file-${i}.log`);
    const long: CaptureGap = { ...died, detail: `process 42 ended with unsaved writes to files it still had open (${files.join(', ')}): those writes are missing` };
    const terminal = renderTerminalReport(fixedInput({ changeSet: { ...changeSet, gaps: [long] } }), { color: false });
    expect(terminal).toContain(describeGap(long));
  });

  it('names a process by a short label, and keeps every word of the sentence on every surface', () => {
    const bin = '/home/runner/work/app/app/some/deep/folder/of/the/project/big.bin';
    const quota: CaptureGap = {
      pid: 14537, reason: 'quota-exceeded',
      command: `/usr/bin/node -e require("fs").writeFileSync(${JSON.stringify(bin)}, Buffer.alloc(1000)) ${'x'.repeat(150)}`,
      detail: `1 write refused by the memory quota of 512 B per process, first at ${bin} (1000 bytes needed); raise it with --quota / the quota input / MEMFS_QUOTA`,
    };
    const input = fixedInput({ changeSet: { ...changeSet, gaps: [quota] } });
    const sentence = `process 14537 (node -e): ${quota.detail}`;
    expect(describeGap(quota)).toBe(sentence);
    expect(renderTerminalReport(input, { color: false })).toContain(`! ${sentence}\n`);
    expect(renderJobSummary(input)).toContain(`<li>${sentence}</li>`);
  });

  it('is wrapped between words on a terminal of known width, each line within it but for a longer word', () => {
    const files = Array.from({ length: 3 }, (_, i) => `/home/runner/work/app/app/some/deep/folder/of/the/project/file-${i}.log`);
    const long: CaptureGap = { ...died, detail: `process 42 ended with unsaved writes to files it still had open (${files.join(', ')}): those writes are missing` };
    const terminal = renderTerminalReport(fixedInput({ changeSet: { ...changeSet, gaps: [long] } }), { color: false, width: 80 });
    const warning = terminal.slice(terminal.indexOf('    ! process 42'));
    const lines = warning.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length <= 80 || !line.trim().includes(' ')).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith('      '))).toBe(true);
    expect(lines.map((line) => line.trim().replace(/^! /, '')).join(' ')).toBe(describeGap(long));
  });
});
