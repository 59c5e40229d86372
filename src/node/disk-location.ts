// Where a path lands on the real disk, following symlinks as the kernel does. The router asks this for every path
// whose spelling is not the overlay's (outside the roots, or under a pass-through pattern): a workspace package linked
// from node_modules/ (`node_modules/a -> ../packages/a`), an alias outside the roots (`/tmp/alias -> <root>`) and
// /proc/self/cwd/… all name files inside a root, and a write through them must stay in memory like any other.
//
// Each answer costs an lstat the first time (of each folder not seen before, and of the last name for an operation
// that follows it — most do; lstat, unlink, rename… do not), so folders' real paths are remembered until this process
// changes the disk's names itself (`forget`, called by the pass-through faces of symlink, rename, unlink, rmdir, rm and
// cp). /proc and /dev are never remembered: a descriptor's link there names another file once the number is reused.
import { lstatSync as lstatSyncAtLoad, readlinkSync as readlinkSyncAtLoad } from 'node:fs';
import { path } from '../platform/builtins.js';
import { ownWorkingDirectoryLink } from '../platform/proc-links.js';

// Taken when this module is evaluated, before node/ patches fs: these must be the kernel's answers.
const lstatSync = lstatSyncAtLoad;
const readlinkSync = readlinkSyncAtLoad;

// bigint: Node keeps the last synchronous stat of each kind in one shared array, and its own realpath reads the plain
// one back between calls (a pipe or socket ends the walk): the router's lstat, run between those calls, must not
// overwrite it (test-fs-realpath-pipe: realpath('/dev/stdin') of a piped child).
const TRY_LSTAT = { throwIfNoEntry: false, bigint: true } as const;
/** The kernel's limit on symlinks followed in one lookup (ELOOP beyond). */
const MAX_HOPS = 40;
const MAX_REMEMBERED = 8192;

export interface DiskLocator {
  /**
   * The real location of an absolute path: its folders followed, and its last name too when `followLast` (as an
   * operation that follows it does: open, chmod…). A path may hold '..' components, resolved where the symlinks before
   * them led (pass it as spelt: normalising first would be lexical).
   */
  locate(absPath: string, followLast: boolean): string;
  /** The disk's names changed: forget every folder's real path. */
  forget(): void;
}

/** Whether an absolute path holds a '..' component. */
export function hasDotDot(absPath: string): boolean {
  return absPath.includes('/..') && /\/\.\.(?:\/|$)/.test(absPath);
}

/** Whether answers under this path may change without this process renaming anything (descriptor and task links). */
export function isVolatile(absPath: string): boolean {
  return absPath.startsWith('/proc/') || absPath.startsWith('/dev/');
}

/** `name` in `folder`; both already normal (absolute, no trailing slash, no '.' or '..'). */
function childOf(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

export function createDiskLocator(o: { cwd: () => string }): DiskLocator {
  const realFolders = new Map<string, string>();

  /**
   * The real path of a folder, built from its parent's (remembered) with one lstat of its own name: realpath(3) would
   * readlink every component again for each new folder. A missing tail is kept as spelt below its real parent.
   */
  function realFolder(folder: string, hops: number): string {
    if (folder.length <= 1) return folder;
    const known = realFolders.get(folder);
    if (known !== undefined) return known;
    const slash = folder.lastIndexOf('/');
    const real = follow(childOf(slash === 0 ? '/' : realFolder(folder.slice(0, slash), hops), folder.slice(slash + 1)), hops);
    if (!isVolatile(folder)) {
      if (realFolders.size >= MAX_REMEMBERED) realFolders.clear();
      realFolders.set(folder, real);
    }
    return real;
  }

  /** `located` (its parent already real) with its own symlink followed, as often as the kernel would. */
  function follow(located: string, hops: number): string {
    const ownCwd = ownWorkingDirectoryLink(located, o.cwd);
    if (ownCwd !== undefined) return ownCwd;
    if (hops >= MAX_HOPS) return located; // a loop: the operation fails with ELOOP wherever it is routed
    let link: string;
    try {
      if (lstatSync(located, TRY_LSTAT)?.isSymbolicLink() !== true) return located;
      link = readlinkSync(located);
    } catch {
      return located; // not searchable, or a component is a file: the kernel stops here as well
    }
    const target = path.resolve(path.dirname(located), link);
    if (target.length === 1) return target;
    const slash = target.lastIndexOf('/');
    return follow(childOf(slash === 0 ? '/' : realFolder(target.slice(0, slash), hops + 1), target.slice(slash + 1)), hops + 1);
  }

  /** A path spelt with '..' after a symlink: the kernel takes '..' from where the symlink led, not lexically. */
  function walkPhysically(spelt: string, followLast: boolean): string {
    const names = spelt.split('/').filter((name) => name !== '' && name !== '.');
    let current = '/';
    names.forEach((name, i) => {
      const next = current === '/' ? `/${name}` : `${current}/${name}`;
      current = name === '..' ? path.dirname(current) : i < names.length - 1 || followLast ? follow(next, 0) : next;
    });
    return current;
  }

  return {
    locate(spelt, followLastName) {
      if (hasDotDot(spelt)) return walkPhysically(spelt, followLastName);
      // A trailing slash makes the kernel follow the last name (and ask for a folder).
      const trailingSlash = spelt.length > 1 && spelt.charCodeAt(spelt.length - 1) === 47;
      const absPath = trailingSlash ? spelt.replace(/\/+$/, '') || '/' : spelt;
      if (absPath.length <= 1) return absPath;
      const slash = absPath.lastIndexOf('/');
      const located = childOf(slash === 0 ? '/' : realFolder(absPath.slice(0, slash), 0), absPath.slice(slash + 1));
      return followLastName || trailingSlash ? follow(located, 0) : located;
    },
    forget() {
      realFolders.clear();
    },
  };
}
