// Names: rename, link, symlink, readlink, realpath, unlink.
import { path } from '../../platform/builtins.js';
import { uvError } from '../../overlay/errors.js';
import { context, ownsPath } from '../context.js';
import { encodeName, getOptions, pathString, toPathIfFileURL, validatedPathString } from '../args.js';
import { invalidArgType, invalidArgValue, nodeError } from '../node-errors.js';
import { makeCallback, validateOneOf } from '../validators.js';
import type { CallbackJob } from '../faces.js';

/**
 * Both names must be on the same side: a rename or hard link between the overlay and a pass-through path on the real
 * disk is what crossing filesystems is, so it fails with EXDEV (callers such as fs-extra's move then copy).
 */
function sameSide(syscall: string, from: string, to: string): void {
  if (ownsPath(from) !== ownsPath(to)) throw uvError('EXDEV', syscall, from, to);
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
 * Node's JS realpath walks the path with lstat/readlink, so its errors name lstat and the first missing prefix;
 * the engine resolves in one go, and the walk is only repeated to report the same error Node would.
 */
function realpathLikeJs(absolute: string): string {
  try {
    return context.engine.realpath(absolute);
  } catch (err) {
    // The first prefix that lstat cannot reach is the one Node's walk would report.
    let prefix = '';
    for (const part of absolute.split('/').filter(Boolean)) {
      prefix += `/${part}`;
      context.engine.lstat(prefix);
    }
    throw err;
  }
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
  return encodeName(realpathLikeJs(absolute), o.encoding);
}

export function realpathSyncNative(p: unknown, options?: unknown) {
  const o = getOptions(options);
  const where = validatedPathString(p);
  return encodeName(context.engine.realpath(where), o.encoding);
}

export function realpath(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const o = getOptions(options);
  const value = toPathIfFileURL(p);
  if (typeof value !== 'string' && !(value instanceof Uint8Array)) throw invalidArgType('path', ['string', 'Buffer', 'URL'], value);
  const absolute = jsRealpathPath(value instanceof Uint8Array ? pathString(value) : value);
  return { callback: cb, run: () => [encodeName(realpathLikeJs(absolute), o.encoding)] };
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

