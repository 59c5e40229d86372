// Descriptor operations on the overlay's fake descriptors: open, close, read(v), write(v), sync, truncate, chmod,
// chown, utimes by fd.
import { Buffer } from 'node:buffer';
import { context } from '../context.js';
import { getValidatedFd, secondsToNs, stringToFlags, toUnixTimestamp, validatedPathString } from '../args.js';
import { invalidArgType, invalidArgValue, outOfRange } from '../node-errors.js';
import { makeCallback, parseFileMode, validateBuffer, validateFunction, validateInteger, validateInt32, validateObject } from '../validators.js';
import type { CallbackJob } from '../faces.js';
import { existedBeforeOpen, noteClose, noteOpen, noteWrite } from '../watch.js';

export function bytesOf(view: ArrayBufferView): Uint8Array {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * The engine's position: null means "the descriptor's own position", as libuv's -1. A number that is not a safe
 * integer (NaN, 1.5, Infinity: writes do not validate it) is -1 to the binding's GetOffset too.
 */
function enginePosition(position: unknown): number | null {
  // Past 2^53 every read is at end of file: the engine takes safe integers only.
  if (typeof position === 'bigint') return position < 0n ? null : Number(position > 2n ** 53n - 1n ? 2n ** 53n - 1n : position);
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) return null;
  return position;
}

// --- open / close -------------------------------------------------------------------------------------------------

/** Opens through the engine and, while someone watches, remembers writable descriptors for their events. */
export function openTracked(p: string, flags: number, mode: number): number {
  const existed = existedBeforeOpen(p, flags);
  const fd = context.engine.open(p, flags, mode);
  noteOpen(fd, p, flags, existed);
  return fd;
}

export function openSync(path: unknown, flags?: unknown, mode?: unknown): number {
  const p = validatedPathString(path);
  const f = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  return openTracked(p, f, m);
}

export function open(args: any[]): CallbackJob {
  let [path, flags, mode, callback] = args;
  const p = validatedPathString(path);
  if (args.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const f = stringToFlags(flags);
  callback = makeCallback(callback);
  return { callback, run: () => [openTracked(p, f, mode)] };
}

function closeTracked(fd: number): void {
  context.engine.close(fd);
  noteClose(fd);
}

export function closeSync(fd: unknown): void {
  closeTracked(getValidatedFd(fd));
}

function defaultCloseCallback(err: unknown) {
  if (err != null) throw err;
}

export function close(args: any[]): CallbackJob {
  let [fd, callback = defaultCloseCallback] = args;
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  const validFd = getValidatedFd(fd);
  return { callback, run: () => (closeTracked(validFd), []) };
}

// --- read ---------------------------------------------------------------------------------------------------------

const nodeMajor = Number(process.versions.node.split('.')[0]);

export function validatePosition(position: unknown, name: string, length: number): void {
  if (typeof position === 'number') validateInteger(position, name, -1);
  else if (typeof position === 'bigint') {
    // Node 20 accepts any int64; 22+ keeps position + length within int64.
    const [min, max] = nodeMajor >= 22 ? [-1n, 2n ** 63n - 1n - BigInt(length)] : [-(2n ** 63n), 2n ** 63n - 1n];
    if (!(position >= min && position <= max)) throw outOfRange(name, `>= ${min} && <= ${max}`, position);
  } else throw invalidArgType(name, ['integer', 'bigint'], position);
}

export function validateOffsetLengthRead(offset: number, length: number, bufferLength: number): void {
  if (offset < 0) throw outOfRange('offset', '>= 0', offset);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  if (offset + length > bufferLength) throw outOfRange('length', `<= ${bufferLength - offset}`, length);
}

interface ReadRequest {
  fd: number;
  buffer: ArrayBufferView;
  offset: number;
  length: number;
  position: unknown;
}

/** The checks readSync and read share once buffer, offset, length and position are known. */
/** Node 22+ checks the position before the lengths; Node 20 after them. */
function checkRead(fd: number, buffer: ArrayBufferView, offset: unknown, length: unknown, position: unknown): ReadRequest | number {
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  const len = (length as number) | 0;
  if (nodeMajor >= 22) {
    if (position == null) position = -1;
    else validatePosition(position, 'position', len);
  }
  if (len === 0) return 0;
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset as number, len, buffer.byteLength);
  if (nodeMajor < 22) {
    if (position == null) position = -1;
    validatePosition(position, 'position', len);
  }
  return { fd, buffer, offset: offset as number, length: len, position };
}

function runRead(r: ReadRequest): number {
  return context.engine.read(r.fd, bytesOf(r.buffer), r.offset, r.length, enginePosition(r.position));
}

export function readSync(...args: any[]): number {
  let [fd, buffer, offsetOrOptions, length, position] = args;
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (args.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', true);
    const o = (offsetOrOptions ?? {}) as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
  }
  const request = checkRead(getValidatedFd(fd), buffer, offset, length, position);
  return typeof request === 'number' ? request : runRead(request);
}

export function read(args: any[]): CallbackJob {
  let [fd, buffer, offsetOrOptions, length, position, callback] = args;
  const validFd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params: any = null;
  if (args.length <= 4) {
    if (args.length === 4) {
      validateObject(offsetOrOptions, 'options', true);
      callback = length;
      params = offsetOrOptions;
    } else if (args.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        const given = (params ?? {}).buffer;
        buffer = given === undefined ? Buffer.alloc(16384) : given;
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', true);
    const o = params ?? {};
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? (buffer as ArrayBufferView | undefined)?.byteLength! - offset : o.length;
    position = o.position === undefined ? null : o.position;
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  const request = checkRead(validFd, buffer, offset, length, position);
  const cb = callback as (...a: unknown[]) => void;
  if (typeof request === 'number') return { callback: cb, run: () => [0, buffer] };
  return { callback: cb, run: () => [runRead(request), buffer] };
}

function validateBufferArray(buffers: unknown, propName = 'buffers'): ArrayBufferView[] {
  if (!Array.isArray(buffers)) throw invalidArgType(propName, 'ArrayBufferView[]', buffers);
  for (const b of buffers) if (!ArrayBuffer.isView(b)) throw invalidArgType(propName, 'ArrayBufferView[]', buffers);
  return buffers;
}

function runReadv(fd: number, buffers: ArrayBufferView[], position: unknown): number {
  let pos = typeof position === 'number' ? enginePosition(position) : null;
  let total = 0;
  for (const b of buffers) {
    if (b.byteLength === 0) continue;
    const n = context.engine.read(fd, bytesOf(b), 0, b.byteLength, pos);
    total += n;
    if (pos !== null) pos += n;
    if (n < b.byteLength) break;
  }
  return total;
}

export function readvSync(fd: unknown, buffers: unknown, position?: unknown): number {
  validateBufferArray(buffers);
  return runReadv(getValidatedFd(fd), buffers as ArrayBufferView[], position);
}

export function readv(args: any[]): CallbackJob {
  let [fd, buffers, position, callback] = args;
  const validFd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  return { callback, run: () => [runReadv(validFd, buffers, position), buffers] };
}

// --- write --------------------------------------------------------------------------------------------------------

function validateOffsetLengthWrite(offset: number, length: number, byteLength: number): void {
  if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw outOfRange('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validateStringAfterArrayBufferView(buffer: unknown, name: string): void {
  if (typeof buffer !== 'string') throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
}

function validateEncoding(data: string, encoding: unknown): void {
  const normalized = typeof encoding === 'string' ? encoding.toLowerCase() : encoding;
  if (normalized === 'hex' && data.length % 2 !== 0) {
    throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
  }
}

interface WriteRequest {
  fd: number;
  bytes: Uint8Array;
  offset: number;
  length: number;
  position: number | null;
}

function runWrite(w: WriteRequest): number {
  const written = context.engine.write(w.fd, w.bytes, w.offset, w.length, w.position);
  noteWrite(w.fd, written);
  return written;
}

function bufferWrite(fd: number, buffer: ArrayBufferView, offsetOrOptions: unknown, length: unknown, position: unknown): WriteRequest {
  let offset = offsetOrOptions;
  if (typeof offset === 'object') {
    const o = (offsetOrOptions ?? {}) as { offset?: unknown; length?: unknown; position?: unknown };
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - (offset as number) : o.length;
    position = o.position === undefined ? null : o.position;
  }
  if (offset == null || typeof offset === 'function') offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (typeof length !== 'number') length = buffer.byteLength - (offset as number);
  validateOffsetLengthWrite(offset as number, length as number, buffer.byteLength);
  return { fd, bytes: bytesOf(buffer), offset: offset as number, length: length as number, position: typeof position === 'number' ? enginePosition(position) : null };
}

function stringWrite(fd: number, data: string, position: unknown, encoding: unknown): WriteRequest {
  const bytes = Buffer.from(data, (encoding ?? 'utf8') as BufferEncoding);
  return { fd, bytes, offset: 0, length: bytes.length, position: typeof position === 'number' ? enginePosition(position) : null };
}

export function writeSync(fd: unknown, buffer: unknown, offsetOrOptions?: unknown, length?: unknown, position?: unknown): number {
  const validFd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offsetOrOptions !== 'object' && position === undefined) position = null;
    return runWrite(bufferWrite(validFd, buffer, offsetOrOptions, length, position));
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  validateEncoding(buffer as string, length);
  return runWrite(stringWrite(validFd, buffer as string, offsetOrOptions, length));
}

export function write(args: any[]): CallbackJob {
  let [fd, buffer, offset, length, position, callback] = args;
  const validFd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, 'cb');
    const request = bufferWrite(validFd, buffer, offset, typeof length === 'function' ? undefined : length, typeof position === 'function' ? undefined : position);
    return { callback, run: () => [runWrite(request), buffer] };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  if (typeof position !== 'function') {
    if (typeof offset === 'function') {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = 'utf8';
  }
  validateEncoding(buffer, length);
  callback = position;
  validateFunction(callback, 'cb');
  const request = stringWrite(validFd, buffer, offset, length);
  return { callback, run: () => [runWrite(request), buffer] };
}

function runWritev(fd: number, buffers: ArrayBufferView[], position: unknown): number {
  let pos = typeof position === 'number' ? enginePosition(position) : null;
  let total = 0;
  for (const b of buffers) {
    const n = context.engine.write(fd, bytesOf(b), 0, b.byteLength, pos);
    total += n;
    if (pos !== null) pos += n;
  }
  noteWrite(fd, total);
  return total;
}

export function writevSync(fd: unknown, buffers: unknown, position?: unknown): number {
  validateBufferArray(buffers);
  const validFd = getValidatedFd(fd);
  if ((buffers as unknown[]).length === 0) return 0;
  return runWritev(validFd, buffers as ArrayBufferView[], position);
}

export function writev(args: any[]): CallbackJob {
  let [fd, buffers, position, callback] = args;
  const validFd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, 'cb');
  return { callback, run: () => [buffers.length === 0 ? 0 : runWritev(validFd, buffers, position), buffers] };
}

// --- sync, truncate, metadata by fd -------------------------------------------------------------------------------

export function fsyncSync(fd: unknown): void {
  context.engine.fsync(getValidatedFd(fd));
}
export function fdatasyncSync(fd: unknown): void {
  context.engine.fdatasync(getValidatedFd(fd));
}
export function fsync(args: any[]): CallbackJob {
  const [fd, callback] = args;
  const validFd = getValidatedFd(fd);
  return { callback: makeCallback(callback), run: () => (context.engine.fsync(validFd), []) };
}
export function fdatasync(args: any[]): CallbackJob {
  const [fd, callback] = args;
  const validFd = getValidatedFd(fd);
  return { callback: makeCallback(callback), run: () => (context.engine.fdatasync(validFd), []) };
}

export function ftruncateSync(fd: unknown, len: unknown = 0): void {
  validateInteger(len, 'len');
  context.engine.ftruncate(getValidatedFd(fd), len < 0 ? 0 : len);
}
export function ftruncate(args: any[]): CallbackJob {
  let [fd, len = 0, callback] = args;
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  validateInteger(len, 'len');
  const l = Math.max(0, len);
  callback = makeCallback(callback);
  const validFd = getValidatedFd(fd);
  return { callback, run: () => (context.engine.ftruncate(validFd, l), []) };
}

export function fchmodSync(fd: unknown, mode: unknown): void {
  const validFd = getValidatedFd(fd);
  context.engine.fchmod(validFd, parseFileMode(mode, 'mode'));
}
export function fchmod(args: any[]): CallbackJob {
  const [fd, mode, callback] = args;
  const validFd = getValidatedFd(fd);
  const m = parseFileMode(mode, 'mode');
  return { callback: makeCallback(callback), run: () => (context.engine.fchmod(validFd, m), []) };
}

const kMaxUserId = 2 ** 32 - 1;
export function validateIds(uid: unknown, gid: unknown): void {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

export function fchownSync(fd: unknown, uid: unknown, gid: unknown): void {
  const validFd = getValidatedFd(fd);
  validateIds(uid, gid);
  context.engine.fchown(validFd, uid as number, gid as number);
}
export function fchown(args: any[]): CallbackJob {
  const [fd, uid, gid, callback] = args;
  const validFd = getValidatedFd(fd);
  validateIds(uid, gid);
  return { callback: makeCallback(callback), run: () => (context.engine.fchown(validFd, uid, gid), []) };
}

export function futimesSync(fd: unknown, atime: unknown, mtime: unknown): void {
  const validFd = getValidatedFd(fd);
  const a = secondsToNs(toUnixTimestamp(atime, 'atime'));
  const m = secondsToNs(toUnixTimestamp(mtime, 'mtime'));
  context.engine.futimes(validFd, a, m);
}
export function futimes(args: any[]): CallbackJob {
  const [fd, atime, mtime, callback] = args;
  const validFd = getValidatedFd(fd);
  const a = secondsToNs(toUnixTimestamp(atime, 'atime'));
  const m = secondsToNs(toUnixTimestamp(mtime, 'mtime'));
  return { callback: makeCallback(callback), run: () => (context.engine.futimes(validFd, a, m), []) };
}

