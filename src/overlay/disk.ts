// The lower layer: the real disk, read through the fs functions as they were when this module was evaluated.
// The preload imports the engine before node/ patches `fs` in place, so these references stay the originals.
import fs from 'node:fs';
import { statRecordFromNode } from './stats.js';
import type { DirectoryEntry, EntryType, LowerLayer } from './types.js';

const lstatSync = fs.lstatSync;
const readdirSync = fs.readdirSync;
const readlinkSync = fs.readlinkSync;
const openSync = fs.openSync;
const readSync = fs.readSync;
const closeSync = fs.closeSync;
const readFileSync = fs.readFileSync;
const realpathNative = fs.realpathSync.native;

const { UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK } = fs.constants as Record<string, number>;

function direntType(d: fs.Dirent): EntryType {
  if (d.isFile()) return UV_DIRENT_FILE as EntryType;
  if (d.isDirectory()) return UV_DIRENT_DIR as EntryType;
  if (d.isSymbolicLink()) return UV_DIRENT_LINK as EntryType;
  if (d.isFIFO()) return UV_DIRENT_FIFO as EntryType;
  if (d.isSocket()) return UV_DIRENT_SOCKET as EntryType;
  if (d.isCharacterDevice()) return UV_DIRENT_CHAR as EntryType;
  if (d.isBlockDevice()) return UV_DIRENT_BLOCK as EntryType;
  return 0 as EntryType;
}

export function createDiskLayer(): LowerLayer {
  return {
    lstat: (path) => statRecordFromNode(lstatSync(path, { bigint: true })),
    tryLstat(path) {
      const s = lstatSync(path, { bigint: true, throwIfNoEntry: false });
      return s === undefined ? undefined : statRecordFromNode(s);
    },
    readdir: (path): DirectoryEntry[] =>
      readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, type: direntType(d) })),
    readlink: (path) => readlinkSync(path, 'utf8'),
    realpath: (path) => realpathNative(path, 'utf8'),
    openForRead: (path) => openSync(path, fs.constants.O_RDONLY),
    read: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    close: (fd) => closeSync(fd),
    readFile: (path) => readFileSync(path),
  };
}
