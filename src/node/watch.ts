// watch / watchFile / fs.promises.watch for overlay paths. The kernel never sees overlay writes, so events are
// emulated: the routed faces report each successful change (install.ts), and watchers of the path or of its
// directory hear 'rename' (created, removed, renamed) or 'change' (content, metadata) on a later tick, as inotify
// would deliver them. watchFile polls the overlay with stat at its interval, as Node's StatWatcher polls the disk.
import { EventEmitter } from 'node:events';
import { constants as fsConstants } from 'node:fs';
import { path } from '../platform/builtins.js';
import { context } from './context.js';
import { encodeName, getOptions, validatedPathString } from './args.js';
import { toStats } from '../overlay/stats.js';
import { uvError } from '../overlay/errors.js';
import { abortError } from './node-errors.js';
import { validateBoolean, validateFunction, validateInteger, validateOneOf } from './validators.js';

const nodeMajor = Number(process.versions.node.split('.')[0]);

/** fs.watch fails as the kernel's watch would: the syscall is "watch" and the path the caller gave. */
function checkWatchable(target: string, given: string): void {
  try {
    context.engine.stat(target);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('ERR_')) {
      const error = uvError(code, 'watch', given) as Error & { filename?: string };
      error.filename = given;
      throw error;
    }
    throw err;
  }
}

function encodeFilename(name: string, encoding: unknown): string | Buffer {
  return encodeName(name, encoding);
}

function validateWatchOptions(o: { persistent?: unknown; recursive?: unknown }): void {
  if (o.persistent !== undefined) validateBoolean(o.persistent, 'options.persistent');
  if (o.recursive !== undefined) validateBoolean(o.recursive, 'options.recursive');
}

export type WatchEvent = 'rename' | 'change';

interface Watcher {
  target: string;
  recursive: boolean;
  encoding: unknown;
  emit(event: WatchEvent, filename: string): void;
  /** Events not yet delivered (see notifyChange for when inotify merges one into the last). */
  pending?: [WatchEvent, string, string][];
}

const watchers = new Set<Watcher>();

/** Whether any emulated watcher listens: without one, mutating operations skip the probes that feed the events. */
export function isWatched(): boolean {
  return watchers.size > 0;
}

/**
 * The kernel queues inotify events for the whole process, one per watch descriptor (watchers of the same path share
 * one), and merges an event only into the last one queued while it is unread. Its key here: the watched path, the
 * changed path and the cause.
 */
let lastQueued: string | undefined;

/**
 * Called after an operation inside the overlay succeeded. `cause` is the inotify event behind it (modify, attrib,
 * create, delete, move). A change seen by both a file's watcher and its directory's queues two events, so a second
 * identical change is not merged (Node's recursive watcher, which watches both, then reports it twice).
 */
export function notifyChange(event: WatchEvent, absPath: string, cause: string = event): void {
  if (watchers.size === 0) return;
  const mergedByKey = new Map<string, boolean>();
  for (const w of watchers) {
    let filename: string | undefined;
    if (absPath === w.target) filename = path.basename(absPath);
    else if (path.dirname(absPath) === w.target) filename = path.basename(absPath);
    else if (w.recursive && absPath.startsWith(`${w.target}/`)) filename = path.relative(w.target, absPath);
    if (filename === undefined) continue;
    const key = `${w.target}\0${absPath}\0${cause}`;
    let merged = mergedByKey.get(key);
    if (merged === undefined) {
      const last = w.pending?.[w.pending.length - 1];
      merged = key === lastQueued && last !== undefined && last[2] === cause && last[1] === filename;
      mergedByKey.set(key, merged);
      lastQueued = key;
    }
    if (!merged) queueEvent(w, event, filename, cause);
  }
}

function queueEvent(w: Watcher, event: WatchEvent, filename: string, cause: string): void {
  if (w.pending) w.pending.push([event, filename, cause]);
  else w.pending = [[event, filename, cause]];
  // One immediate per event: Node calls back once per inotify event and runs microtasks after each call, so that an
  // async iterator (fs.promises.watch, Node's recursive watcher) asks for the next event before it comes.
  setImmediate(() => {
    const next = w.pending?.shift();
    if (w.pending?.length === 0) w.pending = undefined;
    if (next !== undefined && watchers.has(w)) w.emit(next[0], next[1]);
  });
}

class OverlayFSWatcher extends EventEmitter {
  #watcher: Watcher | undefined;
  constructor(watcher: Watcher) {
    super();
    this.#watcher = watcher;
  }
  close(): void {
    if (!this.#watcher) return;
    watchers.delete(this.#watcher);
    this.#watcher = undefined;
    process.nextTick(() => this.emit('close'));
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/**
 * On Linux Node watches recursively in JavaScript (lib/internal/fs/recursive_watch.js): readdirSync, statSync and a
 * non-recursive fs.watch per entry, taken from `fs` when it starts. Node's own watcher therefore runs as it is, over
 * the patched members, and its events (a new file is one 'rename', later writes 'change') are Node's.
 */
function recursiveInJs(options: unknown): boolean {
  return process.platform === 'linux' && typeof options === 'object' && options !== null && (options as { recursive?: unknown }).recursive === true;
}

export function watch(filename: unknown, options?: unknown, listener?: unknown) {
  if (recursiveInJs(options)) return Reflect.apply(context.originals.watch!, undefined, [filename, options, listener]);
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const o = getOptions(options) as { recursive?: unknown; persistent?: unknown; encoding?: unknown; signal?: AbortSignal };
  const given = validatedPathString(filename, 'filename');
  validateWatchOptions(o);
  const target = path.resolve(given);
  checkWatchable(target, given);
  let emitter: OverlayFSWatcher;
  const watcher: Watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: o.encoding,
    emit: (event, name) => {
      emitter.emit('change', event, encodeFilename(name, o.encoding));
    },
  };
  emitter = new OverlayFSWatcher(watcher);
  watchers.add(watcher);
  if (typeof listener === 'function') emitter.on('change', listener as (...a: unknown[]) => void);
  if (o.signal) {
    if (o.signal.aborted) process.nextTick(() => emitter.close());
    else o.signal.addEventListener('abort', () => emitter.close(), { once: true });
  }
  return emitter;
}

export function watchPromise(filename: unknown, options?: unknown): AsyncIterableIterator<{ eventType: WatchEvent; filename: string }> {
  if (recursiveInJs(options)) return context.originals['promises.watch']!(filename, options);
  const o = getOptions(options) as { recursive?: unknown; persistent?: unknown; encoding?: unknown; signal?: AbortSignal; maxQueue?: unknown; overflow?: unknown };
  const given = validatedPathString(filename, 'filename');
  validateWatchOptions(o);
  if (nodeMajor >= 22) {
    validateInteger(o.maxQueue ?? 2048, 'options.maxQueue');
    validateOneOf(o.overflow ?? 'ignore', 'options.overflow', ['ignore', 'error']);
  }
  const target = path.resolve(given);
  const pending: { eventType: WatchEvent; filename: string }[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const watcher: Watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: undefined,
    emit: (eventType, name) => {
      pending.push({ eventType, filename: encodeFilename(name, o.encoding) as string });
      wake?.();
    },
  };
  watchers.add(watcher);
  const finish = () => {
    closed = true;
    watchers.delete(watcher);
    wake?.();
  };
  if (o.signal?.aborted) finish();
  else o.signal?.addEventListener('abort', finish, { once: true });
  const iterator: AsyncIterableIterator<{ eventType: WatchEvent; filename: string }> = {
    async next() {
      checkWatchable(target, given);
      while (pending.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
      if (pending.length > 0) return { value: pending.shift()!, done: false };
      if (o.signal?.aborted) throw abortError(o.signal.reason);
      return { value: undefined, done: true };
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** What fs.watchFile returns: Node's StatWatcher shape (change, stop, ref/unref), polling the overlay. */
class OverlayStatWatcher extends EventEmitter {
  timer: NodeJS.Timeout | undefined;
  constructor(readonly target: string, bigint: boolean, interval: number, persistent: boolean) {
    super();
    let previous = statOrZero(target, bigint);
    let reportedMissing = false;
    this.timer = setInterval(() => {
      const current = statOrZero(target, bigint);
      // Like libuv's poller: a missing file is reported once, with every field zeroed, then changes.
      const missing = Number(current.ino) === 0 && Number(previous.ino) === 0;
      if (missing) {
        if (!reportedMissing) this.emit('change', current, previous);
        reportedMissing = true;
      } else if (current.mtimeMs !== previous.mtimeMs || current.ctimeMs !== previous.ctimeMs || current.ino !== previous.ino || current.size !== previous.size) {
        this.emit('change', current, previous);
      }
      previous = current;
    }, Math.max(1, interval));
    if (!persistent) this.timer.unref();
  }
  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    pollers.delete(this.target);
    process.nextTick(() => this.emit('stop'));
  }
  ref(): this {
    this.timer?.ref();
    return this;
  }
  unref(): this {
    this.timer?.unref();
    return this;
  }
}

const pollers = new Map<string, OverlayStatWatcher>();

function statOrZero(target: string, bigint: boolean) {
  const record = context.engine.tryStat(target, true);
  if (record) return toStats(record, bigint);
  return toStats({ dev: 0, ino: 0, mode: 0, nlink: 0, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 0, blocks: 0, atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n, birthtimeNs: 0n }, bigint);
}

export function watchFile(filename: unknown, options?: unknown, listener?: unknown) {
  const target = path.resolve(validatedPathString(filename, 'filename'));
  let o: { interval?: number; persistent?: boolean; bigint?: boolean } = { interval: 5007, persistent: true };
  if (options !== null && typeof options === 'object') o = { ...o, ...(options as object) };
  else listener = options;
  validateFunction(listener, 'listener');
  let watcher = pollers.get(target);
  if (!watcher) {
    watcher = new OverlayStatWatcher(target, Boolean(o.bigint), o.interval ?? 5007, o.persistent !== false);
    pollers.set(target, watcher);
  }
  watcher.on('change', listener as (...a: unknown[]) => void);
  return watcher;
}

export function unwatchFile(filename: unknown, listener?: unknown): void {
  const target = path.resolve(validatedPathString(filename, 'filename'));
  const watcher = pollers.get(target);
  if (!watcher) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener as (...a: unknown[]) => void);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) watcher.stop();
}

// Writes through descriptors (streams, FileHandle, fs.write) change files too: while anyone watches, remember which
// path each writable overlay descriptor was opened on, so its writes are heard as 'change'.
const writablePaths = new Map<number, string>();
const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC } = fsConstants;

/** Before an open: whether the file exists, when the open might create it and someone listens. */
export function existedBeforeOpen(p: string, flags: number): boolean {
  if (watchers.size === 0 || (flags & O_CREAT) === 0) return true;
  return context.engine.exists(p);
}

export function noteOpen(fd: number, p: string, flags: number, existedBefore: boolean): void {
  if (watchers.size === 0 || (flags & (O_WRONLY | O_RDWR)) === 0) return;
  const abs = path.resolve(p);
  writablePaths.set(fd, abs);
  if (!existedBefore) notifyChange('rename', abs, 'create');
  if (existedBefore && (flags & O_TRUNC) !== 0) notifyChange('change', abs, 'modify');
}

export function noteWrite(fd: number, bytes: number): void {
  if (bytes === 0) return;
  const abs = writablePaths.get(fd);
  if (abs !== undefined) notifyChange('change', abs, 'modify');
}

export function noteClose(fd: number): void {
  writablePaths.delete(fd);
}
