// What naming the running test costs a change: the engine with a journal in a spool writing small files, outside any
// test (the sources answer nothing, as in a process without a runner) and inside one (an AsyncLocalStorage holds the
// test, as node:test's does; every change then carries its number). Best of several rounds each, alternated.
//   node --import tsx bench/running-test.bench.ts
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal } from '../src/changes/journal.js';
import { addTestSource, type RunningTest } from '../src/changes/running-test.js';
import { createSpool, removeSpool } from '../src/changes/spool.js';
import { createDiskLayer } from '../src/overlay/disk.js';
import { Overlay } from '../src/overlay/overlay.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const files = 20_000;
const W = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC;
const storage = new AsyncLocalStorage<RunningTest>();
// The sources a process has: vitest's (a global read), node:test's (the store).
addTestSource(() => (globalThis as { __vitest_worker__?: { current?: RunningTest } }).__vitest_worker__?.current);
addTestSource(() => storage.getStore());
const test: RunningTest = { name: 'suite > writes many files', outcome: () => undefined };

/** Microseconds per file written, closed and journaled (the journal writes at the end of each turn). */
async function round(inTest: boolean): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-bench-test-name-'));
  const spool = createSpool();
  try {
    let journal: ReturnType<typeof openJournal> | undefined;
    const engine = new Overlay({ lower: createDiskLayer(), observer: { onChange: (c) => journal?.onChange(c) } });
    journal = openJournal({ spoolDir: spool, engine });
    const body = async () => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < files; i++) {
        engine.writeFile(path.join(dir, `f${i % 1000}`), Buffer.from('x'), W, 0o644);
        if (i % 100 === 99) await Promise.resolve(); // a turn ends: the journal writes what it queued
      }
      journal!.close();
      return Number(process.hrtime.bigint() - start) / 1000 / files;
    };
    return inTest ? await storage.run(test, body) : await body();
  } finally {
    removeSpool(spool);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const best = { outside: Infinity, inside: Infinity };
for (let i = 0; i < rounds; i++) {
  best.outside = Math.min(best.outside, await round(false));
  best.inside = Math.min(best.inside, await round(true));
}
console.log(`${files} small files, best of ${rounds} rounds, µs per file written and journaled:`);
console.log(`  outside a test ${best.outside.toFixed(2)}, inside a test ${best.inside.toFixed(2)} (${((best.inside / best.outside - 1) * 100).toFixed(1)} %)`);
