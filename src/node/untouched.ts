// Pass-through answers for paths inside a root where the overlay holds nothing: the disk's own answer from one native
// call, with none of the engine's records in between (a bigint lstat turned into a record and back into a Stats cost
// ≈ 3 µs, more than the system call). The engine says when the merged view at a path is the disk's own
// (untouchedDiskPath); these functions decline — undefined, "ask the engine" — whenever the disk's answer could differ
// from the merged view's: a symlink in the last name (it may lead into changed regions), a file with several names
// once any disk file was copied up (another name may be the copy), a name that is not UTF-8, any error.
import {
  constants, lstatSync as lstatSyncAtLoad, readFileSync as readFileSyncAtLoad, statSync as statSyncAtLoad,
  type BigIntStats, type Stats,
} from 'node:fs';
import { isWellFormed } from '../overlay/name-bytes.js';
import { context } from './context.js';

// Captured when the module is evaluated, before node/ patches fs (as overlay/disk.ts does): never the patched ones.
const lstatSync = lstatSyncAtLoad;
const readFileSync = readFileSyncAtLoad;
const statSync = statSyncAtLoad;

const { S_IFMT, S_IFLNK, S_IFDIR, S_IFREG, O_RDONLY, O_NOFOLLOW } = constants;
const O_NOATIME = (constants as Record<string, number>).O_NOATIME ?? 0;
const PLAIN = { bigint: false, throwIfNoEntry: false } as const;
const BIG = { bigint: true, throwIfNoEntry: false } as const;
/** As the engine reads the disk: the last name not followed, access times left as they were where Linux allows. */
const READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NOATIME;
const READ_FLAGS_WITH_ATIME = O_RDONLY | O_NOFOLLOW;

/** The disk path where the merged view at `path` is the disk's own (UTF-8 names only); undefined: ask the engine. */
export function untouchedDiskPath(path: string, throughDiskSymlinks = true): string | undefined {
  const engine = context.engine;
  if (engine.untouchedDiskPath === undefined) return undefined;
  const diskPath = engine.untouchedDiskPath(path, throughDiskSymlinks);
  return diskPath !== undefined && isWellFormed(diskPath) ? diskPath : undefined;
}

/**
 * The disk's Stats of `path` when the overlay holds nothing there; null when nothing is there (ENOENT, certain: the
 * merged view there is the disk's); undefined when the engine must answer.
 */
export function untouchedStat(path: string, follow: boolean, bigint: boolean): Stats | BigIntStats | null | undefined {
  const diskPath = untouchedDiskPath(path);
  return diskPath === undefined ? undefined : untouchedStatAt(diskPath, follow, bigint);
}

/** untouchedStat at the disk path untouchedDiskPath gave. */
export function untouchedStatAt(diskPath: string, follow: boolean, bigint: boolean): Stats | BigIntStats | null | undefined {
  let stats: Stats | BigIntStats | undefined;
  try {
    stats = lstatSync(diskPath, bigint ? BIG : PLAIN);
  } catch {
    return undefined; // ENOTDIR, EACCES…: the engine words them
  }
  if (stats === undefined) return null;
  const type = Number(stats.mode) & S_IFMT;
  if (follow && type === S_IFLNK) return undefined;
  if (type !== S_IFDIR && Number(stats.nlink) > 1 && context.engine.hasDiskCopies!()) return undefined;
  return stats;
}

/** fs.readFileSync(path, 'utf8') of an untouched disk file, as Node does it (one native call); undefined: ask the engine. */
export function untouchedUtf8(path: string): string | undefined {
  const diskPath = untouchedDiskPath(path);
  return diskPath === undefined ? undefined : untouchedUtf8At(diskPath);
}

/** untouchedUtf8 at the disk path untouchedDiskPath gave. */
export function untouchedUtf8At(diskPath: string): string | undefined {
  if (context.engine.hasDiskCopies!()) {
    const stats = lstatSync(diskPath, PLAIN);
    if (stats === undefined || (stats.mode & S_IFMT) !== S_IFREG || stats.nlink > 1) return undefined;
  }
  try {
    return readFileSync(diskPath, { encoding: 'utf8', flag: READ_FLAGS });
  } catch (error) {
    // O_NOATIME is only for the file's owner (or root): others read as a plain open does, as the engine does.
    if (O_NOATIME === 0 || (error as { code?: unknown }).code !== 'EPERM') return undefined;
  }
  try {
    return readFileSync(diskPath, { encoding: 'utf8', flag: READ_FLAGS_WITH_ATIME });
  } catch {
    return undefined;
  }
}

/**
 * The realpath of an absolute untouched path whose disk folders hold no symlink, the last name none either: the path
 * itself, as the engine words it (no doubled slash); undefined: ask the engine. Module resolution asks this of
 * every file it loads.
 */
export function untouchedRealpath(path: string): string | undefined {
  if (path.charCodeAt(0) !== 47) return undefined; // relative: the engine knows its working directory
  const diskPath = untouchedDiskPath(path, false);
  if (diskPath === undefined) return undefined;
  let stats: Stats | undefined;
  try {
    stats = lstatSync(diskPath, PLAIN);
  } catch {
    return undefined;
  }
  if (stats === undefined || (stats.mode & S_IFMT) === S_IFLNK) return undefined;
  if ((stats.mode & S_IFMT) !== S_IFDIR && stats.nlink > 1 && context.engine.hasDiskCopies!()) return undefined;
  return path.includes('//') ? path.replace(/\/{2,}/g, '/') : path;
}

let sparesNotDir: boolean | undefined;

/**
 * Whether this Node's statSync with `throwIfNoEntry: false` answers undefined for ENOTDIR (a file used as a folder)
 * as it does for ENOENT: Node 22 and later do, Node 20 throws; lstatSync throws on all of them. Asked of the disk
 * once, with the Node binary as the file.
 */
export function statQuietOnNotDir(): boolean {
  if (sparesNotDir === undefined) {
    try {
      sparesNotDir = statSync(`${process.execPath}/x`, PLAIN) === undefined;
    } catch {
      sparesNotDir = false;
    }
  }
  return sparesNotDir;
}
