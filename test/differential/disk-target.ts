// The reference: Node's own fs on a real directory. Relative paths resolve against the process's cwd, so this target
// moves the cwd to its tree for the length of a sequence (only one disk target per process may use relative paths).
import fs from 'node:fs';
import type { FsTarget, MaybeAsync, SyncFs } from './target.js';

/** A descriptor number above RLIMIT_NOFILE (20000 here): the kernel answers EBADF for it, always. */
const NEVER_OPEN_FD = 1_000_000;

export const nodeSyncFs: SyncFs = {
  openSync: (p, flags, mode) => fs.openSync(p, flags, mode),
  closeSync: (fd) => fs.closeSync(fd),
  readSync: (fd, buffer, offset, length, position) => fs.readSync(fd, buffer, offset, length, position),
  writeSync: (fd, buffer, offset, length, position) => fs.writeSync(fd, buffer, offset, length, position),
  fstatSync: (fd, o) => fs.fstatSync(fd, o),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fdatasyncSync: (fd) => fs.fdatasyncSync(fd),
  fchmodSync: (fd, mode) => fs.fchmodSync(fd, mode),
  fchownSync: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  futimesSync: (fd, atime, mtime) => fs.futimesSync(fd, atime, mtime),
  statSync: (p, o) => fs.statSync(p, o),
  lstatSync: (p, o) => fs.lstatSync(p, o),
  accessSync: (p, mode) => fs.accessSync(p, mode),
  existsSync: (p) => fs.existsSync(p),
  readFileSync: (p, o) => fs.readFileSync(p, o),
  writeFileSync: (p, data, o) => fs.writeFileSync(p, data, o),
  appendFileSync: (p, data) => fs.appendFileSync(p, data),
  truncateSync: (p, length) => fs.truncateSync(p, length),
  mkdirSync: (p, o) => fs.mkdirSync(p, o),
  mkdtempSync: (prefix) => fs.mkdtempSync(prefix),
  readdirSync: (p, o) =>
    o.withFileTypes
      ? fs.readdirSync(p, { withFileTypes: true, recursive: o.recursive })
      : fs.readdirSync(p, { encoding: 'utf8', recursive: o.recursive }),
  rmdirSync: (p) => fs.rmdirSync(p),
  rmSync: (p, o) => fs.rmSync(p, o),
  unlinkSync: (p) => fs.unlinkSync(p),
  renameSync: (from, to) => fs.renameSync(from, to),
  copyFileSync: (src, dest, mode) => fs.copyFileSync(src, dest, mode),
  linkSync: (existing, newPath) => fs.linkSync(existing, newPath),
  symlinkSync: (target, p) => fs.symlinkSync(target, p),
  readlinkSync: (p) => fs.readlinkSync(p, 'utf8'),
  realpathSync: (p) => fs.realpathSync.native(p),
  chmodSync: (p, mode) => fs.chmodSync(p, mode),
  chownSync: (p, uid, gid) => fs.chownSync(p, uid, gid),
  lchownSync: (p, uid, gid) => fs.lchownSync(p, uid, gid),
  utimesSync: (p, atime, mtime) => fs.utimesSync(p, atime, mtime),
  lutimesSync: (p, atime, mtime) => fs.lutimesSync(p, atime, mtime),
};

export interface DiskTargetOptions {
  name?: string;
  relativePaths: boolean;
  /**
   * The calls to make on the disk, nodeSyncFs unless given: a candidate driven through another face (callbacks,
   * promises) is compared with the same face on the disk, so that what that face does differently from the sync
   * one is not taken for a difference of the candidate.
   */
  fs?: MaybeAsync<SyncFs>;
}

export function createDiskTarget(root: string, options: DiskTargetOptions): FsTarget {
  const previousCwd = process.cwd();
  if (options.relativePaths) process.chdir(root);
  return {
    name: options.name ?? 'disk',
    root,
    relativePaths: options.relativePaths,
    keepsDiskUnchanged: false,
    fs: options.fs ?? nodeSyncFs,
    staleFd: () => NEVER_OPEN_FD,
    finish: () => {
      if (options.relativePaths) process.chdir(previousCwd);
    },
  };
}
