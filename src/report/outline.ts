// What every report says, decided once: the outcome sentence, the counts, the rows of the file table in the order
// they are shown, the deleted and transient lists, and the warnings (front-end warnings plus the capture's gaps).
// The renderers (job-summary.ts, terminal.ts) only lay this out.
import type { CaptureGap, ChangeKind, ChangeSet, DiskChange, DiskCheck, PathChange } from '../changes/types.js';
import { countChanges as countPathChanges, type ChangeCounts } from '../changes/manifest.js';
import type { ReportInput } from './types.js';
import { formatBytes } from './units.js';
import { processLabel, writerLabel } from './writers.js';

export interface FileRow {
  change: ChangeKind;
  /** `<root label>/<path relative to the root>`, the path the export uses under files/. */
  path: string;
  /** Type marker added to the path for non-files: a trailing `/` for directories, ` -> target` for symlinks. */
  suffix: string;
  size: string;
  writtenBy: string;
  /** Why the bytes are not in the export, when they are not (after the export has marked the change set). */
  note: string;
}

const changeOrder: Record<ChangeKind, number> = { created: 0, modified: 1, deleted: 2, transient: 3 };

/** The counts of manifest.json, the same numbers on every surface (docs/manifest.md defines them). */
export function countChanges(changeSet: ChangeSet): ChangeCounts {
  return countPathChanges(changeSet.changes);
}

/**
 * "3 created (1 directory), 0 modified, 1 deleted, 1 transient": each number is a count of the manifest, the number
 * of paths its list shows; the directories among them are said in brackets.
 */
export function countsSentence(counts: ChangeCounts, separator = ', '): string {
  const kinds = ['created', 'modified', 'deleted', 'transient'] as const;
  return kinds
    .map((kind) => {
      const directories = counts.directories[kind];
      return `${counts[kind]} ${kind}${directories > 0 ? ` (${directories} director${directories === 1 ? 'y' : 'ies'})` : ''}`;
    })
    .join(separator);
}

export function outcomeSentence(exitCode: number | null): string {
  if (exitCode === 0) return 'The command passed';
  if (exitCode === null) return 'The command did not finish (cancelled, timed out or killed)';
  return `The command failed with exit code ${exitCode}`;
}

/**
 * Created and modified entries, the ones whose content is in the export: in root order (the working directory
 * first), then by path so that a folder's files stay together.
 */
export function touchedRows(changeSet: ChangeSet): FileRow[] {
  const touched = (c: PathChange) => c.change === 'created' || c.change === 'modified';
  const implied = impliedDirectories(changeSet.changes.filter(touched));
  return sortedChanges(changeSet, (c) => touched(c) && !(c.type === 'directory' && implied.has(`${c.root}/${c.relativePath}`)))
    .map((c) => toRow(changeSet, c));
}

/**
 * How many of the created and modified paths the file table leaves out: directories that hold a listed path. Said
 * under the table, so that its rows and the counts add up.
 */
export function unlistedDirectories(changeSet: ChangeSet, rows: FileRow[]): number {
  const counts = countChanges(changeSet);
  return counts.created + counts.modified - rows.length;
}

/**
 * Directories that hold another listed entry: `out/report.json` already says `out/` exists, so the row for `out/`
 * would only take a place in a capped table. A directory with nothing listed below it keeps its row.
 */
function impliedDirectories(changes: PathChange[]): Set<string> {
  const implied = new Set<string>();
  for (const change of changes) {
    let dir = change.relativePath;
    for (let cut = dir.lastIndexOf('/'); cut > 0; cut = dir.lastIndexOf('/')) {
      dir = dir.slice(0, cut);
      const key = `${change.root}/${dir}`;
      if (implied.has(key)) break;
      implied.add(key);
    }
  }
  return implied;
}

export function deletedRows(changeSet: ChangeSet): FileRow[] {
  return sortedChanges(changeSet, (c) => c.change === 'deleted').map((c) => toRow(changeSet, c));
}

export function transientRows(changeSet: ChangeSet): FileRow[] {
  return sortedChanges(changeSet, (c) => c.change === 'transient').map((c) => toRow(changeSet, c));
}

/** Front-end warnings first (they are about this run's result), then what the capture could not record or check. */
export function allWarnings(input: ReportInput): string[] {
  return [...input.warnings, ...input.changeSet.gaps.map(describeGap), ...diskCheckWarnings(input.changeSet.disk)];
}

/**
 * Why a path under a root can change on the real disk although the overlay never writes there. The same words on
 * every surface; the check cannot tell who made a change, so it names every kind of program that can.
 */
export const outsideOverlayExplanation =
  'The overlay did not make these changes: a program outside it did. Only Node processes started with the preload ' +
  'write to memory; a non-Node program (rm, git, touch, tar, a shell redirect) or a Node process started without ' +
  'the preload writes the real disk, and in a folder that other programs share, such as the temp dir, another ' +
  'program on the machine may have made them. They are on the disk now, not in the export.';

/** The real disk in a few words: what the reports put beside the counts of the overlay's changes. */
export function diskSentence(check: DiskCheck): string {
  const count = check.changed.length;
  if (count === 0) return check.incomplete ? 'not fully checked' : 'unchanged under the roots';
  return `${count} ${count === 1 ? 'path' : 'paths'} changed outside the overlay`;
}

/** What changed on the real disk, in root order then by path (the order of the check). */
export function diskChangeRows(changeSet: ChangeSet): FileRow[] {
  return (changeSet.disk?.changed ?? []).map((change) => ({
    change: change.change,
    path: `${change.root}/${change.relativePath}`,
    suffix: change.type === 'directory' ? '/' : change.type === 'symlink' ? ` -> ${change.target ?? '?'}` : '',
    size: change.size === undefined ? '' : formatBytes(change.size),
    writtenBy: '',
    note: diskNote(change),
  }));
}

function diskNote(change: DiskChange): string {
  if (change.change !== 'modified' || !change.differs?.length) return '';
  if (change.differs.includes('type')) return 'replaced by another type';
  return `${change.differs.join(', ')} changed`;
}

/** Folders the check could not read, and a check that stopped: said once, as warnings. */
export function diskCheckWarnings(check: DiskCheck | undefined): string[] {
  if (!check) return [];
  const warnings: string[] = [];
  if (check.unreadable.length > 0) {
    const shown = check.unreadable.slice(0, 3).map((u) => `${u.path} (${u.reason})`).join(', ');
    const more = check.unreadable.length > 3 ? ` and ${check.unreadable.length - 3} more` : '';
    warnings.push(`The real disk could not be checked below ${check.unreadable.length === 1 ? 'a folder' : `${check.unreadable.length} folders`} ` +
      `that could not be read: ${shown}${more}. A program outside the overlay may have changed files there.`);
  }
  if (check.incomplete) warnings.push(`The check of the real disk is incomplete: ${check.incomplete}.`);
  return warnings;
}

/**
 * One sentence per gap, the same on every surface. A gap's `detail` is a sentence of its own that names its process
 * ("process N ended …"): the reports add the command that process ran, and put the process in front of a detail that
 * does not name it. Nothing is said twice.
 */
export function describeGap(gap: CaptureGap): string {
  switch (gap.reason) {
    case 'journal-unreadable':
      return `The journal of ${gap.pid === undefined ? 'a process' : processOf(gap)} could not be read: ${gap.detail}`;
    case 'export-failed':
      return `Part of the export failed: ${gap.detail}`;
    default: {
      if (gap.pid === undefined) return gap.detail;
      const named = `process ${gap.pid}`;
      const namesIt = gap.detail.startsWith(named) && !/[0-9]/.test(gap.detail.charAt(named.length));
      return namesIt ? processOf(gap) + gap.detail.slice(named.length) : `${processOf(gap)}: ${gap.detail}`;
    }
  }
}

/** A process in a warning: its pid and its short label (the whole command is in manifest.json's gap). */
function processOf(gap: CaptureGap): string {
  return `process ${gap.pid}${gap.command ? ` (${processLabel(gap.command)})` : ''}`;
}

function sortedChanges(changeSet: ChangeSet, keep: (c: PathChange) => boolean): PathChange[] {
  const rootOrder = new Map(changeSet.roots.map((r, i) => [r.label, i]));
  return changeSet.changes.filter(keep).sort(
    (a, b) =>
      (rootOrder.get(a.root) ?? Infinity) - (rootOrder.get(b.root) ?? Infinity) ||
      compareStrings(a.relativePath, b.relativePath) ||
      changeOrder[a.change] - changeOrder[b.change],
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toRow(changeSet: ChangeSet, change: PathChange): FileRow {
  return {
    change: change.change,
    path: `${change.root}/${change.relativePath}`,
    suffix: change.type === 'directory' ? '/' : change.type === 'symlink' ? ` -> ${change.target ?? '?'}` : '',
    size: change.type === 'file' ? formatBytes(change.size) : '',
    writtenBy: writerLabel(changeSet, change.firstWriter),
    note: omissionNote(change),
  };
}

const omissionNotes: Record<NonNullable<PathChange['contentOmitted']>, string> = {
  excluded: 'not uploaded: matches exclude',
  'too-large': 'content not kept: too large',
  'not-captured': 'content not captured',
};

function omissionNote(change: PathChange): string {
  if (change.change === 'modified' && change.contentChanged === false && change.metadataChanged) return 'metadata only';
  return change.contentOmitted ? omissionNotes[change.contentOmitted] : '';
}
