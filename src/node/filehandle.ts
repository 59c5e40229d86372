// fs.promises.open → a genuine FileHandle (Node's own class, taken once from a real handle) around a fake native
// handle, with its I/O methods overridden as own properties (the technique of Node 26's internal/vfs/fd.js).
// readLines, createReadStream/createWriteStream, close, Symbol.asyncDispose and (22+) readableWebStream are Node's
// own and work through these overrides.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { context } from './context.js';
import { getOptions, stringToFlags, validatedPathString, secondsToNs, toUnixTimestamp } from './args.js';
import { invalidArgType, invalidArgValue, nodeError } from './node-errors.js';
import { withFrames } from './stack.js';
import { parseFileMode, validateBuffer, validateInteger, validateObject } from './validators.js';
import { toStats } from '../overlay/stats.js';
import { bytesOf, openTracked, readvSync, validateIds, validateOffsetLengthRead, validatePosition, writeSync, writevSync } from './ops/fd.js';
import { noteClose, noteWrite } from './watch.js';
import { afterATurn, checkAborted, readAllFromFd } from './ops/files.js';

// node:stream (≈ 2 ms with its internals) is loaded only by v20's readableWebStream on an overlay handle, not by every
// process at start-up.
function loadStream(): typeof import('node:stream') {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule; // Node ≥ 20.16
  return (get ? get('node:stream') : createRequire(process.execPath)('node:stream')) as typeof import('node:stream');
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
type FileHandleClass = new (handle: object) => { fd: number } & Record<string, unknown>;
let FileHandle: FileHandleClass | undefined;

/** Takes Node's FileHandle class from a handle on /dev/null, once: the class is not exported. */
async function fileHandleClass(): Promise<FileHandleClass> {
  if (FileHandle) return FileHandle;
  const open = context.originals['promises.open'] as (p: string, f: string) => Promise<{ close(): Promise<void> }>;
  const handle = await open('/dev/null', 'r');
  FileHandle = handle.constructor as FileHandleClass;
  await handle.close();
  return FileHandle;
}

function closedError(syscall: string): Error {
  const err = new Error('file closed') as Error & { code: string; syscall: string };
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}

function fdOf(handle: { fd: number }, syscall: string): number {
  if (handle.fd === -1) throw closedError(syscall);
  return handle.fd;
}

function readOnHandle(fd: number, bufferOrParams: any, offset: any, length: any, position: any) {
  let buffer = bufferOrParams;
  if (!ArrayBuffer.isView(buffer)) {
    if (bufferOrParams !== undefined) validateObject(bufferOrParams, 'options', true);
    const o = bufferOrParams ?? {};
    buffer = o.buffer === undefined ? Buffer.alloc(16384) : o.buffer;
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? (buffer as ArrayBufferView).byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    const o = offset;
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { bytesRead: length, buffer };
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position != null) validatePosition(position, 'position', length);
  const big = typeof position === 'bigint' ? (position > 2n ** 53n - 1n ? 2n ** 53n - 1n : position) : position;
  const pos = big == null ? null : Number(big);
  const bytesRead = context.engine.read(fd, bytesOf(buffer), offset, length, pos === null || pos < 0 ? null : pos);
  return { bytesRead, buffer };
}

function writeDataToFd(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) offset += context.engine.write(fd, data, offset, data.byteLength - offset, null);
  noteWrite(fd, offset);
}

function overrides(handle: { fd: number }) {
  const methods: Record<string, (...args: any[]) => Promise<unknown>> = {
    async read(bufferOrParams?: unknown, offset?: unknown, length?: unknown, position?: unknown) {
      return readOnHandle(fdOf(handle, 'read'), bufferOrParams, offset, length, position);
    },
    async readv(buffers: unknown, position?: unknown) {
      const bytesRead = readvSync(fdOf(handle, 'readv'), buffers, position);
      return { bytesRead, buffers };
    },
    async write(buffer: unknown, offsetOrOptions?: unknown, length?: unknown, position?: unknown) {
      const fd = fdOf(handle, 'write');
      if (ArrayBuffer.isView(buffer) && (buffer as ArrayBufferView).byteLength === 0) return { bytesWritten: 0, buffer };
      let bytesWritten: number;
      if (ArrayBuffer.isView(buffer) && offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
        const o = offsetOrOptions as { offset?: unknown; length?: unknown; position?: unknown };
        bytesWritten = writeSync(fd, buffer, o.offset ?? 0, o.length ?? (buffer as ArrayBufferView).byteLength - ((o.offset as number) ?? 0), o.position ?? null);
      } else bytesWritten = writeSync(fd, buffer, offsetOrOptions, length, position);
      return { bytesWritten, buffer };
    },
    async writev(buffers: unknown, position?: unknown) {
      const bytesWritten = writevSync(fdOf(handle, 'writev'), buffers, position);
      return { bytesWritten, buffers };
    },
    async readFile(options?: unknown) {
      const o = getOptions(options, { flag: 'r' });
      checkAborted(o.signal);
      const data = await afterATurn(o.signal, () => readAllFromFd(fdOf(handle, 'read')));
      return o.encoding && o.encoding !== 'buffer' ? data.toString(o.encoding) : data;
    },
    async writeFile(data: unknown, options?: unknown) {
      const o = getOptions(options, { encoding: 'utf8' });
      checkAborted(o.signal);
      await afterATurn(o.signal, () => undefined);
      const fd = fdOf(handle, 'write');
      if (ArrayBuffer.isView(data)) writeDataToFd(fd, bytesOf(data));
      else if (typeof data === 'string') writeDataToFd(fd, Buffer.from(data, (o.encoding || 'utf8') as BufferEncoding));
      else if (data == null || typeof data !== 'object' || !(Symbol.iterator in data || Symbol.asyncIterator in data)) {
        throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
      } else {
        for await (const chunk of data as AsyncIterable<unknown>) {
          if (typeof chunk === 'string') writeDataToFd(fd, Buffer.from(chunk, (o.encoding || 'utf8') as BufferEncoding));
          else if (ArrayBuffer.isView(chunk)) writeDataToFd(fd, bytesOf(chunk));
          else throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
        }
      }
    },
    async appendFile(data: unknown, options?: unknown) {
      return methods.writeFile!(data, options);
    },
    async stat(options?: { bigint?: boolean }) {
      return toStats(context.engine.fstat(fdOf(handle, 'fstat')), Boolean(options?.bigint));
    },
    async truncate(len: unknown = 0) {
      validateInteger(len, 'len');
      context.engine.ftruncate(fdOf(handle, 'ftruncate'), Math.max(0, len));
    },
    async sync() {
      context.engine.fsync(fdOf(handle, 'fsync'));
    },
    async datasync() {
      context.engine.fdatasync(fdOf(handle, 'fdatasync'));
    },
    async chmod(mode: unknown) {
      const m = parseFileMode(mode, 'mode');
      context.engine.fchmod(fdOf(handle, 'fchmod'), m);
    },
    async chown(uid: unknown, gid: unknown) {
      validateIds(uid, gid);
      context.engine.fchown(fdOf(handle, 'fchown'), uid as number, gid as number);
    },
    async utimes(atime: unknown, mtime: unknown) {
      const a = secondsToNs(toUnixTimestamp(atime, 'atime'));
      const m = secondsToNs(toUnixTimestamp(mtime, 'mtime'));
      context.engine.futimes(fdOf(handle, 'futimes'), a, m);
    },
  };
  return methods;
}

export async function openFileHandle(path: unknown, flags?: unknown, mode?: unknown) {
  const p = validatedPathString(path);
  const flagsNumber = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  const Handle = await fileHandleClass();
  const fd = openTracked(p, flagsNumber, m);
  const native = {
    fd,
    getAsyncId: () => -1,
    close: () => {
      try {
        context.engine.close(fd);
        noteClose(fd);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    closeSync: () => {
      context.engine.close(fd);
      noteClose(fd);
    },
    releaseFD: () => fd,
  };
  const handle = new Handle(native);
  for (const [name, fn] of Object.entries(overrides(handle))) {
    Object.defineProperty(handle, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  if (nodeMajor < 22) {
    // v20's readableWebStream starts the native stream directly; ours goes through the overridden read.
    Object.defineProperty(handle, 'readableWebStream', {
      value(this: { fd: number; createReadStream(): Readable }) {
        if (this.fd === -1) throw withFrames(nodeError(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is closed'), handle.readableWebStream as Function);
        return loadStream().Readable.toWeb(this.createReadStream());
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return handle;
}

