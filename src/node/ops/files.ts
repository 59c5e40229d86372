// Whole-file operations: readFile, writeFile, appendFile, truncate, copyFile, openAsBlob.
import { Buffer } from 'node:buffer';
import { Blob } from 'node:buffer';
import { constants } from 'node:fs';
import { context, ownsFd, ownsPath } from '../context.js';
import { getOptions, getValidatedFd, pathString, getValidatedPath, stringToFlags, validatedPathString, type FsOptions } from '../args.js';
import { abortError, invalidArgType } from '../node-errors.js';
import { makeCallback, parseFileMode, validateBoolean, validateFunction, validateInteger, validateModeInCpp, validateObject, validateString } from '../validators.js';
import type { CallbackJob } from '../faces.js';
import { bytesOf } from './fd.js';
import { framelessForPromise } from '../stack.js';
import { uvError } from '../../overlay/errors.js';

const nodeMajor = Number(process.versions.node.split('.')[0]);

const kIoMaxLength = 2 ** 31 - 1;

function isFd(path: unknown): path is number {
  return typeof path === 'number' && (path | 0) === path;
}

/** Reads what is left of a descriptor from its current position, as readFileSync(fd) does. */
export function readAllFromFd(fd: number): Buffer {
  const stat = context.engine.fstat(fd);
  const isFile = (stat.mode & constants.S_IFMT) === constants.S_IFREG;
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

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason);
}

// --- readFile -----------------------------------------------------------------------------------------------------

function readFileCore(path: unknown, flag: unknown): Buffer {
  if (isFd(path)) return readAllFromFd(path);
  const p = validatedPathString(path);
  return context.engine.readFile(p, stringToFlags(flag, 'options.flag'));
}

export function readFileSync(path: unknown, options?: unknown) {
  const o = getOptions(options, { flag: 'r' });
  return decode(readFileCore(path, o.flag), o.encoding);
}

export function readFile(args: any[]): CallbackJob {
  let [path, options, callback] = args;
  callback ||= options;
  validateFunction(callback, 'cb');
  const o = getOptions(options, { flag: 'r' });
  if (!isFd(path)) {
    stringToFlags(o.flag, 'options.flag');
    getValidatedPath(path);
  }
  const signal = o.signal;
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return [decode(readFileCore(path, o.flag), o.encoding)];
    },
  };
}

export async function readFilePromise(path: unknown, options?: unknown) {
  const o = getOptions(options, { flag: 'r' });
  const flag = o.flag || 'r';
  if (isOurFileHandle(path)) {
    checkAborted(o.signal);
    return decode(readAllFromFd(path.fd), o.encoding);
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path);
  try {
    return decode(readFileCore(given, flag), o.encoding);
  } catch (err) {
    throw readFileJobError(err, given);
  }
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
    return;
  }
  const p = validatedPathString(path);
  const flags = stringToFlags(options.flag || defaultFlag, 'flags');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  context.engine.writeFile(p, data, flags, mode);
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
  return {
    callback,
    run: () => {
      checkAborted(signal);
      writeFileCore(path, bytes, o, defaultFlag);
      return [];
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
    checkAborted(o.signal);
    writeAllToFd(path.fd, bytes);
    return;
  }
  checkAborted(o.signal);
  writeFileCore(getValidatedPath(path), bytes, o, defaultFlag);
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

export function truncateSync(path: unknown, len: unknown = 0): void {
  if (isFd(path)) {
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
  const p = isFd(path) ? path : validatedPathString(path);
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
