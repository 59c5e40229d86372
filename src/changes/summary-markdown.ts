// The export's own summary.md when the front end gives no renderer (the action and the CLI pass report/'s): short,
// plain GitHub markdown, so that an export is never without a readable first page.
import { countChanges, countsSentence, describeGap } from '../report/outline.js';
import { formatDuration } from '../report/units.js';
import { showInvisible } from '../report/visible.js';
import { writerLabel } from '../report/writers.js';
import { testLines, testSentence } from '../report/tests.js';
import type { ChangeSet } from './types.js';

const maxRows = 200;

export function minimalSummaryMarkdown(cs: ChangeSet, run: { command: string; exitCode: number | null; durationMs: number }): string {
  const lines = [
    '# memfs-action: what the command changed',
    '',
    `Command: \`${showInvisible(run.command.replace(/`/g, "'"))}\` — exit code ${run.exitCode ?? 'none (killed)'} after ${formatDuration(run.durationMs)}.`,
    '',
    `${countsSentence(countChanges(cs))}.`,
    '',
    ...testLines(cs, 10).slice(0, maxRows).flatMap((line) => [testSentence(line, { name: cell, path: cell }), '']),
    '| change | path | size | written by |',
    '| --- | --- | ---: | --- |',
  ];
  for (const change of cs.changes.slice(0, maxRows)) {
    const by = writerLabel(cs, change.firstWriter);
    lines.push(`| ${change.change} | ${cell(`${change.root}/${change.relativePath}`)} | ${change.size} | ${cell(by)} |`);
  }
  if (cs.changes.length > maxRows) lines.push('', `${cs.changes.length - maxRows} more in manifest.json.`);
  if (cs.gaps.length > 0) {
    lines.push('', '## Not captured', '');
    for (const gap of cs.gaps) lines.push(`- ${showInvisible(describeGap(gap))}`);
  }
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return showInvisible(text.replace(/[\\|`*_<>[\]]/g, (c) => '\\' + c));
}
