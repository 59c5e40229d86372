// Directories: mkdir, mkdtemp (and its disposable forms), readdir (recursive too), rmdir.
import { path } from '../../platform/builtins.js';
import { Dirent, constants as fsConstants } from 'node:fs';
import { context } from '../context.js';
import { encodeName, getOptions, getValidatedPath, pathString, validatedPathString } from '../args.js';
import { invalidArgValue } from '../node-errors.js';
import { makeCallback, parseFileMode, validateBoolean, validateInt32, validateObject, validateUint32 } from '../validators.js';
import type { CallbackJob } from '../faces.js';
import { EntryType, type DirectoryEntry } from '../../overlay/types.js';
import { nativeRmSync, rmCore } from './rm.js';
import { loadRimraf, rimrafCallsOnlyOurFaces, rimrafSync } from './rimraf-sync.js';
import { mkdirpAsync } from './mkdirp.js';

// UV_DIRENT_* are on fs.constants at run time but missing from @types/node.
const constants = fsConstants as typeof fsConstants & Record<`UV_DIRENT_${string}`, number>;

const nodeMajor = Number(process.versions.node.split('.')[0]);

// --- mkdir --------------------------------------------------------------------------------------------------------

/**
 * mkdir's checks, in each version's order: Node 22+ checks options.recursive and options.mode (so named) before the
 * callback and the path; Node 20 and fs.promises.mkdir check the path first, then recursive, then "mode".
 */
function mkdirArgs(p: unknown, options: unknown, form: 'sync' | 'callback' | 'promise', callback?: unknown) {
  let mode: unknown = 0o777;
  let recursive: unknown = false;
  const early = nodeMajor >= 22 && form !== 'promise';
  if (typeof options === 'number' || typeof options === 'string') {
    mode = early ? parseFileMode(options, 'mode') : options;
  } else if (options && typeof options === 'object') {
    const o = options as { recursive?: unknown; mode?: unknown };
    if (o.recursive !== undefined) {
      recursive = o.recursive;
      if (early) validateBoolean(recursive, 'options.recursive');
    }
    if (o.mode !== undefined) mode = early ? parseFileMode(o.mode, 'options.mode') : o.mode;
  }
  const cb = form === 'callback' ? makeCallback(callback) : undefined;
  const target = validatedPathString(p);
  validateBoolean(recursive, 'options.recursive');
  if (!early) mode = parseFileMode(mode, 'mode', 0o777);
  return { target, mode: mode as number, recursive, cb };
}

export function mkdirSync(p: unknown, options?: unknown) {
  const { target, mode, recursive } = mkdirArgs(p, options, 'sync');
  const first = context.engine.mkdir(target, mode, recursive);
  return recursive ? first : undefined;
}

export function mkdir(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const { target, mode, recursive, cb } = typeof options === 'function'
    ? mkdirArgs(p, undefined, 'callback', options)
    : mkdirArgs(p, options, 'callback', callback);
  return {
    callback: cb!,
    run: () => (recursive ? [mkdirpAsync(target, mode)] : (context.engine.mkdir(target, mode, false), [])),
  };
}

export function mkdirPromise(p: unknown, options?: unknown) {
  const { target, mode, recursive } = mkdirArgs(p, options, 'promise');
  if (recursive) return mkdirpAsync(target, mode);
  context.engine.mkdir(target, mode, false);
  return undefined;
}

// --- mkdtemp ------------------------------------------------------------------------------------------------------

let nonPortableTemplateWarned = false;
function warnOnNonPortableTemplate(template: string | Uint8Array): void {
  const last = typeof template === 'string' ? template.endsWith('X') : template.at(-1) === 0x58;
  if (!nonPortableTemplateWarned && last) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarned = true;
  }
}

function mkdtempCore(prefix: unknown, options: ReturnType<typeof getOptions>) {
  const validPrefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(validPrefix);
  return () => encodeName(context.engine.mkdtemp(pathString(validPrefix)), options.encoding);
}

export function mkdtempSync(prefix: unknown, options?: unknown) {
  return mkdtempCore(prefix, getOptions(options))();
}

const TEMPLATE = 'XXXXXX';
const TEMP_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Node's sync mkdtemp names the template in its errors (`t-XXXXXX`); the thread pool's mkdtemp(3) fills the template
 * in place before it fails, so the callback and promise forms name the path they tried (`t-r5z6yO`).
 */
function namingTriedPath(error: unknown): unknown {
  const e = error as { path?: unknown; message?: unknown; syscall?: unknown };
  if (!(error instanceof Error) || e.syscall !== 'mkdtemp' || typeof e.path !== 'string' || !e.path.endsWith(TEMPLATE)) return error;
  let tried = e.path.slice(0, -TEMPLATE.length);
  for (let i = 0; i < TEMPLATE.length; i++) tried += TEMP_LETTERS[Math.floor(Math.random() * TEMP_LETTERS.length)];
  error.message = error.message.replace(`'${e.path}'`, `'${tried}'`);
  e.path = tried;
  return error;
}

function mkdtempAsync(make: () => string | Buffer): string | Buffer {
  try {
    return make();
  } catch (error) {
    throw namingTriedPath(error);
  }
}

export function mkdtemp(args: any[]): CallbackJob {
  const [prefix, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const make = mkdtempCore(prefix, getOptions(options));
  return { callback: cb, run: () => [mkdtempAsync(make)] };
}

export function mkdtempPromise(prefix: unknown, options?: unknown) {
  return mkdtempAsync(mkdtempCore(prefix, getOptions(options)));
}

export function mkdtempDisposableSync(prefix: unknown, options?: unknown) {
  const made = mkdtempSync(prefix, options);
  const fullPath = path.resolve(process.cwd(), String(made));
  const remove = () => rmCore(fullPath, { recursive: true, force: true });
  return {
    path: made,
    remove,
    [Symbol.dispose]() {
      remove();
    },
  };
}

export async function mkdtempDisposablePromise(prefix: unknown, options?: unknown) {
  const made = mkdtempPromise(prefix, options);
  const fullPath = path.resolve(process.cwd(), String(made));
  const remove = async () => rmCore(fullPath, { recursive: true, force: true });
  return {
    path: made,
    remove,
    async [Symbol.asyncDispose]() {
      await remove();
    },
  };
}

// --- readdir ------------------------------------------------------------------------------------------------------

const direntTypes: Record<number, number> = {
  [EntryType.Unknown]: constants.UV_DIRENT_UNKNOWN,
  [EntryType.File]: constants.UV_DIRENT_FILE,
  [EntryType.Directory]: constants.UV_DIRENT_DIR,
  [EntryType.Symlink]: constants.UV_DIRENT_LINK,
  [EntryType.Fifo]: constants.UV_DIRENT_FIFO,
  [EntryType.Socket]: constants.UV_DIRENT_SOCKET,
  [EntryType.Char]: constants.UV_DIRENT_CHAR,
  [EntryType.Block]: constants.UV_DIRENT_BLOCK,
};

function typeFromMode(mode: number): number {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFREG: return constants.UV_DIRENT_FILE;
    case constants.S_IFDIR: return constants.UV_DIRENT_DIR;
    case constants.S_IFLNK: return constants.UV_DIRENT_LINK;
    case constants.S_IFIFO: return constants.UV_DIRENT_FIFO;
    case constants.S_IFSOCK: return constants.UV_DIRENT_SOCKET;
    case constants.S_IFCHR: return constants.UV_DIRENT_CHAR;
    case constants.S_IFBLK: return constants.UV_DIRENT_BLOCK;
    default: return constants.UV_DIRENT_UNKNOWN;
  }
}

/** A genuine fs.Dirent; an unknown type is settled by lstat, as Node's DirentFromStats does. */
export function makeDirent(name: string | Buffer, entry: DirectoryEntry, parentPath: string | Buffer, dirPath: string): Dirent {
  let type = direntTypes[entry.type] ?? constants.UV_DIRENT_UNKNOWN;
  if (type === constants.UV_DIRENT_UNKNOWN) type = typeFromMode(context.engine.lstat(path.join(dirPath, entry.name)).mode);
  return new (Dirent as unknown as new (n: unknown, t: number, p: unknown) => Dirent)(name, type, parentPath);
}

/**
 * libuv's scandir sorts with strcmp, so readdir lists names in UTF-8 byte order (code point order), whatever order
 * the engine merged them in.
 */
export function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 || y >= 0xd800) return a.codePointAt(i)! - b.codePointAt(i)!;
    return x - y;
  }
  return a.length - b.length;
}

const byName = (x: DirectoryEntry, y: DirectoryEntry) => compareNames(x.name, y.name);

function sortedListing(dirPath: string): DirectoryEntry[] {
  const engine = context.engine;
  return engine.readdirSorted ? engine.readdirSorted(dirPath, byName) : engine.readdir(dirPath).sort(byName);
}

interface ReaddirOptions {
  encoding?: unknown;
  withFileTypes?: unknown;
  recursive?: unknown;
}

/** Node asks internalModuleStat, for which any failure (ELOOP, EACCES, …) just means "not a directory". */
function isDirectoryFollowingLinks(p: string): boolean {
  try {
    const record = context.engine.tryStat(p, true);
    return record !== undefined && (record.mode & constants.S_IFMT) === constants.S_IFDIR;
  } catch {
    return false;
  }
}

/**
 * Node 26 lists recursively in C++, by the bytes of the names; each entry's parentPath is the path as given for the
 * top directory, else that path with the directory's relative path in the requested encoding joined on: as text when
 * both are text, as bytes otherwise (a Buffer with encoding 'buffer' or a Buffer path).
 */
function joinParentPath(base: string | Buffer, relative: string | Buffer): string | Buffer {
  if (typeof base === 'string' && typeof relative === 'string') return path.join(base, relative);
  const head = typeof base === 'string' ? Buffer.from(base) : base;
  const parts = [head];
  if (head.length === 0 || head[head.length - 1] !== 0x2f) parts.push(Buffer.from('/'));
  parts.push(typeof relative === 'string' ? Buffer.from(relative) : relative);
  return Buffer.concat(parts);
}

/** Node 26: breadth-first, a directory's entries, then each subdirectory's in turn. */
function readdirRecursiveByBytes(given: string | Buffer, basePath: string, options: ReaddirOptions): unknown[] {
  const results: unknown[] = [];
  // Each directory: its engine path, its path relative to the top, and the path it is listed by, which is what an
  // error names (the name appended to the path as given: './d' → './d/f').
  const queue: { dir: string; relative: string; listed: string }[] = [{ dir: basePath, relative: '', listed: basePath }];
  for (let i = 0; i < queue.length; i++) {
    const { dir, relative, listed } = queue[i]!;
    const parentPath = relative === '' ? given : joinParentPath(given, encodeName(relative, options.encoding));
    for (const entry of sortedListing(listed)) {
      const full = path.join(dir, entry.name);
      const below = relative === '' ? entry.name : `${relative}/${entry.name}`;
      let isDirectory: boolean;
      if (options.withFileTypes) {
        const dirent = makeDirent(encodeName(entry.name, options.encoding), entry, parentPath, dir);
        results.push(dirent);
        isDirectory = dirent.isDirectory() || isDirectoryFollowingLinks(full);
      } else {
        results.push(encodeName(below, options.encoding));
        isDirectory = isDirectoryFollowingLinks(full);
      }
      if (isDirectory) queue.push({ dir: full, relative: below, listed: `${listed.endsWith('/') ? listed.slice(0, -1) : listed}/${entry.name}` });
    }
  }
  return results;
}

/**
 * Node 20–24 list recursively in JavaScript, over the paths as they give them out: a subdirectory's path is
 * path.join of its parent's and the entry's name in the requested encoding, and that path is what is listed next.
 * So, as there, a Buffer name (encoding 'buffer') makes path.join throw ERR_INVALID_ARG_TYPE, and a name that is not
 * UTF-8 comes out as U+FFFD and names nothing: its folder is listed but not entered, or, with withFileTypes, fails
 * (ENOENT). Breadth-first for readdirSync and fs.readdir; fs.promises.readdir's own walk is a stack, the directory
 * found last listed next, each one listed as soon as it is found (so the first that fails is the one this order
 * reaches first); its withFileTypes enters real directories only, as Node 20's readdirSync does.
 */
function readdirRecursiveByText(given: string | Buffer, options: ReaddirOptions, form: 'sync' | 'callback' | 'promise'): unknown[] {
  const results: unknown[] = [];
  const asPromised = form === 'promise';
  const join = (dir: string | Buffer, name: string | Buffer) => path.join(dir as string, name as string);
  // Each folder with its listing, taken when found by the promise walk and when reached by the others.
  const pending: [string | Buffer, DirectoryEntry[] | undefined][] = [[given, sortedListing(pathString(given))]];
  const found = (dir: string | Buffer) => pending.push([dir, asPromised ? sortedListing(pathString(dir)) : undefined]);
  for (let i = 0; asPromised ? pending.length > 0 : i < pending.length; i++) {
    const [current, listed] = asPromised ? pending.pop()! : pending[i]!;
    for (const entry of listed ?? sortedListing(pathString(current))) {
      const name = encodeName(entry.name, options.encoding);
      if (options.withFileTypes) {
        // Node 22–24's readdirSync and fs.readdir join every entry's path first, and also enter links to directories.
        const full = nodeMajor >= 22 && !asPromised ? join(current, name) : undefined;
        const dirent = makeDirent(name, entry, current, pathString(current));
        results.push(dirent);
        if (dirent.isDirectory()) found(full ?? join(current, name));
        else if (full !== undefined && isDirectoryFollowingLinks(pathString(full))) found(full);
      } else {
        const full = join(current, name);
        results.push(path.relative(given as string, full));
        if (isDirectoryFollowingLinks(pathString(full))) found(full);
      }
    }
  }
  return results;
}

function readdirCore(given: string | Buffer, options: ReaddirOptions, form: 'sync' | 'callback' | 'promise' = 'sync'): unknown[] {
  if (options.recursive) return nodeMajor >= 26 ? readdirRecursiveByBytes(given, pathString(given), options) : readdirRecursiveByText(given, options, form);
  const p = pathString(given);
  const entries = sortedListing(p);
  if (options.withFileTypes) return entries.map((e) => makeDirent(encodeName(e.name, options.encoding), e, given, p));
  return entries.map((e) => encodeName(e.name, options.encoding));
}

export function readdirSync(p: unknown, options?: unknown) {
  const o = getOptions(options) as ReaddirOptions;
  const given = getValidatedPath(p);
  if (o.recursive != null) validateBoolean(o.recursive, 'options.recursive');
  return readdirCore(given, o);
}

export function readdir(args: any[]): CallbackJob {
  const [p, options, callback] = args;
  const cb = makeCallback(typeof options === 'function' ? options : callback);
  const o = getOptions(options) as ReaddirOptions;
  const given = getValidatedPath(p);
  if (o.recursive != null) validateBoolean(o.recursive, 'options.recursive');
  const copy = { ...o };
  // Node 20 answers a recursive readdir with readdirSync's result, before fs.readdir returns.
  return { callback: cb, run: () => [readdirCore(given, copy)], synchronous: nodeMajor < 22 && Boolean(o.recursive) };
}

export function readdirPromise(p: unknown, options?: unknown) {
  const o = getOptions(options) as ReaddirOptions;
  const given = getValidatedPath(p);
  if (o.recursive != null) validateBoolean(o.recursive, 'options.recursive');
  return readdirCore(given, o, 'promise');
}

// --- rmdir --------------------------------------------------------------------------------------------------------

function validateRmdirOptions(options: unknown): void {
  if (options === undefined) return;
  validateObject(options, 'options');
  const o = { retryDelay: 100, maxRetries: 0, recursive: false, ...(options as object) } as Record<string, unknown>;
  validateBoolean(o.recursive, 'options.recursive');
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  validateUint32(o.maxRetries, 'options.maxRetries');
}

let recursiveRmdirWarned = false;
function emitRecursiveRmdirWarning(): void {
  if (recursiveRmdirWarned || process.noDeprecation) return;
  recursiveRmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead',
    'DeprecationWarning',
    'DEP0147',
  );
}

/** Node 20–24 still take `recursive` (removing like rm, but ENOTDIR on a file); Node 26 refuses it. */
function rmdirCore(p: string, options: unknown, sync = false): void {
  const recursive = (options as { recursive?: unknown } | undefined)?.recursive;
  if (recursive && nodeMajor < 26) {
    emitRecursiveRmdirWarning();
    validateRmdirOptions(options);
    const record = context.engine.lstat(p);
    if ((record.mode & constants.S_IFMT) !== constants.S_IFDIR) {
      context.engine.rmdir(p);
      return;
    }
    if (sync && nodeMajor < 24 && !rimrafCallsOnlyOurFaces()) {
      const { maxRetries = 0, retryDelay = 100 } = options as { maxRetries?: number; retryDelay?: number };
      rimrafSync(p, { maxRetries, retryDelay });
    } else if (sync && nodeMajor >= 24) {
      // Node 24's rmdirSync({ recursive }) is the binding's rmSync, as rmSync is.
      nativeRmSync(context.engine, p, { recursive: true, force: false });
    } else {
      loadRimraf();
      rmCore(p, { recursive: true, force: false });
    }
    return;
  }
  context.engine.rmdir(p);
}

/** rmdir's checks, the same in every face: Node 26 refuses `recursive`; earlier versions validate the other options. */
function rmdirTarget(p: unknown, options: unknown): string {
  const target = validatedPathString(p);
  const recursive = (options as { recursive?: unknown } | undefined)?.recursive;
  if (nodeMajor >= 26 && recursive !== undefined) {
    throw invalidArgValue('options.recursive', recursive, 'is no longer supported');
  }
  if (!recursive) validateRmdirOptions(options);
  return target;
}

export function rmdirSync(p: unknown, options?: unknown): void {
  rmdirCore(rmdirTarget(p, options), options, true);
}

export function rmdir(args: any[]): CallbackJob {
  let [p, options, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const target = rmdirTarget(p, options);
  return { callback, run: () => (rmdirCore(target, options), []) };
}

export function rmdirPromise(p: unknown, options?: unknown) {
  rmdirCore(rmdirTarget(p, options), options);
}
