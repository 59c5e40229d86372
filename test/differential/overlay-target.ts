// The engine as a target: OverlayApi over the disk tree, shaped as Node's sync functions would shape it. This is a
// stand-in for node/ (the fs face), doing only what node/ must do on top of the engine: string flags to numbers,
// seconds to nanoseconds, StatRecord to fs.Stats, Dirents, recursive readdir, appendFile's flags, the EISDIR of
// rm, and readSync's early return for a zero length. Relative paths resolve against the tree through the engine's `cwd()` option.
import fs from 'node:fs';
import path from 'node:path';
import { stringToFlags } from '../../src/overlay/flags.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import { toStats } from '../../src/overlay/stats.js';
import { EntryType, type OverlayApi } from '../../src/overlay/types.js';
import { secondsToNs } from './starting-tree.js';
import type { FsTarget, SyncFs } from './target.js';
import { nativeRmSync } from '../../src/node/ops/rm.js';

const { O_WRONLY, O_CREAT, O_APPEND } = fs.constants;
const NEVER_ISSUED_FD = 0x7ffffffe;

function flagsOf(flags: string | number): number {
  const n = stringToFlags(flags);
  if (n === undefined) throw new Error(`test bug: unknown flag ${String(flags)}`);
  return n;
}

/** Node's rm (JS on 20–22, C++ on 24+) reports a directory without `recursive` as this SystemError. */
function rmIsDirectory(p: string): Error {
  const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${p}`) as NodeJS.ErrnoException;
  Object.assign(e, { code: 'ERR_FS_EISDIR', errno: 21, syscall: 'rm', path: p });
  return e;
}

function dirent(name: string, type: EntryType, parentPath: string): fs.Dirent {
  const DirentCtor = fs.Dirent as unknown as new (name: string, type: number, parentPath: string) => fs.Dirent;
  return new DirentCtor(name, type, parentPath);
}

const nodeMajor = Number(process.versions.node.split('.')[0]);

/** Node's readdirSyncRecursive: breadth first; descends into directories, and into symlinks to directories except in
 *  Node 20's withFileTypes form. */
function readdirRecursive(engine: OverlayApi, base: string, withFileTypes: boolean): string[] | fs.Dirent[] {
  const names: string[] = [];
  const dirents: fs.Dirent[] = [];
  const queue = [base];
  // As Node's internalModuleStat: any error (ENOENT, ELOOP, EACCES…) just means "not a directory".
  const isDir = (p: string): boolean => {
    try {
      return ((engine.tryStat(p, true)?.mode ?? 0) & 0o170000) === 0o040000;
    } catch {
      return false;
    }
  };
  // What each directory is listed by, which an error names: joined on Node 20–24, appended as given on 26.
  const listedAs = [base];
  const descend = (full: string, listed: string, name: string): void => {
    queue.push(full);
    listedAs.push(nodeMajor >= 26 ? `${listed.endsWith('/') ? listed.slice(0, -1) : listed}/${name}` : full);
  };
  for (let i = 0; i < queue.length; i++) {
    const dir = queue[i]!;
    const listed = listedAs[i]!;
    // Any directory that cannot be listed fails the whole call, as binding.readdir does inside Node's loop.
    for (const e of engine.readdir(listed)) {
      const full = path.join(dir, e.name);
      if (withFileTypes) {
        dirents.push(dirent(e.name, e.type, dir));
        const followsLinks = nodeMajor >= 22;
        if (e.type === EntryType.Directory || (followsLinks && e.type === EntryType.Symlink && isDir(full))) descend(full, listed, e.name);
      } else {
        names.push(path.relative(base, full));
        if (isDir(full)) descend(full, listed, e.name);
      }
    }
  }
  return withFileTypes ? dirents : names;
}

export function overlaySyncFs(engine: OverlayApi): SyncFs {
  return {
    openSync: (p, flags, mode) => engine.open(p, flagsOf(flags), mode),
    closeSync: (fd) => engine.close(fd),
    // Node's readSync returns 0 for a zero length before it looks at the fd (lib/fs.js), so node/ must too.
    readSync: (fd, buffer, offset, length, position) => (length === 0 ? 0 : engine.read(fd, buffer, offset, length, position)),
    writeSync: (fd, buffer, offset, length, position) => engine.write(fd, buffer, offset, length, position),
    fstatSync: (fd, o) => toStats(engine.fstat(fd), o.bigint),
    ftruncateSync: (fd, length) => engine.ftruncate(fd, length),
    fsyncSync: (fd) => engine.fsync(fd),
    fdatasyncSync: (fd) => engine.fdatasync(fd),
    fchmodSync: (fd, mode) => engine.fchmod(fd, mode),
    fchownSync: (fd, uid, gid) => engine.fchown(fd, uid, gid),
    futimesSync: (fd, atime, mtime) => engine.futimes(fd, secondsToNs(atime), secondsToNs(mtime)),
    statSync: (p, o) => toStats(engine.stat(p), o.bigint),
    lstatSync: (p, o) => toStats(engine.lstat(p), o.bigint),
    accessSync: (p, mode) => engine.access(p, mode),
    existsSync: (p) => engine.exists(p),
    readFileSync: (p, o) => engine.readFile(p, flagsOf(o.flag)),
    writeFileSync: (p, data, o) => engine.writeFile(p, data, flagsOf(o.flag), o.mode),
    appendFileSync: (p, data) => engine.writeFile(p, data, O_APPEND | O_CREAT | O_WRONLY, 0o666),
    truncateSync: (p, length) => engine.truncate(p, length),
    mkdirSync: (p, o) => {
      const first = engine.mkdir(p, o.mode, o.recursive);
      return o.recursive ? first : undefined;
    },
    mkdtempSync: (prefix) => engine.mkdtemp(prefix),
    readdirSync: (p, o) => {
      if (o.recursive) return readdirRecursive(engine, p, o.withFileTypes);
      const entries = engine.readdir(p);
      return o.withFileTypes ? entries.map((e) => dirent(e.name, e.type, p)) : entries.map((e) => e.name);
    },
    rmdirSync: (p) => engine.rmdir(p),
    rmSync: (p, o) => {
      // Node 24+'s rmSync is native C++ with its own order and errors: node/ reproduces it, so the stand-in uses node/'s.
      if (nodeMajor >= 24) return nativeRmSync(engine, p, o);
      try {
        engine.rm(p, o);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code === 'EISDIR' && e.syscall === 'rm') throw rmIsDirectory(p);
        throw error;
      }
    },
    unlinkSync: (p) => engine.unlink(p),
    renameSync: (from, to) => engine.rename(from, to),
    copyFileSync: (src, dest, mode) => engine.copyFile(src, dest, mode),
    linkSync: (existing, newPath) => engine.link(existing, newPath),
    symlinkSync: (target, p) => engine.symlink(target, p),
    readlinkSync: (p) => engine.readlink(p),
    realpathSync: (p) => engine.realpath(p),
    chmodSync: (p, mode) => engine.chmod(p, mode),
    chownSync: (p, uid, gid) => engine.chown(p, uid, gid),
    lchownSync: (p, uid, gid) => engine.lchown(p, uid, gid),
    utimesSync: (p, atime, mtime) => engine.utimes(p, secondsToNs(atime), secondsToNs(mtime)),
    lutimesSync: (p, atime, mtime) => engine.lutimes(p, secondsToNs(atime), secondsToNs(mtime)),
  };
}

export function createOverlayTarget(root: string): FsTarget {
  const engine = new Overlay({
    lower: createDiskLayer(),
    umask: () => process.umask(),
    cwd: () => root,
  });
  return {
    name: 'overlay',
    root,
    relativePaths: true,
    keepsDiskUnchanged: true,
    fs: overlaySyncFs(engine),
    // The engine's fds are its own: a closed one stays invalid unless the engine hands it out again.
    staleFd: (fd) => (fd >= 0 && !engine.isOverlayFd(fd) ? fd : NEVER_ISSUED_FD),
    finish: () => {},
  };
}
