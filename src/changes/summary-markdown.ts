// The export's own summary.md when the front end gives no renderer (the action and the CLI pass report/'s): short,
// plain GitHub markdown, so that an export is never without a readable first page.
import { countChanges } from './manifest.js';
import { hexEscape } from './name-encoding.js';
import type { ChangeSet } from './types.js';

const maxRows = 200;

export function minimalSummaryMarkdown(cs: ChangeSet, run: { command: string; exitCode: number | null; durationMs: number }): string {
  const counts = countChanges(cs.changes);
  const lines = [
    '# memfs-action: what the command changed',
    '',
    `Command: \`${run.command.replace(/`/g, "'")}\` — exit code ${run.exitCode ?? 'none (killed)'} after ${(run.durationMs / 1000).toFixed(1)} s.`,
    '',
    `${counts.created} created, ${counts.modified} modified, ${counts.deleted} deleted, ${counts.transient} transient.`,
    '',
    '| change | path | size | written by |',
    '| --- | --- | ---: | --- |',
  ];
  for (const change of cs.changes.slice(0, maxRows)) {
    const writer = change.firstWriter !== undefined ? cs.writers[change.firstWriter] : undefined;
    const by = writer ? (writer.testFile ?? `pid ${writer.pid}`) : '';
    lines.push(`| ${change.change} | ${cell(`${change.root}/${change.relativePath}`)} | ${change.size} | ${cell(by)} |`);
  }
  if (cs.changes.length > maxRows) lines.push('', `${cs.changes.length - maxRows} more in manifest.json.`);
  if (cs.gaps.length > 0) {
    lines.push('', '## Not captured', '');
    for (const gap of cs.gaps) lines.push(`- ${gap.detail.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/[\\|`*_<>[\]]/g, (c) => '\\' + c).replace(/[\x00-\x1f\x7f\u{dc80}-\u{dcff}]/gu, hexEscape);
}
