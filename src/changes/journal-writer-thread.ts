// The thread that writes a journal's ring to its file, run as an `eval` Worker. It is a string, not a module: the
// preload is one bundled file, and the thread must load nothing but node:fs (it starts without NODE_OPTIONS and
// with empty execArgv, so the preload does not load in it and its fs is the real one).
//
// Shared state: Int32 words at the start of the SharedArrayBuffer. Positions are byte counters modulo 2^32 (the
// ring's capacity is a power of two, so `position & (capacity - 1)` stays right across their wrap):
//   published   bytes the journal's thread has put in the ring
//   claimed     bytes this thread has taken to write (published ≥ claimed ≥ consumed); the journal's thread may only
//               take back (retract) frames after `claimed`
//   consumed    bytes in the file
//   lock        0 free, 1 this thread claims, 2 the journal's thread drains, retracts or replaces the file
//   sleeping    1 while this thread waits without a timeout: only then does a publish notify (a futex wake)
//   state       1 once running, 2 after a write failed (the journal's thread stops journaling)
//   generation  bumped when the journal file is replaced (compaction): reopen it
export const ringWords = {
  published: 0, claimed: 1, consumed: 2, lock: 3, sleeping: 4, state: 5, generation: 6,
} as const;
export const ringHeaderBytes = 64;
export const writerState = { starting: 0, running: 1, failed: 2 } as const;
export const lockHolder = { free: 0, writer: 1, journal: 2 } as const;

/**
 * How long the thread naps between looks at the ring while frames keep coming (workerData.napMs). Frames that arrive
 * during a nap are written together with one system call when it ends, without the journal's thread paying a
 * wake-up per frame. It bounds what a SIGKILL loses to about this much (plus the write itself).
 */
export const defaultNapMs = 1;
/** Naps without new frames before the thread sleeps until notified (a burst of writes then costs one wake-up). */
const napsBeforeSleep = 100;

export const writerThreadSource = `
'use strict';
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { buffer, file, napMs } = workerData;
const W = ${JSON.stringify(ringWords)};
const words = new Int32Array(buffer, 0, ${ringHeaderBytes / 4});
const data = new Uint8Array(buffer, ${ringHeaderBytes});
const mask = data.length - 1;
let generation = Atomics.load(words, W.generation);
// Never creates the file: a journal closed and removed before this thread got to run stays removed.
const openFlags = fs.constants.O_WRONLY | fs.constants.O_APPEND;
let fd = fs.openSync(file, openFlags);
function writeRange(from, length) {
  let at = 0;
  while (at < length) at += fs.writeSync(fd, data, from + at, length - at);
}
function release() {
  Atomics.store(words, W.lock, ${lockHolder.free});
  Atomics.notify(words, W.lock);
}
// The ring's pages are mapped on first touch: touched here, the main thread's copies never fault.
for (let page = 0; page < data.length; page += 4096) data[page] = 0;
Atomics.store(words, W.state, ${writerState.running});
Atomics.notify(words, W.state);
let idleNaps = 0;
for (;;) {
  const published = Atomics.load(words, W.published);
  if (published === Atomics.load(words, W.consumed)) {
    if (idleNaps < ${napsBeforeSleep}) {
      idleNaps++;
      Atomics.wait(words, W.published, published, napMs);
    } else {
      Atomics.store(words, W.sleeping, 1);
      Atomics.wait(words, W.published, published);
      Atomics.store(words, W.sleeping, 0);
    }
    continue;
  }
  idleNaps = 0;
  if (Atomics.compareExchange(words, W.lock, ${lockHolder.free}, ${lockHolder.writer}) !== ${lockHolder.free}) {
    Atomics.wait(words, W.lock, ${lockHolder.journal}, 5);
    continue;
  }
  const start = Atomics.load(words, W.consumed) >>> 0;
  const end = Atomics.load(words, W.published) >>> 0;
  Atomics.store(words, W.claimed, end | 0);
  let reopen = Atomics.load(words, W.generation) !== generation;
  generation = Atomics.load(words, W.generation);
  release();
  try {
    if (reopen) {
      fs.closeSync(fd);
      fd = fs.openSync(file, openFlags);
    }
    const length = (end - start) >>> 0;
    const from = start & mask;
    const first = Math.min(length, data.length - from);
    writeRange(from, first);
    if (first < length) writeRange(0, length - first);
  } catch (error) {
    Atomics.store(words, W.state, ${writerState.failed});
    Atomics.notify(words, W.consumed);
    Atomics.notify(words, W.state);
    break;
  }
  Atomics.store(words, W.consumed, end | 0);
  Atomics.notify(words, W.consumed);
  // Frames that came while this write ran are taken after a nap, together with those the nap brings.
  Atomics.wait(words, W.published, Atomics.load(words, W.published), napMs);
}
`;
