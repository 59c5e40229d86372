// The journal's cost against the in-memory write throughput it records: the same writes on the engine alone and on
// the engine with a journal in a spool (/dev/shm here), best of several rounds each. Prints the overhead per
// workload and fails (exit 1) when one exceeds the budget of 30 %.
//   node --import tsx bench/journal.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal, type Journal } from '../src/changes/journal.js';
import { createSpool, removeSpool } from '../src/changes/spool.js';
import { createDiskLayer } from '../src/overlay/disk.js';
import { Overlay } from '../src/overlay/overlay.js';
import type { Change, OverlayApi } from '../src/overlay/types.js';

const budget = 0.3;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

interface Workload {
  name: string;
  bytes: number;
  run(engine: OverlayApi, dir: string): void;
}

const small = Buffer.alloc(1024, 7);
const large = Buffer.alloc(256 * 1024, 9);
const largeOther = Buffer.alloc(256 * 1024, 10);
const line = Buffer.from('a log line of moderate length, as tests print them\n');

const workloads: Workload[] = [
  {
    name: '5,000 new files of 1 KiB (writeFile)',
    bytes: 5000 * small.length,
    run(engine, dir) {
      engine.mkdir(path.join(dir, 'many'), 0o755, false);
      for (let i = 0; i < 5000; i++) engine.writeFile(path.join(dir, 'many', `f${i}.txt`), small, W, 0o644);
    },
  },
  {
    name: '200 new files of 256 KiB (writeFile)',
    bytes: 200 * large.length,
    run(engine, dir) {
      for (let i = 0; i < 200; i++) engine.writeFile(path.join(dir, `big${i}.bin`), large, W, 0o644);
    },
  },
  {
    name: 'one 256 KiB file rewritten 200 times',
    bytes: 200 * large.length,
    run(engine, dir) {
      // Alternating contents: an identical rewrite would be journaled as a header only, and flatter the journal.
      for (let i = 0; i < 200; i++) engine.writeFile(path.join(dir, 'same.bin'), i % 2 ? large : largeOther, W, 0o644);
    },
  },
  {
    name: '2,000 appends of a line (open, append, close)',
    bytes: 2000 * line.length,
    run(engine, dir) {
      for (let i = 0; i < 2000; i++) engine.writeFile(path.join(dir, 'appended.log'), line, O_WRONLY | O_CREAT | O_APPEND, 0o644);
    },
  },
  {
    name: '20,000 writes to one open log, closed once',
    bytes: 20000 * line.length,
    run(engine, dir) {
      const fd = engine.open(path.join(dir, 'open.log'), O_WRONLY | O_CREAT | O_APPEND, 0o644);
      for (let i = 0; i < 20000; i++) engine.write(fd, line, 0, line.length, null);
      engine.close(fd);
    },
  },
];

function timeOnce(workload: Workload, withJournal: boolean): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-journal-bench-'));
  const spool = createSpool();
  let journal: Journal | undefined;
  const engine = new Overlay({ lower: createDiskLayer(), quotaBytes: Infinity, observer: { onChange: (c: Change) => journal?.onChange(c) } });
  if (withJournal) journal = openJournal({ spoolDir: spool, engine, sweepIntervalMs: 60_000 });
  const started = process.hrtime.bigint();
  workload.run(engine, dir);
  journal?.close();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  removeSpool(spool);
  fs.rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

function best(workload: Workload, withJournal: boolean): number {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) fastest = Math.min(fastest, timeOnce(workload, withJournal));
  return fastest;
}

let worst = 0;
console.log(`journal overhead (best of ${rounds}; spool under ${fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir()})`);
for (const workload of workloads) {
  timeOnce(workload, false); // warm-up
  timeOnce(workload, true);
  const plain = best(workload, false);
  const journaled = best(workload, true);
  const ratio = (journaled - plain) / plain;
  worst = Math.max(worst, ratio);
  const mbps = (ms: number) => (workload.bytes / 1024 / 1024 / (ms / 1000)).toFixed(0);
  console.log(
    `${workload.name.padEnd(44)} memory ${plain.toFixed(1).padStart(7)} ms (${mbps(plain).padStart(5)} MiB/s)` +
      `  + journal ${journaled.toFixed(1).padStart(7)} ms (${mbps(journaled).padStart(5)} MiB/s)  overhead ${(ratio * 100).toFixed(0).padStart(4)} %`,
  );
}
console.log(`worst overhead ${(worst * 100).toFixed(0)} % (budget ${budget * 100} %)`);
if (worst > budget) process.exitCode = 1;
