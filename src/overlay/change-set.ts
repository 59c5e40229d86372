// The overlay's state compared with the disk below it: walk the upper tree only (untouched disk subtrees at their
// own place cannot differ), and ask the disk what each changed path held before.
import type { ContentStore } from './content.js';
import { Inode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './inode.js';
import { joinPath, type MergedTree } from './tree.js';
import type { ChangeEntry, StatRecord } from './types.js';

function kindOf(mode: number): ChangeEntry['type'] {
  switch (mode & S_IFMT) {
    case S_IFREG: return 'file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symlink';
    default: return 'other';
  }
}

export function computeChangeSet(tree: MergedTree, contents: ContentStore): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  const lower = tree.lower;

  const diskStat = (path: string): StatRecord | undefined => {
    if (lower.tryLstat) return lower.tryLstat(path);
    try {
      return lower.lstat(path);
    } catch {
      return undefined;
    }
  };

  const fromInode = (inode: Inode, path: string, change: ChangeEntry['change'], contentChanged: boolean,
    metadataChanged: boolean): ChangeEntry => {
    const stat = inode.stat();
    const entry: ChangeEntry = {
      path, change, contentChanged, metadataChanged, type: kindOf(stat.mode), mode: stat.mode, size: stat.size,
      ino: stat.ino, uid: stat.uid, gid: stat.gid, mtimeNs: stat.mtimeNs,
    };
    if (inode.isFile) entry.content = contents.readAll(inode);
    else if (inode.isSymlink) entry.target = inode.target;
    return entry;
  };

  const fromDisk = (stat: StatRecord, diskPath: string, path: string, change: ChangeEntry['change']): ChangeEntry => {
    const entry: ChangeEntry = {
      path, change, contentChanged: false, metadataChanged: false, type: kindOf(stat.mode), mode: stat.mode,
      size: stat.size, ino: stat.ino, uid: stat.uid, gid: stat.gid, mtimeNs: stat.mtimeNs,
    };
    if (change !== 'deleted') {
      if ((stat.mode & S_IFMT) === S_IFREG) entry.content = lower.readFile(diskPath);
      else if ((stat.mode & S_IFMT) === S_IFLNK) entry.target = lower.readlink(diskPath);
    }
    return entry;
  };

  /** A disk subtree shown at a new place (a renamed disk directory): every entry in it is new there. */
  const diskSubtreeCreated = (diskDir: string, path: string): void => {
    for (const e of lower.readdir(diskDir)) {
      const diskPath = joinPath(diskDir, e.name);
      const stat = diskStat(diskPath);
      if (stat === undefined) continue;
      out.push(fromDisk(stat, diskPath, joinPath(path, e.name), 'created'));
      if ((stat.mode & S_IFMT) === S_IFDIR) diskSubtreeCreated(diskPath, joinPath(path, e.name));
    }
  };

  /** What differs between an upper inode and the disk entry at the same path (bytes compared, not flags). */
  const pushIfModified = (entry: Inode, path: string, before: StatRecord): void => {
    const sameInode = entry.originPath === path && entry.ino === before.ino && entry.dev === before.dev;
    const sameType = (entry.mode & S_IFMT) === (before.mode & S_IFMT);
    let contentChanged: boolean;
    if (!sameType) contentChanged = true;
    else if (entry.isFile) {
      contentChanged = entry.contentFrom === path ? false
        : sameInode && !entry.contentChanged ? false
        : !contents.readAll(entry).equals(lower.readFile(path));
    } else if (entry.isSymlink) contentChanged = entry.target !== lower.readlink(path);
    else contentChanged = false;
    const metadataChanged = entry.mode !== before.mode || entry.uid !== before.uid || entry.gid !== before.gid
      || (entry.metadataChanged && (entry.mtimeNs !== before.mtimeNs || entry.atimeNs !== before.atimeNs));
    if (contentChanged || metadataChanged) out.push(fromInode(entry, path, 'modified', contentChanged, metadataChanged));
  };

  /** `diskIsDir`: the disk has a directory at `path` (so names under it can be modified or deleted). */
  const visit = (dir: Inode, path: string, diskIsDir: boolean): void => {
    const entries = dir.entries!;
    const inPlace = dir.lower === path;
    if (dir.lower !== null && !inPlace) {
      for (const e of lower.readdir(dir.lower)) {
        if (entries.has(e.name)) continue;
        const diskPath = joinPath(dir.lower, e.name);
        const stat = diskStat(diskPath);
        if (stat === undefined) continue;
        out.push(fromDisk(stat, diskPath, joinPath(path, e.name), 'created'));
        if ((stat.mode & S_IFMT) === S_IFDIR) diskSubtreeCreated(diskPath, joinPath(path, e.name));
      }
    }
    if (diskIsDir && !inPlace) {
      // A directory made anew over a disk directory: the disk's children it does not show are gone.
      const shown = dir.lower !== null ? new Set(lower.readdir(dir.lower).map((e) => e.name)) : undefined;
      for (const e of lower.readdir(path)) {
        if (entries.has(e.name) || shown?.has(e.name)) continue;
        const stat = diskStat(joinPath(path, e.name));
        if (stat !== undefined) out.push(fromDisk(stat, joinPath(path, e.name), joinPath(path, e.name), 'deleted'));
      }
    }
    for (const [name, entry] of entries) {
      const childPath = joinPath(path, name);
      const mayBeOnDisk = diskIsDir && (!inPlace || dir.covered!.has(name));
      const before = mayBeOnDisk ? diskStat(childPath) : undefined;
      if (entry === null) {
        if (before !== undefined) out.push(fromDisk(before, childPath, childPath, 'deleted'));
        continue;
      }
      if (before === undefined) out.push(fromInode(entry, childPath, 'created', false, false));
      else pushIfModified(entry, childPath, before);
      if (entry.isDirectory) visit(entry, childPath, before !== undefined && (before.mode & S_IFMT) === S_IFDIR);
    }
  };

  visit(tree.root, '/', true);
  // Other disk names of hard-linked files changed through one name: still theirs in the merged view, so changed too.
  const listed = new Set(out.map((e) => e.path));
  for (const inode of tree.hardLinkedCopies()) {
    for (const alias of inode.diskAliases!) {
      if (listed.has(alias)) continue;
      const found = tree.walk(alias, { followLast: false, readOnly: false });
      const before = diskStat(alias);
      if (typeof found === 'string' || found.node !== inode || before === undefined) continue;
      pushIfModified(inode, alias, before);
      listed.add(alias);
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}
