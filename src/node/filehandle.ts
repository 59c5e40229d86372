// fs.promises.open → a genuine FileHandle (Node's own class, taken once from a real handle) around a fake native
// handle, with its I/O methods overridden as own properties (the technique of Node 26's internal/vfs/fd.js).
// readLines, createReadStream/createWriteStream, close, Symbol.asyncDispose and (22+) readableWebStream are Node's
// own and work through these overrides.
import { Buffer } from 'node:buffer';
import { context } from './context.js';
import { getOptions, stringToFlags, validatedPathString, secondsToNs, toUnixTimestamp } from './args.js';
import { invalidArgType, invalidArgValue, nodeError } from './node-errors.js';
import { withFrames } from './stack.js';
import { parseFileMode, validateBuffer, validateInteger, validateObject, validateString } from './validators.js';
import { toStats } from '../overlay/stats.js';
import { bytesOf, openTracked, readvSync, validateIds, validateOffsetLengthRead, validatePosition, writeSync, writevSync } from './ops/fd.js';
import { noteClose, noteWrite } from './watch.js';
import { afterATurn, checkAborted, readAllFromFd } from './ops/files.js';

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

// A FileHandle collected while still open: Node's native handle closes its descriptor in its destructor, then (in an
// unref'ed immediate) warns, the deprecation once per process — or, on Node 26, throws ERR_INVALID_STATE as an
// uncaught exception. Ours closes the engine's descriptor and does the same.
let gcCloseDeprecationShown = false;
const closedExplicitly = new FinalizationRegistry<{ fd: number; path: string }>(({ fd, path }) => {
  try {
    context.engine.close(fd);
    noteClose(fd);
  } catch {
    return;
  }
  setImmediate(() => {
    if (nodeMajor >= 26) {
      const message = `A FileHandle object was closed during garbage collection. This used to be allowed with a deprecation warning but is now considered an error. Please close FileHandle objects explicitly. File descriptor: ${fd} (${path})`;
      const err = Object.assign(new Error(message), { code: 'ERR_INVALID_STATE' });
      err.stack = `Error: ${message}`;
      throw err;
    }
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    if (gcCloseDeprecationShown) return;
    gcCloseDeprecationShown = true;
    process.emitWarning(
      'Closing a FileHandle object on garbage collection is deprecated. Please close FileHandle objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file descriptor is closed during garbage collection.',
      'DeprecationWarning',
      'DEP0137',
    );
  }).unref();
});

export async function openFileHandle(path: unknown, flags?: unknown, mode?: unknown) {
  const p = validatedPathString(path);
  const flagsNumber = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  // Opened before the first call fetches Node's FileHandle class (a real open of /dev/null, two trips through the
  // pool): the open takes effect in the turn the face gave it, as Node's would, not after an rm called beside it.
  const fd = openTracked(p, flagsNumber, m);
  let Handle: FileHandleClass;
  try {
    Handle = await fileHandleClass();
  } catch (err) {
    context.engine.close(fd);
    noteClose(fd);
    throw err;
  }
  const native = {
    fd,
    getAsyncId: () => -1,
    close: () => {
      try {
        closedExplicitly.unregister(native);
        context.engine.close(fd);
        noteClose(fd);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    closeSync: () => {
      closedExplicitly.unregister(native);
      context.engine.close(fd);
      noteClose(fd);
    },
    releaseFD: () => {
      closedExplicitly.unregister(native);
      return fd;
    },
  };
  const handle = new Handle(native);
  closedExplicitly.register(handle, { fd, path: p }, native);
  const prototype = Handle.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, fn] of Object.entries(overrides(handle))) {
    // An override serves its own handle only; called on anything else (`handle.stat.call({})`) Node's own method
    // answers, with its own checks (ERR_INTERNAL_ASSERTION for a non-FileHandle).
    const own = prototype[name];
    const method = {
      [name](this: unknown, ...args: unknown[]) {
        return this === handle || typeof own !== 'function' ? fn(...args) : Reflect.apply(own, this, args);
      },
    }[name]!;
    Object.defineProperty(handle, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
  if (nodeMajor < 22) {
    Object.defineProperty(handle, 'readableWebStream', {
      value: readableWebStreamOnNode20,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return handle;
}


// ---- readableWebStream on Node 20 --------------------------------------------------------------------------------
// Node 20 reads the default (non-'bytes') stream straight from the native handle's StreamBase (readStart/onread), which
// ours cannot be; its 'bytes' stream goes through this.read and works as it is. The default stream is rebuilt here as
// Node 20 builds it: the same state checks and lock, the handle held open (kRef) until the stream ends or is
// cancelled, chunks of up to 64 KiB as ArrayBuffers, and the stream ended when the handle closes.

type HandleState = { fd: number; read(buffer: Uint8Array, offset: number, length: number, position: null): Promise<{ bytesRead: number }>; once(event: string, listener: () => void): void } & Record<symbol, unknown>;

/** Streams handed out by the rebuilt default form; Node's own 'bytes' form keeps its lock in a private symbol. */
const lockedByDefaultStream = new WeakSet<object>();
/** The native FileHandle reads (readStart) 64 KiB at a time. */
const kDefaultChunk = 65536;

/** FileHandle's private symbols (kClosePromise, kRef, …), found by their description on the handle or its class. */
function privateSymbol(handle: object, description: string): symbol | undefined {
  for (let o: object | null = handle; o !== null; o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertySymbols(o).find((s) => s.description === description);
    if (found) return found;
  }
  return undefined;
}

function invalidState(message: string): Error {
  return withFrames(nodeError(Error, 'ERR_INVALID_STATE', `Invalid state: ${message}`), readableWebStreamOnNode20);
}

function readableWebStreamOnNode20(this: HandleState, options: { type?: unknown } = {}): ReadableStream {
  if (this.fd === -1) throw invalidState('The FileHandle is closed');
  const closing = privateSymbol(this, 'kClosePromise');
  if (closing !== undefined && this[closing]) throw invalidState('The FileHandle is closing');
  const lockedByNode = privateSymbol(this, 'kLocked');
  if (lockedByDefaultStream.has(this) || (lockedByNode !== undefined && this[lockedByNode])) {
    throw invalidState('The FileHandle is locked');
  }
  if (options.type === 'bytes') {
    const own = Object.getPrototypeOf(this).readableWebStream as (o: unknown) => ReadableStream;
    return Reflect.apply(own, this, [options]);
  }
  lockedByDefaultStream.add(this);
  try {
    if (options.type !== undefined) validateString(options.type, 'options.type');
  } catch (err) {
    throw withFrames(err, readableWebStreamOnNode20);
  }

  const kRef = privateSymbol(this, 'kRef');
  const kUnref = privateSymbol(this, 'kUnref');
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    if (kUnref !== undefined) (this[kUnref] as () => void).call(this);
  };
  let controller!: ReadableStreamDefaultController<ArrayBuffer>;
  const readable = new ReadableStream<ArrayBuffer>(
    {
      start: (c) => {
        controller = c;
      },
      pull: async (c) => {
        const chunk = new Uint8Array(kDefaultChunk);
        const { bytesRead } = await this.read(chunk, 0, kDefaultChunk, null);
        if (ended) return;
        if (bytesRead === 0) {
          c.close();
          end();
          return;
        }
        c.enqueue(chunk.buffer.slice(0, bytesRead));
      },
      cancel: end,
    },
    // Nothing read ahead: when the handle closes, a close of the stream is then what Node's cancel is to a reader
    // (pending reads end, `closed` resolves), and the public API can close a stream a reader has locked.
    { highWaterMark: 0 },
  );
  if (kRef !== undefined) (this[kRef] as () => void).call(this);
  this.once('close', () => {
    if (ended) return;
    end();
    controller.close();
  });
  return readable;
}
