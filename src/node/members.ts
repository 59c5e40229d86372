// Every member of fs and fs.promises, classified: routed through the overlay (with the form of its face and how
// its arguments say whether the call is ours), left as Node's own JS because it builds on routed members, or passed
// through to Node untouched, each with its reason. install.ts patches from this table; a test checks that every
// member Node has at run time is in exactly one class.
import * as stat from './ops/stat.js';
import * as fd from './ops/fd.js';
import * as files from './ops/files.js';
import * as dirs from './ops/dirs.js';
import * as links from './ops/links.js';
import * as meta from './ops/meta.js';
import * as rm from './ops/rm.js';
import * as dir from './dir.js';
import * as cp from './cp.js';
import * as watch from './watch.js';
import { openFileHandle } from './filehandle.js';
import { ownsFd, ownsPath } from './context.js';
import type { OnDisk, Owns } from './faces.js';

export type Face = 'sync' | 'callback' | 'promise';

export interface RoutedMember {
  face: Face;
  owns: Owns;
  impl: (...args: any[]) => any;
  /** The disk's answer where the overlay holds nothing (sync faces only): the member takes the untouched lane. */
  onDisk?: OnDisk;
}

const byPath: Owns = (first) => ownsPath(first);
/** For an operation on the last name itself, which it does not follow if it is a symlink (lstat, unlink, rename…). */
const byLinkPath: Owns = (first) => ownsPath(first, false);
const bySecondLinkPath: Owns = (_first, second) => ownsPath(second, false);
const byEitherLinkPath: Owns = (first, second) => ownsPath(first, false) || ownsPath(second, false);
const byFd: Owns = (first) => ownsFd(first);
const byPathOrFd: Owns = (first) => (typeof first === 'number' ? ownsFd(first) : ownsPath(first));
const byEitherPath: Owns = (first, second) => ownsPath(first) || ownsPath(second);
const byPathOrHandle: Owns = (first) => files.isOurFileHandle(first) || ownsPath(first);

const s = (owns: Owns, impl: RoutedMember['impl']): RoutedMember => ({ face: 'sync', owns, impl });
/** A sync member that takes the untouched lane (faces.ts untouchedFirstFace). */
const l = (owns: Owns, impl: RoutedMember['impl'], onDisk: OnDisk): RoutedMember => ({ face: 'sync', owns, impl, onDisk });
const c = (owns: Owns, impl: RoutedMember['impl']): RoutedMember => ({ face: 'callback', owns, impl });
const p = (owns: Owns, impl: RoutedMember['impl']): RoutedMember => ({ face: 'promise', owns, impl });

/**
 * Members of `fs` implemented over the overlay for paths inside the roots and overlay descriptors. A Map, not an
 * object literal: every process builds this table at start-up, and an object literal of a hundred computed members
 * costs V8 a hidden-class transition per member (≈ 1.5 M instructions, 0.4 ms; a Map ≈ 0.3 M).
 */
export const routedFs: ReadonlyMap<string, RoutedMember> = new Map([
  ['access', c(byPath, stat.access)],
  ['accessSync', s(byPath, stat.accessSync)],
  ['existsSync', l(byPath, stat.existsSync, stat.existsOnDisk)],
  ['stat', c(byPath, stat.stat)],
  ['statSync', l(byPath, stat.statSync, stat.statSyncOnDisk)],
  ['lstat', c(byLinkPath, stat.lstat)],
  ['lstatSync', s(byLinkPath, stat.lstatSync)],
  ['fstat', c(byFd, stat.fstat)],
  ['statfs', c(byPath, stat.statfs)],
  ['statfsSync', s(byPath, stat.statfsSync)],
  ['fstatSync', s(byFd, stat.fstatSync)],

  ['open', c(byPath, fd.open)],
  ['openSync', s(byPath, fd.openSync)],
  ['close', c(byFd, fd.close)],
  ['closeSync', s(byFd, fd.closeSync)],
  ['read', c(byFd, fd.read)],
  ['readSync', s(byFd, fd.readSync)],
  ['readv', c(byFd, fd.readv)],
  ['readvSync', s(byFd, fd.readvSync)],
  ['write', c(byFd, fd.write)],
  ['writeSync', s(byFd, fd.writeSync)],
  ['writev', c(byFd, fd.writev)],
  ['writevSync', s(byFd, fd.writevSync)],
  ['fsync', c(byFd, fd.fsync)],
  ['fsyncSync', s(byFd, fd.fsyncSync)],
  ['fdatasync', c(byFd, fd.fdatasync)],
  ['fdatasyncSync', s(byFd, fd.fdatasyncSync)],
  ['ftruncate', c(byFd, fd.ftruncate)],
  ['ftruncateSync', s(byFd, fd.ftruncateSync)],
  ['fchmod', c(byFd, fd.fchmod)],
  ['fchmodSync', s(byFd, fd.fchmodSync)],
  ['fchown', c(byFd, fd.fchown)],
  ['fchownSync', s(byFd, fd.fchownSync)],
  ['futimes', c(byFd, fd.futimes)],
  ['futimesSync', s(byFd, fd.futimesSync)],

  ['readFile', c(byPathOrFd, files.readFile)],
  ['readFileSync', l(byPathOrFd, files.readFileSync, files.readFileSyncOnDisk)],
  ['writeFile', c(byPathOrFd, files.writeFile)],
  ['writeFileSync', s(byPathOrFd, files.writeFileSync)],
  ['appendFile', c(byPathOrFd, files.appendFile)],
  ['appendFileSync', s(byPathOrFd, files.appendFileSync)],
  ['truncate', c(files.truncateTakesFd ? byPathOrFd : byPath, files.truncate)],
  ['truncateSync', s(files.truncateTakesFd ? byPathOrFd : byPath, files.truncateSync)],
  ['copyFile', c(byEitherPath, files.copyFile)],
  ['copyFileSync', s(byEitherPath, files.copyFileSync)],
  ['openAsBlob', s(byPath, files.openAsBlob)],
  ['openAsBlobSync', s(byPath, files.openAsBlobSync)],

  ['mkdir', c(byLinkPath, dirs.mkdir)],
  ['mkdirSync', s(byLinkPath, dirs.mkdirSync)],
  ['mkdtemp', c(byPath, dirs.mkdtemp)],
  ['mkdtempSync', s(byPath, dirs.mkdtempSync)],
  ['mkdtempDisposableSync', s(byPath, dirs.mkdtempDisposableSync)],
  ['readdir', c(byPath, dirs.readdir)],
  ['readdirSync', s(byPath, dirs.readdirSync)],
  ['rmdir', c(byLinkPath, dirs.rmdir)],
  ['rmdirSync', s(byLinkPath, dirs.rmdirSync)],
  ['rm', c(byLinkPath, rm.rm)],
  ['rmSync', s(byLinkPath, rm.rmSync)],
  ['opendir', c(byPath, dir.opendir)],
  ['opendirSync', s(byPath, dir.opendirSync)],
  ['cp', c(byEitherPath, cp.cp)],
  ['cpSync', s(byEitherPath, cp.cpSync)],

  ['rename', c(byEitherLinkPath, links.rename)],
  ['renameSync', s(byEitherLinkPath, links.renameSync)],
  ['link', c(byEitherLinkPath, links.link)],
  ['linkSync', s(byEitherLinkPath, links.linkSync)],
  ['symlink', c(bySecondLinkPath, links.symlink)],
  ['symlinkSync', s(bySecondLinkPath, links.symlinkSync)],
  ['readlink', c(byLinkPath, links.readlink)],
  ['readlinkSync', s(byLinkPath, links.readlinkSync)],
  ['realpath', c(byPath, links.realpath)],
  ['realpathSync', l(byPath, links.realpathSync, links.realpathSyncOnDisk)],
  ['unlink', c(byLinkPath, links.unlink)],
  ['unlinkSync', s(byLinkPath, links.unlinkSync)],

  ['chmod', c(byPath, meta.chmod)],
  ['chmodSync', s(byPath, meta.chmodSync)],
  ['chown', c(byPath, meta.chown)],
  ['chownSync', s(byPath, meta.chownSync)],
  ['lchown', c(byLinkPath, meta.lchown)],
  ['lchownSync', s(byLinkPath, meta.lchownSync)],
  ['utimes', c(byPath, meta.utimes)],
  ['utimesSync', s(byPath, meta.utimesSync)],
  ['lutimes', c(byLinkPath, meta.lutimes)],
  ['lutimesSync', s(byLinkPath, meta.lutimesSync)],

  ['watch', s(byPath, watch.watch)],
  ['watchFile', s(byPath, watch.watchFile)],
  ['unwatchFile', s(byPath, watch.unwatchFile)],

]);

/** The `.native` variants hang off realpath and realpathSync: routed too, not copied from the originals. */
export const routedNative = {
  realpath: c(byPath, links.realpathNative),
  realpathSync: s(byPath, links.realpathSyncNative),
};

/** Members of `fs.promises` implemented over the overlay. */
export const routedPromises: ReadonlyMap<string, RoutedMember> = new Map([
  ['access', p(byPath, stat.accessPromise)],
  ['stat', p(byPath, stat.statPromise)],
  ['lstat', p(byLinkPath, stat.lstatPromise)],
  ['statfs', p(byPath, stat.statfsPromise)],
  ['open', p(byPath, openFileHandle)],
  ['readFile', p(byPathOrHandle, files.readFilePromise)],
  ['writeFile', p(byPathOrHandle, files.writeFilePromise)],
  ['appendFile', p(byPathOrHandle, files.appendFilePromise)],
  ['truncate', p(byPath, files.truncatePromise)],
  ['copyFile', p(byEitherPath, files.copyFilePromise)],
  ['mkdir', p(byLinkPath, dirs.mkdirPromise)],
  ['mkdtemp', p(byPath, dirs.mkdtempPromise)],
  ['mkdtempDisposable', p(byPath, dirs.mkdtempDisposablePromise)],
  ['readdir', p(byPath, dirs.readdirPromise)],
  ['rmdir', p(byLinkPath, dirs.rmdirPromise)],
  ['rm', p(byLinkPath, rm.rmPromise)],
  ['opendir', p(byPath, dir.opendirPromise)],
  ['cp', p(byEitherPath, cp.cpPromise)],
  ['rename', p(byEitherLinkPath, links.renamePromise)],
  ['link', p(byEitherLinkPath, links.linkPromise)],
  ['symlink', p(bySecondLinkPath, links.symlinkPromise)],
  ['readlink', p(byLinkPath, links.readlinkPromise)],
  ['realpath', p(byPath, links.realpathPromise)],
  ['unlink', p(byLinkPath, links.unlinkPromise)],
  ['chmod', p(byPath, meta.chmodPromise)],
  ['chown', p(byPath, meta.chownPromise)],
  ['lchown', p(byLinkPath, meta.lchownPromise)],
  ['utimes', p(byPath, meta.utimesPromise)],
  ['lutimes', p(byLinkPath, meta.lutimesPromise)],
  ['watch', { face: 'sync', owns: byPath, impl: watch.watchPromise }],

]);

/**
 * Node's own JS, left in place: every I/O step it takes goes through routed members looked up at call time
 * (research/node.md §1), so it works on overlay paths and descriptors as it is.
 */
export const builtOnRouted: Record<string, string> = {
  createReadStream: 'ReadStream over fs.open/read/close of the module object',
  createWriteStream: 'WriteStream over fs.open/write/writev/fsync/close of the module object',
  ReadStream: 'class; its methods use the routed open/read/close',
  WriteStream: 'class; its methods use the routed open/write/writev/close',
  FileReadStream: 'alias of ReadStream',
  FileWriteStream: 'alias of WriteStream',
  Utf8Stream: 'SonicBoom-style stream over fs.open/write/fsync/close of the module object (24+)',
  exists: 'calls fs.access',
  glob: 'lazily loaded glob over fs.lstat/readdir/stat/realpath (22+)',
  globSync: 'lazily loaded glob over fs.lstatSync/readdirSync/statSync/realpathSync (22+)',
  Dirent: 'class; instances are built by the routed readdir/opendir',
  Stats: 'class; instances are built by the routed stat family',
  Dir: 'class; routed opendir returns an overlay Dir whose prototype chains to it',
  _toUnixTimestamp: 'pure conversion, no I/O',
  'promises.glob': 'glob over fs.promises.lstat/readdir (22+)',
};

/** Members handed to Node untouched for every path, each with its reason. */
export const passedThrough: Record<string, string> = {
  'promises.lchmod': 'not implemented on Linux: Node throws ERR_METHOD_NOT_IMPLEMENTED for every call',
  lchmod: 'undefined on Linux (macOS only); nothing to route',
  lchmodSync: 'undefined on Linux (macOS only); nothing to route',
};

/** Non-function members (constants) are data, not operations. */
export const dataMembers = new Set(['constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'promises', 'promises.constants']);
