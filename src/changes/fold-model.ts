// The fold's picture of the final state: the changes of every journal applied in order to a model of the paths
// that differ from the disk, read against the disk as it still is (the overlay never wrote to it). It is the same
// copy-on-write idea as the engine, reduced to what the fold needs: entries that exist in memory, paths hidden by a
// removal (whiteouts), directories that hide the disk's children (opaque), and nodes shared by hard links.
import fs from 'node:fs';
import path from 'node:path';
import { onDisk, readLink, readNames } from '../overlay/disk.js';
import type { EntryKind } from './types.js';

export interface FoldNode {
  type: EntryKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeNs?: bigint;
  /** Content written during the run (built on demand: a journal stores appends as deltas). */
  content?: () => Buffer;
  /** A disk file whose bytes this node still has (moved or linked without being rewritten). */
  lowerPath?: string;
  target?: string;
  /** Directories: the disk's children at this path are hidden (made in the run, or every child is an entry). */
  opaque: boolean;
  /** utimes was called: the times are part of what changed. */
  timesSet: boolean;
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
    return fs.lstatSync(onDisk(target), { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Ends a fold: no memory held between runs. */
export function endDiskAnswers(owner: object): void {
  if (memoOwner !== owner) return;
  lstatMemo.clear();
  memoOwner = undefined;
}

function isUnder(candidate: string, ancestor: string): boolean {
  return candidate === ancestor || candidate.startsWith(ancestor === '/' ? '/' : ancestor + '/');
}

export class FoldModel {
  readonly entries = new Map<string, FoldNode>();
  readonly hidden = new Set<string>();

  /** The node visible at a path: an entry, 'disk' for an untouched disk entry, or undefined when absent. */
  resolve(target: string): FoldNode | 'disk' | undefined {
    const entry = this.entries.get(target);
    if (entry) return entry;
    if (this.hidden.has(target)) return undefined;
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const ancestor = this.entries.get(dir);
      if (ancestor) {
        if (ancestor.type !== 'directory' || ancestor.opaque) return undefined;
        break;
      }
      if (this.hidden.has(dir)) return undefined;
      if (dir === '/') break;
    }
    return diskLstat(target) ? 'disk' : undefined;
  }

  /** The entry at a path, taken from the disk into the model when it is still the disk's. */
  materialize(target: string): FoldNode | undefined {
    const found = this.resolve(target);
    if (found !== 'disk') return found;
    const node = nodeFromDisk(target);
    if (node) this.entries.set(target, node);
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
        const child = path.join(root, name);
        if (!this.entries.has(child) && !this.hidden.has(child)) {
          const childNode = nodeFromDisk(child);
          if (childNode) this.entries.set(child, childNode);
        }
      }
      node.opaque = true;
    }
    for (const child of this.childEntries(root)) this.materializeTree(child);
  }

  private childEntries(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'));
  }

  /** Entries at or below a path, removed from the model; returned for transient bookkeeping. */
  removeTree(target: string): [string, FoldNode][] {
    const removed: [string, FoldNode][] = [];
    for (const [key, node] of this.entries) {
      if (isUnder(key, target)) removed.push([key, node]);
    }
    for (const [key] of removed) this.entries.delete(key);
    this.hidden.add(target);
    return removed;
  }

  /** Moves a whole subtree; returns the pairs (old path, new path) of the entries moved. */
  rename(from: string, to: string): { moved: [string, string][]; replaced: [string, FoldNode][] } | undefined {
    if (from === to) return { moved: [], replaced: [] };
    const node = this.materialize(from);
    if (!node) return undefined;
    if (node.type === 'directory') this.materializeTree(from);
    const replaced = this.resolve(to) ? this.removeTree(to) : [];
    const moved: [string, string][] = [];
    for (const key of [...this.entries.keys()]) {
      if (isUnder(key, from)) moved.push([key, to + key.slice(from.length)]);
    }
    const nodes = moved.map(([oldKey]) => this.entries.get(oldKey)!);
    for (const [oldKey] of moved) this.entries.delete(oldKey);
    moved.forEach(([, newKey], index) => this.entries.set(newKey, nodes[index]!));
    this.hidden.add(from);
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
    opaque: false, timesSet: false,
  };
  if (type === 'file') node.lowerPath = target;
  if (type === 'symlink') node.target = readLink(target);
  return node;
}
