// rm: Node's rm semantics over the engine. A directory without `recursive` is Node's SystemError ERR_FS_EISDIR,
// and a missing path without `force` fails on the lstat Node makes first.
// rm (callback) and fs.promises.rm run lib/internal/fs/rimraf.js on every Node version; rmSync does too on 20/22,
// but on 24+ it calls the C++ binding (std::filesystem::remove_all), whose order, effects and errors are its own.
import { constants } from 'node:fs';
import { context } from '../context.js';
import { validatedPathString } from '../args.js';
import { fsEisdir } from '../node-errors.js';
import { framelessForPromise } from '../stack.js';
import { statRecordOrUndefined } from './stat.js';
import { makeCallback, validateBoolean, validateInt32, validateObject, validateUint32 } from '../validators.js';
import { afterTurns } from '../deferred.js';
import type { CallbackJob } from '../faces.js';
import type { OverlayApi } from '../../overlay/types.js';
import { loadRimraf, rimrafCallsOnlyOurFaces, rimrafSync } from './rimraf-sync.js';

interface RmOptions {
  recursive: boolean;
  force: boolean;
  maxRetries?: number;
  retryDelay?: number;
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
const nodeMinor = Number(process.versions.node.split('.')[1]);

function validateRmOptions(options: unknown): RmOptions {
  if (options === undefined) return { recursive: false, force: false, maxRetries: 0, retryDelay: 100 };
  validateObject(options, 'options');
  const o = { recursive: false, force: false, retryDelay: 100, maxRetries: 0, ...(options as object) } as Record<string, unknown>;
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
  validateBoolean(o.force, 'options.force');
  return { recursive: o.recursive as boolean, force: o.force as boolean, maxRetries: o.maxRetries as number, retryDelay: o.retryDelay as number };
}

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/**
 * Node's rimraf path. The sync validation skips its lstat when both `force` and `recursive` are set; the callback and
 * promise validation (`lstatAlways`) never does, so there a lookup error other than ENOENT fails on that lstat.
 */
export function rmCore(p: string, options: RmOptions, lstatAlways = false): void {
  if (lstatAlways || !options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p, false) : context.engine.lstat(p);
    if (record !== undefined && (record.mode & constants.S_IFMT) === constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p);
    }
    if (record === undefined) return;
  }
  if (options.recursive && lastComponent(p) === '..' && isDirectory(p)) return rimrafDotDot(p, lstatAlways);
  try {
    context.engine.rm(p, options);
  } catch (err) {
    const e = err as { code?: string; syscall?: string; path?: string };
    if (e.code === 'EISDIR' && e.syscall === 'rm') throw fsEisdir(p);
    // The callback rimraf's _rmdir answers ENOTDIR with the lstat's error, which was none: rm('link/') of a symlink
    // to a directory succeeds there, removing nothing (rmSync's rimraf throws it instead).
    if (lstatAlways && e.code === 'ENOTDIR' && e.syscall === 'rmdir' && e.path === p) return;
    if (e.code === 'EPERM' && e.syscall === 'unlink' && e.path === p) return rimrafAfterUnlinkEperm(p, err);
    throw err;
  }
}

/** Whether lstat finds a directory there; a lookup that fails leaves the path to the usual rm. */
function isDirectory(p: string): boolean {
  try {
    const record = context.engine.tryStat(p, false);
    return record !== undefined && (record.mode & constants.S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

/**
 * rimraf on 'd/f/..': rmdir of a '..' is ENOTEMPTY, so rimraf empties the directory it names, child by child as
 * 'd/f/../child' (a child whose removal unlinks f leaves the later ones unreachable, hence kept, as on the disk), then
 * retries the rmdir, which is ENOENT once f is gone: forgiven. The engine's own rm refuses such a path (EINVAL).
 */
function rimrafDotDot(p: string, lstatAlways: boolean): void {
  try {
    context.engine.rmdir(p);
    return;
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw err;
  }
  for (const entry of context.engine.readdir(p)) rmCore(`${p}/${entry.name}`, { recursive: true, force: true }, lstatAlways);
  try {
    context.engine.rmdir(p);
  } catch (err) {
    if (codeOf(err) !== 'ENOENT') throw err;
  }
}

/**
 * rimraf answers an unlink EPERM (a sticky directory) with rmdir, and an rmdir EPERM/ENOTEMPTY/EEXIST with a readdir
 * of the children: for a file that readdir is the error the caller sees (ENOTDIR scandir); an rmdir ENOTDIR gives back
 * the unlink's error.
 */
function rimrafAfterUnlinkEperm(p: string, unlinkError: unknown): void {
  try {
    context.engine.rmdir(p);
    return;
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw unlinkError;
    if (code !== 'EPERM' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
  context.engine.readdir(p);
  throw unlinkError;
}

// ---- Node 24+'s rmSync (src/node_file.cc RmSync) ------------------------------------------------------------------

const ERRNO: Record<string, number> = { EPERM: 1, EACCES: 13, ENOTDIR: 20 };

/** glibc's strerror, which std::error_code::message() gives for the codes RmSync words as "Unknown error". */
const STRERROR: Record<string, string> = {
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EROFS: 'Read-only file system',
  EBUSY: 'Device or resource busy',
  ENAMETOOLONG: 'File name too long',
  EIO: 'Input/output error',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  ENOSPC: 'No space left on device',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  EXDEV: 'Invalid cross-device link',
  EFAULT: 'Bad address',
  ENOMEM: 'Cannot allocate memory',
};

const UV_EUNKNOWN = -4094;

/**
 * The plain Error RmSync throws (env->ThrowErrnoException): positive errno for the four codes it names, every other
 * failure `code: ''`, errno UV_EUNKNOWN; always syscall 'rm' and the path as given, never the child that failed.
 * Node 24 up to 24.21 repeats the path inside the message; 26, and 24 from 24.22 on (the change was backported;
 * 24.21.0 repeats it, 24.22.3 does not), do not.
 */
export function nativeRmError(code: string, path: string, major = nodeMajor, minor = nodeMinor): Error {
  let errnoCode: string;
  let label: string;
  switch (code) {
    case 'EPERM':
      [errnoCode, label] = ['EPERM', 'Operation not permitted'];
      break;
    case 'ENOTEMPTY': // RmSync reports it with EACCES's number
      [errnoCode, label] = ['EACCES', 'Directory not empty'];
      break;
    case 'ENOTDIR':
      [errnoCode, label] = ['ENOTDIR', 'Not a directory'];
      break;
    case 'EACCES':
      [errnoCode, label] = ['EACCES', 'Permission denied'];
      break;
    default:
      return errnoException('', UV_EUNKNOWN, `Unknown error: ${STRERROR[code] ?? code}`, path);
  }
  const repeatsPath = major < 26 && !(major === 24 && minor >= 22);
  const msg = repeatsPath ? `${label}: ${path}` : `${label}:`;
  return errnoException(errnoCode, ERRNO[errnoCode]!, msg, path);
}

function errnoException(code: string, errno: number, msg: string, path: string): Error {
  const err = new Error(`${code}, ${msg} '${path}'`) as Error & Record<string, unknown>;
  // Own enumerable properties in ErrnoException's order.
  err.errno = errno;
  err.code = code;
  err.path = path;
  err.syscall = 'rm';
  return err;
}

/** The last component of a path ('d/./' → '.'), where remove_all empties the directory before failing on it. */
function lastComponent(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * Node 24+'s rmSync on an engine: the JS validation (lstat unless force+recursive), then the native part —
 * symlink_status treating ENOENT and ENOTDIR as "nothing there", remove_all emptying a directory before removing it
 * (through a 'link/' into its target), ENOENT anywhere forgiven, and every other failure as RmSync words it.
 * Not reproduced: RmSync's retry sleep (retryDelay ms) after EPERM/EBUSY/ENOTEMPTY, which changes only timing.
 */
export function nativeRmSync(engine: OverlayApi, p: string, options: RmOptions, major = nodeMajor): void {
  if (!options.force || !options.recursive) {
    let record;
    try {
      record = engine.lstat(p);
    } catch (err) {
      if (options.force && codeOf(err) === 'ENOENT') return;
      throw err;
    }
    if ((record.mode & constants.S_IFMT) === constants.S_IFDIR && !options.recursive) throw fsEisdir(p);
  } else {
    try {
      engine.lstat(p);
    } catch (err) {
      const code = codeOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
    }
  }
  try {
    const last = lastComponent(p);
    if (options.recursive && (last === '.' || last === '..')) removeDotDirectory(engine, p);
    else engine.rm(p, { recursive: options.recursive, force: true, childrenFirst: true });
  } catch (err) {
    const code = codeOf(err);
    if (code === 'ENOENT') return;
    throw nativeRmError(typeof code === 'string' ? code : 'EIO', p, major);
  }
}

/**
 * remove_all('d/.') or ('d/..'): the entries go, then removing the directory by that name fails as rmdir does (EINVAL
 * for '.'; for 'd/..' d is gone by then: ENOENT, forgiven). remove_all names the entries relative to the directory it
 * opened, so they are named here from the directory's real path: 'd/../x' would stop resolving once d is removed.
 */
function removeDotDirectory(engine: OverlayApi, p: string): void {
  const base = engine.realpath(p).replace(/\/+$/, '');
  for (const entry of engine.readdir(p)) {
    engine.rm(`${base}/${entry.name}`, { recursive: true, force: true, childrenFirst: true });
  }
  engine.rmdir(p);
}

export function rmSync(p: unknown, options?: unknown): void {
  const target = validatedPathString(p);
  const o = validateRmOptions(options);
  if (nodeMajor >= 24) nativeRmSync(context.engine, target, o);
  else if (rimrafCallsOnlyOurFaces()) rmCore(target, o);
  else rimrafSyncAfterChecks(target, o);
}

/** Node 20/22's rmSync: validateRmOptionsSync's lstat (unless force and recursive), then rimrafSync. */
function rimrafSyncAfterChecks(p: string, options: RmOptions): void {
  if (!options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p, false) : context.engine.lstat(p);
    if (record !== undefined && (record.mode & constants.S_IFMT) === constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p);
    }
  }
  rimrafSync(p, { maxRetries: options.maxRetries ?? 0, retryDelay: options.retryDelay ?? 100 });
}

export function rm(args: any[]): CallbackJob {
  let [p, options, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const target = validatedPathString(p);
  const o = validateRmOptions(options);
  if (nodeMajor < 24) loadRimraf();
  return { callback, run: () => (rmCore(target, o, true), []), turns: o.recursive ? recursiveRmTurns : 1 };
}

/**
 * A recursive rm is several trips through the thread pool in Node (an lstat, a failed rmdir, a readdir, then the
 * entries): a call made in the same tick after it runs first, and finds the entries still there.
 */
const recursiveRmTurns = 3;

export async function rmPromise(p: unknown, options?: unknown) {
  const target = validatedPathString(p);
  const o = validateRmOptions(options);
  if (nodeMajor < 24) loadRimraf();
  if (o.recursive) await new Promise<void>((resolve) => afterTurns(recursiveRmTurns - 1, resolve)); // the face waited one
  try {
    rmCore(target, o, true);
  } catch (err) {
    // Node's fs.promises.rm runs the callback-based lstat and rimraf: libuv's frameless errors.
    throw framelessForPromise(err);
  }
}
