// The lower layer: the real disk, read through the fs functions as they were when this module was evaluated.
// The preload imports the engine before node/ patches `fs` in place, so these references stay the originals.
// The fold (changes/) reads the disk by the engine's names through onDisk, readNames and readLink as well.
import {
  closeSync as closeSyncAtLoad, constants, fstatSync as fstatSyncAtLoad, lstatSync as lstatSyncAtLoad,
  openSync as openSyncAtLoad, readdirSync as readdirSyncAtLoad, readlinkSync as readlinkSyncAtLoad,
  readSync as readSyncAtLoad, realpathSync, type Dirent,
} from 'node:fs';
import { bytesToName, isWellFormed, nameToBytes } from './name-bytes.js';
import { statRecordFromNode } from './stats.js';
import { ownWorkingDirectoryLink } from '../platform/proc-links.js';
import type { DirectoryEntry, EntryType, LowerLayer } from './types.js';

// Read once, here: a named import is a live binding (and a property read in a bundle), which would follow node/'s
// patch of `fs`. Named rather than default imports: a bundled default import copies the whole module object.
const lstatSync = lstatSyncAtLoad;
const readdirSync = readdirSyncAtLoad;
const readlinkSync = readlinkSyncAtLoad;
const openSync = openSyncAtLoad;
const readSync = readSyncAtLoad;
const closeSync = closeSyncAtLoad;
const fstatSync = fstatSyncAtLoad;
const realpathNative = realpathSync.native;

const { UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK } = constants as Record<string, number>;

/**
 * The disk's spelling of an engine path. A path that holds escaped bytes (./name-bytes.ts) goes as those bytes: as a
 * string, Node would send each escape to the kernel as U+FFFD's bytes and name another file. Any other path goes as
 * the string it is, as before.
 */
export function onDisk(path: string): string | Buffer {
  return isWellFormed(path) ? path : nameToBytes(path);
}

/**
 * Node decodes what the disk returns as strings lossily: bytes that are not UTF-8 come back as U+FFFD. Seeing one,
 * a caller reads again as bytes, which also tells a name that genuinely holds U+FFFD (kept as it is) from one that
 * is not UTF-8 (escaped as the engine names it).
 */
function mayHaveLostBytes(text: string): boolean {
  return text.includes('\uFFFD');
}

function direntType(d: Dirent<string | Buffer>): EntryType {
  if (d.isFile()) return UV_DIRENT_FILE as EntryType;
  if (d.isDirectory()) return UV_DIRENT_DIR as EntryType;
  if (d.isSymbolicLink()) return UV_DIRENT_LINK as EntryType;
  if (d.isFIFO()) return UV_DIRENT_FIFO as EntryType;
  if (d.isSocket()) return UV_DIRENT_SOCKET as EntryType;
  if (d.isCharacterDevice()) return UV_DIRENT_CHAR as EntryType;
  if (d.isBlockDevice()) return UV_DIRENT_BLOCK as EntryType;
  return 0 as EntryType;
}

/**
 * Reads open with O_NOATIME where Linux allows it (the file's owner, or root), so that reading through the overlay
 * leaves even the disk's access times as they were; others fall back to a plain open (relatime applies).
 */
const O_NOATIME = (constants as Record<string, number>).O_NOATIME ?? 0;
const noAtimeAvailable = O_NOATIME !== 0;

function openForRead(path: string, extraFlags = 0): number {
  const flags = constants.O_RDONLY | extraFlags;
  const target = onDisk(path);
  if (noAtimeAvailable) {
    try {
      return openSync(target, flags | O_NOATIME);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EPERM') throw error;
    }
  }
  return openSync(target, flags);
}

const S_IFMT = constants.S_IFMT;
const S_IFDIR = constants.S_IFDIR;

function readFileNoFollow(path: string): Buffer | 'symlink' | 'directory' | 'linked' {
  let fd: number;
  try {
    fd = openForRead(path, constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOOP') return 'symlink';
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if ((stat.mode & S_IFMT) === S_IFDIR) return 'directory';
    if (stat.nlink > 1) return 'linked';
    return readAll(fd, stat.size);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end: `size` bytes when the disk gave a size (as Node's readFileSync), else until a read gives 0. */
function readAll(fd: number, size: number): Buffer {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  }
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(8192);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/**
 * Not fs.readFileSync: without an encoding it calls `fs.openSync` on the module object at call time, which node/
 * patches (research/node.md §1), so it would come back into the overlay. Only captured functions here.
 */
function readWholeFile(path: string): Buffer {
  const fd = openForRead(path);
  try {
    return readAll(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

const TRY_LSTAT = { bigint: true, throwIfNoEntry: false } as const;

/**
 * Names as strings, the cheap way Node lists them; as bytes only when one may have lost some, or when the folder's
 * own path is bytes (Node cannot join a Buffer path and a string name, which it does for an entry of unknown type).
 * One plain loop: a `some` pass before the `map` cost ≈ 250 instructions more per entry (callgrind, Node 20), this
 * one ≈ 50.
 */
function readDirectory(path: string): DirectoryEntry[] {
  if (!isWellFormed(path)) return readDirectoryAsBytes(nameToBytes(path));
  const dirents = readdirSync(path, { withFileTypes: true });
  const entries = new Array<DirectoryEntry>(dirents.length);
  for (let i = 0; i < dirents.length; i++) {
    const d = dirents[i]!;
    if (mayHaveLostBytes(d.name)) return readDirectoryAsBytes(path);
    entries[i] = { name: d.name, type: direntType(d) };
  }
  return entries;
}

/** The names in a disk folder, as the engine names them. */
export function readNames(path: string): string[] {
  return readDirectory(path).map((entry) => entry.name);
}

function readDirectoryAsBytes(target: string | Buffer): DirectoryEntry[] {
  return readdirSync(target, { withFileTypes: true, encoding: 'buffer' }).map((d) => ({ name: bytesToName(d.name), type: direntType(d) }));
}

export function readLink(path: string): string {
  const ownCwd = ownWorkingDirectoryLink(path, () => process.cwd());
  if (ownCwd !== undefined) return ownCwd;
  const target = onDisk(path);
  const text = readlinkSync(target, 'utf8');
  return mayHaveLostBytes(text) ? bytesToName(readlinkSync(target, 'buffer')) : text;
}

function realPath(path: string): string {
  const target = onDisk(path);
  const text = realpathNative(target, 'utf8');
  return mayHaveLostBytes(text) ? bytesToName(realpathNative(target, 'buffer')) : text;
}

export function createDiskLayer(): LowerLayer {
  return {
    answersAsDisk: true,
    lstat: (path) => statRecordFromNode(lstatSync(onDisk(path), { bigint: true })),
    tryLstat(path) {
      const s = lstatSync(onDisk(path), TRY_LSTAT);
      return s === undefined ? undefined : statRecordFromNode(s);
    },
    readdir: readDirectory,
    readlink: readLink,
    realpath: realPath,
    openForRead,
    read: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    close: (fd) => closeSync(fd),
    readFile: readWholeFile,
    readFileNoFollow,
  };
}
