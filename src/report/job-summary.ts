// The job summary: GitHub-flavoured markdown whose tables and lists are HTML blocks, so that a path holding `|`,
// backticks or `<` shows as it is. GitHub drops a step summary over 1 MiB, so the text is built to stay under
// maxBytes (900 KiB unless told) whatever the run: long texts are shortened, and the lists lose rows until it fits —
// the artifact's manifest.json always has every path.
import { escapeHtml, shorten } from './html.js';
import {
  allWarnings,
  countChanges,
  countsSentence,
  deletedRows,
  diskChangeRows,
  diskSentence,
  outcomeSentence,
  outsideOverlayExplanation,
  touchedRows,
  transientRows,
  unlistedDirectories,
  type FileRow,
} from './outline.js';
import { foldText } from './fold.js';
import { processRows } from './writers.js';
import { testLines, testSentence } from './tests.js';
import type { ReportInput } from './types.js';
import { formatDuration } from './units.js';

export interface JobSummaryOptions {
  /** Upper bound of the returned text in UTF-8 bytes. */
  maxBytes?: number;
  /** Rows of the file table before "N more in the artifact". */
  maxRows?: number;
}

const defaultMaxBytes = 900 * 1024;
const defaultMaxRows = 250;
const longestText = 300;
/** A warning says what to do: shown whole, folded at a sentence only past this (the manifest has every gap whole). */
const longestWarning = 4000;
const maxWarnings = 20;
/** Paths named in a test's sentence; the manifest lists them all. */
const maxPathsPerTest = 10;

interface Limits {
  rows: number;
  listItems: number;
  warnings: number;
}

export function renderJobSummary(input: ReportInput, o: JobSummaryOptions = {}): string {
  const maxBytes = o.maxBytes ?? defaultMaxBytes;
  let limits: Limits = { rows: o.maxRows ?? defaultMaxRows, listItems: o.maxRows ?? defaultMaxRows, warnings: maxWarnings };
  for (;;) {
    const text = render(input, limits);
    if (Buffer.byteLength(text) <= maxBytes) return text;
    if (limits.rows === 0 && limits.listItems === 0 && limits.warnings === 0) return cutToBytes(text, maxBytes);
    limits = { rows: Math.floor(limits.rows / 2), listItems: Math.floor(limits.listItems / 2), warnings: Math.floor(limits.warnings / 2) };
  }
}

function render(input: ReportInput, limits: Limits): string {
  const blocks = [
    heading(input), facts(input), tests(input, limits.listItems), artifact(input), diskChanges(input, limits.listItems), fileTable(input, limits.rows),
  ];
  blocks.push(pathList('Deleted', deletedRows(input.changeSet), limits.listItems, input));
  blocks.push(pathList('Transient (created and removed during the run)', transientRows(input.changeSet), limits.listItems, input));
  blocks.push(processes(input, limits.listItems));
  blocks.push(warnings(input, limits.warnings));
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}

function heading(input: ReportInput): string {
  const icon = input.exitCode === 0 ? '✅' : '❌';
  return `## ${icon} memfs-action: ${escapeHtml(outcomeSentence(input.exitCode).replace(/^The command/, 'the command'))}`;
}

function facts(input: ReportInput): string {
  const rows = [
    ['Command', `<code>${text(input.command)}</code>`],
    ['Exit code', input.exitCode === null ? 'none (did not finish)' : String(input.exitCode)],
    ['Duration', formatDuration(input.durationMs)],
    ['Changes', escapeHtml(countsSentence(countChanges(input.changeSet), ' · '))],
    ...(input.changeSet.disk ? [['Real disk', escapeHtml(diskSentence(input.changeSet.disk))]] : []),
    ['Roots', input.changeSet.roots.map((r) => `<code>${text(r.label)}</code> = <code>${text(r.path)}</code>`).join('<br>')],
  ];
  const exported = exportCell(input);
  if (exported) rows.push(['Export', exported]);
  return `<table>\n${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('\n')}\n</table>`;
}

/**
 * Where the export is, for the reader of the run page: the artifact, by name and link. A folder on the runner means
 * nothing there; it is shown only where it is the place to look (the CLI's --out, a summary.md read beside it).
 */
function exportCell(input: ReportInput): string {
  const a = input.artifact;
  if (a) return `<a href="${escapeHtml(a.url)}">${a.name ? text(a.name) : `artifact ${a.id}`}</a>`;
  return input.exportDir ? `<code>${text(input.exportDir)}</code>` : '';
}

/** The tests that changed files, failing ones first, a sentence each: what the reader of a failed run looks for. */
function tests(input: ReportInput, maxItems: number): string {
  const lines = testLines(input.changeSet, maxPathsPerTest);
  if (lines.length === 0) return '';
  const shown = lines.slice(0, maxItems);
  const code = (value: string) => `<code>${escapeHtml(value)}</code>`;
  // Whole, never shortened (the journal bounds a name): escaped only.
  const items = shown.map((line) => `<li>${testSentence(line, { name: code, path: code }, input.artifact ? 'the artifact' : 'manifest.json')}</li>`);
  const hidden = lines.length - shown.length;
  if (hidden > 0) items.push(`<li>… and ${hidden} more (<code>manifest.json</code> lists every one, under <code>tests</code>)</li>`);
  return [`### Tests that changed files (${lines.length})`, '', `<ul>\n${items.join('\n')}\n</ul>`].join('\n');
}

function artifact(input: ReportInput): string {
  const a = input.artifact;
  if (!a) return '';
  const label = a.name ? `${text(a.name)} (id ${a.id})` : `artifact ${a.id}`;
  const lines = [`### Artifact`, '', `<p><a href="${escapeHtml(a.url)}">${label}</a>: <code>files/</code> holds every changed file under its root, <code>manifest.json</code> lists every change.</p>`];
  if (a.name && a.runId) {
    const repo = a.repository ? ` --repo ${a.repository}` : '';
    lines.push('', `<pre><code>gh run download ${escapeHtml(a.runId)}${escapeHtml(repo)} --name ${text(a.name)} --dir memfs-report</code></pre>`);
  }
  return lines.join('\n');
}

/** Placed before the overlay's own changes: these are on the disk now, whatever becomes of the export. */
function diskChanges(input: ReportInput, maxItems: number): string {
  const rows = diskChangeRows(input.changeSet);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, maxItems);
  const items = shown.map(
    (r) => `<li>${r.change} <code>${pathText(r)}</code>${r.size ? ` (${r.size})` : ''}${r.note ? ` <em>(${escapeHtml(r.note)})</em>` : ''}</li>`,
  );
  const hidden = rows.length - shown.length;
  if (hidden > 0) items.push(`<li>… and ${hidden} more (an export's <code>manifest.json</code> lists every one, under <code>diskCheck</code>)</li>`);
  return [
    `### ⚠️ Changed on the real disk, outside the overlay (${rows.length})`,
    '',
    `<p>${escapeHtml(outsideOverlayExplanation)}</p>`,
    '',
    `<ul>\n${items.join('\n')}\n</ul>`,
  ].join('\n');
}

function fileTable(input: ReportInput, maxRows: number): string {
  const rows = touchedRows(input.changeSet);
  if (rows.length === 0) return '### Created or modified\n\nNone.';
  const unlisted = unlistedDirectories(input.changeSet, rows);
  const shown = rows.slice(0, maxRows);
  const body = shown.map(
    (r) =>
      `<tr><td>${r.change}</td><td><code>${pathText(r)}</code>${r.note ? ` <em>(${escapeHtml(r.note)})</em>` : ''}</td>` +
      `<td align="right">${r.size}</td><td>${writer(r)}</td></tr>`,
  );
  const parts = [
    `### Created or modified (${rows.length + unlisted})`,
    '',
    '<table>',
    '<tr><th>Change</th><th>Path</th><th>Size</th><th>Written by</th></tr>',
    ...body,
    '</table>',
  ];
  const hidden = rows.length - shown.length;
  if (hidden > 0) parts.push('', `<p>… and ${hidden} more in the artifact (<code>manifest.json</code> lists every path).</p>`);
  if (unlisted > 0) {
    parts.push('', `<p>And ${unlisted} director${unlisted === 1 ? 'y' : 'ies'} holding these paths, not listed (<code>manifest.json</code> lists ${unlisted === 1 ? 'it' : 'them'}).</p>`);
  }
  return parts.join('\n');
}

/** Each process once: its label or test files, and its whole command, folded away. */
function processes(input: ReportInput, maxItems: number): string {
  const rows = processRows(input.changeSet);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, maxItems);
  const body = shown.map(
    (r) =>
      `<tr><td align="right">${r.pid}</td><td>${r.testFiles.length > 0 ? r.testFiles.map((f) => `<code>${text(f)}</code>`).join('<br>') : escapeHtml(r.label)}</td>` +
      `<td><code>${escapeHtml(foldText(r.command, longestWarning))}</code></td></tr>`,
  );
  const hidden = rows.length - shown.length;
  if (hidden > 0) body.push(`<tr><td colspan="3">… and ${hidden} more (<code>manifest.json</code> lists every one, under <code>writers</code>)</td></tr>`);
  return [
    `<details><summary>Written by: ${rows.length} ${rows.length === 1 ? 'process' : 'processes'}</summary>`,
    '',
    '<table>',
    '<tr><th>pid</th><th>Test files, or the process</th><th>Command</th></tr>',
    ...body,
    '</table>',
    '</details>',
  ].join('\n');
}

function pathList(title: string, rows: FileRow[], maxItems: number, input: ReportInput): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, maxItems);
  const items = shown.map((r) => `<li><code>${pathText(r)}</code>${r.size ? ` (${r.size})` : ''}</li>`);
  const hidden = rows.length - shown.length;
  if (hidden > 0) items.push(`<li>… and ${hidden} more in ${input.artifact ? 'the artifact' : 'the manifest'}</li>`);
  return `<details><summary>${escapeHtml(title)}: ${rows.length}</summary>\n<ul>\n${items.join('\n')}\n</ul>\n</details>`;
}

function warnings(input: ReportInput, maxWarnings: number): string {
  const all = allWarnings(input);
  if (all.length === 0) return '';
  const items = all.slice(0, maxWarnings).map((w) => `<li>${escapeHtml(foldText(w, longestWarning))}</li>`);
  if (all.length > maxWarnings) items.push(`<li>… and ${all.length - maxWarnings} more (see the step log)</li>`);
  return `### ⚠️ Warnings\n\n<ul>\n${items.join('\n')}\n</ul>`;
}

function pathText(row: FileRow): string {
  return text(row.path + row.suffix);
}

function writer(row: FileRow): string {
  return row.writtenBy ? `<code>${text(row.writtenBy)}</code>` : '';
}

function text(value: string): string {
  return escapeHtml(shorten(value, longestText));
}

/** Last resort for a maxBytes too small for even the shortest report: cut at a character boundary. */
function cutToBytes(value: string, maxBytes: number): string {
  const note = '\n\n(summary cut: too large)\n';
  const budget = Math.max(0, maxBytes - Buffer.byteLength(note));
  let out = '';
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > budget) break;
    out += ch;
    bytes += size;
  }
  return Buffer.byteLength(out + note) <= maxBytes ? out + note : out;
}
