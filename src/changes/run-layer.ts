// What a process sees below its own overlay: the disk as the run has changed it so far. Every journal in the spool
// is read (headers only) into the fold's model of the run (fold-model.ts), and that model answers the engine's
// questions about the "disk" wherever it differs from the real one; everywhere else the real disk answers, at the
// cost of one Map lookup per path component on the way.
//
// This replaces replaying every earlier change into each new process: nothing is applied through the engine, so
// nothing is journaled again, nothing counts against the process's quota, and no byte is read before the process
// reads it (content stays in the journals, read through descriptors opened here). Start-up costs one header parse
// per record the run has written, whatever their content weighs.
import { uvError } from '../overlay/errors.js';
import type { DirectoryEntry, EntryType, LowerLayer, StatRecord } from '../overlay/types.js';
import { applyChange, endDiskAnswers, FoldModel, forgetDiskAnswers, wallTime, type FoldNode } from './fold-model.js';
import { readWholeContent, type FileContent } from './journal-content.js';
import { readSpool } from './read-journals.js';

export interface RunLayerOptions {
  /** This process's own journal, if it already has one: its changes are in its engine, not below it. */
  skip?: string;
  /** The run's roots: a record naming a path outside them is refused with the rest of its journal (journal-trust.ts). */
  roots?: readonly string[];
}

/**
 * The disk as the run's journals change it, or the disk itself when they change nothing (a process that starts
 * before any change pays nothing more).
 */
export function createRunLayer(spoolDir: string, disk: LowerLayer, o: RunLayerOptions = {}): LowerLayer {
  const spool = readSpool(spoolDir, o);
  if (spool.changes.length === 0) {
    spool.close();
    return disk;
  }
  const model = new FoldModel();
  const owner = {};
  forgetDiskAnswers(owner); // the disk is asked once per path while the model is built
  try {
    for (const change of spool.changes) applyChange(model, change, wallTime(change));
  } finally {
    endDiskAnswers(owner);
  }
  if (model.size === 0) {
    spool.close();
    return disk;
  }
  return new RunLayer(model, disk);
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const UV_DIRENT_FILE = 1 as EntryType;
const UV_DIRENT_DIR = 2 as EntryType;
const UV_DIRENT_LINK = 3 as EntryType;
/** Inode numbers of what the run made: above the engine's own (2**40 up) and anything a disk hands out. */
const firstRunIno = 2 ** 41;
/** ext4's: what the engine reports for what it makes, too. */
const blockSize = 4096;

class RunLayer implements LowerLayer {
  private nextIno = firstRunIno;
  private readonly inos = new WeakMap<FoldNode, number>();
  private readonly devices = new WeakMap<FoldNode, number>();
  /** Open content of the run's files, by the (negative) handles given to the engine. */
  private readonly handles = new Map<number, FileContent>();
  private nextHandle = -1;

  constructor(
    private readonly model: FoldModel,
    private readonly disk: LowerLayer,
  ) {}

  lstat(path: string): StatRecord {
    const node = this.model.lookup(path);
    if (node === undefined) return this.disk.lstat(path);
    if (node === null) throw uvError('ENOENT', 'lstat', path);
    return this.statOf(node, path);
  }

  tryLstat(path: string): StatRecord | undefined {
    const node = this.model.lookup(path);
    if (node === undefined) {
      if (this.disk.tryLstat) return this.disk.tryLstat(path);
      try {
        return this.disk.lstat(path);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    }
    return node === null ? undefined : this.statOf(node, path);
  }

  /**
   * The engine asks this to learn that a folder has no symlink on its path (then it reads below it directly): the
   * path itself when every component is a folder in the run's view, else what the disk resolves or an error.
   */
  realpath(path: string): string {
    let touched = false;
    for (let end = path.indexOf('/', 1); ; end = path.indexOf('/', end + 1)) {
      const prefix = end === -1 ? path : path.slice(0, end);
      const node = this.model.lookup(prefix);
      if (node === null) throw uvError('ENOENT', 'realpath', path);
      if (node !== undefined) {
        if (node.type !== 'directory') throw uvError('ENOTDIR', 'realpath', path);
        touched = true;
      } else if (touched) {
        const stat = this.tryLstat(prefix);
        if (stat === undefined || (stat.mode & S_IFMT) !== S_IFDIR) throw uvError('ENOENT', 'realpath', path);
      }
      if (end === -1) break;
    }
    return touched ? path : this.disk.realpath!(path);
  }

  readFileNoFollow(path: string): Buffer | 'symlink' | 'directory' | 'linked' {
    const node = this.model.lookup(path);
    if (node === undefined) return this.disk.readFileNoFollow!(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.type === 'directory') return 'directory';
    if (node.type === 'symlink') return 'symlink';
    // The run's files carry the modes their writers gave them, which no kernel checks: the engine's own walk must.
    return 'linked';
  }

  readdir(path: string): DirectoryEntry[] {
    const node = this.model.lookup(path);
    if (node === null) throw uvError('ENOENT', 'scandir', path);
    if (node !== undefined && node.type !== 'directory') throw uvError('ENOTDIR', 'scandir', path);
    const opaque = node !== undefined && node.opaque;
    const hidden = this.model.hiddenIn(path);
    const made = this.model.namesBelow(path);
    if (!opaque && hidden === undefined && made === undefined) return this.disk.readdir(path);
    const listing: DirectoryEntry[] = [];
    const listed = new Set<string>();
    if (!opaque) {
      for (const entry of this.disk.readdir(path)) {
        const child = this.model.entries.get(joinPath(path, entry.name));
        if (child !== undefined) listing.push({ name: entry.name, type: direntType(child) });
        else if (hidden?.has(entry.name)) continue;
        else listing.push(entry);
        listed.add(entry.name);
      }
    }
    if (made !== undefined) {
      for (const name of made) {
        if (listed.has(name)) continue;
        const child = this.model.entries.get(joinPath(path, name));
        if (child !== undefined) listing.push({ name, type: direntType(child) });
      }
    }
    return listing;
  }

  readlink(path: string): string {
    const node = this.model.lookup(path);
    if (node === undefined) return this.disk.readlink(path);
    if (node === null) throw uvError('ENOENT', 'readlink', path);
    if (node.type !== 'symlink') throw uvError('EINVAL', 'readlink', path);
    return node.target!;
  }

  openForRead(path: string): number {
    const node = this.model.lookup(path);
    if (node === undefined) return this.disk.openForRead(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.content === undefined) return this.disk.openForRead(node.lowerPath ?? path);
    const handle = this.nextHandle--;
    this.handles.set(handle, node.content);
    return handle;
  }

  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number {
    const content = this.handles.get(fd);
    if (content === undefined) return this.disk.read(fd, buffer, offset, length, position);
    return content.readInto(buffer, offset, length, position);
  }

  close(fd: number): void {
    if (!this.handles.delete(fd)) this.disk.close(fd);
  }

  readFile(path: string): Buffer {
    const node = this.model.lookup(path);
    if (node === undefined) return this.disk.readFile(path);
    if (node === null) throw uvError('ENOENT', 'open', path);
    if (node.type === 'directory') throw uvError('EISDIR', 'read');
    if (node.content === undefined) return this.disk.readFile(node.lowerPath ?? path);
    return readWholeContent(node.content);
  }

  private statOf(node: FoldNode, path: string): StatRecord {
    const type = node.mode & S_IFMT;
    const size = type === S_IFDIR ? blockSize : node.size;
    const mtimeNs = node.mtimeNs ?? 0n;
    return {
      dev: node.diskDev ?? this.deviceOf(node, path),
      ino: node.diskIno ?? this.inoOf(node),
      mode: node.mode,
      nlink: type === S_IFDIR ? this.directoryLinks(node, path) : Math.max(1, node.links),
      uid: node.uid,
      gid: node.gid,
      rdev: 0,
      size,
      blksize: blockSize,
      // As ext4 allocates: whole 4 KiB blocks, counted in 512-byte units; a short symlink lives in its inode.
      blocks: type === S_IFLNK && size < 60 ? 0 : Math.ceil(size / blockSize) * (blockSize / 512),
      atimeNs: node.atimeNs ?? mtimeNs,
      mtimeNs,
      ctimeNs: node.ctimeNs ?? mtimeNs,
      birthtimeNs: node.ctimeNs ?? mtimeNs,
    };
  }

  private inoOf(node: FoldNode): number {
    let ino = this.inos.get(node);
    if (ino === undefined) this.inos.set(node, (ino = this.nextIno++));
    return ino;
  }

  /** What the run made lies on the device of the nearest folder the disk has, as the engine's own new files do. */
  private deviceOf(node: FoldNode, path: string): number {
    let dev = this.devices.get(node);
    if (dev !== undefined) return dev;
    for (let dir = parentOf(path); ; dir = parentOf(dir)) {
      const ancestor = this.model.lookup(dir);
      if (ancestor?.diskDev !== undefined) {
        dev = ancestor.diskDev;
        break;
      }
      const stat = ancestor === undefined ? this.disk.tryLstat?.(dir) : undefined;
      if (stat !== undefined) {
        dev = stat.dev;
        break;
      }
      if (dir === '/') {
        dev = this.disk.lstat('/').dev;
        break;
      }
    }
    this.devices.set(node, dev);
    return dev;
  }

  /** A folder's link count: 2, plus one for each subfolder (the ones the run made; the disk's for the rest). */
  private directoryLinks(node: FoldNode, path: string): number {
    let links = 2;
    if (!node.opaque) {
      const disk = this.disk.tryLstat?.(path);
      if (disk !== undefined && (disk.mode & S_IFMT) === S_IFDIR) links = disk.nlink;
    }
    const made = this.model.namesBelow(path);
    if (made !== undefined && node.opaque) {
      for (const name of made) if (this.model.entries.get(joinPath(path, name))?.type === 'directory') links++;
    }
    return links;
  }
}

function direntType(node: FoldNode): EntryType {
  const type = node.mode & S_IFMT;
  return type === S_IFDIR ? UV_DIRENT_DIR : type === S_IFLNK ? UV_DIRENT_LINK : type === S_IFREG ? UV_DIRENT_FILE : (0 as EntryType);
}

function parentOf(target: string): string {
  const slash = target.lastIndexOf('/');
  return slash <= 0 ? '/' : target.slice(0, slash);
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}
