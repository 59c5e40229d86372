// The source of the thread that writes a journal's ring to its file, run as an `eval` Worker. It is a string, not a
// module: the preload is one bundled file, and the worker must load nothing but node:fs (its env lacks NODE_OPTIONS,
// so the preload does not load in it and its fs is the real one).
//
// Shared state (Int32 words at the start of the SharedArrayBuffer, positions are byte counters modulo 2^32):
//   published  bytes the main thread has put in the ring          consumed  bytes written to the file
//   owner      0 free, 1 this thread writes, 2 the main thread writes (drain, compaction)
//   generation bumped when the journal file is replaced (compaction): reopen it
//   sleeping   1 while this thread waits without a timeout: the main thread then notifies
//   state      1 once running, 3 after a write failed (the main thread stops journaling)
//   linger     always 0: what the thread waits on, with a timeout, to let frames gather
export const ringWords = { published: 0, consumed: 1, owner: 2, generation: 3, sleeping: 4, state: 5, linger: 6 } as const;
export const ringHeaderBytes = 64;
export const writerState = { starting: 0, running: 1, failed: 3 } as const;

/** How long the thread polls after its last write before it sleeps until notified: a burst costs no wake-ups. */
const pollMs = 1;
const pollsBeforeSleep = 50;
/**
 * How long new frames wait in the ring before the thread writes them: one write per millisecond at most, whatever
 * the number of frames (the thread's CPU time, on machines with few cores, is taken from the test), and a file
 * rewritten within that time replaces its previous frame instead of adding to it. It bounds what a SIGKILL loses.
 */
export const lingerMs = 1;

export const writerThreadSource = `
'use strict';
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { buffer, file } = workerData;
const W = ${JSON.stringify(ringWords)};
const words = new Int32Array(buffer, 0, ${ringHeaderBytes / 4});
const data = new Uint8Array(buffer, ${ringHeaderBytes});
const capacity = data.length;
let generation = Atomics.load(words, W.generation);
// Never creates the file: a journal closed and removed before this thread got to run stays removed.
const openFlags = fs.constants.O_WRONLY | fs.constants.O_APPEND;
let fd = fs.openSync(file, openFlags);
function writeAll(from, to) {
  let at = from;
  while (at < to) at += fs.writeSync(fd, data, at, to - at);
}
Atomics.store(words, W.state, ${writerState.running});
let idlePolls = 0;
for (;;) {
  const published = Atomics.load(words, W.published);
  if (published === Atomics.load(words, W.consumed)) {
    if (idlePolls < ${pollsBeforeSleep}) {
      idlePolls++;
      Atomics.wait(words, W.published, published, ${pollMs});
    } else {
      Atomics.store(words, W.sleeping, 1);
      if (Atomics.load(words, W.published) === published) Atomics.wait(words, W.published, published);
      Atomics.store(words, W.sleeping, 0);
    }
    continue;
  }
  idlePolls = 0;
  Atomics.wait(words, W.linger, 0, ${lingerMs});
  if (Atomics.compareExchange(words, W.owner, 0, 1) !== 0) {
    Atomics.wait(words, W.owner, 2, 5);
    continue;
  }
  try {
    if (Atomics.load(words, W.generation) !== generation) {
      generation = Atomics.load(words, W.generation);
      fs.closeSync(fd);
      fd = fs.openSync(file, openFlags);
    }
    const end = Atomics.load(words, W.published) >>> 0;
    const start = Atomics.load(words, W.consumed) >>> 0;
    const length = (end - start) >>> 0;
    const from = start % capacity;
    const first = Math.min(length, capacity - from);
    writeAll(from, from + first);
    if (first < length) writeAll(0, length - first);
    Atomics.store(words, W.consumed, end | 0);
  } catch (error) {
    Atomics.store(words, W.state, ${writerState.failed});
    Atomics.store(words, W.owner, 0);
    Atomics.notify(words, W.owner);
    Atomics.notify(words, W.consumed);
    break;
  }
  Atomics.store(words, W.owner, 0);
  Atomics.notify(words, W.owner);
  Atomics.notify(words, W.consumed);
}
`;
