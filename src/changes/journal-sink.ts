// Where a journal's frames go. At first each frame is written with one system call from the thread that made the
// change (a few microseconds for a small frame, ~100 µs for 256 KiB: the kernel's copy into tmpfs costs more than
// the overlay's own write). Once a process has spent about what a writer thread costs to start, one is started,
// and from the moment it runs frames are only copied into a SharedArrayBuffer ring that the thread empties into the
// file: the process pays a memory copy per frame, the system calls happen on the thread (on another core when one is
// free), the frames of about a millisecond share one write, a full rewrite of a file takes back its previous frame
// while the thread has not reached it, and a program that never returns to its event loop after a close (a test
// spinning until a timeout kills it) still gets the file onto the spool: the thread needs nothing from the main
// thread. What a SIGKILL can lose is what the last millisecond or so closed. Frames over a quarter of the ring are
// written directly (straight from the engine's buffer, after the ring).
//
// What must never happen: a process started by this one replaying the spool before a frame reached it. Every way to
// start one drains the ring first (drain-before-spawn.ts), as do exit, fatal signals, flush and compaction: the
// journal's thread waits for the write the thread has in flight, then writes the rest itself, under a lock word
// the thread also takes, so the two never write at once and frames keep their order.
//
// The thread is started only in a process's main thread (a worker thread can be terminated by its parent without
// an exit event, and a ring's frames would die with it), never at start-up (it costs milliseconds: loading
// worker_threads' internals and node:child_process, the Worker constructor), and not at all where it cannot run (no
// worker_threads or SharedArrayBuffer): frames are then written directly, as before.
import { originalOf, registerDrain, wrapLoadedChildProcess } from './drain-before-spawn.js';
import { defaultNapMs, lockHolder as L, ringHeaderBytes, ringWords as W, writerState, writerThreadSource } from './journal-writer-thread.js';
import { encodeFrame, frameHeadBytes } from './record.js';
import { originalFs } from './original-fs.js';

/** Readable by the run's processes of other users (a test may start one as nobody), which replay it. */
export const journalMode = 0o644;

/**
 * When to start the writer thread. `auto`: once direct writes have cost about as much as starting the thread does
 * (ski rental: a process that writes little never pays for a thread it would not use); `eager`: at the first frame
 * after the journal's header; `never`: direct writes only. MEMFS_JOURNAL_THREAD=0 / 1 chooses never / eager.
 */
export type WriterThreadPolicy = 'auto' | 'eager' | 'never';

export function writerThreadPolicyFromEnv(env: NodeJS.ProcessEnv): WriterThreadPolicy {
  const value = env.MEMFS_JOURNAL_THREAD;
  return value === '0' ? 'never' : value === '1' ? 'eager' : 'auto';
}

/**
 * The writer thread's nap between looks at a busy ring, in ms (MEMFS_JOURNAL_NAP_MS, default 1): longer naps mean
 * fewer, larger writes and more lost to a SIGKILL. Tests make it long to show that nothing but a drain can have put
 * a frame in the file.
 */
function napMsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.MEMFS_JOURNAL_NAP_MS);
  return Number.isFinite(value) && value > 0 ? value : defaultNapMs;
}

/**
 * A power of two: positions are counters modulo 2^32 (see journal-writer-thread.ts). Small enough to stay in a
 * core's cache while small frames cycle through it, and to cost each process that starts a thread only 2 MiB; large
 * enough for a rewritten 256 KiB file to be taken back while the thread writes the one before.
 */
const ringBytes = 2 * 1024 * 1024;
/** Frames larger than this are written directly, straight from the engine's buffer, after the ring is drained. */
const largestRingFrame = ringBytes / 4;
/**
 * Content larger than this goes through the ring only when a later rewrite may take it back: the kernel's copy into
 * tmpfs, not the system call, is then the cost, and it is the same on either thread. Copying into the ring first
 * pays only where a core is idle for the thread; on a busy machine it is one more copy (bench/journal.bench.ts).
 */
const largestNewContentInRing = 64 * 1024;
/**
 * Once the thread has written everything, frames start again from the ring's beginning past this point: a stream of
 * small frames then stays within the first few hundred KiB, in the core's cache, instead of walking through all of
 * the ring's memory (which costs a cache miss per 64 bytes copied).
 */
const rewindPast = 256 * 1024;
/** Estimated cost of one direct write: the system call, plus the kernel's copy of each byte. */
const directWriteNs = 3_000;
const directWriteNsPerByte = 0.45;
/** What starting the thread costs the main thread (loading worker_threads' internals, the Worker constructor). */
const threadStartCostNs = 5_000_000;
/** How long a drain waits for the thread's write in flight before it gives the journal up. */
const patienceMs = 10_000;

interface WorkerLike {
  unref(): void;
  terminate(): unknown;
  on(event: 'error' | 'exit', listener: () => void): unknown;
}
type WorkerConstructor = new (source: string, options: object) => WorkerLike;

interface Ring {
  words: Int32Array;
  bytes: Buffer;
  worker: WorkerLike | undefined;
  lost: boolean;
  unregister: () => void;
}

export class JournalSink {
  private fd: number | undefined;
  private ring: Ring | undefined;
  private threadWanted: boolean;
  private directCostNs = 0;
  private closed = false;
  /** Ring positions of the frame appended last, while it may still be taken back. */
  private lastFrame: { start: number; end: number } | undefined;

  constructor(
    private readonly file: string,
    private readonly policy: WriterThreadPolicy = 'auto',
  ) {
    this.fd = originalFs.openSync(file, 'a', journalMode);
    this.threadWanted = policy === 'never';
  }

  /** The ring is in use: frames are copied, and the thread writes them. */
  get threaded(): boolean {
    const ring = this.ring;
    return ring !== undefined && !ring.lost && Atomics.load(ring.words, W.state) === writerState.running;
  }

  /**
   * Appends one frame; returns its size in bytes. Throws when the journal can no longer be written. `mayBeSuperseded`:
   * a full rewrite of a file, which the next rewrite may take back (retractLast) while the thread has not reached it.
   */
  append(header: string, data?: Uint8Array, mayBeSuperseded = false): number {
    this.lastFrame = undefined;
    const ring = this.ring;
    if (ring) {
      const state = Atomics.load(ring.words, W.state);
      if (state === writerState.failed) throw new Error('the journal writer thread could not write');
      if (state === writerState.running && !ring.lost) {
        if (mayBeSuperseded || (data?.length ?? 0) <= largestNewContentInRing) return this.appendToRing(ring, header, data);
        let size = 0;
        this.takeOver(ring, () => {
          size = this.writeDirect(encodeFrame(header, data));
        });
        return size;
      }
      // A thread that went away may have left frames behind: they go first.
      this.drain();
    }
    const size = this.writeDirect(encodeFrame(header, data));
    if (!this.threadWanted) {
      this.directCostNs += directWriteNs + size * directWriteNsPerByte;
      if (this.policy === 'eager' || this.directCostNs >= threadStartCostNs) this.startThread();
    }
    return size;
  }

  /** Takes back the frame appended last, if the thread has not taken it yet; false when it could not. */
  retractLast(): boolean {
    const frame = this.lastFrame;
    const ring = this.ring;
    this.lastFrame = undefined;
    if (!frame || !ring || (Atomics.load(ring.words, W.published) >>> 0) !== frame.end) return false;
    if (Atomics.compareExchange(ring.words, W.lock, L.free, L.journal) !== L.free) return false;
    try {
      const claimed = Atomics.load(ring.words, W.claimed) >>> 0;
      if (((frame.start - claimed) >>> 0) > ((frame.end - claimed) >>> 0)) return false;
      Atomics.store(ring.words, W.published, frame.start | 0);
      return true;
    } finally {
      this.unlock(ring);
    }
  }

  /** Everything appended so far is in the file when this returns. */
  drain(): void {
    const ring = this.ring;
    if (!ring || Atomics.load(ring.words, W.published) === Atomics.load(ring.words, W.consumed)) return;
    this.lastFrame = undefined;
    this.takeOver(ring, () => {});
  }

  /** Runs `replace` (which renames a new journal over the file) with nothing in flight, then reopens the file. */
  replaceFile(replace: () => void): void {
    this.lastFrame = undefined;
    const swap = () => {
      replace();
      if (this.fd !== undefined) originalFs.closeSync(this.fd);
      this.fd = originalFs.openSync(this.file, 'a', journalMode);
    };
    const ring = this.ring;
    if (!ring) return swap();
    this.takeOver(ring, () => {
      swap();
      Atomics.add(ring.words, W.generation, 1);
    });
  }

  /** Drains, stops the thread, and writes directly from now on (the process is ending: the thread may not run again). */
  close(): void {
    try {
      this.drain();
    } finally {
      this.closed = true;
      this.threadWanted = true;
      const ring = this.ring;
      this.ring = undefined;
      if (ring) {
        ring.unregister();
        void ring.worker?.terminate();
      }
      try {
        if (this.fd !== undefined) originalFs.closeSync(this.fd);
      } catch {
        // Already closed by a process tearing down its descriptors.
      }
      this.fd = undefined;
    }
  }

  private writeDirect(buffers: Uint8Array[]): number {
    this.fd ??= originalFs.openSync(this.file, 'a', journalMode);
    return writeAll(this.fd, buffers);
  }

  /** Copies the frame into the ring and publishes it (or writes it directly, in order, when it is too large). */
  private appendToRing(ring: Ring, header: string, data?: Uint8Array): number {
    const { words, bytes } = ring;
    const dataLength = data?.length ?? 0;
    const capacity = bytes.length;
    const mostBytes = frameHeadBytes + header.length * 3 + dataLength;
    if (mostBytes > largestRingFrame) {
      let size = 0;
      this.takeOver(ring, () => {
        size = this.writeDirect(encodeFrame(header, data));
      });
      return size;
    }
    let published = Atomics.load(words, W.published) >>> 0;
    if ((published & (capacity - 1)) > rewindPast && published === Atomics.load(words, W.consumed) >>> 0) {
      published = this.rewind(ring, published);
    }
    let free = capacity - ((published - (Atomics.load(words, W.consumed) >>> 0)) >>> 0);
    if (free < mostBytes) {
      // The thread is behind by a whole ring: write it out here (the thread's own write in flight first).
      this.takeOver(ring, () => {});
      published = Atomics.load(words, W.published) >>> 0;
      free = capacity;
    }
    const at = published & (capacity - 1);
    let size: number;
    if (capacity - at >= mostBytes) {
      // Encoded straight into the ring: no intermediate copy.
      const headerLength = bytes.write(header, at + frameHeadBytes, 'utf8');
      bytes.writeUInt32LE(headerLength, at);
      bytes.writeUInt32LE(dataLength, at + 4);
      if (dataLength > 0) bytes.set(data!, at + frameHeadBytes + headerLength);
      size = frameHeadBytes + headerLength + dataLength;
    } else {
      size = 0;
      let to = at;
      for (const piece of encodeFrame(header, data)) {
        const first = Math.min(piece.length, capacity - to);
        bytes.set(first === piece.length ? piece : piece.subarray(0, first), to);
        if (first < piece.length) bytes.set(piece.subarray(first), 0);
        to = (to + piece.length) & (capacity - 1);
        size += piece.length;
      }
    }
    const end = (published + size) >>> 0;
    Atomics.store(words, W.published, end | 0);
    if (Atomics.load(words, W.sleeping) === 1) Atomics.notify(words, W.published, 1);
    this.lastFrame = { start: published, end };
    return size;
  }

  /** Moves the empty ring's positions to the start of its next lap (all three together, under the lock). */
  private rewind(ring: Ring, published: number): number {
    const { words, bytes } = ring;
    if (Atomics.compareExchange(words, W.lock, L.free, L.journal) !== L.free) return published;
    try {
      if (Atomics.load(words, W.consumed) >>> 0 !== published || Atomics.load(words, W.claimed) >>> 0 !== published) return published;
      const lap = (published - (published & (bytes.length - 1)) + bytes.length) >>> 0;
      Atomics.store(words, W.claimed, lap | 0);
      Atomics.store(words, W.consumed, lap | 0);
      Atomics.store(words, W.published, lap | 0);
      return lap;
    } finally {
      this.unlock(ring);
    }
  }

  /**
   * Takes the lock from the thread, waits for the write it has in flight, writes what the ring holds, runs `then`,
   * and gives the lock back. Throws (the journal then stops) when the thread holds on for too long or failed.
   */
  private takeOver(ring: Ring, then: () => void): void {
    const { words, bytes } = ring;
    const deadline = Date.now() + patienceMs;
    while (Atomics.compareExchange(words, W.lock, L.free, L.journal) !== L.free) {
      // A thread that died holding the lock will not give it back.
      if (ring.lost) {
        Atomics.store(words, W.lock, L.journal);
        break;
      }
      if (Date.now() > deadline) throw new Error('the journal writer thread holds the journal for too long');
      Atomics.wait(words, W.lock, L.writer, 1);
    }
    try {
      for (;;) {
        const consumed = Atomics.load(words, W.consumed);
        if (consumed === Atomics.load(words, W.claimed)) break;
        if (Atomics.load(words, W.state) === writerState.failed || ring.lost) {
          throw new Error('the journal writer thread stopped in the middle of a write');
        }
        if (Date.now() > deadline) throw new Error('the journal writer thread holds the journal for too long');
        Atomics.wait(words, W.consumed, consumed, 5);
      }
      const start = Atomics.load(words, W.consumed) >>> 0;
      const end = Atomics.load(words, W.published) >>> 0;
      const length = (end - start) >>> 0;
      if (length > 0) {
        const capacity = bytes.length;
        const from = start & (capacity - 1);
        const first = Math.min(length, capacity - from);
        const pieces = [bytes.subarray(from, from + first)];
        if (first < length) pieces.push(bytes.subarray(0, length - first));
        this.writeDirect(pieces);
        Atomics.store(words, W.claimed, end | 0);
        Atomics.store(words, W.consumed, end | 0);
      }
      then();
    } finally {
      this.unlock(ring);
    }
  }

  private unlock(ring: Ring): void {
    Atomics.store(ring.words, W.lock, L.free);
    Atomics.notify(ring.words, W.lock);
  }

  /** Starts the writer thread (once). Until it reports that it runs, frames are still written directly. */
  private startThread(): void {
    this.threadWanted = true;
    if (this.closed) return;
    try {
      const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
      const workers = getBuiltin?.('node:worker_threads') as { isMainThread: boolean; Worker: WorkerConstructor } | undefined;
      if (!workers?.isMainThread || typeof SharedArrayBuffer !== 'function') return;
      // Frames will wait in the ring from now on: every way to start a reader of the spool must drain first.
      wrapLoadedChildProcess();
      const shared = new SharedArrayBuffer(ringHeaderBytes + ringBytes);
      const ring: Ring = {
        words: new Int32Array(shared, 0, ringHeaderBytes / 4),
        bytes: Buffer.from(shared, ringHeaderBytes, ringBytes),
        worker: undefined,
        lost: false,
        unregister: () => {},
      };
      // The original constructor (the exported one drains first, which would be harmless but useless here). Without
      // NODE_OPTIONS and with empty execArgv the preload does not load in the thread: no journal, no patched fs.
      const Worker = originalOf(workers.Worker);
      const worker = new Worker(writerThreadSource, {
        eval: true, env: {}, execArgv: [], argv: [], stdout: true, stderr: true,
        workerData: { buffer: shared, file: this.file, napMs: napMsFromEnv(process.env) },
      });
      worker.unref();
      const lost = () => {
        ring.lost = true;
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      ring.worker = worker;
      ring.unregister = registerDrain(() => this.drain());
      this.ring = ring;
    } catch {
      // A sandbox without threads or shared memory: frames are written directly.
    }
  }
}

function writeAll(fd: number, buffers: Uint8Array[]): number {
  let total = 0;
  for (const buffer of buffers) total += buffer.length;
  let written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0]!, 0, total) : originalFs.writevSync(fd, buffers);
  if (written === total) return total;
  // A short write (rare on regular files): finish it piece by piece so the frame is never torn by us.
  const all = Buffer.concat(buffers);
  while (written < total) written += originalFs.writeSync(fd, all, written, total - written);
  return total;
}
