// opendir and Dir over the overlay. Node's Dir reads through a native directory handle (and opens subdirectories
// through the binding when recursive), so this is our own Dir with Node's behaviour, chained to fs.Dir.prototype so
// `instanceof fs.Dir` holds. Each directory's listing is taken when it is first read, in the engine's merged order.
import { fs, path } from '../platform/builtins.js';
import type { Dirent } from 'node:fs';
import { context } from './context.js';
import { encodeName, getOptions, getValidatedPath, pathString } from './args.js';
import { nodeError } from './node-errors.js';
import { withFrames } from './stack.js';
import { uvError } from '../overlay/errors.js';
import { validateFunction, validateUint32 } from './validators.js';
import { makeDirent } from './ops/dirs.js';
import type { CallbackJob } from './faces.js';
import type { DirectoryEntry } from '../overlay/types.js';

const dirClosed = () => withFrames(nodeError(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed'), dirClosed);

const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * Node's errors for the directory opened by opendir name the syscall and no path; those for a subdirectory a recursive
 * Dir opens name its path too (on Node 20 built from a context object, whose keys come as errno, syscall, code, path).
 */
function readListing(dirPath: string, shownPath?: string): DirectoryEntry[] {
  try {
    return context.engine.readdir(dirPath);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || code.startsWith('ERR_')) throw err;
    const error = uvError(code, 'opendir', shownPath);
    if (shownPath !== undefined && nodeMajor < 22) {
      const reordered = error as Partial<typeof error>;
      delete reordered.code;
      delete reordered.path;
      Object.assign(error, { code, path: shownPath });
    }
    throw error;
  }
}

interface Listing {
  dirPath: string;
  parentPath: string | Buffer;
  entries: DirectoryEntry[];
  next: number;
}

export class OverlayDir {
  readonly #path: string | Buffer;
  readonly #options: { encoding?: unknown; bufferSize: number; recursive?: unknown };
  readonly #queue: Listing[];
  #closed = false;
  /** An asynchronous read or close not yet delivered: sync work meanwhile is ERR_DIR_CONCURRENT_OPERATION. */
  #pending = 0;

  constructor(given: string | Buffer, options: { encoding?: unknown; bufferSize?: unknown; recursive?: unknown }) {
    chainToNodeDir();
    this.#path = given;
    this.#options = { bufferSize: 32, ...options } as { encoding?: unknown; bufferSize: number; recursive?: unknown };
    validateUint32(this.#options.bufferSize, 'options.bufferSize', true);
    const dirPath = pathString(given);
    this.#queue = [{ dirPath, parentPath: given, entries: readListing(dirPath), next: 0 }];
  }

  get path(): string | Buffer {
    if (!(#path in this)) throw withFrames(nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Dir'), Object.getOwnPropertyDescriptor(OverlayDir.prototype, 'path')!.get!);
    return this.#path;
  }

  #nextDirent(): Dirent | null {
    while (this.#queue.length > 0) {
      const listing = this.#queue[0]!;
      if (listing.next < listing.entries.length) {
        const entry = listing.entries[listing.next++]!;
        const dirent = makeDirent(encodeName(entry.name, this.#options.encoding), entry, listing.parentPath, listing.dirPath);
        if (this.#options.recursive && dirent.isDirectory()) this.#openSubdirectory(dirent);
        return dirent;
      }
      this.#queue.shift();
    }
    return null;
  }

  /**
   * As Node does before it hands out a directory's entry: it joins the entry's parentPath and name as they are given
   * out (a Buffer, with encoding 'buffer' or a Buffer path, makes path.join throw ERR_INVALID_ARG_TYPE; a name that is
   * not UTF-8 comes out as U+FFFD, which names no directory: ENOENT), and opens that path, failing the read if it
   * cannot.
   */
  #openSubdirectory(dirent: Dirent): void {
    const sub = path.join(dirent.parentPath as unknown as string, dirent.name as unknown as string);
    this.#queue.push({ dirPath: pathString(sub), parentPath: sub, entries: readListing(pathString(sub), sub), next: 0 });
  }

  #checkNoConcurrent(): void {
    if (this.#pending > 0) {
      throw withFrames(nodeError(Error, 'ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations'), this.#checkNoConcurrent);
    }
  }

  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` on a later tick after every earlier asynchronous operation, counted as pending until then. */
  #later<T>(work: () => T): Promise<T> {
    this.#pending++;
    const run = () =>
      new Promise<T>((resolve, reject) => {
        process.nextTick(() => {
          this.#pending--;
          try {
            resolve(work());
          } catch (err) {
            reject(err);
          }
        });
      });
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  readSync(): Dirent | null {
    if (this.#closed) throw dirClosed();
    this.#checkNoConcurrent();
    return this.#nextDirent();
  }

  read(): Promise<Dirent | null>;
  read(callback: (err: Error | null, dirent?: Dirent | null) => void): void;
  read(callback?: (err: Error | null, dirent?: Dirent | null) => void): Promise<Dirent | null> | void {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(dirClosed());
      return this.#later(() => this.#nextDirent());
    }
    if (this.#closed) throw dirClosed();
    validateFunction(callback, 'callback');
    this.#later(() => this.#nextDirent()).then(
      (dirent) => callback(null, dirent),
      (err) => callback(err as Error),
    );
  }

  closeSync(): void {
    if (this.#closed) throw dirClosed();
    this.#checkNoConcurrent();
    this.#closed = true;
    this.#queue.length = 0;
  }

  close(): Promise<void>;
  close(callback: (err: Error | null) => void): void;
  close(callback?: (err: Error | null) => void): Promise<void> | void {
    const finish = () => {
      this.#closed = true;
      this.#queue.length = 0;
    };
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(dirClosed());
      return this.#later(finish);
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, dirClosed());
      return;
    }
    this.#later(finish).then(() => callback(null), (err) => callback(err as Error));
  }

  async *entries(): AsyncGenerator<Dirent> {
    try {
      while (true) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.dispose](): void {
    if (!this.#closed) this.closeSync();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#closed) await this.close();
  }
}

Object.defineProperty(OverlayDir.prototype, Symbol.asyncIterator, {
  enumerable: false,
  writable: true,
  configurable: true,
  value: OverlayDir.prototype.entries,
});
// Chained on first use: reading fs.Dir loads Node's internal/fs/dir, which most processes never need.
let chainedToNodeDir = false;
function chainToNodeDir(): void {
  if (chainedToNodeDir) return;
  Object.setPrototypeOf(OverlayDir.prototype, fs.Dir.prototype);
  chainedToNodeDir = true;
}

function openDir(p: unknown, options: unknown): OverlayDir {
  const given = getValidatedPath(p);
  const o = getOptions(options, { encoding: 'utf8' });
  return new OverlayDir(given, o as { encoding?: unknown });
}

export function opendirSync(p: unknown, options?: unknown): OverlayDir {
  return openDir(p, options);
}

export function opendir(args: any[]): CallbackJob {
  const [p, options, cb] = args;
  const callback = typeof options === 'function' ? options : cb;
  validateFunction(callback, 'callback');
  const given = getValidatedPath(p);
  const o = getOptions(options, { encoding: 'utf8' });
  return { callback, run: () => [new OverlayDir(given, o as { encoding?: unknown })] };
}

export function opendirPromise(p: unknown, options?: unknown): OverlayDir {
  return openDir(p, options);
}
