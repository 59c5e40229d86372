// Where a journal's frames go. The direct sink writes each frame with one system call from the calling thread;
// the ring sink copies it into a SharedArrayBuffer that a writer thread empties into the file, so the main thread
// pays a memory copy instead of a system call, and a main thread that never returns to its event loop (a test
// spinning after it closed a file, until a timeout kills it) still gets what it closed onto the spool within a
// millisecond: the thread needs nothing from the main thread but the ring.
//
// Until the thread reports that it runs (its first tens of milliseconds) and after close, frames are written
// directly, so that a process that kills itself right after its first write, or writes in an exit listener, loses
// nothing. Order is kept: a direct write first drains the ring, under the same lock word the thread takes.
import { originalFs } from './original-fs.js';
import { ringHeaderBytes, ringWords as W, writerState, writerThreadSource } from './journal-writer-thread.js';

export interface JournalSink {
  /** Appends one frame (its buffers in order). Throws when the journal can no longer be written. */
  append(buffers: Uint8Array[]): void;
  /** Takes back the frame appended last, if none of its bytes reached the file yet; false when it could not. */
  retractLast(): boolean;
  /** Writes everything appended so far to the file before returning (exit, signals, sweeps). */
  drain(): void;
  /** Runs `replace` (which renames a new journal over the file) with no write in flight, then reopens the file. */
  replaceFile(replace: () => void): void;
  /** Drains, and writes directly from now on (the process is ending: a thread might not get to run again). */
  close(): void;
}

/** Readable by the run's processes of other users (a test may start one as nobody), which replay it. */
export const journalMode = 0o644;

const ringBytes = 8 * 1024 * 1024;
/** Frames larger than this go to the file directly (after the ring): a large file costs its copy only once. */
const largestRingFrame = ringBytes / 4;
/** How long a drain waits for the thread's write in flight before it gives the journal up. */
const lockPatienceMs = 10_000;

export class DirectSink implements JournalSink {
  private fd: number | undefined;

  constructor(private readonly file: string) {
    this.fd = originalFs.openSync(file, 'a', journalMode);
  }

  append(buffers: Uint8Array[]): void {
    this.fd ??= originalFs.openSync(this.file, 'a', journalMode);
    writeAll(this.fd, buffers);
  }

  retractLast(): boolean {
    return false;
  }

  drain(): void {}

  replaceFile(replace: () => void): void {
    replace();
    this.reopen();
  }

  reopen(): void {
    if (this.fd !== undefined) originalFs.closeSync(this.fd);
    this.fd = originalFs.openSync(this.file, 'a', journalMode);
  }

  close(): void {
    try {
      if (this.fd !== undefined) originalFs.closeSync(this.fd);
    } catch {
      // Already closed by a process tearing down its descriptors.
    }
    this.fd = undefined;
  }
}

interface WorkerLike {
  unref(): void;
  terminate(): unknown;
  on(event: 'error' | 'exit', listener: () => void): unknown;
}
type WorkerConstructor = new (source: string, options: object) => WorkerLike;

export class RingSink implements JournalSink {
  private readonly direct: DirectSink;
  private readonly words: Int32Array;
  private readonly data: Uint8Array;
  private readonly capacity: number;
  private threadWanted = false;
  private worker: WorkerLike | undefined;
  private threadLost = false;
  private closed = false;
  /** Ring positions of the frame appended last, while it is the last thing in the ring. */
  private lastFrame: { start: number; end: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly Worker: WorkerConstructor,
  ) {
    this.direct = new DirectSink(file);
    const shared = new SharedArrayBuffer(ringHeaderBytes + ringBytes);
    this.words = new Int32Array(shared, 0, ringHeaderBytes / 4);
    this.data = new Uint8Array(shared, ringHeaderBytes);
    this.capacity = ringBytes;
  }

  /** Starts the writer thread (once; lazily, on the first change: the preload must start fast). */
  startThread(): void {
    if (this.threadWanted) return;
    this.threadWanted = true;
    try {
      const env: NodeJS.ProcessEnv = { ...process.env };
      // Without NODE_OPTIONS the preload does not load in the thread (a journal of its own, a patched fs).
      delete env.NODE_OPTIONS;
      const worker = new this.Worker(writerThreadSource, {
        eval: true, env, execArgv: [], stdout: true, stderr: true,
        workerData: { buffer: this.words.buffer, file: this.file },
      });
      worker.unref();
      this.worker = worker;
      const lost = () => {
        this.threadLost = true;
      };
      worker.on('error', lost);
      worker.on('exit', lost);
    } catch {
      this.threadLost = true;
    }
  }

  private threadRuns(): boolean {
    if (this.threadLost || this.closed) return false;
    const state = Atomics.load(this.words, W.state);
    if (state === writerState.failed) throw new Error('the journal writer thread could not write');
    return state === writerState.running;
  }

  append(buffers: Uint8Array[]): void {
    let total = 0;
    for (const buffer of buffers) total += buffer.length;
    if (!this.threadRuns() || total > largestRingFrame) {
      this.lastFrame = undefined;
      this.drainThen(() => this.direct.append(buffers));
      return;
    }
    const published = Atomics.load(this.words, W.published) >>> 0;
    if (this.capacity - ((published - (Atomics.load(this.words, W.consumed) >>> 0)) >>> 0) < total) {
      this.lastFrame = undefined;
      this.drainThen(() => this.direct.append(buffers));
      return;
    }
    let at = published % this.capacity;
    for (const buffer of buffers) {
      const first = Math.min(buffer.length, this.capacity - at);
      this.data.set(first === buffer.length ? buffer : buffer.subarray(0, first), at);
      if (first < buffer.length) this.data.set(buffer.subarray(first), 0);
      at = (at + buffer.length) % this.capacity;
    }
    const end = (published + total) >>> 0;
    this.lastFrame = { start: published, end };
    Atomics.store(this.words, W.published, end | 0);
    if (Atomics.load(this.words, W.sleeping) === 1) Atomics.notify(this.words, W.published);
  }

  retractLast(): boolean {
    const frame = this.lastFrame;
    this.lastFrame = undefined;
    if (!frame || Atomics.load(this.words, W.published) >>> 0 !== frame.end) return false;
    if (Atomics.compareExchange(this.words, W.owner, 0, 2) !== 0) return false;
    try {
      const consumed = Atomics.load(this.words, W.consumed) >>> 0;
      if (((frame.start - consumed) >>> 0) > ((frame.end - consumed) >>> 0)) return false;
      Atomics.store(this.words, W.published, frame.start | 0);
      return true;
    } finally {
      this.unlock();
    }
  }

  drain(): void {
    if (Atomics.load(this.words, W.published) === Atomics.load(this.words, W.consumed)) return;
    this.drainThen(() => {});
  }

  replaceFile(replace: () => void): void {
    this.lastFrame = undefined;
    this.drainThen(() => {
      this.direct.replaceFile(replace);
      Atomics.add(this.words, W.generation, 1);
    });
  }

  close(): void {
    this.drain();
    this.closed = true;
    this.direct.close();
    // Whatever comes later is written directly: the thread has no more work.
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** Takes the lock word from the thread, writes what the ring holds, runs `then`, gives the lock back. */
  private drainThen(then: () => void): void {
    this.lock();
    try {
      const end = Atomics.load(this.words, W.published) >>> 0;
      const start = Atomics.load(this.words, W.consumed) >>> 0;
      const length = (end - start) >>> 0;
      if (length > 0) {
        const from = start % this.capacity;
        const first = Math.min(length, this.capacity - from);
        const pieces = [this.data.subarray(from, from + first)];
        if (first < length) pieces.push(this.data.subarray(0, length - first));
        this.direct.append(pieces);
        Atomics.store(this.words, W.consumed, end | 0);
      }
      then();
    } finally {
      this.unlock();
    }
  }

  private lock(): void {
    const deadline = Date.now() + lockPatienceMs;
    while (Atomics.compareExchange(this.words, W.owner, 0, 2) !== 0) {
      if (Date.now() > deadline) throw new Error('the journal writer thread holds the journal for too long');
      Atomics.wait(this.words, W.owner, 1, 20);
    }
  }

  private unlock(): void {
    Atomics.store(this.words, W.owner, 0);
    Atomics.notify(this.words, W.owner);
  }
}

/**
 * The ring sink where worker threads can start (node:worker_threads through process.getBuiltinModule, Node ≥ 20.16:
 * nothing is loaded in processes that never write), else the direct sink.
 */
export function openSink(file: string): JournalSink & { startThread?(): void } {
  if (process.env.MEMFS_JOURNAL_THREAD === '0') return new DirectSink(file);
  try {
    const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    const workers = getBuiltin?.('node:worker_threads') as { Worker?: WorkerConstructor } | undefined;
    if (workers?.Worker && typeof SharedArrayBuffer === 'function') return new RingSink(file, workers.Worker);
  } catch {
    // A sandbox without threads or shared memory: write directly.
  }
  return new DirectSink(file);
}

function writeAll(fd: number, buffers: Uint8Array[]): void {
  let total = 0;
  for (const buffer of buffers) total += buffer.length;
  let written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0]!, 0, total) : originalFs.writevSync(fd, buffers);
  if (written === total) return;
  // A short write (rare on regular files): finish it piece by piece so the frame is never torn by us.
  const all = Buffer.concat(buffers);
  while (written < total) written += originalFs.writeSync(fd, all, written, total - written);
}
