// The engine: every fs operation as Linux performs it, on the merged view of an in-memory upper tree over the disk.
// Each operation has the same beats: resolve the path(s), check in the order the kernel checks, copy up what is
// about to change (and nothing else), change it, set the times Linux sets, tell the observer.
import { constants } from 'node:fs';
import { wallClockNs } from './clock.js';
import { ContentStore } from './content.js';
import { Descriptor, DescriptorTable, FIRST_FD } from './descriptors.js';
import { codeOf, uvError, type UvError } from './errors.js';
import {
  Inode, LowerNode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, S_ISGID, S_ISUID,
  isDirectory, isInMemoryOnly, isSymlink, modeOf, statOf, upperShape, type Node,
} from './inode.js';
import { inGroup, isOwnerOrRoot, mayAccess, mayRemoveFrom, R_OK, W_OK, X_OK } from './permissions.js';
import { MergedTree, joinPath, type Lookup } from './tree.js';
import { computeChangeSet } from './change-set.js';
import type {
  Change, ChangeEntry, ChangeObserver, DirectoryEntry, EntryType, Identity, OpenFlags, OverlayApi, OverlayOptions,
  StatRecord,
} from './types.js';

export { FIRST_FD };

const { O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW } = constants;
const O_ACCMODE = 3;
const COPYFILE_EXCL = constants.COPYFILE_EXCL;
const COPYFILE_FICLONE_FORCE = constants.COPYFILE_FICLONE_FORCE;
const COPYFILE_COPIES_TIMES = libuvAtLeast(1, 48);
const TEMP_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function processIdentity(): Identity {
  if (typeof process.getuid !== 'function') return { uid: 0, gid: 0, groups: [] };
  return { uid: process.getuid(), gid: process.getgid!(), groups: process.getgroups?.() ?? [] };
}

/** Whether two nodes found by walks are the same file (two disk names of one disk inode count as one). */
function sameNode(a: Node, b: Node): boolean {
  if (a === b) return true;
  return a instanceof LowerNode && b instanceof LowerNode && a.stat.ino === b.stat.ino && a.stat.dev === b.stat.dev;
}

export class Overlay implements OverlayApi {
  private readonly tree: MergedTree;
  private readonly contents: ContentStore;
  private readonly fds = new DescriptorTable();
  private readonly identity: Identity;
  /** The engine's identity is the process's own, so the kernel's permission checks on disk reads are ours. */
  private readonly diskEnforcesIdentity: boolean;
  private readonly umask: () => number;
  private readonly cwd: () => string;
  private readonly now: () => bigint;
  private readonly observer: ChangeObserver | undefined;
  /** Entries an rm in progress has removed (canonical paths), reported if it fails half-way. */
  private removedSoFar: string[] | null = null;
  /** Live upper inodes by number, for inspectInode. */
  private readonly byIno = new Map<number, Inode>();

  constructor(options: OverlayOptions) {
    const processOwn = processIdentity(); // asked once: each call is five system calls
    this.identity = options.identity ?? processOwn;
    this.diskEnforcesIdentity = options.lower.readFileNoFollow !== undefined
      && this.identity.uid === processOwn.uid && this.identity.gid === processOwn.gid;
    this.umask = options.umask ?? (() => process.umask());
    this.now = options.now ?? wallClockNs;
    this.observer = options.observer;
    this.cwd = options.cwd ?? (() => process.cwd());
    this.tree = new MergedTree(options.lower, this.identity, this.cwd);
    this.contents = new ContentStore(options.lower, options.quotaBytes ?? Number.POSITIVE_INFINITY, options.spaceGuard);
    if (this.observer !== undefined) {
      this.contents.onRefused = (inode, requestedBytes, path, by) => {
        const where = inode === undefined ? path : this.tree.pathOf(inode);
        if (by === 'quota') this.emitQuotaRefusal(where, requestedBytes);
        else this.emitSpaceRefusal(where, requestedBytes);
      };
    }
  }

  // ---- Resolution helpers --------------------------------------------------------------------------------------

  /** Resolves `path`; a failure is reported as `syscall` on `errorPath` (-> `dest`), the caller's wording. */
  private lookup(path: string, followLast: boolean, readOnly: boolean, syscall: string, errorPath = path,
    dest?: string): Lookup {
    const found = this.tree.walk(path, { followLast, readOnly });
    if (typeof found === 'string') throw uvError(found, syscall, errorPath, dest);
    return found;
  }

  private lookupToCreate(path: string, syscall: string, errorPath = path, dest?: string): Lookup {
    const found = this.tree.walk(path, { followLast: false, readOnly: false, create: true });
    if (typeof found === 'string') throw uvError(found, syscall, errorPath, dest);
    return found;
  }

  /** O_CREAT without O_EXCL follows a final symlink (creating a dangling link's target), slash or not. */
  private lookupCreateFollowing(path: string, syscall: string): Lookup {
    const trailing = path.length > 1 && path.charCodeAt(path.length - 1) === 47;
    if (trailing) return this.lookupToCreate(path, syscall);
    return this.lookup(path, true, false, syscall);
  }

  private existing(path: string, followLast: boolean, syscall: string): Node {
    const found = this.lookup(path, followLast, true, syscall);
    if (found.node === undefined) throw uvError('ENOENT', syscall, path);
    return found.node;
  }

  private owned(node: Node): { mode: number; uid: number; gid: number } {
    return node instanceof Inode ? node : node.stat;
  }

  private upper(node: Node): Inode {
    const inode = this.tree.toUpper(node);
    this.byIno.set(inode.ino, inode);
    return inode;
  }

  private emit(change: Change): void {
    this.observer?.onChange(change);
  }

  private emitQuotaRefusal(path: string | undefined, requestedBytes: number): void {
    this.observer?.onChange({ kind: 'quota-exceeded', path: path ?? '', requestedBytes, quotaBytes: this.quotaBytes() });
  }

  private emitSpaceRefusal(path: string | undefined, requestedBytes: number): void {
    this.observer?.onChange({ kind: 'space-refused', path: path ?? '', requestedBytes });
  }

  private absolutePath(path: string): string {
    return path.charCodeAt(0) === 47 ? path : joinPath(this.cwd(), path);
  }

  private emitContent(inode: Inode): void {
    if (this.observer === undefined) return;
    const path = this.tree.pathOf(inode);
    if (path === undefined) return;
    // The journal saved this inode's bytes before: tell it how many leading bytes are still the same.
    const unchangedPrefix = inode.contentReported ? Math.min(inode.changedFrom, inode.size) : 0;
    inode.contentReported = true;
    inode.unsavedReported = false;
    inode.changedFrom = Number.POSITIVE_INFINITY;
    if (unchangedPrefix > 0) this.observer.onChange({ kind: 'content', path, ino: inode.ino, unchangedPrefix });
    else this.observer.onChange({ kind: 'content', path, ino: inode.ino });
  }

  /**
   * A descriptor changed its inode's bytes. The first such change since the last `content` report is announced, so
   * that the journal knows which files a process killed now would lose; later writes cost one field read.
   */
  private markDirty(d: Descriptor, inode: Inode): void {
    d.dirty = true;
    if (inode.unsavedReported || this.observer === undefined) return;
    inode.unsavedReported = true;
    const path = this.tree.pathOf(inode);
    // A file without a name any more is seen by nobody after this process: nothing of it can be lost.
    if (path !== undefined) this.observer.onChange({ kind: 'unsaved', path, ino: inode.ino });
  }

  private emitMetadata(inode: Inode): void {
    upperShape.version++; // a folder's mode or owner decides whether the fast path may search it
    if (this.observer === undefined) return;
    const path = this.tree.pathOf(inode);
    if (path !== undefined) this.observer.onChange({ kind: 'metadata', path });
  }

  private entryPath(lookup: Lookup): string {
    return this.tree.entryPath(lookup.dir, lookup.name);
  }

  /** W and X on the directory an entry is created in or removed from. */
  private mayChangeEntries(dir: Node): boolean {
    return this.identity.uid === 0 || mayAccess(this.identity, this.owned(dir), W_OK | X_OK);
  }

  private touch(inode: Inode, t: bigint): void {
    inode.mtimeNs = t;
    inode.ctimeNs = t;
  }

  /** A new inode in `parent` with the creator's identity (and the directory's group when it is set-group-ID). */
  private newInode(parent: Inode, mode: number, t: bigint): Inode {
    const groupFromDir = (parent.mode & S_ISGID) !== 0;
    if (groupFromDir && (mode & S_IFMT) === S_IFDIR) mode |= S_ISGID;
    const inode = new Inode(parent.dev, this.tree.allocateIno(), mode, this.identity.uid,
      groupFromDir ? parent.gid : this.identity.gid, t);
    this.byIno.set(inode.ino, inode);
    return inode;
  }

  /** An inode lost one name (or all, for a directory): free it once nothing refers to it any more. */
  private dropLink(inode: Inode, t: bigint): void {
    if (inode.isDirectory) inode.nlink = 0;
    else if (inode.nlink > 0) inode.nlink--;
    inode.ctimeNs = t;
    if (inode.nlink === 0 && inode.openCount === 0) this.forget(inode);
  }

  private forget(inode: Inode): void {
    this.observer?.beforeForget?.(inode.ino);
    this.contents.release(inode);
    if (this.byIno.get(inode.ino) === inode) this.byIno.delete(inode.ino);
  }

  /** Removes the entry `name` (holding `node`) from `dir`, leaving a whiteout where the disk had that name. */
  private detach(dir: Inode, name: string, node: Node, t: bigint): void {
    const entry = dir.entries!.get(name);
    if (entry !== undefined && entry !== null && entry === node) this.tree.removeEntry(dir, name);
    else if (node instanceof LowerNode) {
      const orphan = this.tree.hideDiskEntry(dir, node);
      if (orphan !== undefined) orphan.ctimeNs = t;
    } else {
      // An upper inode reached through a disk name it shares (a hard link on disk): hide that disk name.
      dir.entries!.set(name, null);
      dir.covered!.add(name);
    }
  }

  /** Whether a directory shows no entry in the merged view. */
  private isEmptyDir(node: Node): boolean {
    if (node instanceof LowerNode) return this.tree.lower.readdir(node.path).length === 0;
    for (const entry of node.entries!.values()) if (entry !== null) return false;
    if (node.revealed !== null) {
      for (const name of node.revealed) {
        if (!node.entries!.has(name) && this.tree.tryLstat(this.tree.entryPath(node, name)) !== undefined) return false;
      }
    }
    if (node.lower === null || node.opaque) return true;
    for (const e of this.tree.lower.readdir(node.lower)) if (node.entries!.get(e.name) !== null) return false;
    return true;
  }

  private descriptor(fd: number, syscall: string): Descriptor {
    const d = this.fds.get(fd);
    if (d === undefined) throw uvError('EBADF', syscall);
    return d;
  }

  /** The inode a descriptor reads now: a disk entry opened read-only may have been copied up since. */
  private currentInode(d: Descriptor): Inode | undefined {
    if (d.inode !== null) return d.inode;
    const copied = this.tree.upperOfDisk(d.lowerNode!.stat);
    if (copied !== undefined) {
      d.inode = copied;
      copied.openCount++;
    }
    return copied;
  }

  // ---- Descriptors ---------------------------------------------------------------------------------------------

  open(path: string, flags: OpenFlags, mode = 0o666): number {
    const { inode, lowerNode, created, truncated } = this.openNode(path, flags, mode, 'open');
    const access = flags & O_ACCMODE;
    const d = new Descriptor(inode, lowerNode, access !== O_WRONLY, access === O_WRONLY || access === O_RDWR,
      (flags & O_APPEND) !== 0);
    if (inode !== null) {
      inode.openCount++;
      if (created || truncated) this.markDirty(d, inode);
    }
    return this.fds.add(d);
  }

  /**
   * open(2)'s path half: find or create the file, check what the kernel checks in its order, copy up when the
   * descriptor may write, truncate when asked. Read-only opens of disk files return the disk node untouched.
   * `beforeChange`: called once the lookup and the kernel's checks passed, before anything is created, copied up or
   * truncated, with the file found (undefined: about to be made); it may throw (writeFile asks the space guard there).
   */
  private openNode(path: string, flags: number, mode: number, syscall: string, beforeChange?: (node: Node | undefined) => void):
    { inode: Inode | null; lowerNode: LowerNode | null; created: boolean; truncated: boolean } {
    const access = flags & O_ACCMODE;
    const create = (flags & O_CREAT) !== 0;
    // Linux (since 6.4) refuses this combination before looking at the path.
    if (create && (flags & O_DIRECTORY) !== 0) throw uvError('EINVAL', syscall, path);
    const exclusive = create && (flags & O_EXCL) !== 0;
    const truncate = (flags & O_TRUNC) !== 0;
    const writes = access === O_WRONLY || access === O_RDWR || truncate;
    const follow = (flags & O_NOFOLLOW) === 0 && !exclusive;
    const found = create && !exclusive && follow
      ? this.lookupCreateFollowing(path, syscall)
      : create
        ? this.lookupToCreate(path, syscall)
        : this.lookup(path, follow, !writes, syscall);
    // Linux refuses O_CREAT on a name with a trailing slash before it looks at what the name is.
    if (create && found.trailingSlash) throw uvError('EISDIR', syscall, path);
    const node = found.node;

    if (node === undefined) {
      if (!create) throw uvError('ENOENT', syscall, path);
      if (!this.mayChangeEntries(found.dir)) throw uvError('EACCES', syscall, path);
      beforeChange?.(undefined);
      const t = this.now();
      const parent = this.upper(found.dir);
      const inode = this.newInode(parent, S_IFREG | (mode & ~this.umask() & 0o7777), t);
      this.tree.setEntry(parent, found.name, inode, false);
      this.touch(parent, t);
      return { inode, lowerNode: null, created: true, truncated: false };
    }

    if (exclusive) throw uvError('EEXIST', syscall, path);
    const type = modeOf(node) & S_IFMT;
    if (type === S_IFLNK) throw uvError('ELOOP', syscall, path); // only reached with O_NOFOLLOW
    if (type === S_IFDIR) {
      if (create || writes) throw uvError('EISDIR', syscall, path);
    } else if ((flags & O_DIRECTORY) !== 0) throw uvError('ENOTDIR', syscall, path);
    const want = (access !== O_WRONLY ? R_OK : 0) | (writes ? W_OK : 0);
    if (!mayAccess(this.identity, this.owned(node), want)) throw uvError('EACCES', syscall, path);

    if (!writes) {
      if (node instanceof Inode) return { inode: node, lowerNode: null, created: false, truncated: false };
      return { inode: null, lowerNode: node, created: false, truncated: false };
    }
    beforeChange?.(node);
    const inode = this.upper(node);
    if (truncate && type === S_IFREG) {
      this.contents.truncate(inode, 0, syscall);
      this.touch(inode, this.now());
      this.dropPrivileges(inode);
      inode.contentChanged = true;
      return { inode, lowerNode: null, created: false, truncated: true };
    }
    return { inode, lowerNode: null, created: false, truncated: false };
  }

  close(fd: number): void {
    const d = this.descriptor(fd, 'close');
    this.fds.delete(fd);
    const inode = d.inode;
    if (inode === null) return;
    if (d.dirty) this.emitContent(inode);
    inode.openCount--;
    if (inode.openCount === 0 && inode.nlink === 0) this.forget(inode);
  }

  read(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number {
    const d = this.descriptor(fd, 'read');
    if (!d.readable) throw uvError('EBADF', 'read');
    const inode = this.currentInode(d);
    const useCurrent = position === null || position < 0;
    const at = useCurrent ? d.position : position;
    let n: number;
    if (inode !== undefined) {
      if (inode.isDirectory) throw uvError('EISDIR', 'read');
      n = this.contents.read(inode, buffer, offset, length, at);
    } else {
      const lower = d.lowerNode!;
      if (lower.isDirectory) throw uvError('EISDIR', 'read');
      n = this.readDisk(lower.path, buffer, offset, length, at);
    }
    if (useCurrent) d.position += n;
    return n;
  }

  private readDisk(path: string, buffer: Uint8Array, offset: number, length: number, position: number): number {
    const disk = this.tree.lower;
    const fd = disk.openForRead(path);
    try {
      return disk.read(fd, buffer, offset, length, position);
    } finally {
      disk.close(fd);
    }
  }

  write(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number {
    const d = this.descriptor(fd, 'write');
    if (!d.writable) throw uvError('EBADF', 'write');
    const inode = d.inode!;
    const useCurrent = position === null || position < 0;
    // O_APPEND: Linux appends even for pwrite, and pwrite leaves the position alone.
    const at = d.append ? inode.size : useCurrent ? d.position : position;
    if (length === 0) return 0;
    this.contents.write(inode, buffer, offset, length, at, 'write');
    if (useCurrent) d.position = at + length;
    this.touch(inode, this.now());
    this.dropPrivileges(inode);
    inode.contentChanged = true;
    this.markDirty(d, inode);
    return length;
  }

  /** Linux clears set-user-ID (and set-group-ID with group execute) when an unprivileged process writes. */
  private dropPrivileges(inode: Inode): void {
    if (this.identity.uid === 0 || (inode.mode & (S_ISUID | S_ISGID)) === 0) return;
    inode.mode &= ~S_ISUID;
    if ((inode.mode & 0o010) !== 0) inode.mode &= ~S_ISGID;
  }

  fstat(fd: number): StatRecord {
    const d = this.descriptor(fd, 'fstat');
    const inode = this.currentInode(d);
    return inode !== undefined ? inode.stat() : d.lowerNode!.stat;
  }

  ftruncate(fd: number, length: number): void {
    const d = this.descriptor(fd, 'ftruncate');
    const inode = d.inode;
    if (!d.writable || inode === null || !inode.isFile) throw uvError('EINVAL', 'ftruncate');
    if (length < 0) throw uvError('EINVAL', 'ftruncate');
    this.contents.truncate(inode, length, 'ftruncate');
    this.touch(inode, this.now());
    this.dropPrivileges(inode);
    inode.contentChanged = true;
    this.markDirty(d, inode);
  }

  fsync(fd: number): void {
    this.sync(fd, 'fsync');
  }

  fdatasync(fd: number): void {
    this.sync(fd, 'fdatasync');
  }

  private sync(fd: number, syscall: string): void {
    const d = this.descriptor(fd, syscall);
    if (d.dirty && d.inode !== null) {
      d.dirty = false;
      this.emitContent(d.inode);
    }
  }

  private descriptorInode(d: Descriptor): Inode {
    const current = this.currentInode(d);
    if (current !== undefined) return current;
    const settled = this.tree.settle(d.lowerNode!);
    const inode = settled !== undefined ? this.upper(settled) : this.tree.copyUpNameless(d.lowerNode!);
    this.byIno.set(inode.ino, inode);
    d.inode = inode;
    inode.openCount++;
    return inode;
  }

  fchmod(fd: number, mode: number): void {
    const d = this.descriptor(fd, 'fchmod');
    const node: Node = this.currentInode(d) ?? d.lowerNode!;
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError('EPERM', 'fchmod');
    this.changeMode(this.descriptorInode(d), mode);
  }

  fchown(fd: number, uid: number, gid: number): void {
    const d = this.descriptor(fd, 'fchown');
    const node: Node = this.currentInode(d) ?? d.lowerNode!;
    this.checkChown(node, uid, gid, 'fchown', undefined);
    this.changeOwner(this.descriptorInode(d), uid, gid);
  }

  futimes(fd: number, atimeNs: bigint, mtimeNs: bigint): void {
    const d = this.descriptor(fd, 'futime');
    const node: Node = this.currentInode(d) ?? d.lowerNode!;
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError('EPERM', 'futime');
    this.changeTimes(this.descriptorInode(d), atimeNs, mtimeNs);
  }

  /**
   * Another process of the run changed these paths, later than this one last did (the caller judged that): stop
   * hiding them, so that the layer below — the run's view, which has the change — shows through. What this process
   * held there goes (a descriptor still open keeps its file, as on a disk after another process's rename over it),
   * and a folder this process made itself learns the name, which its own `lower` (none) would not show.
   */
  reveal(paths: Iterable<{ path: string; shallow: boolean }>): void {
    this.tree.forgetDiskShapes();
    for (const { path, shallow } of paths) this.revealOne(path, shallow);
  }

  /**
   * The layer below may now hold something at these paths (another process's change, or this process's own, read
   * into the run layer in the clock's order with the others'): an entry this process holds there now hides it, so
   * removing that entry must leave a whiteout — without one, what is below would show through again (a folder this
   * process made and then removed, listed again after another process wrote beside it).
   */
  coverBelow(paths: Iterable<string>): void {
    for (const path of paths) {
      const names = path.split('/').filter((name) => name !== '');
      const last = names.pop();
      if (last === undefined) continue;
      let dir: Inode | undefined = this.tree.root;
      for (const name of names) {
        const entry: Inode | null | undefined = dir.entries!.get(name);
        dir = entry !== undefined && entry !== null && entry.isDirectory ? entry : undefined;
        if (dir === undefined) break;
      }
      const entry = dir?.entries!.get(last);
      if (entry !== undefined && entry !== null) dir!.covered!.add(last);
    }
  }

  /**
   * The layer below is about to change at these paths: a file this process copied up whose bytes it still reads from
   * there by path (a file it renamed or chmod-ed, never read) reads them in first, so that it keeps its own bytes.
   */
  keepOwnBytes(paths: readonly string[]): void {
    const changes = (from: string) => paths.some((p) => from === p || (from.startsWith(p) && from.charCodeAt(p.length) === 47));
    // A folder this process renamed still lists its entries from below at its old path: it takes them in first.
    for (const inode of [...this.byIno.values()]) {
      if (inode.isDirectory && inode.lower !== null && changes(inode.lower) && inode.lower !== this.tree.pathOf(inode)) {
        this.takeInFolder(inode);
      }
    }
    for (const inode of this.tree.lazyContent) {
      const from = inode.contentFrom;
      if (from === null) {
        this.tree.lazyContent.delete(inode);
        continue;
      }
      if (!changes(from)) continue;
      try {
        this.contents.readInNow(inode);
      } catch {
        // Unreadable below already: it stays as it was.
      }
      this.tree.lazyContent.delete(inode);
    }
  }

  /** Copies up every entry a folder shows from below, folders below it too, with their bytes; it reads below no more. */
  private takeInFolder(dir: Inode): void {
    if (dir.lower === null) return;
    // tree.list gives the entries from below without a node: each is looked up by name, then copied up.
    for (const e of this.tree.list(dir)) {
      if (e.node !== undefined) continue;
      const child = this.tree.child(dir, e.name);
      if (child === undefined || child instanceof Inode) continue;
      const inode = this.upper(child);
      if (inode.isDirectory) this.takeInFolder(inode);
      else if (inode.contentFrom !== null) {
        try {
          this.contents.readInNow(inode);
        } catch {
          // as above
        }
      }
    }
    dir.lower = null;
    dir.opaque = true;
    upperShape.version++;
  }

  /** `shallow`: a folder this process holds at `path` stays as it is (the change was to the folder alone). */
  private revealOne(path: string, shallow: boolean): void {
    const names = path.split('/').filter((name) => name !== '');
    let dir = this.tree.root;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const entry = dir.entries!.get(name);
      if (entry !== undefined && entry !== null && entry.isDirectory && i < names.length - 1) {
        dir = entry;
        continue;
      }
      if (shallow && entry != null && entry.isDirectory) return;
      if (entry !== undefined) {
        if (entry !== null) this.releaseTree(dir, name, entry);
        dir.entries!.delete(name);
        dir.covered!.delete(name);
      }
      (dir.revealed ??= new Set()).add(name);
      upperShape.version++;
      return;
    }
  }

  /** Lets go of what this process held at `dir/name` (and below it), as a removal would, without a change to record. */
  private releaseTree(dir: Inode, name: string, inode: Inode): void {
    const t = this.now();
    if (inode.isDirectory) {
      for (const [childName, child] of inode.entries!) if (child !== null) this.releaseTree(inode, childName, child);
    }
    inode.removeLink(dir, name);
    this.dropLink(inode, t);
  }

  isOverlayFd(fd: number): boolean {
    return this.fds.has(fd);
  }

  // ---- Metadata by path ----------------------------------------------------------------------------------------

  stat(path: string): StatRecord {
    // A miss takes the full walk too: it words the error.
    return this.statUntouched(path, true) ?? statOf(this.existing(path, true, 'stat'));
  }

  lstat(path: string): StatRecord {
    return this.statUntouched(path, false) ?? statOf(this.existing(path, false, 'lstat'));
  }

  /**
   * One lstat for a path in untouched disk directories: the record, null when nothing is there (certain: the
   * merged view there is the disk's), undefined when the full walk must answer.
   */
  private statUntouched(path: string, follow: boolean, throughDiskSymlinks = true): StatRecord | null | undefined {
    if (!this.diskEnforcesIdentity) return undefined;
    const diskPath = this.tree.fastDiskPath(path, throughDiskSymlinks);
    if (diskPath === undefined) return undefined;
    let stat: StatRecord | undefined;
    try {
      stat = this.tree.tryLstat(diskPath);
    } catch {
      return undefined;
    }
    if (stat === undefined) return null;
    if (follow && (stat.mode & S_IFMT) === S_IFLNK) return undefined;
    // A file with several disk names may have been copied up under another one.
    if (stat.nlink > 1 && (stat.mode & S_IFMT) !== S_IFDIR) return undefined;
    return stat;
  }

  /**
   * The disk path `path` names when the merged view there is the disk's own (no upper state on the way, no symlinked
   * disk folder left unresolved): the caller may then ask the disk directly, provided it does not follow a symlink in
   * the last name and turns away a file with several names while `hasDiskCopies()`. Undefined: ask the engine.
   * `throughDiskSymlinks` false: only a path whose own disk folders hold no symlink (its realpath is its spelling).
   */
  untouchedDiskPath(path: string, throughDiskSymlinks = true): string | undefined {
    if (!this.diskEnforcesIdentity) return undefined;
    const lower = this.tree.lower;
    if (lower.answersAsDisk === true) return this.tree.fastDiskPath(path, throughDiskSymlinks);
    // Under a spool the lower layer holds other processes' changes: the disk answers only where that layer has none.
    if (lower.answersAsDiskAt === undefined) return undefined;
    const diskPath = this.tree.fastDiskPath(path, throughDiskSymlinks);
    return diskPath !== undefined && lower.answersAsDiskAt(diskPath) ? diskPath : undefined;
  }

  /**
   * Whether the merged view is the disk's own at every path: this process changed nothing in memory (or let go of all
   * of it), the layer below holds nothing of its own (no other process's change read yet), and the disk checks this
   * process's permissions itself. Then Node's own fs answers every question exactly, a symlink's target included.
   */
  answersAsDiskEverywhere(): boolean {
    if (!this.diskEnforcesIdentity || !this.tree.holdsNothing()) return false;
    const lower = this.tree.lower;
    return lower.answersAsDisk === true || lower.answersAsDiskEverywhere?.() === true;
  }

  /** Whether some disk file was copied up: one of its other disk names then names the copy, not the disk file. */
  hasDiskCopies(): boolean {
    return this.tree.hasDiskCopies();
  }

  tryStat(path: string, followLast: boolean): StatRecord | undefined {
    const fast = this.statUntouched(path, followLast);
    if (fast !== undefined) return fast ?? undefined;
    const found = this.tree.walk(path, { followLast, readOnly: true });
    if (typeof found === 'string') {
      if (found === 'ENOENT' || found === 'ENOTDIR') return undefined;
      throw uvError(found, followLast ? 'stat' : 'lstat', path);
    }
    return found.node === undefined ? undefined : statOf(found.node);
  }

  access(path: string, mode: number): void {
    const node = this.existing(path, true, 'access');
    const want = mode & (R_OK | W_OK | X_OK);
    if (want !== 0 && !mayAccess(this.identity, this.owned(node), want)) throw uvError('EACCES', 'access', path);
  }

  exists(path: string): boolean {
    const fast = this.statUntouched(path, true);
    if (fast !== undefined) return fast !== null;
    const found = this.tree.walk(path, { followLast: true, readOnly: true });
    return typeof found !== 'string' && found.node !== undefined;
  }

  chmod(path: string, mode: number): void {
    const node = this.lookupForChange(path, true, 'chmod');
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError('EPERM', 'chmod', path);
    this.changeMode(this.upper(node), mode);
  }

  private lookupForChange(path: string, follow: boolean, syscall: string): Node {
    const found = this.lookup(path, follow, false, syscall);
    if (found.node === undefined) throw uvError('ENOENT', syscall, path);
    return found.node;
  }

  private changeMode(inode: Inode, mode: number): void {
    let bits = mode & 0o7777;
    if (this.identity.uid !== 0 && !inode.isDirectory && !inGroup(this.identity, inode.gid)) bits &= ~S_ISGID;
    inode.mode = (inode.mode & S_IFMT) | bits;
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }

  chown(path: string, uid: number, gid: number): void {
    this.chownAt(path, uid, gid, true, 'chown');
  }

  lchown(path: string, uid: number, gid: number): void {
    this.chownAt(path, uid, gid, false, 'lchown');
  }

  private chownAt(path: string, uid: number, gid: number, follow: boolean, syscall: string): void {
    const node = this.lookupForChange(path, follow, syscall);
    this.checkChown(node, uid, gid, syscall, path);
    this.changeOwner(this.upper(node), uid, gid);
  }

  private checkChown(node: Node, uid: number, gid: number, syscall: string, path: string | undefined): void {
    if (this.identity.uid === 0) return;
    // Linux's chown_ok/chgrp_ok: without CAP_CHOWN only the owner may name ids, even the ones already there.
    const o = this.owned(node);
    const owner = this.identity.uid === o.uid;
    const uidRefused = uid !== -1 && !(owner && uid === o.uid);
    const gidRefused = gid !== -1 && !(owner && (gid === o.gid || inGroup(this.identity, gid)));
    if (uidRefused || gidRefused) throw uvError('EPERM', syscall, path);
  }

  private changeOwner(inode: Inode, uid: number, gid: number): void {
    if (uid !== -1) inode.uid = uid;
    if (gid !== -1) inode.gid = gid;
    // Linux drops set-user-ID (and set-group-ID with group execute) on any chown of a non-directory, -1/-1 too.
    if (!inode.isDirectory && !inode.isSymlink) {
      inode.mode &= ~S_ISUID;
      if ((inode.mode & 0o010) !== 0) inode.mode &= ~S_ISGID;
    }
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }

  utimes(path: string, atimeNs: bigint, mtimeNs: bigint): void {
    this.utimesAt(path, atimeNs, mtimeNs, true, 'utime');
  }

  lutimes(path: string, atimeNs: bigint, mtimeNs: bigint): void {
    this.utimesAt(path, atimeNs, mtimeNs, false, 'lutime');
  }

  private utimesAt(path: string, atimeNs: bigint, mtimeNs: bigint, follow: boolean, syscall: string): void {
    const node = this.lookupForChange(path, follow, syscall);
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError('EPERM', syscall, path);
    this.changeTimes(this.upper(node), atimeNs, mtimeNs);
  }

  private changeTimes(inode: Inode, atimeNs: bigint, mtimeNs: bigint): void {
    inode.atimeNs = atimeNs;
    inode.mtimeNs = mtimeNs;
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }

  // ---- Content by path -----------------------------------------------------------------------------------------

  readFile(path: string, flags: OpenFlags = 0): Buffer {
    if (flags === 0 && this.diskEnforcesIdentity) {
      const fast = this.readUntouched(path);
      if (fast !== undefined) return fast;
    }
    if ((flags & (O_CREAT | O_TRUNC | O_ACCMODE)) === 0) {
      const found = this.lookup(path, (flags & O_NOFOLLOW) === 0, true, 'open');
      const node = found.node;
      if (node === undefined) throw uvError('ENOENT', 'open', path);
      if (isSymlink(node)) throw uvError('ELOOP', 'open', path);
      if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError('EACCES', 'open', path);
      if (isDirectory(node)) throw uvError('EISDIR', 'read');
      if (node instanceof Inode) return this.contents.readAll(node, 'open', path);
      try {
        return this.tree.lower.readFile(node.path);
      } catch (error) {
        throw this.diskError(error, 'open', path);
      }
    }
    const fd = this.open(path, flags, 0o666);
    try {
      const d = this.fds.get(fd)!;
      if (!d.readable) throw uvError('EBADF', 'read');
      const inode = d.inode!;
      if (inode.isDirectory) throw uvError('EISDIR', 'read');
      return this.contents.readAll(inode);
    } finally {
      this.close(fd);
    }
  }

  /**
   * A file the overlay never touched, in a directory it never touched: open, fstat, read, close on the disk, as
   * Node's own readFileSync does. Undefined when the full walk must answer (symlinks, errors, changed regions).
   */
  private readUntouched(path: string): Buffer | undefined {
    const diskPath = this.tree.fastDiskPath(path, true);
    if (diskPath === undefined) return undefined;
    let result: Buffer | 'symlink' | 'directory' | 'linked';
    try {
      result = this.tree.lower.readFileNoFollow!(diskPath);
    } catch {
      return undefined;
    }
    if (result === 'directory') throw uvError('EISDIR', 'read');
    return typeof result === 'string' ? undefined : result;
  }

  /** A disk error seen while serving a caller's path, reported with the caller's path. */
  private diskError(error: unknown, syscall: string, path: string): UvError {
    const code = codeOf(error);
    return code === undefined ? (error as UvError) : uvError(code, syscall, path);
  }

  writeFile(path: string, data: Uint8Array, flags: OpenFlags, mode: number): void {
    const appending = (flags & O_APPEND) !== 0;
    // ENOSPC must leave nothing behind, not even an empty file: check the room before open creates or truncates.
    if (this.contents.used + data.byteLength > this.quotaLeftFor(path, flags)) {
      this.openNodeDryRun(path, flags);
      this.emitQuotaRefusal(this.absolutePath(path), data.byteLength);
      throw uvError('ENOSPC', 'write');
    }
    // The space guard, asked once for the whole call, with the file open finds, before open changes anything.
    const guard = this.contents.guard;
    const admit = guard === undefined || data.byteLength === 0 ? undefined : (node: Node | undefined) => {
      const bytes = this.journalBytesOfWriteFile(node, data.byteLength, flags);
      if (bytes <= 0 || guard.admit(bytes)) return;
      const where = node instanceof Inode ? this.tree.pathOf(node) : node instanceof LowerNode ? node.path : undefined;
      this.emitSpaceRefusal(where ?? this.absolutePath(path), bytes);
      throw uvError('ENOSPC', 'write');
    };
    const { inode } = this.openNode(path, flags, mode, 'open', admit);
    const access = flags & O_ACCMODE;
    if (access !== O_WRONLY && access !== O_RDWR) throw uvError('EBADF', 'write');
    const target = inode!;
    if (data.byteLength > 0) {
      if (appending) this.contents.write(target, data, 0, data.byteLength, target.size, 'write', true);
      else if (target.size === 0 && target.contentFrom === null) this.contents.replace(target, data, 'write', true);
      else this.contents.write(target, data, 0, data.byteLength, 0, 'write', true);
      this.touch(target, this.now());
      this.dropPrivileges(target);
      target.contentChanged = true;
    }
    this.emitContent(target);
  }

  /**
   * What a writeFile of `length` bytes to `node` (undefined: a new file) adds to the journal: a new or truncated
   * file its bytes, an append to a file journaled before its own bytes, any write to a disk file the whole file.
   */
  private journalBytesOfWriteFile(node: Node | undefined, length: number, flags: number): number {
    if (node === undefined) return this.contents.journalBytes(undefined, length, 0);
    const inode = node instanceof Inode ? node : undefined;
    const size = (flags & O_TRUNC) !== 0 ? 0 : node instanceof Inode ? node.size : node.stat.size;
    const from = (flags & O_APPEND) !== 0 ? size : 0;
    const pending = inode === undefined || inode.changedFrom === Number.POSITIVE_INFINITY
      ? 0 : this.contents.journalBytes(inode, inode.size, inode.changedFrom);
    return this.contents.journalBytes(inode, Math.max(size, from + length), from) - pending;
  }

  /** The quota as seen by a whole-file write to `path`: what truncating its current content would free counts. */
  private quotaLeftFor(path: string, flags: number): number {
    const quota = this.quotaBytes();
    if (quota === Number.POSITIVE_INFINITY || (flags & O_TRUNC) === 0) return quota;
    const found = this.tree.walk(path, { followLast: true, readOnly: true });
    if (typeof found !== 'string' && found.node instanceof Inode) return quota + found.node.held;
    return quota;
  }

  private quotaBytes(): number {
    return this.contents.quota;
  }

  /** Raises the error open would raise for these arguments, without changing anything. */
  private openNodeDryRun(path: string, flags: number): void {
    const found = this.lookup(path, (flags & O_NOFOLLOW) === 0 && (flags & O_EXCL) === 0, true, 'open');
    if (found.node === undefined) {
      if ((flags & O_CREAT) === 0) throw uvError('ENOENT', 'open', path);
      if (!this.mayChangeEntries(found.dir)) throw uvError('EACCES', 'open', path);
      return;
    }
    if ((flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0) throw uvError('EEXIST', 'open', path);
    if (isDirectory(found.node)) throw uvError('EISDIR', 'open', path);
    if (!mayAccess(this.identity, this.owned(found.node), W_OK)) throw uvError('EACCES', 'open', path);
  }

  truncate(path: string, length: number): void {
    const found = this.lookup(path, true, false, 'open');
    const node = found.node;
    if (node === undefined) throw uvError('ENOENT', 'open', path);
    if (isDirectory(node)) throw uvError('EISDIR', 'open', path);
    if (!mayAccess(this.identity, this.owned(node), W_OK)) throw uvError('EACCES', 'open', path);
    if (length < 0) throw uvError('EINVAL', 'ftruncate');
    const inode = node instanceof Inode ? node : undefined;
    // Check the room before the copy-up so that ENOSPC leaves no trace.
    if (node instanceof LowerNode && length > 0) {
      this.contents.ensureRoom(inode, Math.min(length, node.stat.size), 'ftruncate', node.path);
      this.contents.ensureJournalRoom(undefined, length, 0, 'ftruncate', node.path);
    }
    const target = this.upper(node);
    this.contents.truncate(target, length, 'ftruncate', node instanceof LowerNode);
    this.touch(target, this.now());
    this.dropPrivileges(target);
    target.contentChanged = true;
    this.emitContent(target);
  }

  copyFile(src: string, dest: string, mode: number): void {
    const from = this.tree.walk(src, { followLast: true, readOnly: true });
    if (typeof from === 'string') throw uvError(from, 'copyfile', src, dest);
    const source = from.node;
    if (source === undefined) throw uvError('ENOENT', 'copyfile', src, dest);
    if (!mayAccess(this.identity, this.owned(source), R_OK)) throw uvError('EACCES', 'copyfile', src, dest);
    // libuv fstat()s the source first: later changes (a file made inside a source directory) come after.
    const sourceStat = statOf(source);
    const exclusive = (mode & COPYFILE_EXCL) !== 0;
    // The destination is opened with O_CREAT: a trailing slash is EISDIR whatever the name is.
    const slash = dest.length > 1 && dest.charCodeAt(dest.length - 1) === 47;
    const to = this.tree.walk(dest, { followLast: !exclusive && !slash, readOnly: false, create: exclusive || slash });
    if (typeof to === 'string') throw uvError(to, 'copyfile', src, dest);
    if (slash) throw uvError('EISDIR', 'copyfile', src, dest);
    const target = to.node;
    if (target !== undefined) {
      if (exclusive) throw uvError('EEXIST', 'copyfile', src, dest);
      if (isDirectory(target)) throw uvError('EISDIR', 'copyfile', src, dest);
      if (!mayAccess(this.identity, this.owned(target), W_OK)) throw uvError('EACCES', 'copyfile', src, dest);
    } else {
      if (to.trailingSlash) throw uvError('EISDIR', 'copyfile', src, dest);
      if (!this.mayChangeEntries(to.dir)) throw uvError('EACCES', 'copyfile', src, dest);
    }
    if (target !== undefined && sameNode(source, target)) return;
    // No reflinks here (as on ext4): a forced clone fails like a copy from a directory does, after the open.
    if ((mode & COPYFILE_FICLONE_FORCE) === COPYFILE_FICLONE_FORCE) this.failCopyAfterOpen(sourceStat, to, 'ENOTSUP', src, dest);
    if (isDirectory(source)) this.failCopyAfterOpen(sourceStat, to, 'EISDIR', src, dest);
    let bytes: Buffer;
    try {
      bytes = source instanceof Inode ? this.contents.readAll(source) : this.tree.lower.readFile(source.path);
    } catch (error) {
      const code = codeOf(error);
      throw code === undefined ? error : uvError(code, 'copyfile', src, dest);
    }
    const held = target instanceof Inode ? target.held : 0;
    if (bytes.length > held && this.contents.used + bytes.length - held > this.quotaBytes()) {
      this.emitQuotaRefusal(target instanceof Inode ? this.tree.pathOf(target) ?? this.absolutePath(dest) : this.absolutePath(dest), bytes.length);
      throw uvError('ENOSPC', 'copyfile', src, dest);
    }
    const journalBytes = this.contents.journalBytes(undefined, bytes.length, 0);
    if (this.contents.guard !== undefined && journalBytes > 0 && !this.contents.guard.admit(journalBytes)) {
      this.emitSpaceRefusal(target instanceof Inode ? this.tree.pathOf(target) ?? this.absolutePath(dest) : this.absolutePath(dest), journalBytes);
      throw uvError('ENOSPC', 'copyfile', src, dest);
    }
    const t = this.now();
    let inode: Inode;
    if (target === undefined) {
      const parent = this.upper(to.dir);
      inode = this.newInode(parent, S_IFREG | (sourceStat.mode & 0o7777), t);
      this.tree.setEntry(parent, to.name, inode, false);
      this.touch(parent, t);
    } else inode = this.upper(target);
    this.contents.replace(inode, bytes, 'copyfile', true);
    this.touch(inode, t);
    this.copyAttributes(inode, sourceStat, t);
    // The bytes are written after the times and the mode were set: they leave the source's mtime only when there
    // were none, and (unprivileged) they drop the set-ID bits fchmod just gave.
    if (bytes.length > 0) {
      inode.mtimeNs = t;
      this.dropPrivileges(inode);
    }
    inode.contentChanged = true;
    this.emitContent(inode);
  }

  /**
   * libuv opens the destination (creating or truncating it) and sets the source's mode before the copy itself
   * fails (EISDIR from a directory, ENOTSUP from a forced clone); it then unlinks the destination. Linux leaves
   * exactly that behind: do the same.
   */
  /**
   * What libuv does to the destination once it is open: on 1.48+ (Node 22+) the source's times, then its owner
   * (fchown, a refusal ignored), then on every version its mode (fchmod).
   */
  private copyAttributes(inode: Inode, source: StatRecord, t: bigint): void {
    if (COPYFILE_COPIES_TIMES) {
      inode.atimeNs = source.atimeNs;
      inode.mtimeNs = source.mtimeNs;
      const id = this.identity;
      const mayChown = id.uid === 0
        || (id.uid === inode.uid && source.uid === inode.uid && (source.gid === inode.gid || inGroup(id, source.gid)));
      if (mayChown) {
        inode.uid = source.uid;
        inode.gid = source.gid;
      }
    }
    inode.mode = (inode.mode & S_IFMT) | (source.mode & 0o7777);
    inode.ctimeNs = t;
  }

  private failCopyAfterOpen(source: StatRecord, to: Lookup, code: string, src: string, dest: string): never {
    const t = this.now();
    const perms = source.mode & 0o7777;
    // open(dest, O_CREAT) followed a symlink: it made or truncated the file at its target, then fchmod.
    let opened: Inode;
    if (to.node === undefined) {
      const parent = this.upper(to.dir);
      opened = this.newInode(parent, S_IFREG | perms, t);
      this.tree.setEntry(parent, to.name, opened, false);
      this.touch(parent, t);
    } else {
      opened = this.upper(to.node);
      this.contents.truncate(opened, 0, 'copyfile');
      opened.contentChanged = true;
      this.touch(opened, t);
    }
    this.copyAttributes(opened, source, t);
    // unlink(dest) then removes the name as given, which is the symlink itself when there was one.
    const named = this.tree.walk(dest, { followLast: false, readOnly: false, create: true });
    if (typeof named !== 'string' && named.node !== undefined && !isDirectory(named.node)) {
      const parent = this.upper(named.dir);
      this.detach(parent, named.name, named.node, t);
      this.touch(parent, t);
      if (named.node instanceof Inode) this.dropLink(named.node, t);
      if (this.observer !== undefined) {
        if (named.node !== opened) this.emitContent(opened);
        this.emit({ kind: 'remove', path: this.entryPath(named) });
      }
    }
    throw uvError(code, 'copyfile', src, dest);
  }

  // ---- Directories ---------------------------------------------------------------------------------------------

  mkdir(path: string, mode: number, recursive: boolean): string | undefined {
    if (!recursive) {
      this.makeDirectory(path, mode);
      return undefined;
    }
    return this.makeDirectories(path, mode);
  }

  private makeDirectory(path: string, mode: number, syscall = 'mkdir', errorPath = path): Inode {
    const found = this.lookupToCreate(path, syscall, errorPath);
    if (found.node !== undefined) throw uvError('EEXIST', syscall, errorPath);
    if (!this.mayChangeEntries(found.dir)) throw uvError('EACCES', syscall, errorPath);
    const t = this.now();
    const parent = this.upper(found.dir);
    // mkdir(2) keeps the sticky bit and ignores set-user-ID/set-group-ID (the latter comes from the parent).
    const inode = this.newInode(parent, S_IFDIR | (mode & ~this.umask() & 0o1777), t);
    this.tree.setEntry(parent, found.name, inode, false);
    parent.nlink++;
    this.touch(parent, t);
    if (this.observer !== undefined) this.emit({ kind: 'mkdir', path: this.entryPath(found) });
    return inode;
  }

  /**
   * mkdir -p as Node's MKDirpSync does it: create from the deepest missing ancestor down and return the first
   * directory created (undefined when it all existed).
   */
  private makeDirectories(path: string, mode: number): string | undefined {
    const missing: string[] = [];
    let current = path;
    for (;;) {
      const found = this.tree.walk(current, { followLast: true, readOnly: true });
      if (typeof found === 'string') {
        if (found !== 'ENOENT') throw uvError(found, 'mkdir', path);
      } else if (found.node !== undefined) {
        if (!isDirectory(found.node)) throw uvError(missing.length === 0 ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
        break;
      }
      missing.push(current);
      const parent = parentPathOf(current);
      if (parent === current) break;
      current = parent;
    }
    let first: string | undefined;
    for (let i = missing.length - 1; i >= 0; i--) {
      const dir = missing[i]!;
      try {
        this.makeDirectory(dir, mode, 'mkdir', path);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
        // As MKDirpSync: a name that exists is fine if it leads to a directory; a dangling symlink is ENOENT.
        const there = this.tree.walk(dir, { followLast: true, readOnly: true });
        if (typeof there !== 'string' && there.node !== undefined) {
          if (isDirectory(there.node)) continue;
          throw uvError(i === 0 ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
        }
        throw uvError(typeof there === 'string' ? there : 'ENOENT', 'mkdir', path);
      }
      first ??= dir;
    }
    return first;
  }

  mkdtemp(prefix: string): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      let name = prefix;
      // Math.random, as libuv's own fallback: uniqueness is checked by mkdir, and node:crypto would cost every
      // process that loads the preload milliseconds at start-up.
      for (let i = 0; i < 6; i++) name += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
      try {
        this.makeDirectory(name, 0o700, 'mkdtemp', `${prefix}XXXXXX`);
        return name;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
    }
    throw uvError('EEXIST', 'mkdtemp', `${prefix}XXXXXX`);
  }

  readdir(path: string): DirectoryEntry[] {
    return this.listDirectory(path, undefined);
  }

  /**
   * readdir's entries in the order `byName` gives them (Node's face lists folders by name). A folder only memory
   * holds — no disk folder below it, nothing another process put in it — is sorted once while the upper tree keeps
   * its shape (upperShape): a test that lists one folder in a loop pays for the sort once. One order per engine:
   * the memo assumes every caller passes the same `byName`.
   */
  readdirSorted(path: string, byName: (a: DirectoryEntry, b: DirectoryEntry) => number): DirectoryEntry[] {
    return this.listDirectory(path, byName);
  }

  /** Sorted listings of folders only memory holds, with the upperShape version they were read at. */
  private readonly sortedListings = new WeakMap<Inode, { version: number; entries: DirectoryEntry[] }>();

  private listDirectory(path: string, byName: ((a: DirectoryEntry, b: DirectoryEntry) => number) | undefined): DirectoryEntry[] {
    const node = this.existing(path, true, 'scandir');
    if (!isDirectory(node)) throw uvError('ENOTDIR', 'scandir', path);
    if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError('EACCES', 'scandir', path);
    try {
      // An untouched disk directory lists as the disk lists it.
      if (node instanceof LowerNode) {
        const listed = this.tree.lower.readdir(node.path);
        return byName === undefined ? listed : listed.sort(byName);
      }
      const inMemoryOnly = byName !== undefined && node.lower === null && node.revealed === null;
      if (inMemoryOnly) {
        const memo = this.sortedListings.get(node);
        if (memo !== undefined && memo.version === upperShape.version) return memo.entries.slice();
      }
      const version = upperShape.version;
      const listed = this.tree.list(node).map((e): DirectoryEntry => ({ name: e.name, type: e.type as EntryType }));
      if (byName === undefined) return listed;
      listed.sort(byName);
      if (inMemoryOnly) this.sortedListings.set(node, { version, entries: listed.slice() });
      return listed;
    } catch (error) {
      throw this.diskError(error, 'scandir', path);
    }
  }

  rmdir(path: string): void {
    const last = lastComponent(path);
    if (last === '.') throw uvError('EINVAL', 'rmdir', path);
    const found = this.lookupToCreate(path, 'rmdir');
    const node = found.node;
    if (node === undefined) throw uvError('ENOENT', 'rmdir', path);
    if (last === '..') throw uvError('ENOTEMPTY', 'rmdir', path);
    if (found.name === '.') throw uvError('EBUSY', 'rmdir', path);
    this.removeDirectory(found, node, 'rmdir', path);
    if (this.observer !== undefined) this.emit({ kind: 'remove', path: this.entryPath(found) });
  }

  private checkRemove(found: Lookup, node: Node, syscall: string, path: string): void {
    if (!this.mayChangeEntries(found.dir)) throw uvError('EACCES', syscall, path);
    if (!mayRemoveFrom(this.identity, this.owned(found.dir), this.owned(node))) throw uvError('EPERM', syscall, path);
  }

  /** `t`: the time of the whole removal (rm -r takes one reading of the clock, as a kernel's coarse clock gives one). */
  private removeDirectory(found: Lookup, node: Node, syscall: string, path: string, t?: bigint): void {
    this.checkRemove(found, node, syscall, path);
    if (!isDirectory(node)) throw uvError('ENOTDIR', syscall, path);
    if (!this.isEmptyDir(node)) throw uvError('ENOTEMPTY', syscall, path);
    t ??= this.now();
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    parent.nlink--;
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }

  unlink(path: string): void {
    // The last name is never followed, slash or not; a slash after it is judged by what the name itself is.
    const found = this.lookupToCreate(path, 'unlink');
    const node = found.node;
    if (node === undefined) throw uvError('ENOENT', 'unlink', path);
    if (found.trailingSlash) throw uvError(isDirectory(node) ? 'EISDIR' : 'ENOTDIR', 'unlink', path);
    if (found.name === '.') throw uvError('EISDIR', 'unlink', path);
    this.checkRemove(found, node, 'unlink', path);
    if (isDirectory(node)) throw uvError('EISDIR', 'unlink', path);
    this.removeFile(found, node);
    if (this.observer !== undefined) this.emit({ kind: 'remove', path: this.entryPath(found) });
  }

  private removeFile(found: Lookup, node: Node, t = this.now()): void {
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }

  /**
   * Node 20's rm: a look at the path first (lstat), where `force` forgives only ENOENT. Later Node versions forgive
   * more (ENOTDIR, ELOOP with recursive on 22+/24+): node/ adapts per version around this.
   */
  rm(path: string, options: { recursive: boolean; force: boolean; childrenFirst?: boolean }): void {
    const found = this.tree.walk(path, { followLast: false, readOnly: false });
    if (typeof found === 'string') {
      if (found === 'ENOENT' && options.force) return;
      // Node 20 validates with lstat unless force; with force, rimraf goes on without stats and tries unlink.
      if (options.recursive && options.force) return this.rimrafWithoutStats(path);
      throw uvError(found, 'lstat', path);
    }
    if (found.node === undefined) {
      if (options.force) return;
      throw uvError('ENOENT', 'lstat', path);
    }
    // A failure half-way leaves what was removed removed: the observer hears of each such entry then.
    this.removedSoFar = this.observer !== undefined ? [] : null;
    try {
      this.removeFound(found, found.node, path, options);
    } catch (error) {
      for (const removed of this.removedSoFar ?? []) this.emit({ kind: 'remove', path: removed });
      throw error;
    } finally {
      this.removedSoFar = null;
    }
    if (this.observer !== undefined) this.emit({ kind: 'remove', path: this.entryPath(found) });
  }

  /** rimraf when its lstat failed: unlink, then rmdir on EISDIR/EPERM, each with the kernel's own answer. */
  private rimrafWithoutStats(path: string): void {
    try {
      this.unlink(path);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') return;
      if (code !== 'EISDIR' && code !== 'EPERM') throw error;
      try {
        this.rmdir(path);
      } catch (second) {
        const secondCode = codeOf(second);
        if (secondCode === 'ENOENT') return;
        throw secondCode === 'ENOTDIR' ? error : second;
      }
    }
  }

  private removeFound(found: Lookup, node: Node, path: string,
    options: { recursive: boolean; force: boolean; childrenFirst?: boolean }): void {
    if (!isDirectory(node)) {
      this.checkRemove(found, node, 'unlink', path);
      this.removeFile(found, node);
      return;
    }
    if (!options.recursive) throw uvError('EISDIR', 'rm', path);
    if (options.childrenFirst === true) {
      this.removeChildrenFirst(found, node, path, this.now());
      return;
    }
    // rimraf's first rmdir('link/') meets the symlink itself: ENOTDIR, nothing removed (Node 20 and 22).
    if (found.trailingSlash) {
      const named = this.tree.walk(path, { followLast: false, readOnly: true, create: true });
      if (typeof named !== 'string' && named.node !== undefined && isSymlink(named.node)) {
        throw uvError('ENOTDIR', 'rmdir', path);
      }
    }
    if (found.name === '.') throw uvError('EINVAL', 'rmdir', path);
    this.removeTree(found, node, path, this.now());
  }

  /** Node 24+'s native order: children first, then the directory (see OverlayApi.rm). */
  private removeChildrenFirst(found: Lookup, node: Node, path: string, t: bigint): void {
    let viaSymlink = false;
    if (found.trailingSlash) {
      const named = this.tree.walk(path, { followLast: false, readOnly: true, create: true });
      viaSymlink = typeof named !== 'string' && named.node !== undefined && isSymlink(named.node);
    }
    if (found.name === '.') throw uvError('EINVAL', 'rm', path);
    if (!viaSymlink && this.identity.uid === 0 && node instanceof LowerNode) {
      this.removeTree(found, node, path, t);
      return;
    }
    if (isInMemoryOnly(node)) this.emptyInMemoryFolder(node, path, t, true);
    else node = this.emptyFolderChildrenFirst(node, path, t);
    if (viaSymlink) throw uvError('ENOTDIR', 'rm', path);
    this.removeDirectory({ ...found, node }, node, 'rm', path, t);
  }

  /** The children-first loop over a folder's listing; the folder as it is after (copied up once a child went). */
  private emptyFolderChildrenFirst(node: Node, path: string, t: bigint): Node {
    const here = this.removedSoFar === null ? '/' : this.tree.pathOf(node) ?? '/';
    for (const entry of this.tree.list(node)) {
      const childPath = joinPath(path, entry.name);
      // An upper folder's listing holds its children already (removing one child never changes another's entry).
      const child = node instanceof Inode && entry.node !== undefined ? entry.node : this.tree.child(node, entry.name);
      if (child === undefined) continue;
      const childLookup: Lookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
      if (isDirectory(child)) this.removeChildrenFirst(childLookup, child, childPath, t);
      else {
        this.checkRemove(childLookup, child, 'rm', childPath);
        this.removeFile(childLookup, child, t);
      }
      this.removedSoFar?.push(joinPath(here, entry.name));
      if (node instanceof LowerNode) node = this.upper(node);
    }
    return node;
  }

  /**
   * Removes a directory and everything in it. As root, an untouched disk subtree needs no visit: one whiteout hides
   * it. Otherwise entries are removed one by one (so permission failures stop where the disk's rm would stop).
   */
  private removeTree(found: Lookup, node: Node, path: string, t: bigint): void {
    // Node's rimraf tries rmdir first and only empties a directory it could remove: permission first.
    this.checkRemove(found, node, 'rmdir', path);
    if (this.identity.uid === 0 && node instanceof LowerNode) {
      const parent = this.upper(found.dir);
      this.tree.hideDiskEntry(parent, node);
      parent.nlink--;
      this.touch(parent, t);
      return;
    }
    if (isInMemoryOnly(node)) this.emptyInMemoryFolder(node, path, t, false);
    else {
      // The folder's own path once, for the names of what is removed from it (asked only when a failure needs them).
      const here = this.removedSoFar === null ? '/' : this.tree.pathOf(node) ?? '/';
      for (const entry of this.tree.list(node)) {
        const childPath = joinPath(path, entry.name);
        // An upper folder's listing holds its children already (removing one child never changes another's entry).
        const child = node instanceof Inode && entry.node !== undefined ? entry.node : this.tree.child(node, entry.name);
        if (child === undefined) continue;
        const childLookup: Lookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
        if (isDirectory(child)) this.removeTree(childLookup, child, childPath, t);
        else {
          this.checkRemove(childLookup, child, 'unlink', childPath);
          this.removeFile(childLookup, child, t);
        }
        this.removedSoFar?.push(joinPath(here, entry.name));
        // Removing a child copied `node` up: continue from the upper copy.
        if (node instanceof LowerNode) {
          node = this.upper(node);
          found = { ...found, node };
        }
      }
    }
    this.removeDirectory(found, node, 'rmdir', path, t);
  }
  /**
   * Empties a folder only memory holds (no disk folder below it, nothing another process revealed in it): its
   * children are its own entries, so they are taken from there without a listing, and what every child's removal asks
   * of the folder — may its entries change, is it sticky, its upper copy — is asked once. The order, the errors and
   * what a failure half-way leaves are those of the loops above (rimraf's, or Node 24+'s children first).
   */
  private emptyInMemoryFolder(dir: Inode, path: string, t: bigint, childrenFirst: boolean): void {
    const here = this.removedSoFar === null ? '/' : this.tree.pathOf(dir) ?? '/';
    const fileSyscall = childrenFirst ? 'rm' : 'unlink';
    const mayChange = this.mayChangeEntries(dir);
    const sticky = this.identity.uid !== 0 && (dir.mode & 0o1000) !== 0;
    this.upper(dir);
    const entries = dir.entries!;
    // Files leave the folder's Map at once when it is empty (one clear, not a delete each, each of which may shrink
    // the Map); a failure half-way takes out the names removed before it. A name hiding a disk name would have to stay
    // as a whiteout: a folder holding one removes its files one by one.
    const atOnce = dir.covered!.size === 0;
    const gone: string[] = [];
    let emptied = false;
    try {
      // A Map's iteration goes on past entries deleted meanwhile (the subfolders removed below).
      for (const [name, child] of entries) {
        if (child === null) continue;
        if (child.isDirectory) {
          const lookup: Lookup = { dir, name, node: child, trailingSlash: false };
          if (childrenFirst) this.removeChildrenFirst(lookup, child, joinPath(path, name), t);
          else this.removeTree(lookup, child, joinPath(path, name), t);
        } else {
          if (!mayChange) throw uvError('EACCES', fileSyscall, joinPath(path, name));
          if (sticky && !mayRemoveFrom(this.identity, dir, child)) throw uvError('EPERM', fileSyscall, joinPath(path, name));
          if (atOnce) {
            child.removeLink(dir, name);
            gone.push(name);
          } else this.tree.removeEntry(dir, name);
          this.touch(dir, t);
          this.dropLink(child, t);
        }
        this.removedSoFar?.push(joinPath(here, name));
      }
      emptied = true;
    } finally {
      if (emptied && atOnce) entries.clear();
      else for (const name of gone) entries.delete(name);
    }
  }

  // ---- Names ---------------------------------------------------------------------------------------------------

  rename(oldPath: string, newPath: string): void {
    // Linux's order: both parents, then the source's name, then the ancestry traps, then vfs_rename's checks.
    const from = this.tree.walk(oldPath, { followLast: false, readOnly: false, create: true });
    if (typeof from === 'string') throw uvError(from, 'rename', oldPath, newPath);
    const to = this.tree.walk(newPath, { followLast: false, readOnly: false, create: true });
    if (typeof to === 'string') throw uvError(to, 'rename', oldPath, newPath);
    if (from.name === '.' || to.name === '.') throw uvError('EBUSY', 'rename', oldPath, newPath);
    const source = from.node;
    if (source === undefined) throw uvError('ENOENT', 'rename', oldPath, newPath);
    const target = to.node;
    const sourceIsDir = isDirectory(source);
    if ((from.trailingSlash || to.trailingSlash) && !sourceIsDir) throw uvError('ENOTDIR', 'rename', oldPath, newPath);
    if (sourceIsDir && this.isWithin(to.dir, source)) throw uvError('EINVAL', 'rename', oldPath, newPath);
    if (target !== undefined && isDirectory(target) && this.isWithin(from.dir, target)) {
      throw uvError('ENOTEMPTY', 'rename', oldPath, newPath);
    }
    if (target !== undefined && (target === source || sameNode(source, target))) return;
    if (!this.mayChangeEntries(from.dir) || !this.mayChangeEntries(to.dir)) {
      throw uvError('EACCES', 'rename', oldPath, newPath);
    }
    if (!mayRemoveFrom(this.identity, this.owned(from.dir), this.owned(source))
      || (target !== undefined && !mayRemoveFrom(this.identity, this.owned(to.dir), this.owned(target)))) {
      throw uvError('EPERM', 'rename', oldPath, newPath);
    }
    if (target !== undefined) {
      const targetIsDir = isDirectory(target);
      if (sourceIsDir && !targetIsDir) throw uvError('ENOTDIR', 'rename', oldPath, newPath);
      if (!sourceIsDir && targetIsDir) throw uvError('EISDIR', 'rename', oldPath, newPath);
    }
    // A directory changing parent has its '..' rewritten: it must be writable (root excepted).
    if (sourceIsDir && this.identity.uid !== 0 && !sameNode(from.dir, to.dir)
      && !mayAccess(this.identity, this.owned(source), W_OK)) {
      throw uvError('EACCES', 'rename', oldPath, newPath);
    }
    if (target !== undefined && isDirectory(target) && !this.isEmptyDir(target)) {
      throw uvError('ENOTEMPTY', 'rename', oldPath, newPath);
    }
    const fromPath = this.observer !== undefined ? this.entryPath(from) : '';

    const t = this.now();
    const sourceParent = this.upper(from.dir);
    const inode = this.upper(source);
    const targetParent = this.upper(to.dir);
    let coversDisk = false;
    if (target !== undefined) {
      // A target not attached in the upper directory came from the disk (possibly as the copy of a hard-linked disk
      // file): its disk name must stay hidden.
      coversDisk = targetParent.entries!.get(to.name) === undefined || targetParent.covered!.has(to.name);
      if (target instanceof Inode && targetParent.entries!.get(to.name) === target) {
        this.tree.removeEntry(targetParent, to.name);
      }
      if (target instanceof Inode) this.dropLink(target, t);
      else {
        const orphan = this.tree.orphanDiskFile(target);
        if (orphan !== undefined) orphan.ctimeNs = t;
      }
      if (isDirectory(target)) targetParent.nlink--;
    }
    this.detach(sourceParent, from.name, inode, t);
    this.tree.setEntry(targetParent, to.name, inode, coversDisk);
    if (sourceIsDir) {
      sourceParent.nlink--;
      targetParent.nlink++;
    }
    this.touch(sourceParent, t);
    this.touch(targetParent, t);
    inode.ctimeNs = t;
    if (this.observer !== undefined) this.emit({ kind: 'rename', from: fromPath, to: this.entryPath(to) });
  }

  /** Whether directory position `dir` is `ancestor` or lies inside it. */
  private isWithin(dir: Node, ancestor: Node): boolean {
    let current = dir;
    for (;;) {
      if (sameNode(current, ancestor) || current === ancestor) return true;
      const parent = this.tree.parentOf(current);
      if (parent === current) return false;
      current = parent;
    }
  }

  link(existingPath: string, newPath: string): void {
    const from = this.lookup(existingPath, false, false, 'link', existingPath, newPath);
    const source = from.node;
    if (source === undefined) throw uvError('ENOENT', 'link', existingPath, newPath);
    const to = this.lookupToCreate(newPath, 'link', existingPath, newPath);
    if (to.node !== undefined) throw uvError('EEXIST', 'link', existingPath, newPath);
    if (to.trailingSlash) throw uvError('ENOENT', 'link', existingPath, newPath);
    if (!this.mayHardlink(source)) throw uvError('EPERM', 'link', existingPath, newPath);
    if (!this.mayChangeEntries(to.dir)) throw uvError('EACCES', 'link', existingPath, newPath);
    if (isDirectory(source)) throw uvError('EPERM', 'link', existingPath, newPath);
    const t = this.now();
    const inode = this.upper(source);
    const parent = this.upper(to.dir);
    this.tree.setEntry(parent, to.name, inode, false);
    inode.nlink++;
    inode.ctimeNs = t;
    this.touch(parent, t);
    if (this.observer !== undefined) {
      this.emit({ kind: 'link', existingPath: this.entryPath(from), newPath: this.entryPath(to) });
    }
  }

  /**
   * fs.protected_hardlinks = 1 (the default of every current distribution): someone who does not own a file may
   * link it only if it is a regular file they can read and write, without set-user-ID or set-group-ID-executable.
   */
  private mayHardlink(node: Node): boolean {
    const o = this.owned(node);
    if (this.identity.uid === 0 || this.identity.uid === o.uid) return true;
    if ((o.mode & S_IFMT) !== S_IFREG) return false;
    if ((o.mode & S_ISUID) !== 0 || (o.mode & (S_ISGID | 0o010)) === (S_ISGID | 0o010)) return false;
    return mayAccess(this.identity, o, R_OK | W_OK);
  }

  symlink(target: string, path: string): void {
    const found = this.lookupToCreate(path, 'symlink', target, path);
    if (found.node !== undefined) throw uvError('EEXIST', 'symlink', target, path);
    if (found.trailingSlash) throw uvError('ENOENT', 'symlink', target, path);
    if (!this.mayChangeEntries(found.dir)) throw uvError('EACCES', 'symlink', target, path);
    if (target.length === 0) throw uvError('ENOENT', 'symlink', target, path);
    const t = this.now();
    const parent = this.upper(found.dir);
    const inode = this.newInode(parent, S_IFLNK | 0o777, t);
    inode.target = target;
    this.tree.setEntry(parent, found.name, inode, false);
    this.touch(parent, t);
    if (this.observer !== undefined) this.emit({ kind: 'symlink', path: this.entryPath(found), target });
  }

  readlink(path: string): string {
    const node = this.existing(path, false, 'readlink');
    if (!isSymlink(node)) throw uvError('EINVAL', 'readlink', path);
    if (node instanceof Inode) return node.target;
    try {
      return this.tree.lower.readlink(node.path);
    } catch (error) {
      throw this.diskError(error, 'readlink', path);
    }
  }

  realpath(path: string): string {
    // Untouched and symlink-free (the fast path proved it up to the last name): the path is its own realpath.
    const fast = this.statUntouched(path, true, false);
    if (fast) {
      const absolute = path.charCodeAt(0) === 47 ? path : joinPath(this.cwd(), path);
      return absolute.includes('//') ? absolute.replace(/\/{2,}/g, '/') : absolute;
    }
    const found = this.lookup(path, true, true, 'realpath');
    if (found.node === undefined) throw uvError('ENOENT', 'realpath', path);
    return this.entryPath(found);
  }

  // ---- State ---------------------------------------------------------------------------------------------------

  changeSet(): ChangeEntry[] {
    return computeChangeSet(this.tree, this.contents);
  }

  inspectInode(ino: number): { stat: StatRecord; content?: Buffer; target?: string } | undefined {
    const inode = this.byIno.get(ino);
    if (inode === undefined) return undefined;
    const stat = inode.stat();
    if (inode.isFile) return { stat, content: this.contents.readAll(inode) };
    if (inode.isSymlink) return { stat, target: inode.target };
    return { stat };
  }

  inspectInodeFrom(ino: number, start: number): { stat: StatRecord; content?: Buffer; target?: string } | undefined {
    const inode = this.byIno.get(ino);
    if (inode === undefined) return undefined;
    if (!inode.isFile) return this.inspectInode(ino);
    const stat = inode.stat();
    if (start <= 0) return { stat, content: this.contents.readAll(inode) };
    if (start >= inode.size) return { stat, content: Buffer.alloc(0) };
    // Only the tail: an append costs the journal its own size, not the file's.
    const tail = Buffer.allocUnsafe(inode.size - start);
    const n = this.contents.read(inode, tail, 0, tail.length, start);
    return { stat, content: n === tail.length ? tail : tail.subarray(0, n) };
  }

  inspectInodeView(ino: number, start: number): { stat: StatRecord; content?: Uint8Array; target?: string } | undefined {
    const inode = this.byIno.get(ino);
    if (inode === undefined || !inode.isFile) return this.inspectInodeFrom(ino, start);
    const view = this.contents.view(inode, start);
    return view === undefined ? this.inspectInodeFrom(ino, start) : { stat: inode.stat(), content: view };
  }

  bytesUsed(): number {
    return this.contents.used;
  }

  reportUnsavedWrites(): void {
    for (const d of this.fds.values()) {
      if (!d.dirty || d.inode === null) continue;
      d.dirty = false;
      this.emitContent(d.inode);
    }
  }
}

function libuvAtLeast(major: number, minor: number): boolean {
  const [a = 0, b = 0] = (process.versions.uv ?? '0.0').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function lastComponent(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

/** The lexical parent of a path as MKDirpSync computes it (dirname). */
function parentPathOf(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  const slash = path.lastIndexOf('/', end - 1);
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return path.slice(0, slash);
}
