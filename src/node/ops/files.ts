// Whole-file operations: readFile, writeFile, appendFile, truncate, copyFile, openAsBlob.
import { Buffer } from 'node:buffer';
import { Blob } from 'node:buffer';
import { constants } from 'node:fs';
import { fs as fsModule } from '../../platform/builtins.js';
import { context, ownsFd, ownsPath } from '../context.js';
import { getOptions, getValidatedFd, pathString, getValidatedPath, stringToFlags, validatedPathString, type FsOptions } from '../args.js';
import { abortError, invalidArgType, nodeError } from '../node-errors.js';
import { makeCallback, parseFileMode, validateBoolean, validateFunction, validateInteger, validateModeInCpp, validateObject, validateString } from '../validators.js';
import { DECLINED, type CallbackJob } from '../faces.js';
import { untouchedUtf8, untouchedUtf8At } from '../untouched.js';
import { bytesOf } from './fd.js';
import { framelessForPromise, withFrames } from '../stack.js';
import { uvError } from '../../overlay/errors.js';

const nodeMajor = Number(process.versions.node.split('.')[0]);

const kIoMaxLength = 2 ** 31 - 1;

function isFd(path: unknown): path is number {
  return typeof path === 'number' && (path | 0) === path;
}

/** Made in JavaScript after the fstat, so framed in every face (the callback one included). */
function fileTooLarge(size: number): Error {
  return withFrames(nodeError(RangeError, 'ERR_FS_FILE_TOO_LARGE', `File size (${size}) is greater than 2 GiB`), fileTooLarge);
}

/** Reads what is left of a descriptor from its current position, as readFileSync(fd) does. */
export function readAllFromFd(fd: number): Buffer {
  const stat = context.engine.fstat(fd);
  const isFile = (stat.mode & constants.S_IFMT) === constants.S_IFREG;
  if (isFile && stat.size > kIoMaxLength) throw fileTooLarge(stat.size);
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = isFile && stat.size > 0 ? Math.min(stat.size, kIoMaxLength) : 8192;
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkSize);
    const n = context.engine.read(fd, chunk, 0, chunkSize, null);
    if (n === 0) break;
    chunks.push(n === chunkSize ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function writeAllToFd(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) {
    offset += context.engine.write(fd, data, offset, data.byteLength - offset, null);
  }
}

function decode(buffer: Buffer, encoding: unknown): Buffer | string {
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding as BufferEncoding) : buffer;
}

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason);
}

/**
 * With a signal, Node's whole-file operations work over several event-loop turns and notice an abort between them;
 * ours would finish at once, so the work waits one turn and then checks the signal, as Node's first chunk would.
 */
export function afterATurn<T>(signal: AbortSignal | undefined, work: () => T): T | Promise<T> {
  if (!signal) return work();
  // Two turns: Node's first read follows an open or fstat, each a round trip through the thread pool.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return turn().then(turn).then(() => {
    checkAborted(signal);
    return work();
  });
}

// --- readFile -----------------------------------------------------------------------------------------------------

/**
 * Node refuses whole-file reads past 2 GiB (kIoMaxLength) after its fstat. The engine answers with the whole content
 * at once, so the size is checked on what it gives (a file grown by truncate is a zero-filled allocation the kernel
 * maps lazily) or, when even that allocation failed, on a stat: no extra lookup on the common path. readFileSync with
 * 'utf8' (`tooLargeChecked` false) has no such check in Node 20+: its binding reads everything and fails making the
 * string, as decoding our buffer does.
 */
function readFileCore(path: unknown, flag: unknown, tooLargeChecked = true): Buffer {
  if (isFd(path)) return readAllFromFd(path);
  const p = validatedPathString(path);
  let content: Buffer;
  try {
    content = context.engine.readFile(p, stringToFlags(flag, 'options.flag'));
  } catch (err) {
    if (err instanceof RangeError) {
      const size = context.engine.stat(p).size;
      if (size > kIoMaxLength) throw fileTooLarge(size);
    }
    throw err;
  }
  if (tooLargeChecked && content.length > kIoMaxLength) throw fileTooLarge(content.length);
  return content;
}

function isUtf8(encoding: unknown): boolean {
  return encoding === 'utf8' || encoding === 'utf-8';
}

export function readFileSync(path: unknown, options?: unknown) {
  const o = getOptions(options, { flag: 'r' });
  // require's loader reads every module so: an untouched file is then one native call, as in plain Node.
  if (typeof path === 'string' && isUtf8(o.encoding) && o.flag === 'r') {
    const text = untouchedUtf8(validatedPathString(path));
    if (text !== undefined) return text;
  }
  return decode(readFileCore(path, o.flag, !isUtf8(o.encoding)), o.encoding);
}

/** readFileSync(path, 'utf8') — as require reads every module — at the disk path of an untouched path. */
export function readFileSyncOnDisk(diskPath: string, options: unknown): unknown {
  if (options !== 'utf8' && options !== 'utf-8') return DECLINED;
  return untouchedUtf8At(diskPath) ?? DECLINED;
}

export function readFile(args: any[]): CallbackJob {
  let [path, options, callback] = args;
  callback ||= options;
  validateFunction(callback, 'cb');
  const o = getOptions(options, { flag: 'r' });
  let given: string | Buffer | undefined;
  if (!isFd(path)) {
    stringToFlags(o.flag, 'options.flag');
    given = getValidatedPath(path);
  }
  const signal = o.signal;
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => {
        try {
          return [decode(readFileCore(path, o.flag), o.encoding)];
        } catch (err) {
          throw given === undefined ? err : readFileJobError(err, given);
        }
      });
    },
  };
}

export async function readFilePromise(path: unknown, options?: unknown) {
  const o = getOptions(options, { flag: 'r' });
  const flag = o.flag || 'r';
  if (isOurFileHandle(path)) {
    checkAborted(o.signal);
    return afterATurn(o.signal, () => decode(readAllFromFd(path.fd), o.encoding));
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path);
  return afterATurn(o.signal, () => {
    try {
      return decode(readFileCore(given, flag), o.encoding);
    } catch (err) {
      throw readFileJobError(err, given);
    }
  });
}

/** Node 26 reads whole files in one C++ job whose errors name the path and carry no frames. */
function readFileJobError(err: unknown, given: string | Buffer): unknown {
  const e = err as { code?: string; syscall?: string; path?: string };
  if (nodeMajor >= 26 && e.syscall === 'read' && e.path === undefined && typeof e.code === 'string') {
    return framelessForPromise(uvError(e.code, 'read', pathString(given)));
  }
  return err;
}

// --- writeFile / appendFile ---------------------------------------------------------------------------------------

function validateStringData(data: unknown, name: string): asserts data is string {
  if (typeof data !== 'string') throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function dataBytes(data: unknown, encoding: unknown): Uint8Array {
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  validateStringData(data, 'data');
  return Buffer.from(data, (encoding || 'utf8') as BufferEncoding);
}

function writeFileCore(path: unknown, data: Uint8Array, options: FsOptions, defaultFlag: string): void {
  if (isFd(path)) {
    writeAllToFd(path, data);
    if (options.flush) fsModule.fsyncSync(path);
    return;
  }
  const p = validatedPathString(path);
  const flags = stringToFlags(options.flag || defaultFlag, 'flags');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (options.flush) {
    // Node syncs through the module's fsyncSync (tests spy on it), between the write and the close.
    const fd = context.engine.open(p, flags, mode);
    try {
      writeAllToFd(fd, data);
      fsModule.fsyncSync(fd);
    } finally {
      context.engine.close(fd);
    }
    return;
  }
  context.engine.writeFile(p, data, flags, mode);
}

/** The callback form with `flush`: Node opens, writes, then syncs through the module's fs.fsync, then closes. */
function flushedWrite(path: unknown, bytes: Uint8Array, o: FsOptions, defaultFlag: string): Promise<unknown[]> {
  const ownFd = !isFd(path);
  const fd = ownFd
    ? context.engine.open(validatedPathString(path), stringToFlags(o.flag || defaultFlag, 'flags'), parseFileMode(o.mode, 'mode', 0o666))
    : (path as number);
  try {
    writeAllToFd(fd, bytes);
  } catch (err) {
    if (ownFd) context.engine.close(fd);
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    fsModule.fsync(fd, (err) => {
      if (ownFd) {
        try {
          context.engine.close(fd);
        } catch (closeError) {
          err ??= closeError as NodeJS.ErrnoException;
        }
      }
      if (err) reject(err);
      else resolve([]);
    });
  });
}

const writeDefaults = (flag: string): FsOptions => ({ encoding: 'utf8', mode: 0o666, flag, flush: false });

export function writeFileSync(path: unknown, data: unknown, options?: unknown): void {
  const o = getOptions(options, writeDefaults('w'));
  validateBoolean(o.flush ?? false, 'options.flush');
  writeFileCore(path, dataBytes(data, o.encoding), o, 'w');
}

export function appendFileSync(path: unknown, data: unknown, options?: unknown): void {
  const o = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!o.flag || isFd(path)) o.flag = 'a';
  writeFileSync(path, data, o);
}

function writeFileJob(path: unknown, data: unknown, options: unknown, callback: unknown, defaultFlag: string): CallbackJob {
  validateFunction(callback, 'cb');
  const o = getOptions(typeof options === 'function' ? null : options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, 'options.flush');
  const bytes = dataBytes(data, o.encoding);
  if (!isFd(path)) getValidatedPath(path);
  const signal = o.signal;
  if (o.flush) return { callback, run: () => flushedWrite(path, bytes, o, defaultFlag) };
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => (writeFileCore(path, bytes, o, defaultFlag), []));
    },
  };
}

export function writeFile(args: any[]): CallbackJob {
  let [path, data, options, callback] = args;
  callback ||= options;
  return writeFileJob(path, data, options, callback, 'w');
}

export function appendFile(args: any[]): CallbackJob {
  let [path, data, options, callback] = args;
  callback ||= options;
  validateFunction(callback, 'cb');
  const o = { ...getOptions(typeof options === 'function' ? null : options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!o.flag || isFd(path)) o.flag = 'a';
  return writeFileJob(path, data, o, callback, 'a');
}

function isCustomIterable(data: unknown): boolean {
  return data != null && typeof data === 'object' &&
    (typeof (data as any)[Symbol.iterator] === 'function' || typeof (data as any)[Symbol.asyncIterator] === 'function');
}

async function collectIterable(data: any, encoding: unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of data) {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, (encoding || 'utf8') as BufferEncoding));
    else if (ArrayBuffer.isView(chunk)) chunks.push(bytesOf(chunk));
    else throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
  }
  return Buffer.concat(chunks);
}

async function writeFilePromiseCore(path: unknown, data: unknown, options: unknown, defaultFlag: string) {
  const o = getOptions(options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, 'options.flush');
  parseFileMode(o.mode, 'mode', 0o666);
  let bytes: Uint8Array;
  if (ArrayBuffer.isView(data)) bytes = bytesOf(data);
  else if (typeof data !== 'string' && isCustomIterable(data)) bytes = await collectIterable(data, o.encoding);
  else bytes = dataBytes(data, o.encoding);
  if (isOurFileHandle(path)) {
    const handle = path;
    checkAborted(o.signal);
    await afterATurn(o.signal, () => writeAllToFd(handle.fd, bytes));
    return;
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path);
  await afterATurn(o.signal, () => writeFileCore(given, bytes, o, defaultFlag));
}

export function writeFilePromise(path: unknown, data: unknown, options?: unknown) {
  return writeFilePromiseCore(path, data, options, 'w');
}

export function appendFilePromise(path: unknown, data: unknown, options?: unknown) {
  const o = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!o.flag || isOurFileHandle(path)) o.flag = 'a';
  return writeFilePromiseCore(path, data, o, 'a');
}

// --- truncate -----------------------------------------------------------------------------------------------------

/** Node 20 and 22 pass a number given to truncate on to ftruncate (DEP0081); from Node 24 it is a bad path. */
export const truncateTakesFd = Number(process.versions.node.split('.')[0]) < 24;

let truncateFdWarned = false;
function warnTruncateFd(): void {
  if (truncateFdWarned) return;
  truncateFdWarned = true;
  process.emitWarning(
    'Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.',
    'DeprecationWarning',
    'DEP0081',
  );
}

export function truncateSync(path: unknown, len: unknown = 0): void {
  if (truncateTakesFd && isFd(path)) {
    warnTruncateFd();
    validateInteger(len, 'len');
    context.engine.ftruncate(getValidatedFd(path), Math.max(0, len));
    return;
  }
  const p = validatedPathString(path);
  validateInteger(len, 'len');
  context.engine.truncate(p, Math.max(0, len));
}

export function truncate(args: any[]): CallbackJob {
  let [path, len = 0, callback] = args;
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  const byFd = truncateTakesFd && isFd(path);
  if (byFd) warnTruncateFd();
  const p = byFd ? path : validatedPathString(path);
  validateInteger(len, 'len');
  const l = Math.max(0, len);
  callback = makeCallback(callback);
  return {
    callback,
    run: () => {
      if (typeof p === 'number') context.engine.ftruncate(p, l);
      else context.engine.truncate(p, l);
      return [];
    },
  };
}

export function truncatePromise(path: unknown, len: unknown = 0) {
  const p = validatedPathString(path);
  validateInteger(len, 'len');
  context.engine.truncate(p, Math.max(0, len));
}

// --- copyFile -----------------------------------------------------------------------------------------------------

function copyMode(mode: unknown): number {
  return validateModeInCpp(mode, 0);
}

/** A copy where one side lies outside the overlay: bytes cross through memory, the disk side via Node's own fs. */
export function copyFileCore(src: string, dest: string, mode: number): void {
  if (ownsPath(dest)) {
    context.engine.copyFile(src, dest, mode);
    return;
  }
  const data = context.engine.readFile(src);
  const original = context.originals.writeFileSync as (p: string, d: Uint8Array, o: object) => void;
  original(dest, data, { flag: mode & constants.COPYFILE_EXCL ? 'wx' : 'w', mode: context.engine.stat(src).mode & 0o7777 });
}

export function copyFileSync(src: unknown, dest: unknown, mode?: unknown): void {
  const s = validatedPathString(src, 'src');
  const d = validatedPathString(dest, 'dest');
  copyFileCore(s, d, copyMode(mode));
}

export function copyFile(args: any[]): CallbackJob {
  let [src, dest, mode, callback] = args;
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  const s = validatedPathString(src, 'src');
  const d = validatedPathString(dest, 'dest');
  callback = makeCallback(callback);
  const m = copyMode(mode);
  return { callback, run: () => (copyFileCore(s, d, m), []) };
}

export function copyFilePromise(src: unknown, dest: unknown, mode?: unknown) {
  const s = validatedPathString(src, 'src');
  const d = validatedPathString(dest, 'dest');
  copyFileCore(s, d, copyMode(mode));
}

// --- openAsBlob ---------------------------------------------------------------------------------------------------

function blobOptions(path: unknown, options: unknown): { path: string; type: string } {
  validateObject(options, 'options');
  const type = (options as { type?: unknown }).type || '';
  validateString(type, 'options.type');
  return { path: pathString(getValidatedPath(path)), type };
}

/** An in-memory snapshot of the file: Node's file-backed Blob reads through C++, which cannot see the overlay. */
function blobOf(path: string, type: string): Blob | DOMException {
  try {
    return new Blob([context.engine.readFile(path)], { type });
  } catch {
    return new DOMException('The blob could not be read', 'NotReadableError');
  }
}

export function openAsBlob(path: unknown, options: unknown = {}) {
  const o = blobOptions(path, options);
  return Promise.resolve(blobOf(o.path, o.type));
}

export function openAsBlobSync(path: unknown, options: unknown = {}) {
  const o = blobOptions(path, options);
  const blob = blobOf(o.path, o.type);
  if (blob instanceof DOMException) throw blob;
  return blob;
}

// --- FileHandle recognition ---------------------------------------------------------------------------------------

export function isOurFileHandle(value: unknown): value is { fd: number } {
  return value !== null && typeof value === 'object' && !(value instanceof URL) && !ArrayBuffer.isView(value) &&
    ownsFd((value as { fd?: unknown }).fd);
}
