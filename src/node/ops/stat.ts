// stat, lstat, fstat, access, exists: metadata reads.
import { constants } from 'node:fs';
import { path } from '../../platform/builtins.js';
import { uvError } from '../../overlay/errors.js';
import { toStats } from '../../overlay/stats.js';
import { context } from '../context.js';
import { getValidatedFd, getValidatedPath, pathString, validatedPathString } from '../args.js';
import { makeCallback, validateModeInCpp } from '../validators.js';
import { DECLINED, type CallbackJob } from '../faces.js';
import { statQuietOnNotDir, untouchedStat, untouchedStatAt } from '../untouched.js';

interface StatOptions {
  bigint?: boolean;
  throwIfNoEntry?: boolean;
}

function statPath(path: string, follow: boolean, bigint: boolean) {
  const fast = untouchedStat(path, follow, bigint);
  if (fast) return fast;
  const record = follow ? context.engine.stat(path) : context.engine.lstat(path);
  return toStats(record, bigint);
}

/**
 * `throwIfNoEntry: false` spares ENOENT, and for stat on Node 22 and later ENOTDIR (a file used as a directory) too;
 * Node 20's stat and every lstat throw that one. The engine's tryStat answers undefined for both, so only then is the throwing form asked which.
 */
export function statRecordOrUndefined(path: string, follow: boolean) {
  const record = context.engine.tryStat(path, follow);
  if (record !== undefined) return record;
  try {
    return follow ? context.engine.stat(path) : context.engine.lstat(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT' || (code === 'ENOTDIR' && follow && statQuietOnNotDir())) return undefined;
    throw err;
  }
}

function statPathOrUndefined(path: string, follow: boolean, options: StatOptions) {
  if (options.throwIfNoEntry === false) {
    // A miss answers undefined without an error built and caught on the way (vite's tryStatSync asks this a lot).
    const fast = untouchedStat(path, follow, Boolean(options.bigint));
    if (fast !== undefined) return fast ?? undefined;
    const record = statRecordOrUndefined(path, follow);
    return record === undefined ? undefined : toStats(record, Boolean(options.bigint));
  }
  return statPath(path, follow, Boolean(options.bigint));
}

export function statSync(path: unknown, options: StatOptions = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path), true, options);
}

/** statSync's answer at the disk path of an untouched path (faces.ts untouchedFirstFace). */
export function statSyncOnDisk(diskPath: string, options: unknown): unknown {
  // Read as Node reads them (`options.bigint`, `options.throwIfNoEntry === false`); anything else is statSync's own.
  if (options !== undefined && (typeof options !== 'object' || options === null)) return DECLINED;
  const o = options as StatOptions | undefined;
  const stats = untouchedStatAt(diskPath, true, o !== undefined && Boolean(o.bigint));
  if (stats === undefined) return DECLINED;
  if (stats === null) return o !== undefined && o.throwIfNoEntry === false ? undefined : DECLINED; // the error is the engine's
  return stats;
}

export function lstatSync(path: unknown, options: StatOptions = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path), false, options);
}

export function fstatSync(fd: unknown, options: StatOptions = { bigint: false }) {
  return toStats(context.engine.fstat(getValidatedFd(fd)), Boolean(options.bigint));
}

function statCallback(follow: boolean) {
  return (args: any[]): CallbackJob => {
    let [path, options = { bigint: false }, callback] = args;
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    callback = makeCallback(callback);
    const p = validatedPathString(path);
    return { callback, run: () => [statPath(p, follow, Boolean(options.bigint))] };
  };
}

export const stat = statCallback(true);
export const lstat = statCallback(false);

export function fstat(args: any[]): CallbackJob {
  let [fd, options = { bigint: false }, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const validFd = getValidatedFd(fd);
  callback = makeCallback(callback);
  return { callback, run: () => [toStats(context.engine.fstat(validFd), Boolean(options.bigint))] };
}

export function statPromise(path: unknown, options: StatOptions = { bigint: false }) {
  return statPath(validatedPathString(path), true, Boolean(options.bigint));
}

export function lstatPromise(path: unknown, options: StatOptions = { bigint: false }) {
  return statPath(validatedPathString(path), false, Boolean(options.bigint));
}

/** getValidMode(mode, 'access'). */
function accessMode(mode: unknown): number {
  return validateModeInCpp(mode, constants.F_OK);
}

export function accessSync(path: unknown, mode?: unknown) {
  const p = validatedPathString(path);
  context.engine.access(p, accessMode(mode));
}

export function access(args: any[]): CallbackJob {
  let [path, mode, callback] = args;
  if (typeof mode === 'function') {
    callback = mode;
    mode = constants.F_OK;
  }
  const p = validatedPathString(path);
  callback = makeCallback(callback);
  const m = accessMode(mode);
  return { callback, run: () => (context.engine.access(p, m), []) };
}

export function accessPromise(path: unknown, mode: unknown = constants.F_OK) {
  const p = validatedPathString(path);
  context.engine.access(p, accessMode(mode));
}

export function existsSync(path: unknown): boolean {
  let p: string | Buffer;
  try {
    p = getValidatedPath(path);
  } catch {
    return false;
  }
  const where = pathString(p);
  const fast = untouchedStat(where, true, false);
  return fast !== undefined ? fast !== null : context.engine.exists(where);
}

/** existsSync's answer at the disk path of an untouched path. */
export function existsOnDisk(diskPath: string): unknown {
  const stats = untouchedStatAt(diskPath, true, false);
  return stats === undefined ? DECLINED : stats !== null;
}

// --- statfs -------------------------------------------------------------------------------------------------------

/**
 * The overlay lives on no filesystem of its own: a path inside it reports the filesystem of its nearest ancestor on
 * disk, after the overlay has said the path exists (so errors are the overlay's).
 */
function diskAncestor(p: string): string {
  const exists = context.originals.existsSync as (p: string) => boolean;
  let current = path.resolve(p);
  while (current !== '/' && !exists(current)) current = path.dirname(current);
  return current;
}

function statfsCore(p: string, syscallPath: string, options: unknown) {
  try {
    context.engine.stat(p);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('ERR_')) throw uvError(code, 'statfs', syscallPath);
    throw err;
  }
  const original = context.originals.statfsSync as (p: string, o?: unknown) => unknown;
  return original(diskAncestor(p), options);
}

export function statfsSync(p: unknown, options: unknown = { bigint: false }) {
  const where = validatedPathString(p);
  return statfsCore(where, where, options);
}

export function statfs(args: any[]): CallbackJob {
  let [p, options = { bigint: false }, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  const where = validatedPathString(p);
  return { callback, run: () => [statfsCore(where, where, options)] };
}

export function statfsPromise(p: unknown, options: unknown = { bigint: false }) {
  const where = validatedPathString(p);
  return statfsCore(where, where, options);
}
