// The same report as the job summary, for a terminal: plain aligned text, colour only on a TTY (and never with
// NO_COLOR), and no raw control character from a file name ever reaches the terminal.
import { shorten } from './html.js';
import {
  allWarnings,
  countChanges,
  countsSentence,
  deletedRows,
  diskChangeRows,
  diskCheckWarnings,
  diskSentence,
  outcomeSentence,
  outsideOverlayExplanation,
  touchedRows,
  transientRows,
  unlistedDirectories,
  type FileRow,
} from './outline.js';
import { foldText, wrapWords } from './fold.js';
import { processRows } from './writers.js';
import { testLines, testSentence } from './tests.js';
import type { ChangeSet } from '../changes/types.js';
import type { ReportInput } from './types.js';
import { formatDuration } from './units.js';
import { showInvisible } from './visible.js';

export interface TerminalReportOptions {
  /** Default: stdout is a TTY and NO_COLOR is not set. */
  color?: boolean;
  /** Rows of each list before "N more". */
  maxRows?: number;
  /**
   * Columns to wrap sentences at (warnings, command lines), at spaces, with a hanging indent: for a terminal whose
   * width is known. Unset (a log, a pipe): each sentence is one line, whole, which the viewer wraps and grep finds.
   */
  width?: number;
}

const defaultMaxRows = 40;
/** Paths named in a test's sentence; the manifest lists them all. */
const maxPathsPerTest = 10;
const longestText = 160;
/** A warning says what was lost and where (files by their full path): it is wrapped, and folded only past this. */
const longestWarning = 4000;

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const colours: Paint = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39) };
const plain: Paint = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s };

export function renderTerminalReport(input: ReportInput, o: TerminalReportOptions = {}): string {
  const useColor = o.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = useColor ? colours : plain;
  const maxRows = o.maxRows ?? defaultMaxRows;
  const width = o.width ?? Infinity;
  const outcome = outcomeSentence(input.exitCode).replace(/^The command/, 'memfs-action: the command');
  const lines: string[] = [
    paint.bold((input.exitCode === 0 ? paint.green : paint.red)(`${outcome} after ${formatDuration(input.durationMs)}`)),
    `  command: ${clean(input.command)}`,
    `  changes: ${countsSentence(countChanges(input.changeSet))}`,
  ];
  if (input.changeSet.disk) lines.push(`  real disk: ${diskSentence(input.changeSet.disk)}`);
  lines.push(...testSection(input.changeSet, maxRows, width, paint));

  const touched = touchedRows(input.changeSet);
  if (touched.length > 0) {
    const unlisted = unlistedDirectories(input.changeSet, touched);
    lines.push('', `  created or modified (${touched.length + unlisted}):`, ...table(touched, maxRows, paint).map((line) => `  ${line}`));
    if (unlisted > 0) lines.push(paint.dim(`    and ${unlisted} director${unlisted === 1 ? 'y' : 'ies'} holding these (listed in manifest.json)`));
  }
  for (const [title, rows] of [
    ['deleted', deletedRows(input.changeSet)],
    ['transient', transientRows(input.changeSet)],
  ] as const) {
    if (rows.length === 0) continue;
    lines.push('', `  ${title} (${rows.length}):`);
    lines.push(...rows.slice(0, maxRows).map((r) => `    ${clean(r.path + r.suffix)}`));
    if (rows.length > maxRows) lines.push(paint.dim(`    … and ${rows.length - maxRows} more (see manifest.json)`));
  }
  lines.push(...processSection(input.changeSet, maxRows, width, paint));

  lines.push(...diskSection(input.changeSet, maxRows, paint, width));

  const where: string[] = [];
  if (input.exportDir) where.push(`  export: ${clean(input.exportDir)} (${exportedParts(input.changeSet).join(', ')})`);
  if (input.artifact) where.push(`  artifact: ${clean(input.artifact.url)}`);
  if (where.length > 0) lines.push('', ...where);

  const warnings = allWarnings(input);
  if (warnings.length > 0) {
    lines.push('', paint.yellow('  warnings:'));
    // A loop: a run may have thousands. Each wrapped, never cut.
    for (const w of warnings) lines.push(...sentence(w, '    ! ', width).map((line) => paint.yellow(line)));
  }
  return `${lines.join('\n')}\n`;
}

/** What the export folder holds, as export.ts writes it: the content folders that got a file, then the two files. */
function exportedParts(changeSet: ChangeSet): string[] {
  const folders = new Set(changeSet.changes.map((c) => c.exportedAs?.split('/')[0]).filter((f) => f !== undefined));
  return [...['files', 'transient'].filter((f) => folders.has(f)).map((f) => `${f}/`), 'manifest.json', 'summary.md'];
}

/**
 * What changed on the real disk outside the overlay, alone, with what the check could not see: for a run that exports
 * nothing, which must still not hide it. `fullList` says where the rows beyond maxRows can be seen. Empty when the
 * check found nothing to say.
 */
export function renderDiskChanges(changeSet: ChangeSet, o: TerminalReportOptions & { fullList: string }): string {
  const useColor = o.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = useColor ? colours : plain;
  const lines = diskSection(changeSet, o.maxRows ?? defaultMaxRows, paint, o.width ?? Infinity, o.fullList).slice(1); // no blank line first
  for (const w of diskCheckWarnings(changeSet.disk)) lines.push(...sentence(w, '  ! ', o.width ?? Infinity).map((line) => paint.yellow(line)));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function diskSection(changeSet: ChangeSet, maxRows: number, paint: Paint, width: number, fullList?: string): string[] {
  const rows = diskChangeRows(changeSet);
  if (rows.length === 0) return [];
  return [
    '',
    paint.yellow(`  changed on the real disk, outside the overlay (${rows.length}):`),
    ...table(rows, maxRows, paint, fullList).map((line) => `  ${line}`),
    ...sentence(outsideOverlayExplanation, '    ', width).map((line) => paint.dim(line)),
  ];
}

function table(rows: FileRow[], maxRows: number, paint: Paint, fullList = 'see manifest.json'): string[] {
  const shown = rows.slice(0, maxRows).map((r) => ({
    ...r,
    path: clean(r.path + r.suffix),
    writtenBy: [clean(r.writtenBy), r.note ? `(${r.note})` : ''].filter((part) => part !== '').join(' '),
  }));
  const pathWidth = Math.min(70, Math.max(...shown.map((r) => r.path.length)));
  const sizeWidth = Math.max(...shown.map((r) => r.size.length));
  const out = shown.map((r) =>
    `  ${r.change.padEnd(9)} ${r.path.padEnd(pathWidth)}  ${r.size.padStart(sizeWidth)}  ${r.writtenBy ? paint.dim(r.writtenBy) : ''}`.trimEnd(),
  );
  if (rows.length > maxRows) out.push(paint.dim(`  … and ${rows.length - maxRows} more (${fullList})`));
  return out;
}

/** The tests that changed files, the failing ones first: one sentence each, before the list of files. */
function testSection(changeSet: ChangeSet, maxRows: number, width: number, paint: Paint): string[] {
  const tests = testLines(changeSet, maxPathsPerTest);
  if (tests.length === 0) return [];
  const lines = ['', `  tests that changed files (${tests.length}):`];
  for (const test of tests.slice(0, maxRows)) {
    const said = sentence(testSentence(test, { name: (text) => `\`${text}\``, path: (text) => text }), '    ', width);
    lines.push(...(test.outcome === 'failed' ? said.map((line) => paint.red(line)) : said));
  }
  if (tests.length > maxRows) lines.push(paint.dim(`    … and ${tests.length - maxRows} more (see manifest.json, under tests)`));
  return lines;
}

/** Who wrote: one line per process, its label (or test files) and its whole command, wrapped. */
function processSection(changeSet: ChangeSet, maxRows: number, width: number, paint: Paint): string[] {
  const rows = processRows(changeSet);
  if (rows.length === 0) return [];
  const lines = ['', `  written by (${rows.length} ${rows.length === 1 ? 'process' : 'processes'}):`];
  for (const row of rows.slice(0, maxRows)) {
    const who = row.testFiles.length > 0 ? row.testFiles.join(', ') : row.label;
    lines.push(...sentence(`pid ${row.pid}  ${who}`, '    ', width));
    if (row.command !== who) lines.push(...sentence(row.command, '      ', width).map((line) => paint.dim(line)));
  }
  if (rows.length > maxRows) lines.push(paint.dim(`    … and ${rows.length - maxRows} more (see manifest.json)`));
  return lines;
}

/** A sentence on lines of `width` columns, the first after `prefix`, the rest indented as deep. */
function sentence(text: string, prefix: string, width: number): string[] {
  const indent = ' '.repeat(Array.from(prefix).length);
  const lines = wrapWords(clean(foldText(text, longestWarning), Infinity), width - indent.length, '');
  return lines.map((line, i) => (i === 0 ? prefix : indent) + line);
}

function clean(value: string, max = longestText): string {
  return showInvisible(shorten(value, max));
}
