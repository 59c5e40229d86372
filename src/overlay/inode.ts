// The upper layer's data model: in-memory inodes, and references to disk entries not (yet) copied up.
import { nameByteLength } from './name-bytes.js';
import type { StatRecord } from './types.js';

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;

/** Block size and directory size of ext4, which is what the roots live on here (Linux runners: ext4 too). */
export const BLOCK_SIZE = 4096;
export const NEW_DIRECTORY_SIZE = 4096;
/** ext4 keeps symlink targets shorter than this inside the inode ("fast symlinks", zero blocks). */
const FAST_SYMLINK_MAX = 60;

/** One name of an inode: the upper directory holding it and the name there. */
export interface Link {
  dir: Inode;
  name: string;
}

/**
 * An inode of the upper layer. One class for every type (fields unused by a type stay empty), which keeps property
 * access monomorphic on the hot paths.
 */
export class Inode {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev = 0;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;

  /** Files: bytes held in memory (the first `size` bytes of `data` are the content). */
  data: Buffer | null = null;
  size = 0;
  /** Files: the disk path whose bytes this file still has, not read into memory yet (after a metadata copy-up). */
  contentFrom: string | null = null;
  /** Files: how far bytes were really written; beyond it a truncate-extended file is a hole (no blocks). */
  writtenEnd = 0;
  /** Blocks as the disk reported them, while the content is still the disk's. */
  diskBlocks = 0;
  /**
   * Files with holes: the 4 KiB pages ever written (ext4 allocates no block for a page only skipped over). Null
   * while the file is dense, i.e. every page below `writtenEnd` was written, the common case.
   */
  pages: Set<number> | null = null;

  /** Directories: names → inode, or null for a whiteout (a disk entry deleted in the overlay). */
  entries: EntryMap | null = null;
  /** Directories: names of entries that hide a disk entry of the same name (deleting them leaves a whiteout). */
  covered: Set<string> | null = null;
  /** Directories: the disk directory whose children show through (null for new or opaque directories). */
  lower: string | null = null;
  opaque = false;
  /**
   * Directories: names another process of the run made or changed here since this one last did (Overlay.reveal): looked
   * up below at this directory's own path, even where `lower` is null (a directory this process made) or elsewhere (a
   * renamed one). An entry of `entries` still wins.
   */
  revealed: Set<string> | null = null;

  /** Symlinks. */
  target = '';

  /** The first upper name of this inode (directories have only this one), then any further hard links. */
  parent: Inode | null = null;
  name = '';
  otherLinks: Link[] | null = null;
  /** The disk's record and path when this inode was copied up (null for inodes born in the overlay). */
  origin: StatRecord | null = null;
  originPath: string | null = null;
  contentChanged = false;
  metadataChanged = false;
  /** Open descriptors; an unlinked inode lives until the last one closes. */
  openCount = 0;
  /** Bytes counted against the quota for this inode. */
  held = 0;
  /** Files copied up from a disk file with several names: the other names known (canonical paths). */
  diskAliases: string[] | null = null;
  /** Lowest byte offset written or truncated since the content was last reported (the journal saves from there). */
  changedFrom = Number.POSITIVE_INFINITY;
  contentReported = false;
  /** An `unsaved` report was made since the last `content` report (or none is needed: the inode has no name). */
  unsavedReported = false;

  constructor(dev: number, ino: number, mode: number, uid: number, gid: number, nowNs: bigint) {
    this.dev = dev;
    this.ino = ino;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.nlink = (mode & S_IFMT) === S_IFDIR ? 2 : 1;
    this.atimeNs = nowNs;
    this.mtimeNs = nowNs;
    this.ctimeNs = nowNs;
    this.birthtimeNs = nowNs;
    if ((mode & S_IFMT) === S_IFDIR) {
      this.entries = new EntryMap();
      this.covered = new Set();
    }
  }

  get isDirectory(): boolean {
    return (this.mode & S_IFMT) === S_IFDIR;
  }
  get isFile(): boolean {
    return (this.mode & S_IFMT) === S_IFREG;
  }
  get isSymlink(): boolean {
    return (this.mode & S_IFMT) === S_IFLNK;
  }

  addLink(dir: Inode, name: string): void {
    if (this.parent === null) {
      this.parent = dir;
      this.name = name;
    } else (this.otherLinks ??= []).push({ dir, name });
  }

  removeLink(dir: Inode, name: string): void {
    if (this.otherLinks === null) {
      // One name, the common case (an rm -r takes this for every file).
      if (this.parent === dir && this.name === name) {
        this.parent = null;
        this.name = '';
      }
      return;
    }
    if (this.parent === dir && this.name === name) {
      const next = this.otherLinks?.shift();
      this.parent = next?.dir ?? null;
      this.name = next?.name ?? '';
    } else if (this.otherLinks !== null) {
      const i = this.otherLinks.findIndex((l) => l.dir === dir && l.name === name);
      if (i >= 0) this.otherLinks.splice(i, 1);
    }
    if (this.otherLinks !== null && this.otherLinks.length === 0) this.otherLinks = null;
  }

  stat(): StatRecord {
    let size: number;
    let blocks: number;
    const type = this.mode & S_IFMT;
    if (type === S_IFREG) {
      size = this.size;
      blocks = this.contentFrom !== null
        ? this.diskBlocks
        : this.pages !== null
          ? this.pages.size * (BLOCK_SIZE / 512)
          : Math.ceil(Math.min(this.writtenEnd, this.size) / BLOCK_SIZE) * (BLOCK_SIZE / 512);
    } else if (type === S_IFLNK) {
      size = nameByteLength(this.target);
      blocks = size < FAST_SYMLINK_MAX ? 0 : BLOCK_SIZE / 512;
    } else if (type === S_IFDIR) {
      size = this.origin?.size ?? NEW_DIRECTORY_SIZE;
      blocks = this.origin?.blocks ?? NEW_DIRECTORY_SIZE / 512;
    } else {
      size = this.origin?.size ?? 0;
      blocks = this.origin?.blocks ?? 0;
    }
    return {
      dev: this.dev, ino: this.ino, mode: this.mode, nlink: this.nlink, uid: this.uid, gid: this.gid,
      rdev: this.rdev, size, blksize: BLOCK_SIZE, blocks,
      atimeNs: this.atimeNs, mtimeNs: this.mtimeNs, ctimeNs: this.ctimeNs, birthtimeNs: this.birthtimeNs,
    };
  }
}

/**
 * A disk entry seen through the merged view, not copied up: its disk path, its lstat, and where the walk found it
 * (so that it can be copied up with its parents, and `..` can go back). `name` may span several components when the
 * fast read path skipped the walk through symlink-free disk directories; such chains are never copied up.
 */
export class LowerNode {
  constructor(
    readonly parent: Inode | LowerNode,
    readonly name: string,
    readonly path: string,
    readonly stat: StatRecord,
    /** A fast-path shortcut (several components, stat not read): must be re-walked before any copy-up. */
    readonly shortcut = false,
  ) {}

  get isDirectory(): boolean {
    return (this.stat.mode & S_IFMT) === S_IFDIR;
  }
  get isFile(): boolean {
    return (this.stat.mode & S_IFMT) === S_IFREG;
  }
  get isSymlink(): boolean {
    return (this.stat.mode & S_IFMT) === S_IFLNK;
  }
}

export type Node = Inode | LowerNode;

export function modeOf(node: Node): number {
  return node instanceof Inode ? node.mode : node.stat.mode;
}
export function isDirectory(node: Node): boolean {
  return (modeOf(node) & S_IFMT) === S_IFDIR;
}
export function isSymlink(node: Node): boolean {
  return (modeOf(node) & S_IFMT) === S_IFLNK;
}
/** A directory only memory holds: no disk folder shows through it, and no other process revealed names in it. */
export function isInMemoryOnly(node: Node): node is Inode {
  return node instanceof Inode && node.lower === null && node.revealed === null && node.entries !== null;
}
export function statOf(node: Node): StatRecord {
  return node instanceof Inode ? node.stat() : node.stat;
}

/**
 * The shape of the upper tree as the engine's fast path reads it (MergedTree.fastDiskPath): which names folders hold,
 * which folders show a disk folder below, their modes and owners. Every change to it adds one, so that a memo of
 * answers read from that shape holds exactly while `version` stays the same. One count for every engine of the
 * thread: another engine's change only costs a memo a few answers asked again.
 */
export const upperShape = { version: 0 };

/** A folder's entries, counting every change to them in upperShape. */
export class EntryMap extends Map<string, Inode | null> {
  override set(name: string, entry: Inode | null): this {
    upperShape.version++;
    return super.set(name, entry);
  }

  override delete(name: string): boolean {
    upperShape.version++;
    return super.delete(name);
  }

  override clear(): void {
    upperShape.version++;
    super.clear();
  }
}
