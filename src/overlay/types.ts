// The engine's contract: what the in-memory copy-on-write layer offers to the layers above it (node/, changes/),
// and the two ports it needs (the real disk below, an observer of changes beside it).
//
// Every operation is synchronous and throws errors built by `uvError` (./errors.ts): the same message, code,
// negative errno, syscall, path and dest as Node's own fs would throw for the same call on Linux. Paths are the
// caller's strings: they appear verbatim in error messages and are resolved against `cwd()` for lookup.

/** A file's metadata, in the units Linux's statx reports. Times are nanoseconds since the epoch. */
export interface StatRecord {
  dev: number;
  ino: number;
  mode: number; // type bits (S_IFREG, S_IFDIR, S_IFLNK, …) | permission bits
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  birthtimeNs: bigint;
}

/** The kinds a directory entry can have, as Node's `fs.constants.UV_DIRENT_*` numbers them. */
export const enum EntryType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  Symlink = 3,
  Fifo = 4,
  Socket = 5,
  Char = 6,
  Block = 7,
}

export interface DirectoryEntry {
  name: string;
  type: EntryType;
}

/**
 * The real disk, read through the original (unpatched) fs functions. The engine never writes through it.
 * Each method throws Node's own error when the disk does.
 */
export interface LowerLayer {
  /**
   * True only for the real disk itself (createDiskLayer): then node/ may ask the disk directly where the overlay holds
   * nothing (untouchedDiskPath). A layer with answers of its own (the run's earlier changes, run-layer.ts) leaves it
   * unset, and every question goes through it.
   */
  readonly answersAsDisk?: boolean;
  /**
   * For a layer with answers of its own: whether at `path` it answers exactly as the real disk does (nothing of its
   * own at the path or at any folder above it), so that node/ may ask the disk directly there too. Asked often (every
   * untouched stat, read and module probe): it must cost a few Map lookups, not a walk.
   */
  answersAsDiskAt?(path: string): boolean;
  /**
   * For a layer with answers of its own: whether it holds none at all yet, so that it answers exactly as the real disk
   * does at every path (answersAsDiskAt everywhere, symlink targets included). Asked for every module probe: a field
   * read, not a walk.
   */
  answersAsDiskEverywhere?(): boolean;
  lstat(path: string): StatRecord;
  /** Like lstat, but undefined instead of an ENOENT/ENOTDIR error (cheaper: no error is built). Optional. */
  tryLstat?(path: string): StatRecord | undefined;
  /** The disk's realpath(3). Optional: without it the engine checks every disk path component by component. */
  realpath?(path: string): string;
  /**
   * Reads a whole file without following a last-component symlink: 'symlink' when it is one, 'directory' for a
   * directory, 'linked' (unread) for a file with several hard links; throws the disk's error otherwise. Optional
   * (a fast path for untouched reads).
   */
  readFileNoFollow?(path: string): Buffer | 'symlink' | 'directory' | 'linked';
  /** Names in the order the disk returns them (getdents order, as `readdirSync` does). */
  readdir(path: string): DirectoryEntry[];
  readlink(path: string): string;
  /** Opens for reading only; returns a real descriptor. */
  openForRead(path: string): number;
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  close(fd: number): void;
  readFile(path: string): Buffer;
}

/**
 * What the engine reports as it happens, so that changes/ can journal it. Paths are absolute and canonical
 * (parents resolved, no symlinks, no `.`/`..`). Reported only after the operation succeeded and only when the
 * change became visible: file content at close, fsync/fdatasync, writeFile/appendFile/copyFile/truncate.
 */
export type Change =
  // read the bytes and metadata with `inspectInode(ino)`. Optional `unchangedPrefix` (added by H5, compatible): how
  // many leading bytes no write or truncate touched since this inode's previous `content` report (an append reports
  // the old size), so the journal can save only the rest with `inspectInodeFrom`.
  | { kind: 'content'; path: string; ino: number; unchangedPrefix?: number }
  | { kind: 'mkdir'; path: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'link'; existingPath: string; newPath: string }
  | { kind: 'remove'; path: string } // unlink, rmdir, or rm of a whole subtree at `path`
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'metadata'; path: string } // chmod, chown, utimes: read the new values with `lstat`
  // A write through a descriptor (write, ftruncate, an open that creates or truncates) made the inode differ from
  // what its last `content` report said: reported once per inode until its next `content` report, never per write,
  // so that a process killed before that report can say which files' latest bytes it took with it.
  | { kind: 'unsaved'; path: string; ino: number }
  // Added by H10 (compatible): a write refused with ENOSPC for the quota (nothing changed). `path` is the file the
  // write was for (absolute; the caller's path made absolute when the refusal came before the lookup).
  | { kind: 'quota-exceeded'; path: string; requestedBytes: number; quotaBytes: number }
  // A write refused with ENOSPC because the space guard had no room for what it would add to the journal (nothing
  // changed). `path` as for quota-exceeded; `requestedBytes`: what the guard was asked for. Optional for observers
  // that predate it (compatible).
  | { kind: 'space-refused'; path: string; requestedBytes: number };

export interface ChangeObserver {
  onChange(change: Change): void;
  /**
   * An inode's bytes are about to be freed (its last name and descriptor gone): an observer that put off reading them
   * (the journal reads a file's bytes at the end of the turn) reads them now.
   */
  beforeForget?(ino: number): void;
}

/** Who the process is, for permission checks; root bypasses read/write checks as Linux does. */
export interface Identity {
  uid: number;
  gid: number;
  groups: readonly number[];
}

/**
 * Room for the record of changes, shared with other processes (changes/spool-space.ts: the run's spool). The engine
 * asks before content grows or is rewritten, with the bytes the change will add to the journal at the file's next
 * report: from the first byte changed since the last report to the end of the file (a rewrite of a reported file
 * costs the journal the file again; a hole made by truncate-extension costs its zeros), plus a record's header.
 * Asked once per operation, and only when the change will then happen (the quota has said yes).
 */
export interface SpaceGuard {
  /** false: the operation fails with ENOSPC, changes nothing, and a `space-refused` change is reported. */
  admit(bytes: number): boolean;
}

export interface OverlayOptions {
  lower: LowerLayer;
  /** Bytes of file content the overlay may hold; a write past it fails with ENOSPC and changes nothing. */
  quotaBytes?: number;
  /** Optional: a second limit, on what the writes add to the journal (see SpaceGuard). */
  spaceGuard?: SpaceGuard;
  identity?: Identity;
  umask?: () => number;
  cwd?: () => string;
  /** Wall-clock time in nanoseconds since the epoch. */
  now?: () => bigint;
  observer?: ChangeObserver;
}

/** One path of the overlay's state compared with the disk below it. */
export interface ChangeEntry {
  path: string; // absolute, canonical
  change: 'created' | 'modified' | 'deleted';
  /** For `modified`: what differs from the disk. */
  contentChanged: boolean;
  metadataChanged: boolean;
  type: 'file' | 'directory' | 'symlink' | 'other';
  mode: number;
  size: number;
  ino: number;
  /** Present for files that exist in the overlay (created or modified). */
  content?: Buffer;
  /** Present for symlinks that exist in the overlay. */
  target?: string;
  uid: number;
  gid: number;
  mtimeNs: bigint;
}

export type OpenFlags = number; // fs.constants.O_* bits; node/ turns 'r+', 'wx', … into these

/**
 * The engine. node/ maps every fs function onto these; changes/ reads `changeSet()` and the observer stream.
 */
export interface OverlayApi {
  // Descriptors. Fake fds start at FIRST_FD and never collide with the kernel's.
  open(path: string, flags: OpenFlags, mode?: number): number;
  close(fd: number): void;
  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  write(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fstat(fd: number): StatRecord;
  ftruncate(fd: number, length: number): void;
  fsync(fd: number): void;
  fdatasync(fd: number): void;
  fchmod(fd: number, mode: number): void;
  fchown(fd: number, uid: number, gid: number): void;
  /** Times in nanoseconds since the epoch. */
  futimes(fd: number, atimeNs: bigint, mtimeNs: bigint): void;
  isOverlayFd(fd: number): boolean;

  // Paths.
  stat(path: string): StatRecord;
  lstat(path: string): StatRecord;
  /** Like stat/lstat with `throwIfNoEntry: false`: undefined for ENOENT and ENOTDIR, without building an error. */
  tryStat(path: string, followLast: boolean): StatRecord | undefined;
  /**
   * Optional fast path (node/untouched.ts): the disk path that `path` names when the merged view there is the disk's
   * own, so that the disk may answer directly; undefined when the engine must. An engine without it is always asked.
   */
  untouchedDiskPath?(path: string, throughDiskSymlinks?: boolean): string | undefined;
  /** With untouchedDiskPath: whether a disk file with several names may have been copied up under another one. */
  hasDiskCopies?(): boolean;
  /**
   * Optional: whether the merged view is the disk's own at every path right now (nothing in memory, nothing below of
   * its own), so that any question may go to Node's own fs unchanged, symlinks followed and all. No coherence look
   * is made here: the caller looks first.
   */
  answersAsDiskEverywhere?(): boolean;
  access(path: string, mode: number): void;
  exists(path: string): boolean;
  /** flags as for open (default O_RDONLY); `syscall` is 'open'. */
  readFile(path: string, flags?: OpenFlags): Buffer;
  writeFile(path: string, data: Uint8Array, flags: OpenFlags, mode: number): void;
  truncate(path: string, length: number): void;
  /** Returns the first directory created (recursive) or undefined, exactly as Node's mkdir does. */
  mkdir(path: string, mode: number, recursive: boolean): string | undefined;
  mkdtemp(prefix: string): string;
  /** Merged listing: disk entries in the disk's order, then the overlay's new names in creation order. */
  readdir(path: string): DirectoryEntry[];
  /** The same listing in the order `byName` gives (a fresh array each call, which the caller may change). */
  readdirSorted?(path: string, byName: (a: DirectoryEntry, b: DirectoryEntry) => number): DirectoryEntry[];
  rmdir(path: string): void;
  unlink(path: string): void;
  /** Node's rm semantics: EISDIR ('rm' syscall… see node/) unless recursive; ENOENT ignored when force. */
  /**
   * `childrenFirst` (optional, added by H1, compatible): Node 24+'s native rm order — empty a directory before
   * removing it (so children go even when the directory itself cannot), follow "link/" into the target's children
   * before failing ENOTDIR on the link; errors then carry syscall 'rm' (node/ words them as Node 24 does).
   */
  rm(path: string, options: { recursive: boolean; force: boolean; childrenFirst?: boolean }): void;
  rename(oldPath: string, newPath: string): void;
  /** mode: COPYFILE_EXCL honoured; COPYFILE_FICLONE(_FORCE) behave as on a filesystem without reflinks. */
  copyFile(src: string, dest: string, mode: number): void;
  link(existingPath: string, newPath: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  lchown(path: string, uid: number, gid: number): void;
  utimes(path: string, atimeNs: bigint, mtimeNs: bigint): void;
  lutimes(path: string, atimeNs: bigint, mtimeNs: bigint): void;

  // State.
  /** Every path that differs from the disk, sorted by path. */
  changeSet(): ChangeEntry[];
  /** The current bytes and metadata of an inode (for the journal), or undefined once it is gone. */
  inspectInode(ino: number): { stat: StatRecord; content?: Buffer; target?: string } | undefined;
  /** Bytes of file content currently held. */
  bytesUsed(): number;
  /**
   * Optional (added by H5 for the journal, compatible): emit, through the observer, a `content` change for every
   * inode written through a descriptor that is still open and has writes not reported yet (then count them as
   * reported). The journal calls it at a bounded interval and at exit to save files still open; without it, it falls
   * back to scanning `changeSet()`, which copies every file's content.
   */
  reportUnsavedWrites?(): void;
  /**
   * Optional (added by H5, compatible): like `inspectInode`, but `content` holds only the bytes from `start` to the
   * end (empty when start ≥ size), so that an append costs its own size, not the file's.
   */
  inspectInodeFrom?(ino: number, start: number): { stat: StatRecord; content?: Buffer; target?: string } | undefined;
  /**
   * Optional (added by H10 for the journal, compatible): like `inspectInodeFrom`, but `content` may be a view of the
   * engine's own buffer instead of a copy: valid only until the next change of the engine, never to be kept or
   * modified. Saves the journal an allocation and a copy of every file it records. The view may end before
   * `stat.size`: the rest of the file is a hole (zeros), as after a truncate that grew it.
   */
  inspectInodeView?(ino: number, start: number): { stat: StatRecord; content?: Uint8Array; target?: string } | undefined;
}
