// The change set of one run, as the fold of every process's journal produces it and as the export, the manifest,
// the job summary and the terminal summary read it. This is the contract between changes/, report/, action/ and
// cli/; `docs/manifest.md` documents its JSON form (manifest.json), which carries `schemaVersion`.

import type { FileContent } from './journal-content.js';

export type ChangeKind = 'created' | 'modified' | 'deleted' | 'transient';
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

/** A process that wrote at least one change. */
export interface Writer {
  pid: number;
  /** process.argv joined for display. */
  command: string;
  /** The test file that made the process's first write to a path, when the call stack shows one. */
  testFile?: string;
  /**
   * Added compatibly: the test a recognised runner (node:test, vitest, jest, mocha) was running when the process made
   * the change, by its full name (suite > test), and how it ended when the process's journal says.
   */
  test?: string;
  testOutcome?: 'failed' | 'passed';
  /**
   * Added compatibly (kernel engine): not a process but every program the recording preload does not run in (a
   * shell, git, a native tool, a Node process started without it), the writer of each change no Node process
   * recorded. `pid` is 0.
   */
  notNode?: true;
}

export interface RootInfo {
  /** Folder name used under files/ in the export, e.g. "workspace", "tmp". Unique within a run. */
  label: string;
  /** Absolute path of the root on disk. */
  path: string;
}

export interface PathChange {
  /** Absolute path on disk. */
  path: string;
  /** The root it lies under and the path relative to it (POSIX separators). */
  root: string; // RootInfo.label
  relativePath: string;
  change: ChangeKind;
  /** For `modified`: which parts changed. */
  contentChanged?: boolean;
  metadataChanged?: boolean;
  type: EntryKind;
  /** Permission bits (mode & 0o7777) of the final state; of the original for `deleted`. */
  mode: number;
  size: number;
  /** sha256 hex of the final content (files that exist at the end, and kept transient files). */
  sha256?: string;
  /** sha256 hex of the disk's content before the run (modified and deleted files). */
  originalSha256?: string;
  /** Symlink target of the final state. */
  target?: string;
  /** Hard links: other paths of this run that share the same inode at the end. */
  linkedWith?: string[];
  /** Index into ChangeSet.writers of the process that made the first change, and every process that changed it. */
  firstWriter?: number;
  /** Index into ChangeSet.writers of the process whose change made the final state (the last, as the fold orders). */
  lastWriter?: number;
  writers?: number[];
  /** Added compatibly: the test of the change that made the final state (lastWriter's `test`), when known. */
  test?: string;
  /** When the last change became visible, ns since the epoch as a decimal string. */
  changedAtNs?: string;
  /** Path of the exported bytes relative to the export folder, when they were exported. */
  exportedAs?: string;
  /** Transient files whose content was larger than the cap are listed without content. */
  contentOmitted?: 'too-large' | 'excluded' | 'not-captured';
}

/** Something the capture could not record, reported instead of dropped. */
export interface CaptureGap {
  pid?: number;
  command?: string;
  /** 'spool-full' added compatibly: the run's spool limit refused writes, or a journal could not write changes. */
  reason: 'process-died-before-flush' | 'quota-exceeded' | 'spool-full' | 'journal-unreadable' | 'export-failed' | 'other';
  detail: string;
}

export interface ChangeSet {
  roots: RootInfo[];
  writers: Writer[];
  changes: PathChange[];
  gaps: CaptureGap[];
  /**
   * Added compatibly: what changed on the real disk under the roots during the run, outside the overlay (a non-Node
   * program, a Node process without the preload, another program on the machine). Absent when it was not checked.
   */
  disk?: DiskCheck;
  /**
   * Added compatibly (H5): where the bytes of the run's files can be read (final content of created/modified files,
   * last content of kept transient files). Never written to manifest.json; absent on a change set read back from one.
   */
  content?: ContentSource;
}

/** Reads the bytes a PathChange describes; undefined when they were not captured. */
export interface ContentSource {
  /** The whole content in memory: for small files and tests; the export streams through `open`. */
  read(change: PathChange): Buffer | undefined;
  /** The content, read on demand in pieces (a file of gigabytes costs the piece being copied). */
  open?(change: PathChange): FileContent | undefined;
  /** Lets go of what the content is read from (the journals' descriptors): nothing can be read after it. */
  close?(): void;
}

/** What the front end saw change on the real disk by comparing the roots before and after the command (disk-check.ts). */
export interface DiskCheck {
  /** Ordered by root, then path. */
  changed: DiskChange[];
  /** Folders that could not be read before or after the command: what changed below them is not known. */
  unreadable: { path: string; reason: string }[];
  /** Why the check is partial or was not made, when it is. */
  incomplete?: string;
}

/** What a comparison of two pictures of the disk can tell apart; never content, which the check does not read. */
export type DiskAttribute = 'type' | 'size' | 'mtime' | 'ctime' | 'inode' | 'mode' | 'target';

export interface DiskChange {
  /** Absolute path on disk. */
  path: string;
  root: string; // RootInfo.label
  relativePath: string;
  change: 'created' | 'modified' | 'deleted';
  /** At the end; before the run for `deleted`. */
  type: EntryKind;
  /** For `modified`: what differs. A directory's own size and times are not compared (its entries say more). */
  differs?: DiskAttribute[];
  /** Files: bytes at the end (before the run for `deleted`). */
  size?: number;
  /** Symlinks: the target at the end (before the run for `deleted`). */
  target?: string;
}
