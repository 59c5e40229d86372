// watch / watchFile / fs.promises.watch for overlay paths. The kernel never sees overlay writes, so events are
// emulated: the routed faces report each successful change (install.ts), and watchers of the path or of its
// directory hear 'rename' (created, removed, renamed) or 'change' (content, metadata) on a later tick, as inotify
// would deliver them. watchFile polls the overlay with stat at its interval, as Node's StatWatcher polls the disk.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { context } from './context.js';
import { getOptions, validatedPathString } from './args.js';
import { toStats } from '../overlay/stats.js';
import { validateFunction } from './validators.js';

export type WatchEvent = 'rename' | 'change';

interface Watcher {
  target: string;
  recursive: boolean;
  encoding: unknown;
  emit(event: WatchEvent, filename: string): void;
  /** Events not yet delivered; like inotify, an event equal to the last undelivered one is merged into it. */
  pending?: [WatchEvent, string, string][];
}

const watchers = new Set<Watcher>();

/**
 * Called after an operation inside the overlay succeeded. `cause` is the inotify event behind it (modify, attrib,
 * create, delete, move): the kernel merges an event only into an identical undelivered one.
 */
export function notifyChange(event: WatchEvent, absPath: string, cause: string = event): void {
  if (watchers.size === 0) return;
  for (const w of watchers) {
    let filename: string | undefined;
    if (absPath === w.target) filename = path.basename(absPath);
    else if (path.dirname(absPath) === w.target) filename = path.basename(absPath);
    else if (w.recursive && absPath.startsWith(`${w.target}/`)) filename = path.relative(w.target, absPath);
    if (filename === undefined) continue;
    queueEvent(w, event, filename, cause);
  }
}

function queueEvent(w: Watcher, event: WatchEvent, filename: string, cause: string): void {
  if (w.pending) {
    const last = w.pending[w.pending.length - 1];
    if (last && last[2] === cause && last[1] === filename) return;
    w.pending.push([event, filename, cause]);
    return;
  }
  w.pending = [[event, filename, cause]];
  setImmediate(() => {
    const events = w.pending ?? [];
    w.pending = undefined;
    for (const [e, name] of events) if (watchers.has(w)) w.emit(e, name);
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

export function watch(filename: unknown, options?: unknown, listener?: unknown) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const o = getOptions(options) as { recursive?: unknown; encoding?: unknown; signal?: AbortSignal };
  const target = path.resolve(validatedPathString(filename, 'filename'));
  context.engine.lstat(target);
  let emitter: OverlayFSWatcher;
  const watcher: Watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: o.encoding,
    emit: (event, name) => {
      emitter.emit('change', event, o.encoding === 'buffer' ? Buffer.from(name) : name);
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
  const o = getOptions(options) as { recursive?: unknown; signal?: AbortSignal };
  const target = path.resolve(validatedPathString(filename, 'filename'));
  const pending: { eventType: WatchEvent; filename: string }[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const watcher: Watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: undefined,
    emit: (eventType, name) => {
      pending.push({ eventType, filename: name });
      wake?.();
    },
  };
  watchers.add(watcher);
  const finish = () => {
    closed = true;
    watchers.delete(watcher);
    wake?.();
  };
  o.signal?.addEventListener('abort', finish, { once: true });
  const iterator: AsyncIterableIterator<{ eventType: WatchEvent; filename: string }> = {
    async next() {
      context.engine.lstat(target);
      while (pending.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
      if (pending.length > 0) return { value: pending.shift()!, done: false };
      if (o.signal?.aborted) {
        const err = new Error('The operation was aborted') as Error & { code: string };
        err.name = 'AbortError';
        err.code = 'ABORT_ERR';
        throw err;
      }
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

interface StatPoller {
  timer: NodeJS.Timeout;
  emitter: EventEmitter;
}
const pollers = new Map<string, StatPoller>();

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
  let poller = pollers.get(target);
  if (!poller) {
    const emitter = new EventEmitter();
    let previous = statOrZero(target, Boolean(o.bigint));
    const timer = setInterval(() => {
      const current = statOrZero(target, Boolean(o.bigint));
      if (current.mtimeMs !== previous.mtimeMs || current.ctimeMs !== previous.ctimeMs || current.ino !== previous.ino || current.size !== previous.size) {
        emitter.emit('change', current, previous);
      }
      previous = current;
    }, o.interval ?? 5007);
    if (o.persistent === false) timer.unref();
    poller = { timer, emitter };
    pollers.set(target, poller);
  }
  poller.emitter.on('change', listener as (...a: unknown[]) => void);
  return poller.emitter;
}

export function unwatchFile(filename: unknown, listener?: unknown): void {
  const target = path.resolve(validatedPathString(filename, 'filename'));
  const poller = pollers.get(target);
  if (!poller) return;
  if (typeof listener === 'function') poller.emitter.removeListener('change', listener as (...a: unknown[]) => void);
  else poller.emitter.removeAllListeners('change');
  if (poller.emitter.listenerCount('change') === 0) {
    clearInterval(poller.timer);
    pollers.delete(target);
  }
}
