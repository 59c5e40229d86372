// The run's picture of the filesystem: the changes of every journal applied in order to a model of the paths that
// differ from the disk, read against the disk as it still is (the overlay never wrote to it). The fold reads it to
// report the change set; every process that starts reads it as the layer between its own overlay and the disk
// (run-layer.ts), so it sees what the run made visible before it. It is the engine's copy-on-write idea reduced to
// what those two need: entries that exist in memory, paths hidden by a removal (whiteouts), directories that hide
// the disk's children (opaque), and nodes shared by hard links. Content stays in the journals (journal-content.ts).
//
// Every operation costs the size of what it touches, not of the model: a trie of names (`below`) finds the entries
// under a folder, so a run that removes 100,000 files one by one folds in linear time.
import fs, { lstatSync as lstatSyncAtLoad } from 'node:fs';
import { onDisk, readLink, readNames } from '../overlay/disk.js';
import { nameByteLength } from '../overlay/name-bytes.js';
import { emptyContent, type FileContent } from './journal-content.js';
import type { TimedChange } from './read-journals.js';
import type { EntryKind } from './types.js';

export interface FoldNode {
  type: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeNs?: bigint;
  atimeNs?: bigint;
  /** When the node last changed (ns since the epoch): its ctime, as far as the journals tell. */
  ctimeNs?: bigint;
  /** Content written during the run, read from the journals on demand. */
  content?: FileContent;
  /** A disk file whose bytes this node still has (moved or linked without being rewritten). */
  lowerPath?: string;
  /** The disk's inode and device, for a node taken from the disk (kept by renames and links, as the engine keeps them). */
  diskIno?: number;
  diskDev?: number;
  target?: string;
  /** Directories: the disk's children at this path are hidden (made in the run, or every child is an entry). */
  opaque: boolean;
  /** utimes was called: the times are part of what changed. */
  timesSet: boolean;
  /** Names this node has in the model (hard links). */
  links: number;
}

const S_IFMT = fs.constants.S_IFMT;

export function kindOfMode(mode: number): EntryKind {
  switch (mode & S_IFMT) {
    case fs.constants.S_IFREG:
      return 'file';
    case fs.constants.S_IFDIR:
      return 'directory';
    case fs.constants.S_IFLNK:
      return 'symlink';
    default:
      return 'other';
  }
}

// Captured when the module loads: a process reads the model after node/ has patched fs in place, and the patched
// lstat would come back into the overlay (see overlay/disk.ts).
const lstatSync = lstatSyncAtLoad;

/**
 * The disk does not change while a run is folded (the overlay never wrote to it), so each path is asked once: a run
 * that wrote one file a hundred thousand times costs one lstat, not a hundred thousand.
 */
const lstatMemo = new Map<string, fs.BigIntStats | undefined>();
let memoOwner: object | undefined;

/** Starts a fold: earlier answers may be stale (the disk may have changed between two folds). */
export function forgetDiskAnswers(owner: object): void {
  lstatMemo.clear();
  memoOwner = owner;
}

export function diskLstat(target: string): fs.BigIntStats | undefined {
  if (memoOwner === undefined) return lstatIfAny(target);
  if (lstatMemo.has(target)) return lstatMemo.get(target);
  const stat = lstatIfAny(target);
  lstatMemo.set(target, stat);
  return stat;
}

/** Nothing there: no entry, or a path through what is a file on the disk (a directory renamed onto a file's name). */
function lstatIfAny(target: string): fs.BigIntStats | undefined {
  try {
    return lstatSync(onDisk(target), { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EACCES' || code === 'ENAMETOOLONG' || code === 'ELOOP') return undefined;
    throw error;
  }
}

/** Ends a fold: no memory held between runs. */
export function endDiskAnswers(owner: object): void {
  if (memoOwner !== owner) return;
  lstatMemo.clear();
  memoOwner = undefined;
}

function parentOf(target: string): string {
  const slash = target.lastIndexOf('/');
  return slash <= 0 ? '/' : target.slice(0, slash);
}

function nameOf(target: string): string {
  return target.slice(target.lastIndexOf('/') + 1);
}

function join(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

export function emptyNode(type: FoldNode['type']): FoldNode {
  return { type, mode: 0, uid: 0, gid: 0, size: 0, opaque: false, timesSet: false, links: 1 };
}

export class FoldModel {
  private readonly entryMap = new Map<string, FoldNode>();
  readonly hidden = new Set<string>();
  /** For every folder on the way to an entry: the names below it that lead to entries. */
  private readonly below = new Map<string, Set<string>>();
  /** Hidden names by folder, for listings. */
  private readonly hiddenByDir = new Map<string, Set<string>>();

  get entries(): ReadonlyMap<string, FoldNode> {
    return this.entryMap;
  }

  get size(): number {
    return this.entryMap.size + this.hidden.size;
  }

  /** Sets an entry (replacing one at the same path), leaving it last in the order of entries. */
  set(target: string, node: FoldNode): void {
    if (this.entryMap.has(target)) this.entryMap.delete(target);
    this.entryMap.set(target, node);
    for (let child = target, dir = parentOf(target); child !== '/'; child = dir, dir = parentOf(dir)) {
      let names = this.below.get(dir);
      if (names === undefined) this.below.set(dir, (names = new Set()));
      else if (names.has(nameOf(child))) break;
      names.add(nameOf(child));
    }
  }

  private unset(target: string): void {
    if (!this.entryMap.delete(target)) return;
    for (let child = target, dir = parentOf(target); child !== '/'; child = dir, dir = parentOf(dir)) {
      if (this.entryMap.has(child) || (this.below.get(child)?.size ?? 0) > 0) break;
      const names = this.below.get(dir);
      names?.delete(nameOf(child));
      if (names !== undefined && names.size === 0) this.below.delete(dir);
    }
  }

  /** Hides a path: a removal or the old name of a rename (a whiteout). */
  private hide(target: string): void {
    if (this.hidden.has(target)) return;
    this.hidden.add(target);
    const dir = parentOf(target);
    let names = this.hiddenByDir.get(dir);
    if (names === undefined) this.hiddenByDir.set(dir, (names = new Set()));
    names.add(nameOf(target));
  }

  /** Names directly in a folder that a removal or rename hid (an entry made there since takes precedence). */
  hiddenIn(dir: string): ReadonlySet<string> | undefined {
    return this.hiddenByDir.get(dir);
  }

  /** Names directly below a folder that lead to entries (the entry itself or something under it). */
  namesBelow(dir: string): ReadonlySet<string> | undefined {
    return this.below.get(dir);
  }

  /** Every entry at or below a path, parents before children. */
  entriesUnder(target: string): string[] {
    const found: string[] = [];
    const visit = (current: string) => {
      if (this.entryMap.has(current)) found.push(current);
      const names = this.below.get(current);
      if (names !== undefined) for (const name of names) visit(join(current, name));
    };
    visit(target);
    return found;
  }

  /**
   * What the model says of a path without asking the disk: its node, null when nothing can be there (hidden, or
   * below a removed, opaque or non-directory entry), undefined when the disk answers.
   */
  lookup(target: string): FoldNode | null | undefined {
    const entry = this.entryMap.get(target);
    if (entry !== undefined) return entry;
    if (this.hidden.has(target)) return null;
    if (target === '/') return undefined;
    for (let dir = parentOf(target); ; dir = parentOf(dir)) {
      const ancestor = this.entryMap.get(dir);
      if (ancestor !== undefined) return ancestor.type !== 'directory' || ancestor.opaque ? null : undefined;
      if (this.hidden.has(dir)) return null;
      if (dir === '/') return undefined;
    }
  }

  /** The node visible at a path: an entry, 'disk' for an untouched disk entry, or undefined when absent. */
  resolve(target: string): FoldNode | 'disk' | undefined {
    const found = this.lookup(target);
    if (found === null) return undefined;
    if (found !== undefined) return found;
    return diskLstat(target) ? 'disk' : undefined;
  }

  /** The entry at a path, taken from the disk into the model when it is still the disk's. */
  materialize(target: string): FoldNode | undefined {
    const found = this.resolve(target);
    if (found !== 'disk') return found;
    const node = nodeFromDisk(target);
    if (node) this.set(target, node);
    return node;
  }

  /** Every entry at or below a path: the disk's visible children become entries, and directories opaque. */
  materializeTree(root: string): void {
    const node = this.materialize(root);
    if (!node || node.type !== 'directory') return;
    if (!node.opaque) {
      let names: string[] = [];
      try {
        names = readNames(root);
      } catch {
        // A directory the fold may not read: its children stay out of the model (the same as the overlay's view).
      }
      for (const name of names) {
        const child = join(root, name);
        if (!this.entryMap.has(child) && !this.hidden.has(child)) {
          const childNode = nodeFromDisk(child);
          if (childNode) this.set(child, childNode);
        }
      }
      node.opaque = true;
    }
    for (const name of [...(this.below.get(root) ?? [])]) this.materializeTree(join(root, name));
  }

  /** Entries at or below a path, removed from the model; returned for transient bookkeeping. */
  removeTree(target: string): [string, FoldNode][] {
    const removed: [string, FoldNode][] = [];
    for (const key of this.entriesUnder(target)) {
      const node = this.entryMap.get(key)!;
      removed.push([key, node]);
      node.links--;
    }
    for (let i = removed.length - 1; i >= 0; i--) this.unset(removed[i]![0]);
    this.hide(target);
    return removed;
  }

  /** Moves a whole subtree; returns the pairs (old path, new path) of the entries moved. */
  rename(from: string, to: string): { moved: [string, string][]; replaced: [string, FoldNode][] } | undefined {
    if (from === to) return { moved: [], replaced: [] };
    const node = this.materialize(from);
    if (!node) return undefined;
    if (node.type === 'directory') this.materializeTree(from);
    const replaced = this.resolve(to) ? this.removeTree(to) : [];
    const moved: [string, string][] = this.entriesUnder(from).map((key) => [key, to + key.slice(from.length)]);
    const nodes = moved.map(([oldKey]) => this.entryMap.get(oldKey)!);
    for (let i = moved.length - 1; i >= 0; i--) this.unset(moved[i]![0]);
    moved.forEach(([, newKey], index) => this.set(newKey, nodes[index]!));
    this.hide(from);
    return { moved, replaced };
  }
}

export function nodeFromDisk(target: string): FoldNode | undefined {
  const stat = diskLstat(target);
  if (!stat) return undefined;
  const mode = Number(stat.mode);
  const type = kindOfMode(mode);
  const node: FoldNode = {
    type, mode, uid: Number(stat.uid), gid: Number(stat.gid), size: Number(stat.size), mtimeNs: stat.mtimeNs,
    atimeNs: stat.atimeNs, ctimeNs: stat.ctimeNs, diskIno: Number(stat.ino), diskDev: Number(stat.dev),
    opaque: false, timesSet: false, links: 1,
  };
  if (type === 'file') node.lowerPath = target;
  if (type === 'symlink') node.target = readLink(target);
  return node;
}

/** What applying one change did, for the fold's bookkeeping of writers, times and transient files. */
export interface Applied {
  /** Paths the change made or changed, with the node now there. */
  placed: [string, FoldNode][];
  /** Paths whose history the change extends. */
  touched: string[];
  /** Entries a rename moved: (old path, new path). */
  moved: [string, string][];
}

const nothing: Applied = { placed: [], touched: [], moved: [] };

/**
 * Applies one journal change to the model, as the process that made it saw it happen. `at` is the wall time it
 * became visible (ns since the epoch): the ctime of what it changed.
 */
export function applyChange(model: FoldModel, change: TimedChange, at: bigint): Applied {
  const record = change.record;
  switch (record.k) {
    case 'content': {
      const existing = model.entries.get(record.path);
      const node: FoldNode = existing && existing.type === 'file' ? existing : emptyNode('file');
      node.content = change.content ?? emptyContent;
      delete node.lowerPath;
      Object.assign(node, {
        mode: record.mode, uid: record.uid, gid: record.gid, size: record.size, mtimeNs: BigInt(record.mtimeNs),
        atimeNs: BigInt(record.atimeNs), ctimeNs: at,
      });
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case 'mkdir': {
      const existing = model.resolve(record.path);
      if (existing !== undefined && (existing === 'disk' ? diskLstat(record.path)!.isDirectory() : existing.type === 'directory')) {
        return { placed: [], touched: [record.path], moved: [] };
      }
      if (existing) model.removeTree(record.path);
      const node: FoldNode = { ...emptyNode('directory'), mode: record.mode, uid: record.uid, gid: record.gid, opaque: true, mtimeNs: at, atimeNs: at, ctimeNs: at };
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case 'symlink': {
      if (model.resolve(record.path)) model.removeTree(record.path);
      const node: FoldNode = {
        ...emptyNode('symlink'), target: record.target, size: nameByteLength(record.target), uid: record.uid, gid: record.gid,
        mode: 0o120777, mtimeNs: at, atimeNs: at, ctimeNs: at,
      };
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case 'link': {
      const node = model.materialize(record.existingPath);
      if (!node) return nothing;
      if (model.resolve(record.newPath)) model.removeTree(record.newPath);
      node.links++;
      node.ctimeNs = at;
      model.set(record.newPath, node);
      return { placed: [[record.newPath, node]], touched: [record.newPath], moved: [] };
    }
    case 'remove':
      model.removeTree(record.path);
      return { placed: [], touched: [record.path], moved: [] };
    case 'rename': {
      const result = model.rename(record.from, record.to);
      if (!result) return nothing;
      const placed: [string, FoldNode][] = result.moved.map(([, newPath]) => [newPath, model.entries.get(newPath)!]);
      return { placed, touched: [record.from], moved: result.moved };
    }
    case 'metadata': {
      const node = model.materialize(record.path);
      if (!node) return nothing;
      Object.assign(node, {
        mode: record.mode, uid: record.uid, gid: record.gid, mtimeNs: BigInt(record.mtimeNs), atimeNs: BigInt(record.atimeNs),
        ctimeNs: at, timesSet: true,
      });
      return { placed: [], touched: [record.path], moved: [] };
    }
  }
}

/** When a change became visible, as wall time: the journal's (wall, monotonic) pair turns the clock reading. */
export function wallTime(change: TimedChange): bigint {
  const begin = change.journal.begin;
  if (!begin) return change.time;
  return BigInt(begin.wallNs) + (change.time - BigInt(begin.monoNs));
}
