// The merged namespace: the upper tree of inodes over the disk, path resolution through both, and copy-up.
import { Inode, LowerNode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, upperShape, type Node } from './inode.js';
import { mayAccess, X_OK } from './permissions.js';
import type { Identity, LowerLayer, StatRecord } from './types.js';

/** Linux's MAXSYMLINKS. */
const MAX_SYMLINK_HOPS = 40;
const NAME_MAX = 255;
const PATH_MAX = 4096;
/** A cap on the memo of symlink-free disk directories, so that a long run cannot grow it without bound. */
const PLAIN_DIRS_MAX = 50_000;
/** fastDiskPath's answers remembered, per kind, before the memo starts again. */
const DISK_PATHS_MAX = 8192;

/** Where a path led: the directory holding the last component, its name there, and what is there (if anything). */
export interface Lookup {
  dir: Node;
  /** '.' when the path names a directory itself ('/', 'a/.', 'a/..'). */
  name: string;
  node: Node | undefined;
  /** The path ended in a slash, so whatever is named must be a directory. */
  trailingSlash: boolean;
}

/** What a walk failed with: a libuv code for the caller to turn into its own error. */
export type WalkError = string;

export interface WalkOptions {
  followLast: boolean;
  /**
   * The caller only reads: the walk may jump over symlink-free disk directories with one realpath instead of one
   * lstat per component. The Lookup's `dir` may then be a chain that must not be copied up.
   */
  readOnly: boolean;
  /**
   * The caller creates at the final name (mkdir, open with O_CREAT, symlink, link): a trailing slash on an existing
   * non-directory is the caller's to judge (EEXIST, EISDIR), and a final symlink is not followed because of it.
   */
  create?: boolean;
}

export class MergedTree {
  readonly root: Inode;
  /** Disk inodes copied up, by disk inode number: hard links on disk and read-only descriptors find the copy. */
  private readonly upperByDiskIno = new Map<number, Inode>();
  /** How many of those are not directories (never decreases: a stale count only sends questions the slow way). */
  private diskFileCopies = 0;
  /** Disk directories' real paths (one realpath each): equal to the key when no symlink is on the way. */
  private readonly realDirs = new Map<string, string>();
  /** fastDiskPath's answers by absolute path (null: none), for upperShape.version `diskPathsVersion`. */
  private readonly diskPaths = new Map<string, string | null>();
  private readonly diskPathsThroughLinks = new Map<string, string | null>();
  private diskPathsVersion = -1;
  /** Copied-up files whose bytes are still read from below by path (contentFrom), until something reads them in. */
  readonly lazyContent = new Set<Inode>();
  private nextIno = 2 ** 40;

  constructor(
    readonly lower: LowerLayer,
    private readonly identity: Identity,
    private readonly cwd: () => string,
  ) {
    const rootStat = lower.lstat('/');
    this.root = this.inodeFromDisk(rootStat, '/');
    this.root.parent = this.root;
  }

  /** New inode numbers start at 2**40, beyond what ext4 (32-bit) and tmpfs inode numbers reach on a runner. */
  allocateIno(): number {
    return this.nextIno++;
  }

  tryLstat(path: string): StatRecord | undefined {
    if (this.lower.tryLstat) return this.lower.tryLstat(path);
    try {
      return this.lower.lstat(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  /** The child `name` of directory `dir` in the merged view. */
  child(dir: Node, name: string): Node | undefined {
    let diskPath: string;
    if (dir instanceof Inode) {
      const entry = dir.entries!.get(name);
      if (entry !== undefined) return entry ?? undefined;
      if (dir.revealed !== null && dir.revealed.has(name)) diskPath = this.entryPath(dir, name);
      else if (dir.lower === null) return undefined;
      else diskPath = dir.lower === '/' ? '/' + name : dir.lower + '/' + name;
    } else {
      diskPath = dir.path === '/' ? '/' + name : dir.path + '/' + name;
    }
    const stat = this.tryLstat(diskPath);
    if (stat === undefined) return undefined;
    return this.diskNode(dir, name, diskPath, stat);
  }

  private diskNode(dir: Node, name: string, diskPath: string, stat: StatRecord): Node {
    // A file with several disk names may already be copied up under another name: that copy is the file now.
    if (this.upperByDiskIno.size !== 0 && (stat.mode & S_IFMT) !== S_IFDIR) {
      const upper = this.upperByDiskIno.get(stat.ino);
      if (upper !== undefined && upper.dev === stat.dev && stat.nlink > 1) {
        this.noteAlias(upper, dir, name);
        return upper;
      }
    }
    return new LowerNode(dir, name, diskPath, stat);
  }

  /** Remembers another disk name of a copied-up file, for the change set. */
  private noteAlias(inode: Inode, dir: Node, name: string): void {
    const path = this.entryPath(dir, name);
    if (this.pathOf(inode) === path) return;
    const aliases = (inode.diskAliases ??= []);
    if (!aliases.includes(path)) aliases.push(path);
  }

  /**
   * The other names of a hard-linked disk file in its own directory (cross-directory names are found only when
   * something looks them up). Bounded, so that a huge directory costs one listing at most.
   */
  private findSiblingLinks(inode: Inode, node: LowerNode): void {
    const slash = node.path.lastIndexOf('/');
    const diskDir = slash <= 0 ? '/' : node.path.slice(0, slash);
    let entries;
    try {
      entries = this.lower.readdir(diskDir);
    } catch {
      return;
    }
    if (entries.length > 5000) return;
    for (const e of entries) {
      if (e.name === node.name || e.type !== 1) continue;
      const stat = this.tryLstat(joinPath(diskDir, e.name));
      if (stat !== undefined && stat.ino === node.stat.ino && stat.dev === node.stat.dev) {
        this.noteAlias(inode, node.parent, e.name);
      }
    }
  }

  /**
   * Whether the upper tree holds nothing: every upper node hangs from the root, so a root with no entry (no file
   * made, copied up or whited out anywhere), still showing the disk's root, and nothing revealed from below leaves
   * every path to the layer below. Entries that came and went leave their folders behind: an empty root again is
   * exact, not a guess.
   */
  holdsNothing(): boolean {
    const root = this.root;
    return root.entries!.size === 0 && root.revealed === null && root.lower === '/';
  }

  /** Whether a disk file (not a directory) was copied up: another of its disk names may then lead to the copy. */
  hasDiskCopies(): boolean {
    return this.diskFileCopies !== 0;
  }

  /** Copied-up files that have other disk names. */
  *hardLinkedCopies(): Iterable<Inode> {
    for (const inode of this.upperByDiskIno.values()) if (inode.diskAliases !== null) yield inode;
  }

  /** The upper copy of a disk file, if any (for descriptors opened read-only before a copy-up). */
  upperOfDisk(stat: StatRecord): Inode | undefined {
    const upper = this.upperByDiskIno.get(stat.ino);
    return upper !== undefined && upper.dev === stat.dev ? upper : undefined;
  }

  parentOf(node: Node): Node {
    if (node instanceof LowerNode) return node.parent;
    return node.parent ?? this.root;
  }

  /** Resolves `path` component by component, following symlinks as Linux's path walk does. */
  walk(path: string, options: WalkOptions): Lookup | WalkError {
    if (path.length >= PATH_MAX) return 'ENAMETOOLONG';
    const absolute = path.charCodeAt(0) === 47 /* / */ ? path : this.cwd() + '/' + path;
    const trailingSlash = path.length > 1 && path.charCodeAt(path.length - 1) === 47;
    // Pending components, last one first, so that pop() takes the next and a symlink's target can be pushed.
    const pending = componentsReversed(absolute);
    let dir: Node = this.root;
    let hops = 0;
    const checkSearch = this.identity.uid !== 0;

    while (pending.length > 0) {
      const name = pending.pop()!;
      const last = pending.length === 0;
      // Every component, '.' and '..' included, is looked up inside the current directory: it must be searchable.
      if (checkSearch && !mayAccess(this.identity, statLike(dir), X_OK)) return 'EACCES';
      if (name === '.' || name === '..') {
        if (name === '..') dir = this.parentOf(dir);
        if (last) return { dir, name: '.', node: dir, trailingSlash };
        continue;
      }
      if (name.length > NAME_MAX && Buffer.byteLength(name) > NAME_MAX) return 'ENAMETOOLONG';

      if (options.readOnly && dir instanceof Inode && !trailingSlash) {
        const fast = this.fastDiskLookup(dir, name, pending, options.followLast);
        if (fast !== undefined) return fast;
      }

      let node: Node | undefined;
      try {
        node = this.child(dir, name);
      } catch (error) {
        // The disk refused a look (EACCES for the real process, a race with another program): its code, our words.
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string') return code;
        throw error;
      }
      if (node === undefined) {
        if (last) return { dir, name, node: undefined, trailingSlash };
        return 'ENOENT';
      }
      const type = (node instanceof Inode ? node.mode : node.stat.mode) & S_IFMT;
      if (type === S_IFLNK && (!last || options.followLast || (trailingSlash && options.create !== true))) {
        if (++hops > MAX_SYMLINK_HOPS) return 'ELOOP';
        const target = node instanceof Inode ? node.target : this.lower.readlink(node.path);
        if (target.length === 0) return 'ENOENT';
        const parts = target.split('/');
        for (let i = parts.length - 1; i >= 0; i--) if (parts[i] !== '') pending.push(parts[i]!);
        if (target.charCodeAt(0) === 47) dir = this.root;
        if (pending.length === 0) return { dir: this.root, name: '.', node: this.root, trailingSlash };
        continue;
      }
      if (last) {
        if (trailingSlash && type !== S_IFDIR && options.create !== true) return 'ENOTDIR';
        return { dir, name, node, trailingSlash };
      }
      if (type !== S_IFDIR) return 'ENOTDIR';
      dir = node;
    }
    return { dir: this.root, name: '.', node: this.root, trailingSlash };
  }

  /**
   * The disk path that `path` names when the merged view leaves the upper tree into untouched disk directories with
   * no symlink on the way (the last component itself is not checked: the caller reads it without following).
   * `throughDiskSymlinks`: a symlinked disk folder on the way is followed once to its real location, which must then
   * qualify in turn (the answer is then not the path's own spelling: not for realpath). Undefined when the question
   * needs the full walk. Only for a process whose permissions the disk enforces itself.
   */
  fastDiskPath(path: string, throughDiskSymlinks: boolean): string | undefined {
    // Asked for every untouched stat, read and module probe, mostly of the same few hundred paths: remembered while
    // the upper tree keeps its shape (upperShape) and the disk folders theirs (forgetDiskShapes).
    if (path.charCodeAt(0) !== 47) return this.diskPathOf(path, throughDiskSymlinks, 0);
    if (this.diskPathsVersion !== upperShape.version) {
      this.diskPaths.clear();
      this.diskPathsThroughLinks.clear();
      this.diskPathsVersion = upperShape.version;
    }
    const memo = throughDiskSymlinks ? this.diskPathsThroughLinks : this.diskPaths;
    const known = memo.get(path);
    if (known !== undefined) return known === null ? undefined : known;
    const answer = this.diskPathOf(path, throughDiskSymlinks, 0);
    if (memo.size >= DISK_PATHS_MAX) memo.clear();
    memo.set(path, answer ?? null);
    return answer;
  }

  /** fastDiskPath, worked out. */
  private diskPathOf(path: string, throughDiskSymlinks: boolean, symlinksFollowed: number): string | undefined {
    if (this.lower.realpath === undefined || path.length >= PATH_MAX) return undefined;
    const absolute = path.charCodeAt(0) === 47 ? path : this.cwd() + '/' + path;
    if (absolute.charCodeAt(absolute.length - 1) === 47) return undefined;
    if (!absolute.includes('//') && !absolute.includes('/.')) return this.plainFastDiskPath(absolute, throughDiskSymlinks, symlinksFollowed);
    const parts = componentsReversed(absolute);
    let dir = this.root;
    const checkSearch = this.identity.uid !== 0;
    while (parts.length > 0) {
      const name = parts.pop()!;
      if (name === '.' || name === '..') return undefined;
      // Upper directories carry the overlay's modes, which the disk does not know: check their x bit here.
      if (checkSearch && !mayAccess(this.identity, dir, X_OK)) return undefined;
      const entry = dir.entries!.get(name);
      if (entry === null) return undefined;
      if (entry !== undefined) {
        if (!entry.isDirectory) return undefined;
        dir = entry;
        continue;
      }
      if (dir.lower === null || (dir.revealed !== null && dir.revealed.has(name))) return undefined;
      let diskPath = dir.lower === '/' ? '/' + name : dir.lower + '/' + name;
      if (parts.length === 0) return diskPath;
      for (let i = parts.length - 1; i >= 1; i--) {
        const c = parts[i]!;
        if (c === '.' || c === '..') return undefined;
        diskPath += '/' + c;
      }
      const last = parts[0]!;
      if (last === '.' || last === '..' || last.length > NAME_MAX) return undefined;
      const real = this.realDiskDir(diskPath);
      if (real === diskPath) return diskPath + '/' + last;
      // A disk symlink on the way (a workspace package linked from node_modules/): the path names what its real
      // location names, where the upper tree may hold changes; that location has no symlink left to follow.
      if (real === undefined || !throughDiskSymlinks || symlinksFollowed > 0) return undefined;
      return this.diskPathOf(real === '/' ? '/' + last : real + '/' + last, true, symlinksFollowed + 1);
    }
    return undefined;
  }

  /**
   * fastDiskPath for the common spelling: absolute, no doubled slash, no name starting with a dot (so no '.' or '..'),
   * no trailing slash. The same answers, without splitting the path into an array: the upper part is walked name by
   * name, the disk part taken as one slice (stat and module resolution ask this for every path).
   */
  private plainFastDiskPath(absolute: string, throughDiskSymlinks: boolean, symlinksFollowed: number): string | undefined {
    const lastSlash = absolute.lastIndexOf('/');
    let dir = this.root;
    const checkSearch = this.identity.uid !== 0;
    let start = 1;
    while (start < absolute.length) {
      let end = absolute.indexOf('/', start);
      if (end === -1) end = absolute.length;
      const name = absolute.slice(start, end);
      if (checkSearch && !mayAccess(this.identity, dir, X_OK)) return undefined;
      const entry = dir.entries!.get(name);
      if (entry === null) return undefined;
      if (entry !== undefined) {
        if (!entry.isDirectory) return undefined;
        dir = entry;
        start = end + 1;
        continue;
      }
      if (dir.lower === null) return undefined;
      // The upper folder shows its own disk path (no rename on the way): the answer is the caller's string, or one
      // slice of it. A string built by concatenation costs Node 26's binding ≈ 1–2 µs more to flatten per call.
      if (dir.lower === (start === 1 ? '/' : absolute.slice(0, start - 1))) {
        if (end === absolute.length) return absolute;
        if (absolute.length - lastSlash - 1 > NAME_MAX) return undefined;
        const ownDir = absolute.slice(0, lastSlash);
        const ownReal = this.realDiskDir(ownDir);
        if (ownReal === ownDir) return absolute;
        if (ownReal === undefined || !throughDiskSymlinks || symlinksFollowed > 0) return undefined;
        const ownLast = absolute.slice(lastSlash + 1);
        return this.diskPathOf(ownReal === '/' ? '/' + ownLast : ownReal + '/' + ownLast, true, symlinksFollowed + 1);
      }
      // A renamed folder: a name another process changed since is looked up at the folder's own path (child()).
      if (dir.revealed !== null && dir.revealed.has(name)) return undefined;
      const diskPath = dir.lower === '/' ? '/' + name : dir.lower + '/' + name;
      if (end === absolute.length) return diskPath;
      // The disk folders below, and the last name.
      const diskDir = end === lastSlash ? diskPath : diskPath + absolute.slice(end, lastSlash);
      if (absolute.length - lastSlash - 1 > NAME_MAX) return undefined;
      const last = absolute.slice(lastSlash + 1);
      const real = this.realDiskDir(diskDir);
      if (real === diskDir) return diskDir + '/' + last;
      if (real === undefined || !throughDiskSymlinks || symlinksFollowed > 0) return undefined;
      return this.diskPathOf(real === '/' ? '/' + last : real + '/' + last, true, symlinksFollowed + 1);
    }
    return undefined;
  }

  private isPlainDiskDir(diskPath: string): boolean {
    return this.realDiskDir(diskPath) === diskPath;
  }

  /** undefined when the disk cannot resolve it (missing, not a directory, not searchable). */
  private realDiskDir(diskPath: string): string | undefined {
    let real = this.realDirs.get(diskPath);
    if (real !== undefined) return real;
    try {
      real = this.lower.realpath!(diskPath);
    } catch {
      return undefined;
    }
    if (this.realDirs.size >= PLAIN_DIRS_MAX) this.realDirs.clear();
    this.realDirs.set(diskPath, real);
    return real;
  }

  /**
   * The untouched-read fast path: when the walk leaves the upper tree into a plain disk directory, the rest of the
   * path is the disk's own business — provided no disk component is a symlink (which could point back into
   * changed regions). One realpath per directory (remembered) proves that; then one lstat answers. Undefined means
   * "take the slow walk". Limit: a disk directory replaced by a symlink during the run by another program is not
   * noticed by the memo.
   */
  private fastDiskLookup(dir: Inode, name: string, pending: string[], followLast: boolean): Lookup | undefined {
    if (dir.lower === null || dir.entries!.has(name) || this.lower.realpath === undefined) return undefined;
    for (let i = 0; i < pending.length; i++) {
      const c = pending[i]!;
      if (c === '.' || c === '..' || c.length > NAME_MAX) return undefined;
    }
    if (pending.length === 0) return undefined; // the final name directly in an upper directory: one lstat anyway
    // pending holds the rest reversed; the final name is pending[0].
    let parentDisk = dir.lower === '/' ? '/' + name : dir.lower + '/' + name;
    for (let i = pending.length - 1; i >= 1; i--) parentDisk += '/' + pending[i]!;
    if (!this.isPlainDiskDir(parentDisk)) return undefined;
    const finalName = pending[0]!;
    const diskPath = parentDisk + '/' + finalName;
    let stat: StatRecord | undefined;
    try {
      // realpath also succeeds for a file: an ENOTDIR here sends the question to the slow walk, which words it.
      stat = this.tryLstat(diskPath);
    } catch {
      return undefined;
    }
    if (stat !== undefined && followLast && (stat.mode & S_IFMT) === S_IFLNK) return undefined;
    const relative = parentDisk.slice((dir.lower === '/' ? 0 : dir.lower.length) + 1);
    const parent = new LowerNode(dir, relative, parentDisk, UNREAD_DIRECTORY, true);
    pending.length = 0;
    return {
      dir: parent,
      name: finalName,
      node: stat === undefined ? undefined : this.diskNode(parent, finalName, diskPath, stat),
      trailingSlash: false,
    };
  }

  // ---- Copy-up -------------------------------------------------------------------------------------------------

  private inodeFromDisk(stat: StatRecord, diskPath: string): Inode {
    const inode = new Inode(stat.dev, stat.ino, stat.mode, stat.uid, stat.gid, stat.mtimeNs);
    inode.nlink = stat.nlink;
    inode.rdev = stat.rdev;
    inode.atimeNs = stat.atimeNs;
    inode.ctimeNs = stat.ctimeNs;
    inode.birthtimeNs = stat.birthtimeNs;
    inode.origin = stat;
    inode.originPath = diskPath;
    const type = stat.mode & S_IFMT;
    if (type === S_IFDIR) inode.lower = diskPath;
    else if (type === S_IFREG) {
      inode.size = stat.size;
      inode.writtenEnd = stat.size;
      inode.diskBlocks = stat.blocks;
      inode.contentFrom = stat.size > 0 ? diskPath : null;
      if (inode.contentFrom !== null) this.lazyContent.add(inode);
    } else if (type === S_IFLNK) inode.target = this.lower.readlink(diskPath);
    return inode;
  }

  /** The upper inode of a node, copying it (and its parents) up first if it is still on disk: metadata only. */
  toUpper(node: Node): Inode {
    if (node instanceof Inode) return node;
    const parent = this.toUpper(node.parent);
    const existing = parent.entries!.get(node.name);
    if (existing) return existing;
    let inode = (node.stat.mode & S_IFMT) === S_IFDIR ? undefined : this.upperOfDisk(node.stat);
    if (inode === undefined) {
      inode = this.inodeFromDisk(node.stat, node.path);
      // Directories too: a descriptor opened on the disk directory must see its copy from now on.
      this.upperByDiskIno.set(inode.ino, inode);
      if ((node.stat.mode & S_IFMT) !== S_IFDIR) this.diskFileCopies++;
      if (node.stat.nlink > 1 && (node.stat.mode & S_IFMT) === S_IFREG) this.findSiblingLinks(inode, node);
    }
    this.setEntry(parent, node.name, inode, true);
    return inode;
  }

  /**
   * A node found by a read-only walk, made safe to copy up: a fast-path shortcut is walked again component by
   * component from its upper ancestor. Undefined when that walk no longer leads to the same disk file (the overlay
   * renamed or removed a directory on the way since).
   */
  settle(node: LowerNode): Node | undefined {
    if (!(node.parent instanceof LowerNode) || !node.parent.shortcut) return node;
    const shortcut = node.parent;
    let current: Node = shortcut.parent;
    for (const name of [...shortcut.name.split('/'), node.name]) {
      const next: Node | undefined = this.child(current, name);
      if (next === undefined) return undefined;
      current = next;
    }
    const stat = current instanceof Inode ? current : current.stat;
    return stat.ino === node.stat.ino && stat.dev === node.stat.dev ? current : undefined;
  }

  /** A disk file that has no reachable name any more but is still open: its copy-up has no name either. */
  copyUpNameless(node: LowerNode): Inode {
    const inode = this.inodeFromDisk(node.stat, node.path);
    this.upperByDiskIno.set(inode.ino, inode);
    if ((node.stat.mode & S_IFMT) !== S_IFDIR) this.diskFileCopies++;
    return inode;
  }

  /** Makes `dir` (a directory found by a walk) an upper directory. */
  toUpperDir(dir: Node): Inode {
    return this.toUpper(dir);
  }

  /** Puts `inode` at `name` in `dir`; `coversDisk`: a disk entry of that name exists and must stay hidden. */
  setEntry(dir: Inode, name: string, inode: Inode, coversDisk: boolean): void {
    const entries = dir.entries!;
    if (coversDisk || entries.get(name) === null) dir.covered!.add(name);
    entries.set(name, inode);
    inode.addLink(dir, name);
  }

  /** Takes the entry `name` out of `dir`, leaving a whiteout if it hid a disk entry. */
  removeEntry(dir: Inode, name: string): void {
    const entries = dir.entries!;
    const inode = entries.get(name);
    if (inode) inode.removeLink(dir, name);
    if (dir.covered!.has(name)) entries.set(name, null);
    else entries.delete(name);
  }

  /**
   * A whiteout for a disk entry that was never copied up. A file with other disk names is copied up (metadata
   * only, no upper name) so that those names see one link fewer.
   */
  hideDiskEntry(dir: Inode, node: LowerNode): Inode | undefined {
    dir.entries!.set(node.name, null);
    dir.covered!.add(node.name);
    return this.orphanDiskFile(node);
  }

  /**
   * A disk file loses its name in the overlay: keep a metadata copy, without a name, with one link fewer, so that
   * its other disk names (hard links) and descriptors still open on it see the inode Linux would show.
   */
  orphanDiskFile(node: LowerNode): Inode | undefined {
    const stat = node.stat;
    if ((stat.mode & S_IFMT) !== S_IFREG) return undefined;
    const inode = this.inodeFromDisk(stat, node.path);
    inode.nlink = stat.nlink - 1;
    this.upperByDiskIno.set(inode.ino, inode);
    this.diskFileCopies++;
    return inode;
  }

  /** The canonical path of a directory position or of an inode's first name (undefined once unlinked). */
  pathOf(node: Node): string | undefined {
    if (node === this.root) return '/';
    if (node instanceof LowerNode) {
      const parent = this.pathOf(node.parent);
      return parent === undefined ? undefined : joinPath(parent, node.name);
    }
    if (node.parent === null) return undefined;
    const parent = this.pathOf(node.parent);
    return parent === undefined ? undefined : joinPath(parent, node.name);
  }

  /** The canonical path of the entry `name` of directory position `dir`. */
  entryPath(dir: Node, name: string): string {
    return joinPath(this.pathOf(dir) ?? '/', name);
  }

  /** Names of a directory in the merged view: the disk's in the disk's order, then new ones in creation order. */
  list(dir: Node): Array<{ name: string; node: Node | undefined; type: number }> {
    const out: Array<{ name: string; node: Node | undefined; type: number }> = [];
    if (dir instanceof LowerNode) {
      for (const e of this.lower.readdir(dir.path)) out.push({ name: e.name, node: undefined, type: e.type });
      return out;
    }
    const entries = dir.entries!;
    const seen = dir.lower !== null && entries.size !== 0 ? new Set<string>() : undefined;
    if (dir.lower !== null) {
      for (const e of this.lower.readdir(dir.lower)) {
        const upper = entries.get(e.name);
        if (upper === null) continue;
        if (upper !== undefined) {
          seen!.add(e.name);
          out.push({ name: e.name, node: upper, type: direntTypeOf(upper.mode) });
        } else out.push({ name: e.name, node: undefined, type: e.type });
      }
    }
    for (const [name, upper] of entries) {
      if (upper === null || seen?.has(name)) continue;
      out.push({ name, node: upper, type: direntTypeOf(upper.mode) });
    }
    if (dir.revealed !== null) this.listRevealed(dir, out);
    return out;
  }

  /** What other processes put in `dir` (its revealed names) and this process has not listed from `lower` already. */
  private listRevealed(dir: Inode, out: Array<{ name: string; node: Node | undefined; type: number }>): void {
    const listed = new Set(out.map((e) => e.name));
    for (const name of dir.revealed!) {
      if (listed.has(name) || dir.entries!.has(name)) continue;
      const stat = this.tryLstat(this.entryPath(dir, name));
      if (stat !== undefined) out.push({ name, node: undefined, type: direntTypeOf(stat.mode) });
    }
  }

  /** Something below changed its shape (another process's change): what was learnt of the disk's folders may not hold. */
  forgetDiskShapes(): void {
    this.realDirs.clear();
    upperShape.version++; // fastDiskPath's answers were read from them
  }
}

/**
 * The record of a fast-path parent directory that was proven to exist but not lstat'ed (read-only walks never
 * look at it: its permission bits were already enforced by the disk's realpath).
 */
const UNREAD_DIRECTORY: StatRecord = {
  dev: 0, ino: 0, mode: S_IFDIR | 0o755, nlink: 2, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0,
  atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n, birthtimeNs: 0n,
};

function componentsReversed(path: string): string[] {
  const out: string[] = [];
  let end = path.length;
  for (let i = path.length - 1; i >= -1; i--) {
    if (i === -1 || path.charCodeAt(i) === 47) {
      if (end > i + 1) out.push(path.slice(i + 1, end));
      end = i;
    }
  }
  return out;
}

export function joinPath(dir: string, name: string): string {
  if (name === '.' || name === '') return dir;
  return dir === '/' ? '/' + name : dir + '/' + name;
}

function statLike(node: Node): { mode: number; uid: number; gid: number } {
  return node instanceof Inode ? node : node.stat;
}

/** fs.constants.UV_DIRENT_* for a mode. */
export function direntTypeOf(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG: return 1;
    case S_IFDIR: return 2;
    case S_IFLNK: return 3;
    case 0o010000: return 4;
    case 0o140000: return 5;
    case 0o020000: return 6;
    case 0o060000: return 7;
    default: return 0;
  }
}
