// One change set, every surface: the manifest, the terminal, summary.md (with and without the report renderer), the
// job summary and the action's outputs all give the same numbers, the ones docs/manifest.md defines under "counts".
import { describe, expect, it } from 'vitest';
import { actionOutputs } from '../../src/action/conclude.js';
import { buildManifest } from '../../src/changes/manifest.js';
import { minimalSummaryMarkdown } from '../../src/changes/summary-markdown.js';
import type { ChangeKind, ChangeSet } from '../../src/changes/types.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { renderTerminalReport } from '../../src/report/terminal.js';
import { change, fixedChangeSet, fixedInput } from './fixture.js';

const kinds: ChangeKind[] = ['created', 'modified', 'deleted', 'transient'];

/** Directories in every kind: implied by a file below them, empty, deleted with their files, made and removed. */
function changeSetWithDirectories(): ChangeSet {
  const cs = fixedChangeSet();
  const dir = (relativePath: string, kind: ChangeKind) =>
    change({ root: 'workspace', relativePath, change: kind, type: 'directory', mode: 0o755, firstWriter: 0 });
  cs.changes.push(
    dir('build', 'created'), dir('build/a', 'created'), dir('empty', 'created'),
    change({ root: 'workspace', relativePath: 'build/a/x.js', change: 'created', size: 3, firstWriter: 0 }),
    dir('assets', 'modified'),
    dir('old', 'deleted'), change({ root: 'workspace', relativePath: 'old/1.txt', change: 'deleted', size: 1, firstWriter: 0 }),
    dir('scratch', 'transient'), dir('scratch/deep', 'transient'),
    change({ root: 'workspace', relativePath: 'scratch/deep/t.txt', change: 'transient', size: 1, firstWriter: 0 }),
  );
  return cs;
}

/** "4 created (1 directory)" → { all: 4, directories: 1 }. */
function said(text: string, kind: ChangeKind): { all: number; directories: number } {
  const match = new RegExp(`(\\d+) ${kind}(?: \\((\\d+) director(?:y|ies)\\))?`).exec(text);
  expect(match, `"${kind}" in ${text}`).not.toBeNull();
  return { all: Number(match![1]), directories: Number(match![2] ?? 0) };
}

describe('the counts of one change set', () => {
  const cs = changeSetWithDirectories();
  const run = { command: 'npm test', exitCode: 1, durationMs: 3250 };
  const manifest = buildManifest(cs, cs.changes, cs.gaps, run);
  const input = fixedInput({ changeSet: cs });
  const terminal = renderTerminalReport({ ...input, exportDir: './memfs-report' }, { color: false });
  const jobSummary = renderJobSummary(input);
  const summaryMd = renderJobSummary({ ...input, artifact: undefined }); // what the export writes as summary.md
  const minimalSummary = minimalSummaryMarkdown(cs, run);
  const outputs = actionOutputs(cs, { exitCode: 1 });

  it('are in the manifest as docs/manifest.md defines them: entries of changes[] by change, directories apart', () => {
    for (const kind of kinds) {
      const entries = manifest.changes.filter((c) => c.change === kind);
      expect(manifest.counts[kind]).toBe(entries.length);
      expect(manifest.counts.directories[kind]).toBe(entries.filter((c) => c.type === 'directory').length);
    }
    expect(manifest.counts.directories).toEqual({ created: 4, modified: 1, deleted: 1, transient: 2 }); // the fixture's out/ and three more
  });

  it.each([
    ['terminal', /^ {2}changes: (.*)$/m, terminal],
    ['job summary', /<th align="left">Changes<\/th><td>(.*?)<\/td>/, jobSummary],
    ['summary.md', /<th align="left">Changes<\/th><td>(.*?)<\/td>/, summaryMd],
    ['summary.md without a renderer', /^(\d+ created.*)\.$/m, minimalSummary],
  ] as const)('are the same in the %s', (_surface, line, text) => {
    const sentence = line.exec(text)?.[1] ?? '';
    for (const kind of kinds) {
      expect(said(sentence, kind)).toEqual({ all: manifest.counts[kind], directories: manifest.counts.directories[kind] });
    }
  });

  it('match the headings of the lists on the terminal and in the summaries', () => {
    const touched = manifest.counts.created + manifest.counts.modified;
    expect(terminal).toContain(`created or modified (${touched}):`);
    expect(terminal).toContain(`deleted (${manifest.counts.deleted}):`);
    expect(terminal).toContain(`transient (${manifest.counts.transient}):`);
    for (const summary of [jobSummary, summaryMd]) {
      expect(summary).toContain(`### Created or modified (${touched})`);
      expect(summary).toContain(`<summary>Deleted: ${manifest.counts.deleted}</summary>`);
      expect(summary).toContain(`<summary>Transient (created and removed during the run): ${manifest.counts.transient}</summary>`);
    }
  });

  it('give the files among them, every entry but a directory, as the action outputs', () => {
    expect(outputs['files-created']).toBe(String(manifest.counts.created - manifest.counts.directories.created));
    expect(outputs['files-modified']).toBe(String(manifest.counts.modified - manifest.counts.directories.modified));
    expect(outputs['files-deleted']).toBe(String(manifest.counts.deleted - manifest.counts.directories.deleted));
  });

  it('say how many rows of the file table stand for directories not listed', () => {
    const rows = (terminal.match(/^ {4}(created|modified) /gm) ?? []).length;
    const unlisted = Number(/and (\d+) director(?:y|ies) holding these/.exec(terminal)?.[1] ?? 0);
    expect(rows + unlisted).toBe(manifest.counts.created + manifest.counts.modified);
  });
});
