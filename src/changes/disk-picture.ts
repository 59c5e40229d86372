// A cheap picture of what the roots hold on the real disk: per path its type, mode, inode, size, times (ns) and link
// target, never its content. The front ends take one before the command and one after it (disk-check.ts), and
// compare them (disk-diff.ts) to find what a program outside the overlay changed.
//
// Built for a repository of 100k files and a busy temp dir: one readdir and one lstat per entry, an explicit stack
// (no recursion), each entry kept as one short string, nothing spread into a call. Symlinks are recorded, never
// followed; a mount below a root is walked like any folder.
import { lstatSync, readdirSync, readlinkSync, type BigIntStats } from 'node:fs';
import { bytesToName, isWellFormed, nameToBytes } from '../overlay/name-bytes.js';
import type { RootInfo } from './types.js';

export interface PictureOptions {
  roots: RootInfo[];
  /** Whether a path belongs to the overlay (the preload's router): a path it does not own is neither kept nor entered. */
  owns(absPath: string): boolean;
  /** Folders left out with everything below them: the front end's own, which it writes during the run. */
  skip: string[];
  /** The walk stops after this many entries, and says so: a picture costs about 150 bytes an entry. */
  maxEntries: number;
}

export interface DiskPicture {
  /** Per root label: path relative to the root → fingerprint (see `fingerprint`). */
  roots: Map<string, Map<string, string>>;
  /** Absolute path → why it could not be read (an errno code). */
  unreadable: Map<string, string>;
  entries: number;
  /** Set when the walk stopped early. */
  stoppedAt?: string;
}

export function takeDiskPicture(o: PictureOptions): DiskPicture {
  const picture: DiskPicture = { roots: new Map(), unreadable: new Map(), entries: 0 };
  const rootPaths = new Set(o.roots.map((r) => r.path));
  const skipped = (absPath: string) => rootPaths.has(absPath) || o.skip.some((folder) => isUnder(absPath, folder));
  for (const root of o.roots) {
    const entries = new Map<string, string>();
    picture.roots.set(root.label, entries);
    if (!o.owns(root.path) || o.skip.some((folder) => isUnder(root.path, folder))) continue; // all of it left to the disk
    const folders: string[] = ['']; // relative paths still to read
    while (folders.length > 0) {
      const folder = folders.pop()!;
      const folderPath = folder === '' ? root.path : `${root.path}/${folder}`;
      const names = readNames(folderPath, picture);
      if (names === undefined) continue;
      for (const name of names) {
        const relative = folder === '' ? name : [folder, name].join('/'); // flat, as the fingerprint (it is kept)
        const absolute = `${root.path}/${relative}`;
        // A nested root is walked as its own; a passed-through path is the disk's by design, and so is everything below.
        if (skipped(absolute) || !o.owns(absolute)) continue;
        const stats = statOf(absolute, picture);
        if (stats === undefined) continue;
        entries.set(relative, fingerprint(stats, stats.isSymbolicLink() ? targetOf(absolute) : undefined));
        if (stats.isDirectory()) folders.push(relative);
        if (++picture.entries >= o.maxEntries) {
          picture.stoppedAt = absolute;
          return picture;
        }
      }
    }
  }
  return picture;
}

/**
 * One string per entry: `<kind><mode>|<inode>|<size>|<mtimeNs>|<ctimeNs>|<target>`, the kind one letter (f d l o).
 * A directory keeps only kind, mode and inode: its size and times change with every entry made or removed in it,
 * and those entries are listed themselves.
 */
export function fingerprint(stats: BigIntStats, target: string | undefined): string {
  const kind = stats.isFile() ? 'f' : stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : 'o';
  const mode = kind + (stats.mode & 0o7777n).toString(8);
  // join() makes one flat string; a template literal would keep a rope of its ten pieces (≈ 3× the memory).
  if (kind === 'd') return [mode, stats.ino].join('|');
  return [mode, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs, target ?? ''].join('|');
}

/** A path as the kernel must get it: the bytes of a name that is not UTF-8 (name-bytes.ts), else the string. */
function forKernel(absPath: string): string | Buffer {
  return isWellFormed(absPath) ? absPath : nameToBytes(absPath);
}

function readNames(folderPath: string, picture: DiskPicture): string[] | undefined {
  try {
    const names = readdirSync(forKernel(folderPath), 'utf8');
    // A name that is not UTF-8 comes back with U+FFFD in it and would name no file: read that folder again by bytes.
    if (!names.some((name) => name.includes('\uFFFD'))) return names;
    return readdirSync(forKernel(folderPath), 'buffer').map((bytes) => bytesToName(bytes));
  } catch (error) {
    noteUnreadable(picture, folderPath, error);
    return undefined;
  }
}

function statOf(absPath: string, picture: DiskPicture): BigIntStats | undefined {
  try {
    return lstatSync(forKernel(absPath), { bigint: true, throwIfNoEntry: false }); // gone since the readdir: not there
  } catch (error) {
    noteUnreadable(picture, absPath, error);
    return undefined;
  }
}

function targetOf(absPath: string): string {
  try {
    return bytesToName(readlinkSync(forKernel(absPath), 'buffer'));
  } catch {
    return ''; // replaced since its lstat: its inode or ctime tells the change
  }
}

function noteUnreadable(picture: DiskPicture, absPath: string, error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return; // removed while the walk ran: the next picture shows it gone
  picture.unreadable.set(absPath, code ?? (error as Error).message);
}

export function isUnder(absPath: string, folder: string): boolean {
  return absPath === folder || (absPath.startsWith(folder) && (folder.endsWith('/') || absPath.charCodeAt(folder.length) === 47));
}
