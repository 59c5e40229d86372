// The same report as the job summary, for a terminal: plain aligned text, colour only on a TTY (and never with
// NO_COLOR), and no raw control character from a file name ever reaches the terminal.
import { hexEscape } from '../changes/name-encoding.js';
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
  type FileRow,
} from './outline.js';
import type { ChangeSet } from '../changes/types.js';
import type { ReportInput } from './types.js';
import { formatDuration } from './units.js';

export interface TerminalReportOptions {
  /** Default: stdout is a TTY and NO_COLOR is not set. */
  color?: boolean;
  /** Rows of each list before "N more". */
  maxRows?: number;
}

const defaultMaxRows = 40;
const longestText = 160;
/** A warning says what was lost and where (files by their full path): it is not cut as short as a path. */
const longestWarning = 2000;

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
  const outcome = outcomeSentence(input.exitCode).replace(/^The command/, 'memfs-action: the command');
  const lines: string[] = [
    paint.bold((input.exitCode === 0 ? paint.green : paint.red)(`${outcome} after ${formatDuration(input.durationMs)}`)),
    `  command: ${clean(input.command)}`,
    `  changes: ${countsSentence(countChanges(input.changeSet))}`,
  ];
  if (input.changeSet.disk) lines.push(`  real disk: ${diskSentence(input.changeSet.disk)}`);

  const touched = touchedRows(input.changeSet);
  if (touched.length > 0) lines.push('', ...table(touched, maxRows, paint));
  for (const [title, rows] of [
    ['deleted', deletedRows(input.changeSet)],
    ['transient', transientRows(input.changeSet)],
  ] as const) {
    if (rows.length === 0) continue;
    lines.push('', `  ${title}:`);
    lines.push(...rows.slice(0, maxRows).map((r) => `    ${clean(r.path + r.suffix)}`));
    if (rows.length > maxRows) lines.push(paint.dim(`    … and ${rows.length - maxRows} more (see manifest.json)`));
  }

  lines.push(...diskSection(input.changeSet, maxRows, paint));

  const where: string[] = [];
  if (input.exportDir) where.push(`  export: ${clean(input.exportDir)} (${exportedParts(input.changeSet).join(', ')})`);
  if (input.artifact) where.push(`  artifact: ${clean(input.artifact.url)}`);
  if (where.length > 0) lines.push('', ...where);

  const warnings = allWarnings(input);
  if (warnings.length > 0) {
    lines.push('', paint.yellow('  warnings:'));
    for (const w of warnings) lines.push(paint.yellow(`    ! ${clean(w, longestWarning)}`)); // a loop: a run may have thousands
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
  const lines = diskSection(changeSet, o.maxRows ?? defaultMaxRows, paint, o.fullList).slice(1); // no blank line first
  for (const w of diskCheckWarnings(changeSet.disk)) lines.push(paint.yellow(`  ! ${clean(w, longestWarning)}`));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function diskSection(changeSet: ChangeSet, maxRows: number, paint: Paint, fullList?: string): string[] {
  const rows = diskChangeRows(changeSet);
  if (rows.length === 0) return [];
  return [
    '',
    paint.yellow(`  changed on the real disk, outside the overlay (${rows.length}):`),
    ...table(rows, maxRows, paint, fullList).map((line) => `  ${line}`),
    paint.dim(`    ${clean(outsideOverlayExplanation, longestWarning)}`),
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

function clean(value: string, max = longestText): string {
  return shorten(value, max).replace(/[\u0000-\u001f\u007f-\u009f\u{dc80}-\u{dcff}]/gu, hexEscape);
}
