// cp / cpSync / fs.promises.cp for copies that touch the overlay. Node 22+ copies in C++ (which cannot see the
// overlay), so this is our own walk with Node's semantics and errors, made of fs members looked up at call time:
// each step routes on its own path, so a copy between the overlay and a pass-through folder works too.
import { fs, path } from '../platform/builtins.js';
import type { BigIntStats } from 'node:fs';
import { getValidatedPath, pathString } from './args.js';
import { determineSpecificType, incompatibleOptionPair, nodeError, systemError } from './node-errors.js';
import { makeCallback, validateBoolean, validateFunction, validateInteger, validateObject } from './validators.js';
import type { CallbackJob } from './faces.js';
import { withFrames } from './stack.js';

interface CpOptions {
  dereference: boolean;
  errorOnExist: boolean;
  filter?: (src: string, dest: string) => boolean | Promise<boolean>;
  force: boolean;
  preserveTimestamps: boolean;
  recursive: boolean;
  verbatimSymlinks: boolean;
  mode: number;
  /** cpSync on Node 22+, whose checks and tree copy are C++ with semantics of their own. */
  viaCpp?: boolean;
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
const EINVAL = 22;
const EISDIR = 21;
const ENOTDIR = 20;
const EEXIST = 17;

function validateCpOptions(options: unknown): CpOptions {
  const defaults = { dereference: false, errorOnExist: false, filter: undefined, force: true, preserveTimestamps: false, recursive: false, verbatimSymlinks: false };
  if (options === undefined) return { ...defaults, mode: 0 };
  validateObject(options, 'options');
  const o = { ...defaults, ...(options as object) } as Record<string, unknown>;
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[key], `options.${key}`);
  }
  let mode = o.mode;
  if (mode == null) mode = 0;
  else validateInteger(mode, 'mode', 0, 7);
  if (o.dereference === true && o.verbatimSymlinks === true) throw incompatibleOptionPair('dereference', 'verbatimSymlinks');
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  return { ...(o as unknown as CpOptions), mode: mode as number };
}

/** Node makes cp's own errors in JavaScript: framed where they are made, which the callback face keeps (libuv's are not). */
function madeInJs(err: Error): Error {
  return withFrames(err, madeInJs);
}

function cpError(key: string, prefix: string, message: string, dest: string, errno: number, code: string): Error {
  return madeInJs(systemError(key, prefix, { message, path: dest, syscall: 'cp', errno, code }));
}

function isSrcSubdir(src: string, dest: string): boolean {
  const srcParts = path.resolve(src).split(path.sep).filter(Boolean);
  const destParts = path.resolve(dest).split(path.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

function areIdentical(a: BigIntStats, b: BigIntStats): boolean {
  return b.ino !== undefined && b.dev !== undefined && b.ino === a.ino && b.dev === a.dev;
}

type Step = Generator<boolean | Promise<boolean>, void, boolean>;

function statFor(opts: CpOptions, p: string, throwIfNoEntry: boolean): BigIntStats | undefined {
  return (opts.dereference ? fs.statSync : fs.lstatSync)(p, { bigint: true, throwIfNoEntry });
}

/** The checks Node makes before copying one entry; yields the filter's answer (sync or awaited by the driver). */
function* checkPaths(src: string, dest: string, opts: CpOptions): Generator<boolean | Promise<boolean>, { skipped: boolean; srcStat?: BigIntStats; destStat?: BigIntStats }, boolean> {
  if (opts.filter) {
    const keep = yield opts.filter(src, dest);
    if (!keep) return { skipped: true };
  }
  const srcStat = statFor(opts, src, true)!;
  const destStat = statFor(opts, dest, false);
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  return { skipped: false, srcStat, destStat };
}

function checkParentPaths(src: string, srcStat: BigIntStats, dest: string): void {
  const srcParent = path.resolve(path.dirname(src));
  const destParent = path.resolve(path.dirname(dest));
  if (destParent === srcParent || destParent === path.parse(destParent).root) return;
  const destStat = fs.statSync(destParent, { bigint: true, throwIfNoEntry: false });
  if (destStat === undefined) return;
  if (areIdentical(srcStat, destStat)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, 'EINVAL');
  }
  checkParentPaths(src, srcStat, destParent);
}

function copyOneFile(srcStat: BigIntStats, src: string, dest: string, opts: CpOptions): void {
  fs.copyFileSync(src, dest, opts.mode);
  const mode = Number(srcStat.mode);
  if (opts.preserveTimestamps) {
    if ((mode & 0o200) === 0) fs.chmodSync(dest, mode | 0o200);
    const updated = fs.statSync(src);
    fs.utimesSync(dest, updated.atime, updated.mtime);
  }
  fs.chmodSync(dest, mode);
}

function copyLinkEntry(destStat: BigIntStats | undefined, src: string, dest: string, opts: CpOptions): void {
  let resolvedSrc = fs.readlinkSync(src);
  if (!opts.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  if (!destStat) {
    fs.symlinkSync(resolvedSrc, dest);
    return;
  }
  let resolvedDest: string;
  try {
    resolvedDest = fs.readlinkSync(dest);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EINVAL' || code === 'UNKNOWN') {
      fs.symlinkSync(resolvedSrc, dest);
      return;
    }
    throw err;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  // Node 22+'s cpSync copies trees in C++, which replaces a link to a file that already points where the source
  // link does (a link to a directory still fails the subdirectory check below).
  if (opts.viaCpp && resolvedSrc === resolvedDest && !fs.statSync(dest, { throwIfNoEntry: false })?.isDirectory()) {
    fs.unlinkSync(dest);
    fs.symlinkSync(resolvedSrc, dest);
    return;
  }
  // The C++ copy (cpSync on 22+) makes the same two checks with errors of its own wording.
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    if (opts.viaCpp) throw cppError('ERR_FS_CP_EINVAL', `Cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`);
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, 'EINVAL');
  }
  if (fs.statSync(dest).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    if (opts.viaCpp) throw cppError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', `cannot overwrite ${resolvedDest} with ${resolvedSrc}`);
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
  }
  fs.unlinkSync(dest);
  fs.symlinkSync(resolvedSrc, dest);
}

function* copyEntry(destStat: BigIntStats | undefined, src: string, dest: string, opts: CpOptions): Step {
  const srcStat = statFor(opts, src, true)!;
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw madeInJs(systemError('ERR_FS_EISDIR', 'Path is a directory', { message: `${src} is a directory (not copied)`, path: src, syscall: 'cp', errno: EINVAL, code: 'EISDIR' }));
    }
    if (!destStat) fs.mkdirSync(dest);
    for (const name of fs.readdirSync(src)) {
      const srcItem = path.join(src, name);
      const destItem = path.join(dest, name);
      const checked = yield* checkPaths(srcItem, destItem, opts);
      if (!checked.skipped) yield* copyEntry(checked.destStat, srcItem, destItem, opts);
    }
    if (!destStat) fs.chmodSync(dest, Number(srcStat.mode));
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (!destStat) copyOneFile(srcStat, src, dest, opts);
    else if (opts.force) {
      fs.unlinkSync(dest);
      copyOneFile(srcStat, src, dest, opts);
    } else if (opts.errorOnExist) {
      throw cpError('ERR_FS_CP_EEXIST', 'Target already exists', `${dest} already exists`, dest, EEXIST, 'EEXIST');
    }
  } else if (srcStat.isSymbolicLink()) {
    copyLinkEntry(destStat, src, dest, opts);
  } else if (srcStat.isSocket()) {
    throw cpError('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  } else if (srcStat.isFIFO()) {
    throw cpError('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  } else {
    throw cpError('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
  }
}

/** `childFilter` is the filter for entries below the top when the top was already filtered. */
function* copyTree(src: string, dest: string, opts: CpOptions, childFilter = opts.filter): Step {
  const checked = yield* checkPaths(src, dest, opts);
  if (checked.skipped) return;
  checkParentPaths(src, checked.srcStat!, dest);
  const destParent = path.dirname(dest);
  if (!fs.existsSync(destParent)) fs.mkdirSync(destParent, { recursive: true });
  yield* copyEntry(checked.destStat, src, dest, { ...opts, filter: childFilter });
}

/** Node 22+ checks the top of a cpSync in C++: plain errors with a code and messages of their own. */
function cppError(code: string, message: string): Error {
  const err = new Error(message) as Error & { code: string };
  err.code = code;
  return err;
}

function cppCheckPaths(src: string, dest: string, opts: CpOptions): void {
  const srcStat = statFor(opts, src, true)!;
  const destStat = statFor(opts, dest, false);
  const srcIsDir = srcStat.isDirectory();
  if (destStat) {
    if (areIdentical(srcStat, destStat)) throw cppError('ERR_FS_CP_EINVAL', `src and dest cannot be the same ${dest}`);
    if (srcIsDir && !destStat.isDirectory()) throw cppError('ERR_FS_CP_DIR_TO_NON_DIR', `Cannot overwrite non-directory ${dest} with directory ${src}`);
    if (!srcIsDir && destStat.isDirectory()) throw cppError('ERR_FS_CP_NON_DIR_TO_DIR', `Cannot overwrite directory ${dest} with non-directory ${src}`);
  }
  const srcWithSlash = src.endsWith('/') ? src : `${src}/`;
  if (srcIsDir && (isSrcSubdir(src, dest) || isSrcSubdir(realpathOf(src), realpathOfNearest(dest)))) {
    throw cppError('ERR_FS_CP_EINVAL', `Cannot copy ${srcWithSlash} to a subdirectory of self ${dest}`);
  }
  if (srcIsDir && !opts.recursive) throw cppError('ERR_FS_EISDIR', `Recursive option not enabled, cannot copy a directory: ${srcWithSlash}`);
}

function realpathOf(p: string): string {
  return fs.realpathSync(p);
}

/** The real path of `p`'s deepest existing ancestor, with the rest appended: where a copy to `p` would land. */
function realpathOfNearest(p: string): string {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function* copyTreeAfterCppChecks(src: string, dest: string, opts: CpOptions): Step {
  if (opts.filter) {
    const keep = yield opts.filter(src, dest);
    if (!keep) return;
  }
  cppCheckPaths(src, dest, opts);
  yield* copyTree(src, dest, { ...opts, filter: undefined, viaCpp: true }, opts.filter);
}

function invalidReturnValue(value: unknown): Error {
  return nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE', `Expected boolean to be returned from the "filter" function but got ${determineSpecificType(value)}.`);
}

function runSync(step: Step): void {
  let next = step.next();
  while (!next.done) {
    const answer = next.value;
    if (answer instanceof Promise) throw invalidReturnValue(answer);
    next = step.next(answer as boolean);
  }
}

async function runAsync(step: Step): Promise<void> {
  let next = step.next();
  while (!next.done) next = step.next(await next.value);
}

function cpArgs(src: unknown, dest: unknown, options: unknown): [string, string, CpOptions] {
  const opts = validateCpOptions(options);
  return [pathString(getValidatedPath(src, 'src')), pathString(getValidatedPath(dest, 'dest')), opts];
}

export function cpSync(src: unknown, dest: unknown, options?: unknown): void {
  const [s, d, opts] = cpArgs(src, dest, options);
  runSync(nodeMajor >= 22 ? copyTreeAfterCppChecks(s, d, opts) : copyTree(s, d, opts));
}

export function cp(args: any[]): CallbackJob {
  let [src, dest, options, callback] = args;
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const [s, d, opts] = cpArgs(src, dest, options);
  // A filter may answer with a promise: the callback form then completes later, never synchronously.
  return {
    callback,
    run: () => runAsync(copyTree(s, d, opts)).then(() => [undefined]),
  };
}

export async function cpPromise(src: unknown, dest: unknown, options?: unknown): Promise<void> {
  const [s, d, opts] = cpArgs(src, dest, options);
  await runAsync(copyTree(s, d, opts));
}

