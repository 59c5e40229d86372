// The fold: every journal of a run → one change set. Changes are applied in the order they became visible, by
// process.hrtime.bigint(), which is CLOCK_MONOTONIC on Linux (mach_absolute_time on macOS): one clock for every
// process of the boot, with nanosecond resolution, that NTP never steps backwards. Date.now() is shared too but has
// millisecond resolution (thousands of writes share one reading) and can jump back. Each journal records a
// (wall, monotonic) pair at its start, which turns a change's clock reading into the wall time shown to users.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { diskLstat, endDiskAnswers, FoldModel, forgetDiskAnswers, kindOfMode, type FoldNode } from './fold-model.js';
import { onDisk, readLink, readNames } from '../overlay/disk.js';
import { nameByteLength } from '../overlay/name-bytes.js';
import { readSpool, type ReadJournal, type TimedChange } from './read-journals.js';
import type { BeginRecord } from './record.js';
import type { CaptureGap, ChangeSet, ContentSource, PathChange, RootInfo, Writer } from './types.js';

export interface FoldOptions {
  spoolDir: string;
  roots: RootInfo[];
  /** Transient files larger than this are listed without their content. Default 1 MiB. */
  transientContentCap?: number;
}

const defaultTransientCap = 1024 * 1024;

interface PathHistory {
  writers: number[];
  changedAt: bigint;
}

export function foldJournals(o: FoldOptions): ChangeSet {
  // The run's user is this process's, which made the spool; every record is checked against the roots.
  const spool = readSpool(o.spoolDir, { roots: o.roots.map((root) => root.path), ...(process.getuid ? { runUid: process.getuid() } : {}) });
  const owner = {};
  forgetDiskAnswers(owner);
  try {
    return foldChanges(spool.changes, {
      roots: o.roots,
      journals: spool.journals,
      unreadable: spool.unreadable,
      transientContentCap: o.transientContentCap ?? defaultTransientCap,
    });
  } finally {
    endDiskAnswers(owner);
  }
}

interface FoldInput {
  roots: RootInfo[];
  journals: ReadJournal[];
  unreadable: { file: string; detail: string }[];
  transientContentCap: number;
}

function foldChanges(changes: TimedChange[], o: FoldInput): ChangeSet {
  const model = new FoldModel();
  const writers = new WriterTable();
  const history = new Map<string, PathHistory>();
  /** Paths made during the run (absent from the disk), with the last node they held. */
  const madeInRun = new Map<string, FoldNode>();

  const touch = (target: string, writer: number, at: bigint) => {
    const known = history.get(target);
    if (!known) history.set(target, { writers: [writer], changedAt: at });
    else {
      if (!known.writers.includes(writer)) known.writers.push(writer);
      known.changedAt = at;
    }
  };
  const placed = (target: string, node: FoldNode) => {
    if (madeInRun.has(target) || !diskLstat(target)) madeInRun.set(target, node);
  };

  for (const change of changes) {
    const writer = writers.of(change);
    const at = wallTime(change);
    const record = change.record;
    switch (record.k) {
      case 'content': {
        const existing = model.entries.get(record.path);
        const node: FoldNode = existing && existing.type === 'file' ? existing : emptyNode('file');
        node.content = change.content ?? (() => Buffer.alloc(0));
        delete node.lowerPath;
        Object.assign(node, { mode: record.mode, uid: record.uid, gid: record.gid, size: record.size, mtimeNs: BigInt(record.mtimeNs) });
        model.entries.set(record.path, node);
        placed(record.path, node);
        touch(record.path, writer, at);
        break;
      }
      case 'mkdir': {
        const existing = model.resolve(record.path);
        if (existing === undefined || (existing !== 'disk' && existing.type !== 'directory')) {
          if (existing) model.removeTree(record.path);
          const node = { ...emptyNode('directory'), mode: record.mode, uid: record.uid, gid: record.gid, opaque: true };
          model.entries.set(record.path, node);
          placed(record.path, node);
        }
        touch(record.path, writer, at);
        break;
      }
      case 'symlink': {
        if (model.resolve(record.path)) model.removeTree(record.path);
        const node = { ...emptyNode('symlink'), target: record.target, size: nameByteLength(record.target), uid: record.uid, gid: record.gid, mode: 0o120777 };
        model.entries.set(record.path, node);
        placed(record.path, node);
        touch(record.path, writer, at);
        break;
      }
      case 'link': {
        const node = model.materialize(record.existingPath);
        if (!node) break;
        if (model.resolve(record.newPath)) model.removeTree(record.newPath);
        model.entries.set(record.newPath, node);
        placed(record.newPath, node);
        touch(record.newPath, writer, at);
        break;
      }
      case 'remove':
        model.removeTree(record.path);
        touch(record.path, writer, at);
        break;
      case 'rename': {
        const result = model.rename(record.from, record.to);
        if (!result) break;
        for (const [oldPath, newPath] of result.moved) {
          const node = model.entries.get(newPath)!;
          const known = history.get(oldPath);
          if (known) for (const w of known.writers) touch(newPath, w, known.changedAt);
          placed(newPath, node);
          touch(newPath, writer, at);
        }
        touch(record.from, writer, at);
        break;
      }
      case 'metadata': {
        const node = model.materialize(record.path);
        if (!node) break;
        Object.assign(node, { mode: record.mode, uid: record.uid, gid: record.gid, mtimeNs: BigInt(record.mtimeNs), timesSet: true });
        touch(record.path, writer, at);
        break;
      }
    }
  }

  const roots = o.roots.slice().sort((a, b) => b.path.length - a.path.length);
  const result: PathChange[] = [];
  const bytes = new Map<PathChange, () => Buffer | undefined>();
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
      entry.writers = known.writers.slice();
      entry.changedAtNs = String(known.changedAt);
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
    const disk = diskLstat(target);
    let entry: PathChange;
    if (!disk) {
      entry = describe(target, 'created', node);
    } else {
      const comparison = compareWithDisk(target, node, disk);
      if (!comparison.contentChanged && !comparison.metadataChanged) continue;
      entry = describe(target, 'modified', node);
      entry.contentChanged = comparison.contentChanged;
      entry.metadataChanged = comparison.metadataChanged;
      if (disk.isFile()) entry.originalSha256 = hashFile(target);
    }
    if (node.type === 'file') {
      const read = contentOf(node);
      entry.sha256 = sha256(read() ?? Buffer.alloc(0));
      bytes.set(entry, read);
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
      if (stat.isFile()) entry.originalSha256 = hashFile(target);
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
        const data = node.content();
        entry.sha256 = sha256(data);
        bytes.set(entry, () => data);
      } else {
        entry.contentOmitted = 'too-large';
      }
    }
    if (node.type === 'symlink') entry.target = node.target;
    result.push(entry);
  }

  result.sort((a, b) => compareTimes(a.changedAtNs, b.changedAtNs) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content: ContentSource = { read: (change) => bytes.get(change)?.() ?? undefined };
  const usedRoots = rootsUsed(o.roots, result);
  return { roots: usedRoots, writers: writers.list, changes: result, gaps: gapsOf(o), content };
}

function emptyNode(type: FoldNode['type']): FoldNode {
  return { type, mode: 0, uid: 0, gid: 0, size: 0, opaque: false, timesSet: false };
}

function compareWithDisk(target: string, node: FoldNode, disk: fs.BigIntStats): { contentChanged: boolean; metadataChanged: boolean } {
  const diskMode = Number(disk.mode);
  if (kindOfMode(diskMode) !== node.type) return { contentChanged: true, metadataChanged: true };
  const metadataChanged = (diskMode & 0o7777) !== (node.mode & 0o7777) || Number(disk.uid) !== node.uid ||
    Number(disk.gid) !== node.gid || (node.timesSet && node.mtimeNs !== undefined && node.mtimeNs !== disk.mtimeNs);
  let contentChanged = false;
  if (node.type === 'file') {
    if (node.content) contentChanged = node.size !== Number(disk.size) || sha256(node.content()) !== hashFile(target);
    else if (node.lowerPath !== undefined && node.lowerPath !== target) contentChanged = hashFile(node.lowerPath) !== hashFile(target);
  } else if (node.type === 'symlink') {
    contentChanged = node.target !== readLink(target);
  }
  return { contentChanged, metadataChanged };
}

function contentOf(node: FoldNode): () => Buffer | undefined {
  if (node.content) return node.content;
  const lower = node.lowerPath;
  return () => {
    if (lower === undefined) return undefined;
    try {
      return fs.readFileSync(onDisk(lower));
    } catch {
      return undefined;
    }
  };
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

function compareTimes(a: string | undefined, b: string | undefined): number {
  const x = BigInt(a ?? 0);
  const y = BigInt(b ?? 0);
  return x < y ? -1 : x > y ? 1 : 0;
}

function wallTime(change: TimedChange): bigint {
  const begin = change.journal.begin;
  if (!begin) return change.time;
  return BigInt(begin.wallNs) + (change.time - BigInt(begin.monoNs));
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}


function hashFile(target: string): string | undefined {
  try {
    const hash = createHash('sha256');
    const fd = fs.openSync(onDisk(target), 'r');
    try {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
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
    const key = `${pid}\0${command}\0${testFile ?? ''}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(testFile ? { pid, command, testFile } : { pid, command });
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
    const pid = journal.begin?.pid;
    const command = journal.begin ? commandLineOf(journal.begin) : undefined;
    const who = { ...(pid !== undefined ? { pid } : {}), ...(command !== undefined ? { command } : {}) };
    for (const note of journal.notes) gaps.push({ ...who, reason: 'other', detail: note });
    if (journal.quota) gaps.push({ ...who, reason: 'quota-exceeded', detail: quotaDetail(journal.quota) });
    if (journal.refused !== undefined) {
      // Its end, if any, lay past the refused record: whether the process flushed is not known, and not the point.
      gaps.push({ ...who, reason: 'journal-unreadable', detail: `${path.basename(journal.file)}: ${journal.refused}` });
      continue;
    }
    if (journal.ended) continue;
    if (pid !== undefined && isAlive(pid)) {
      gaps.push({ ...who, reason: 'other', detail: `process ${pid} was still running when the changes were collected: what it wrote later is missing` });
    } else {
      const torn = journal.tornBytes > 0 ? ` (${journal.tornBytes} bytes of a change being written were lost)` : '';
      gaps.push({ ...who, reason: 'process-died-before-flush', detail: `process ${pid ?? '?'} ended without flushing its journal (killed, or crashed): writes to files it still had open are missing${torn}` });
    }
  }
  for (const { file, detail } of o.unreadable) gaps.push({ reason: 'journal-unreadable', detail: `${path.basename(file)}: ${detail}` });
  return gaps;
}

function quotaDetail(quota: NonNullable<ReadJournal['quota']>): string {
  const writes = quota.refused === 1 ? '1 write' : `${quota.refused} writes`;
  const where = quota.path === '' ? '' : `, first at ${quota.path}`;
  return `${writes} refused by the memory quota of ${formatBytes(quota.quotaBytes)} per process${where} `
    + `(${formatBytes(quota.requestedBytes)} needed); raise it with --quota / the quota input / MEMFS_QUOTA`;
}

function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
    if (bytes >= size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes} bytes`;
}

function commandLineOf(begin: BeginRecord): string {
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
