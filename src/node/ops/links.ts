// Names: rename, link, symlink, readlink, realpath, unlink.
import { path } from '../../platform/builtins.js';
import { uvError } from '../../overlay/errors.js';
import { S_IFLNK, S_IFMT } from '../../overlay/inode.js';
import { isWellFormed, nameToBytes } from '../../overlay/name-bytes.js';
import { context, ownsPath } from '../context.js';
import { wellFormed } from '../name-bytes.js';
import { encodeName, getOptions, toPathIfFileURL, validatedPathString } from '../args.js';
import { invalidArgValue, nodeError } from '../node-errors.js';
import { makeCallback, validateOneOf } from '../validators.js';
import { DECLINED, type CallbackJob } from '../faces.js';
import { untouchedRealpath } from '../untouched.js';
import { overlayHoldsNothing } from '../untouched-lane.js';

/**
 * Both names must be on the same side: a rename or hard link between the overlay and a pass-through path on the real
 * disk is what crossing filesystems is, so it fails with EXDEV (callers such as fs-extra's move then copy).
 */
function sameSide(syscall: string, from: string, to: string): void {
  // Neither call follows a symlink in the last name: each side is where the name itself lies, as the face routed it.
  if (ownsPath(from, false) !== ownsPath(to, false)) throw uvError('EXDEV', syscall, from, to);
}

function renameCore(from: string, to: string): void {
  sameSide('rename', from, to);
  context.engine.rename(from, to);
}

export function renameSync(oldPath: unknown, newPath: unknown): void {
  const from = validatedPathString(oldPath, 'oldPath');
  const to = validatedPathString(newPath, 'newPath');
  renameCore(from, to);
}

export function rename(args: any[]): CallbackJob {
  const [oldPath, newPath, callback] = args;
  const cb = makeCallback(callback);
  const from = validatedPathString(oldPath, 'oldPath');
  const to = validatedPathString(newPath, 'newPath');
  return { callback: cb, run: () => (renameCore(from, to), []) };
}

export function renamePromise(oldPath: unknown, newPath: unknown) {
  renameSync(oldPath, newPath);
}

function linkCore(existing: string, created: string): void {
  sameSide('link', existing, created);
  context.engine.link(existing, created);
}

export function linkSync(existingPath: unknown, newPath: unknown): void {
  const existing = validatedPathString(existingPath, 'existingPath');
  const created = validatedPathString(newPath, 'newPath');
  linkCore(existing, created);
}

export function link(args: any[]): CallbackJob {
  const [existingPath, newPath, callback] = args;
  const cb = makeCallback(callback);
  const existing = validatedPathString(existingPath, 'existingPath');
  const created = validatedPathString(newPath, 'newPath');
  return { callback: cb, run: () => (linkCore(existing, created), []) };
}

export function linkPromise(existingPath: unknown, newPath: unknown) {
  linkSync(existingPath, newPath);
}

const nodeMajor = Number(process.versions.node.split('.')[0]);

function symlinkArgs(target: unknown, p: unknown, type: unknown): [string, string] {
  if (nodeMajor >= 24) validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  const paths: [string, string] = [validatedPathString(target, 'target'), validatedPathString(p)];
  if (nodeMajor < 24 && typeof type === 'string' && !['dir', 'file', 'junction'].includes(type)) {
    throw nodeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE', `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
  }
  return paths;
}

export function symlinkSync(target: unknown, p: unknown, type?: unknown): void {
  const [t, where] = symlinkArgs(target, p, type);
  context.engine.symlink(t, where);
}

export function symlink(args: any[]): CallbackJob {
  let [target, p, type, callback] = args;
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  const cb = makeCallback(callback);
  const [t, where] = symlinkArgs(target, p, type);
  return { callback: cb, run: () => (context.engine.symlink(t, where), []) };
}

export function symlinkPromise(target: unknown, p: unknown, type?: unknown) {
  symlinkSync(target, p, type);
}

export function readlinkSync(p: unknown, options?: unknown) {
  const o = getOptions(options);
  const where = validatedPathString(p, 'oldPath');
  return encodeName(context.engine.readlink(where), o.encoding);
}

export function readlink(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const o = getOptions(options);
  const where = validatedPathString(p, 'oldPath');
  return { callback: cb, run: () => [encodeName(context.engine.readlink(where), o.encoding)] };
}

export function readlinkPromise(p: unknown, options?: unknown) {
  const o = getOptions(options);
  const where = validatedPathString(p, 'path');
  return encodeName(context.engine.readlink(where), o.encoding);
}

/**
 * Node's JS realpath walks the path with lstat, stat and readlink, so its errors name the step and the prefix that
 * failed; the engine resolves in one go, and Node's walk is only repeated to throw the error Node would, or where
 * Node's text differs from the engine's names (see realpathReadingTargetsAsText).
 */
function realpathLikeJs(absolute: string): string {
  const lookup = wellFormed(absolute);
  let real: string;
  try {
    real = untouchedRealpath(lookup) ?? context.engine.realpath(lookup);
  } catch (err) {
    realpathReadingTargetsAsText(absolute);
    throw err;
  }
  // Escaped bytes in the result came from a link's target; a lone surrogate in the caller's text stays in Node's.
  return isWellFormed(real) && lookup === absolute ? real : realpathReadingTargetsAsText(absolute);
}

/**
 * Node's encodeRealpathResult: JS realpath answers text, which the other encodings take as any string (a lone
 * surrogate as U+FFFD), where encodeName would take an escape for the byte it stands for.
 */
function encodeRealpathText(text: string, encoding: unknown): string | Buffer {
  if (!encoding || encoding === 'utf8') return text;
  const bytes = Buffer.from(text);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding as BufferEncoding);
}

/**
 * Node's JS walk itself (lib/fs.js realpathSync, without its caches): each prefix lstat'ed, a link stat'ed, then its
 * target read as a UTF-8 string, and the answer built from that text. Node reads the target lossily, so one that is
 * not UTF-8 leads the walk to U+FFFD's bytes, where it usually finds nothing (the engine's realpath keeps the bytes
 * and would succeed); and the caller's own lone surrogates stay in the answer, though the kernel saw U+FFFD.
 */
function realpathReadingTargetsAsText(absolute: string): string {
  const engine = context.engine;
  let p = absolute;
  let current = '/';
  let pos = 1;
  while (pos < p.length) {
    const slash = p.indexOf('/', pos);
    const end = slash === -1 ? p.length : slash;
    const previous = current;
    const base = previous + p.slice(pos, end);
    current = slash === -1 ? base : `${base}/`;
    pos = slash === -1 ? p.length : slash + 1;
    const seen = wellFormed(base);
    if ((engine.lstat(seen).mode & S_IFMT) !== S_IFLNK) continue;
    engine.stat(seen);
    const target = nameToBytes(engine.readlink(seen)).toString('utf8');
    p = path.resolve(path.resolve(previous, target), p.slice(pos));
    current = '/';
    pos = 1;
  }
  return p;
}

function jsRealpathPath(p: unknown): string {
  let value = toPathIfFileURL(p);
  if (typeof value !== 'string') value = `${value as string}`;
  const checked = value as string;
  if (checked.includes('\u0000')) {
    throw invalidArgValue('path', checked, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path.resolve(checked);
}

export function realpathSync(p: unknown, options?: unknown) {
  const o = getOptions(options);
  const absolute = jsRealpathPath(p);
  return encodeRealpathText(realpathLikeJs(absolute), o.encoding);
}

/**
 * realpathSync takes the untouched lane (the module loader asks it of every file it loads): a path the overlay does
 * not own goes to Node's own, and so does every path while the overlay holds nothing anywhere (Node's realpathSync
 * asks the disk with native calls only, and symlinks then lead where the overlay's would). Elsewhere realpathSync's
 * own walk answers: it knows whether the folders hold a symlink.
 */
export function realpathSyncOnDisk(diskPath: string, options: unknown): unknown {
  if (!overlayHoldsNothing()) return DECLINED;
  return context.originals.realpathSync!(diskPath, options);
}

export function realpathSyncNative(p: unknown, options?: unknown) {
  const o = getOptions(options);
  const where = validatedPathString(p);
  return encodeName(untouchedRealpath(where) ?? context.engine.realpath(where), o.encoding);
}

export function realpath(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const o = getOptions(options);
  const absolute = jsRealpathPath(p);
  return { callback: cb, run: () => [encodeRealpathText(realpathLikeJs(absolute), o.encoding)] };
}

export function realpathNative(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const o = getOptions(options);
  const where = validatedPathString(p);
  return { callback: cb, run: () => [encodeName(context.engine.realpath(where), o.encoding)] };
}

export function realpathPromise(p: unknown, options?: unknown) {
  return realpathSyncNative(p, options);
}

export function unlinkSync(p: unknown): void {
  context.engine.unlink(validatedPathString(p));
}

export function unlink(args: any[]): CallbackJob {
  const [p, callback] = args;
  const cb = makeCallback(callback);
  const where = validatedPathString(p);
  return { callback: cb, run: () => (context.engine.unlink(where), []) };
}

export function unlinkPromise(p: unknown) {
  unlinkSync(p);
}

