// The fold: every journal of a run → one change set. Changes are applied in the order they became visible, by
// process.hrtime.bigint(), which is CLOCK_MONOTONIC on Linux (mach_absolute_time on macOS): one clock for every
// process of the boot, with nanosecond resolution, that NTP never steps backwards. Date.now() is shared too but has
// millisecond resolution (thousands of writes share one reading) and can jump back. Each journal records a
// (wall, monotonic) pair at its start, which turns a change's clock reading into the wall time shown to users.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { applyChange, diskLstat, emptyNode, endDiskAnswers, FoldModel, forgetDiskAnswers, kindOfMode, wallTime, type FoldNode } from './fold-model.js';
import { emptyContent, forEachChunk, readWholeContent, type FileContent } from './journal-content.js';
import { readAt } from './journal-file.js';
import { onDisk, readLink, readNames } from '../overlay/disk.js';
import { outsideRootsDetail } from './journal-trust.js';
import { readSpool, type ReadJournal, type TimedChange } from './read-journals.js';
import { describeSpoolFilesystem } from './spool-space.js';
import type { BeginRecord } from './record.js';
import type { CaptureGap, ChangeSet, ContentSource, PathChange, RootInfo, Writer } from './types.js';
import { sha256OfFile } from './file-hash.js';

export interface FoldOptions {
  spoolDir: string;
  roots: RootInfo[];
  /** Transient files larger than this are listed without their content. Default 1 MiB. */
  transientContentCap?: number;
}

const defaultTransientCap = 1024 * 1024;

interface PathHistory {
  writers: number[];
  /** The writer of the latest change: who made the final state. */
  last: number;
  changedAt: bigint;
}

export function foldJournals(o: FoldOptions): ChangeSet {
  // The run's user is this process's, which made the spool; every record is checked against the roots.
  const spool = readSpool(o.spoolDir, { roots: o.roots.map((root) => root.path), ...(process.getuid ? { runUid: process.getuid() } : {}) });
  const owner = {};
  forgetDiskAnswers(owner);
  try {
    return foldChanges(spool.changes, {
      spoolDir: o.spoolDir,
      roots: o.roots,
      journals: spool.journals,
      unreadable: spool.unreadable,
      transientContentCap: o.transientContentCap ?? defaultTransientCap,
      release: () => spool.close(),
    });
  } catch (error) {
    spool.close();
    throw error;
  } finally {
    endDiskAnswers(owner);
  }
}

interface FoldInput {
  spoolDir: string;
  roots: RootInfo[];
  journals: ReadJournal[];
  unreadable: { file: string; detail: string }[];
  transientContentCap: number;
  /** Closes what the content is read from, once the change set is no longer read. */
  release: () => void;
}

function foldChanges(changes: TimedChange[], o: FoldInput): ChangeSet {
  const model = new FoldModel();
  const writers = new WriterTable();
  const history = new Map<string, PathHistory>();
  /** Paths made during the run (absent from the disk), with the last node they held. */
  const madeInRun = new Map<string, FoldNode>();

  const touch = (target: string, writer: number, at: bigint) => {
    const known = history.get(target);
    if (!known) history.set(target, { writers: [writer], last: writer, changedAt: at });
    else {
      if (!known.writers.includes(writer)) known.writers.push(writer);
      known.last = writer;
      known.changedAt = at;
    }
  };

  // The records are consumed: once applied, what the model keeps of them (content links, times) is all the fold
  // needs, and a run of 100,000 changes would otherwise hold every record through the comparison and the export.
  // Each is let go as it is applied, so the model grows while the records shrink.
  const pending: (TimedChange | undefined)[] = changes.splice(0);
  for (let i = 0; i < pending.length; i++) {
    const change = pending[i]!;
    pending[i] = undefined;
    const writer = writers.of(change);
    const at = wallTime(change);
    const applied = applyChange(model, change, at);
    // A moved path keeps the history of its old name, then gets this change's.
    for (const [oldPath, newPath] of applied.moved) {
      const known = history.get(oldPath);
      if (known) for (const w of known.writers) touch(newPath, w, known.changedAt);
    }
    for (const [target, node] of applied.placed) {
      // Below a folder the run made, nothing can be on the disk: no need to ask it.
      if (madeInRun.has(target) || madeInRun.has(parentOf(target)) || !diskLstat(target)) madeInRun.set(target, node);
      touch(target, writer, at);
    }
    for (const target of applied.touched) touch(target, writer, at);
  }

  const roots = o.roots.slice().sort((a, b) => b.path.length - a.path.length);
  const result: PathChange[] = [];
  const bytes = new Map<PathChange, FileContent>();
  const describe = (target: string, change: PathChange['change'], node: FoldNode | undefined): PathChange => {
    const root = rootOf(target, roots);
    const entry: PathChange = {
      path: target,
      root: root.label,
      relativePath: path.relative(root.path, target).split(path.sep).join('/'),
      change,
      type: node?.type ?? 'other',
      mode: (node?.mode ?? 0) & 0o7777,
      size: node?.size ?? 0,
    };
    const known = history.get(target) ?? historyOfAncestor(target, history);
    if (known) {
      entry.firstWriter = known.writers[0];
      entry.lastWriter = known.last;
      entry.writers = known.writers.slice();
      entry.changedAtNs = String(known.changedAt);
      const test = writers.list[known.last]?.test;
      if (test !== undefined) entry.test = test;
    }
    return entry;
  };

  // Created and modified: every entry compared with what the disk still holds at its path.
  const liveNodes = new Set<FoldNode>();
  const pathsOfNode = new Map<FoldNode, string[]>();
  for (const [target, node] of model.entries) {
    liveNodes.add(node);
    pathsOfNode.set(node, [...(pathsOfNode.get(node) ?? []), target]);
  }
  for (const [target, node] of model.entries) {
    const disk = madeInRun.has(target) ? undefined : diskLstat(target);
    let entry: PathChange;
    if (!disk) {
      entry = describe(target, 'created', node);
    } else {
      const comparison = compareWithDisk(target, node, disk);
      if (!comparison.contentChanged && !comparison.metadataChanged) continue;
      entry = describe(target, 'modified', node);
      entry.contentChanged = comparison.contentChanged;
      entry.metadataChanged = comparison.metadataChanged;
      if (disk.isFile()) entry.originalSha256 = sha256OfFile(target);
    }
    if (node.type === 'file') {
      const content = contentOf(node);
      entry.sha256 = hashOf(node) ?? sha256Of(emptyContent);
      if (content) bytes.set(entry, content);
    }
    if (node.type === 'symlink') entry.target = node.target;
    const links = pathsOfNode.get(node)!;
    if (node.type === 'file' && links.length > 1) entry.linkedWith = links.filter((p) => p !== target).sort();
    result.push(entry);
  }

  // Deleted: what the disk holds under every hidden path and the model no longer shows.
  const reported = new Set(result.map((c) => c.path));
  for (const hiddenPath of [...model.hidden].sort()) {
    walkDisk(hiddenPath, (target, stat) => {
      if (model.entries.has(target) || reported.has(target)) return;
      reported.add(target);
      const mode = Number(stat.mode);
      const entry = describe(target, 'deleted', { ...emptyNode(kindOfMode(mode)), mode, size: Number(stat.size) });
      if (stat.isFile()) entry.originalSha256 = sha256OfFile(target);
      if (stat.isSymbolicLink()) entry.target = readLink(target);
      result.push(entry);
    });
  }

  // Transient: made during the run, gone at its end, and whose node does not live on under another path.
  for (const [target, node] of madeInRun) {
    if (model.entries.has(target) || liveNodes.has(node) || reported.has(target)) continue;
    const entry = describe(target, 'transient', node);
    if (node.type === 'file' && node.content) {
      if (node.size <= o.transientContentCap) {
        entry.sha256 = hashOf(node)!;
        bytes.set(entry, node.content);
      } else {
        entry.contentOmitted = 'too-large';
      }
    }
    if (node.type === 'symlink') entry.target = node.target;
    result.push(entry);
  }

  const times = new Map(result.map((c) => [c, BigInt(c.changedAtNs ?? 0)]));
  result.sort((a, b) => compareTimes(times.get(a)!, times.get(b)!) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const usedRoots = rootsUsed(o.roots, result);
  return { roots: usedRoots, writers: writersOfChanges(writers.list, result), changes: result, gaps: gapsOf(o), content: contentSource(bytes, o.release) };
}

/**
 * The change set's bytes. Made out here, not in foldChanges: a closure keeps its whole scope alive, and there the
 * model, the histories and the disk answers of every path would live on through the export.
 */
function contentSource(bytes: Map<PathChange, FileContent>, release: () => void): ContentSource {
  return {
    read: (change) => {
      const found = bytes.get(change);
      return found === undefined ? undefined : readWholeContent(found);
    },
    open: (change) => bytes.get(change),
    close: release,
  };
}

/**
 * Only the writers of a reported change: a process whose every change was undone or left the disk as it was (it
 * wrote the bytes the file already had) is no writer of anything the user will see. Indexes are renumbered.
 */
export function writersOfChanges(all: Writer[], changes: PathChange[]): Writer[] {
  const used = new Set<number>();
  for (const change of changes) for (const index of change.writers ?? []) used.add(index);
  const renumbered = new Map<number, number>();
  const kept: Writer[] = [];
  all.forEach((writer, index) => {
    if (!used.has(index)) return;
    renumbered.set(index, kept.length);
    kept.push(writer);
  });
  for (const change of changes) {
    if (change.writers !== undefined) change.writers = change.writers.map((index) => renumbered.get(index)!);
    if (change.firstWriter !== undefined) change.firstWriter = renumbered.get(change.firstWriter)!;
    if (change.lastWriter !== undefined) change.lastWriter = renumbered.get(change.lastWriter)!;
  }
  return kept;
}

function compareWithDisk(target: string, node: FoldNode, disk: fs.BigIntStats): { contentChanged: boolean; metadataChanged: boolean } {
  const diskMode = Number(disk.mode);
  if (kindOfMode(diskMode) !== node.type) return { contentChanged: true, metadataChanged: true };
  const metadataChanged = (diskMode & 0o7777) !== (node.mode & 0o7777) || Number(disk.uid) !== node.uid ||
    Number(disk.gid) !== node.gid || (node.timesSet && node.mtimeNs !== undefined && node.mtimeNs !== disk.mtimeNs);
  let contentChanged = false;
  if (node.type === 'file') {
    if (node.content) contentChanged = node.size !== Number(disk.size) || hashOf(node) !== sha256OfFile(target);
    else if (node.lowerPath !== undefined && node.lowerPath !== target) contentChanged = sha256OfFile(node.lowerPath) !== sha256OfFile(target);
  } else if (node.type === 'symlink') {
    contentChanged = node.target !== readLink(target);
  }
  return { contentChanged, metadataChanged };
}

/** The bytes of a file node: written in the run (from the journals), or still the disk's (moved or linked). */
function contentOf(node: FoldNode): FileContent | undefined {
  if (node.content) return node.content;
  if (node.lowerPath === undefined) return undefined;
  return diskContent(node.lowerPath, node.size);
}

/** A disk file's bytes, read in pieces when asked (the export copies gigabytes without holding them). */
function diskContent(target: string, size: number): FileContent {
  return {
    size,
    readInto(buffer, offset, length, position) {
      const fd = fs.openSync(onDisk(target), 'r');
      try {
        return readAt(fd, buffer, offset, Math.min(length, size - position), position);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

/** Each node's content is hashed once, however many of its paths and comparisons ask. */
const hashes = new WeakMap<FoldNode, string | undefined>();

function hashOf(node: FoldNode): string | undefined {
  if (hashes.has(node)) return hashes.get(node);
  const content = contentOf(node);
  let hash: string | undefined;
  try {
    hash = content === undefined ? undefined : sha256Of(content);
  } catch {
    hash = undefined; // a disk file gone or unreadable: its bytes were not captured
  }
  hashes.set(node, hash);
  return hash;
}

function sha256Of(content: FileContent): string {
  const hash = createHash('sha256');
  forEachChunk(content, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

function walkDisk(target: string, visit: (target: string, stat: fs.BigIntStats) => void): void {
  const stat = diskLstat(target);
  if (!stat) return;
  visit(target, stat);
  if (!stat.isDirectory()) return;
  let names: string[] = [];
  try {
    names = readNames(target);
  } catch {
    return;
  }
  for (const name of names.sort()) walkDisk(path.join(target, name), visit);
}

function historyOfAncestor(target: string, history: Map<string, PathHistory>): PathHistory | undefined {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const known = history.get(dir);
    if (known) return known;
  }
  return history.get('/');
}

// Only a change set built otherwise than from journals can hold one: the reader refuses paths outside the roots.
const otherRoot: RootInfo = { label: 'other', path: '/' };

function rootOf(target: string, rootsLongestFirst: RootInfo[]): RootInfo {
  return rootsLongestFirst.find((root) => target === root.path || target.startsWith(root.path === '/' ? '/' : root.path + '/')) ?? otherRoot;
}

function rootsUsed(roots: RootInfo[], changes: PathChange[]): RootInfo[] {
  const labels = new Set(roots.map((r) => r.label));
  return changes.some((c) => !labels.has(c.root)) ? [...roots, otherRoot] : roots.slice();
}

function compareTimes(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function parentOf(target: string): string {
  const slash = target.lastIndexOf('/');
  return slash <= 0 ? '/' : target.slice(0, slash);
}


class WriterTable {
  readonly list: Writer[] = [];
  private readonly index = new Map<string, number>();
  /** The test file of each (journal, path): the stack is taken at a journal's first record for a path only. */
  private readonly testFiles = new Map<ReadJournal, Map<string, string>>();

  of(change: TimedChange): number {
    const begin = change.journal.begin;
    const pid = begin?.pid ?? 0;
    const command = begin ? commandLineOf(begin) : '(unknown process)';
    const testFile = this.testFileOf(change);
    const test = change.record.ti === undefined ? undefined : change.journal.tests.get(change.record.ti);
    const key = `${pid}\0${command}\0${testFile ?? ''}\0${test?.name ?? ''}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.length;
      const writer: Writer = { pid, command };
      if (testFile) writer.testFile = testFile;
      if (test) {
        writer.test = test.name;
        // A test said to have failed and passed (retried, or a forged journal) is shown as failed.
        const outcome = test.failed ? 'failed' : test.passed ? 'passed' : undefined;
        if (outcome) writer.testOutcome = outcome;
      }
      this.list.push(writer);
      this.index.set(key, at);
    }
    return at;
  }

  private testFileOf(change: TimedChange): string | undefined {
    const record = change.record;
    const subject = record.k === 'link' ? record.newPath : record.k === 'rename' ? record.to : record.path;
    let files = this.testFiles.get(change.journal);
    if (!files) this.testFiles.set(change.journal, (files = new Map()));
    if (record.tf) files.set(subject, record.tf);
    return files.get(subject);
  }
}

function gapsOf(o: FoldInput): CaptureGap[] {
  const gaps: CaptureGap[] = [];
  for (const journal of o.journals) {
    // Without its first record a journal still names its process: the file name starts with the pid (spool.ts).
    const pid = journal.begin?.pid ?? pidOfJournalName(journal.file);
    const command = journal.begin ? commandLineOf(journal.begin) : undefined;
    const who = { ...(pid !== undefined ? { pid } : {}), ...(command !== undefined ? { command } : {}) };
    if (journal.begin === undefined && journal.changeCount === 0 && journal.refused === undefined && !(pid !== undefined && isAlive(pid))) {
      // A process that could not even write its first record (the spool's filesystem refused it): what it changed
      // is unknown, and must not pass for nothing.
      gaps.push({ ...who, reason: 'spool-full', detail: `${path.basename(journal.file)}: process ${pid ?? '?'} could not write to its journal at all (the spool's filesystem refused its first record): what it changed is missing` });
      continue;
    }
    for (const note of journal.notes) gaps.push({ ...who, reason: 'other', detail: note });
    if (journal.quota) gaps.push({ ...who, reason: 'quota-exceeded', detail: quotaDetail(journal.quota) });
    if (journal.outside) gaps.push({ ...who, reason: 'other', detail: outsideRootsDetail(journal.outside.count, journal.outside.first) });
    if (journal.spool) gaps.push({ ...who, reason: 'spool-full', detail: spoolDetail(journal.spool) });
    if (journal.lost && journal.lost.lost > 0) {
      gaps.push({ ...who, reason: 'spool-full', detail: lostDetail(journal.lost, describeSpoolFilesystem(o.spoolDir)) });
    }
    if (journal.refused !== undefined) {
      // Its end, if any, lay past the refused record: whether the process flushed is not known, and not the point.
      gaps.push({ ...who, reason: 'journal-unreadable', detail: `${path.basename(journal.file)}: ${journal.refused}` });
      continue;
    }
    // Only the end mark did not fit: the process did flush at its exit.
    if (journal.ended || journal.lost?.unended) continue;
    if (pid !== undefined && isAlive(pid)) {
      gaps.push({ ...who, reason: 'other', detail: `process ${pid} was still running when the changes were collected: what it wrote later is missing` });
    } else if (journal.unsaved.length > 0 || journal.tornBytes > 0) {
      // Everything else became visible through a synchronous write before the process could die: a signal death
      // with nothing unsaved and nothing torn lost nothing, and is no gap.
      gaps.push({ ...who, reason: 'process-died-before-flush', detail: lossDetail(pid, journal) });
    }
  }
  for (const { file, detail } of o.unreadable) gaps.push({ reason: 'journal-unreadable', detail: `${path.basename(file)}: ${detail}` });
  return gaps;
}

function pidOfJournalName(file: string): number | undefined {
  const match = /^(\d+)-/.exec(path.basename(file));
  return match ? Number(match[1]) : undefined;
}

/** Files named in a gap before "and N more" (the manifest's `gaps` is read by people; the journals hold the rest). */
const namedFiles = 3;

function lossDetail(pid: number | undefined, journal: ReadJournal): string {
  const files = journal.unsaved;
  const torn = journal.tornBytes > 0;
  const listed = files.slice(0, namedFiles).join(', ') + (files.length > namedFiles ? ` and ${files.length - namedFiles} more` : '');
  const how: string[] = [];
  if (files.length > 0) how.push(`with unsaved writes to ${files.length === 1 ? 'a file' : 'files'} it still had open (${listed})`);
  if (torn) how.push(`while writing a change to its journal (${journal.tornBytes} bytes)`);
  const lost = files.length > 0 && torn ? 'both are' : torn ? 'that change is' : 'those writes are';
  return `process ${pid ?? '?'} ended ${how.join(' and ')}: ${lost} missing`;
}

function quotaDetail(quota: NonNullable<ReadJournal['quota']>): string {
  const writes = quota.refused === 1 ? '1 write' : `${quota.refused} writes`;
  const where = quota.path === '' ? '' : `, first at ${quota.path}`;
  return `${writes} refused by the memory quota of ${formatBytes(quota.quotaBytes)} per process${where} `
    + `(${formatBytes(quota.requestedBytes)} needed); raise it with --quota / the quota input / MEMFS_QUOTA`;
}

function spoolDetail(spool: NonNullable<ReadJournal['spool']>): string {
  const writes = spool.refused === 1 ? '1 write' : `${spool.refused} writes`;
  const first = spool.path === '' ? '' : `, first at ${spool.path}`;
  const inRam = spool.where.includes('in RAM');
  const keeps = spool.bound === 'disk' ? `, which keeps ${formatBytes(spool.reserveBytes)} free`
    : spool.bound === 'memory' ? `, which keeps ${formatBytes(spool.reserveBytes)} of memory available` : '';
  const fix = spool.bound === 'cap'
    ? 'raise it with --spool-limit / the spool-limit input / MEMFS_SPOOL_LIMIT'
    : inRam ? 'free memory (fewer test processes at once, a larger machine), or have the tests write less'
      : `free space there, or have the tests write less`;
  return `${writes} refused: the run's spool reached its limit of ${formatBytes(spool.limitBytes)} on ${spool.where}${keeps}`
    + `${first} (${formatBytes(spool.requestedBytes)} needed); ${fix}`;
}

function lostDetail(lost: NonNullable<ReadJournal['lost']>, where: string): string {
  const changes = lost.lost === 1 ? '1 change' : `${lost.lost} changes`;
  const first = lost.path === '' ? '' : `, the first a ${lost.kind} change of ${lost.path}`;
  const free = where.includes('in RAM') ? 'free memory' : 'free space there';
  const why = lost.code === 'ENOSPC' ? 'was full' : lost.code === 'EDQUOT' ? 'reached its disk quota' : 'refused them';
  return `${changes} could not be journaled because the spool's filesystem ${why} (${lost.code} on ${where})${first}: `
    + `they are missing from this report; ${free}, or set --spool-limit / the spool-limit input below its free space `
    + 'so that such writes fail with ENOSPC in the test instead';
}

/** Sizes in a gap's sentence: whole units when exact ("1 KiB"), else one decimal, in the unit the rounding reaches. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
    // 1048570 bytes is "1.0 MiB", not "1024.0 KiB"; below 1 KiB the bytes are counted.
    const reached = size === 1024 ? bytes >= size : Number((bytes / size).toFixed(1)) >= 1;
    if (reached) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A process's command line as writers[] shows it: argv with Node's own options after the program. */
export function commandLineOf(begin: BeginRecord): string {
  const [program = 'node', ...args] = begin.argv;
  return [program, ...(begin.execArgv ?? []), ...args].join(' ');
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
