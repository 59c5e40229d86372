// The journal's cost against the in-memory write throughput it records, measured twice:
//  1. on the engine alone vs the engine with a journal in a spool (/dev/shm here): the strictest ratio, since the
//     engine's own work is only a few microseconds per file;
//  2. as users see it: a Node process writing through fs under the preload, without and with MEMFS_SPOOL.
// Best of several rounds each. Prints the overhead per workload, and exits 1 when one exceeds the 30 % budget.
// Journaled runs include the run's space guard, as the preload has it (BENCH_NO_GUARD=1 leaves it out at the engine
// level, to see its share); section 3 times the guard's own check.
//   node --import tsx bench/journal.bench.ts
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal, type Journal } from '../src/changes/journal.js';
import { createSpool, removeSpool } from '../src/changes/spool.js';
import { SpoolSpace } from '../src/changes/spool-space.js';
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
    name: '2,000 files by descriptor (4 writes each)',
    bytes: 2000 * 4 * small.length,
    run(engine, dir) {
      for (let i = 0; i < 2000; i++) {
        const fd = engine.open(path.join(dir, `fd${i}.txt`), W, 0o644);
        for (let j = 0; j < 4; j++) engine.write(fd, small, 0, small.length, null);
        engine.close(fd);
      }
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
  // Journaled as the preload journals: with the run's space guard, which the engine asks before every content change.
  const space = withJournal && process.env.BENCH_NO_GUARD === undefined ? new SpoolSpace({ spoolDir: spool }) : undefined;
  const engine = new Overlay({
    lower: createDiskLayer(), quotaBytes: Infinity, observer: { onChange: (c: Change) => journal?.onChange(c), beforeForget: (ino: number) => journal?.beforeForget?.(ino) }, ...(space && { spaceGuard: space }),
  });
  if (withJournal) journal = openJournal({ spoolDir: spool, engine, sweepIntervalMs: 60_000, ...(space && { space }) });
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
console.log('1. engine level');
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

// 2. Through fs, in a process of its own under the preload built from the sources.
const preloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-journal-bench-preload-'));
const preload = path.join(preloadDir, 'preload.cjs');
await build({
  entryPoints: [path.join(import.meta.dirname, '../src/preload/index.ts')], bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', outfile: preload, logLevel: 'warning',
});
const writer = path.join(preloadDir, 'writer.cjs');
fs.writeFileSync(writer, `
const fs = require('fs'), path = require('path'), os = require('os');
const small = Buffer.alloc(1024, 7), large = Buffer.alloc(256 * 1024, 9), other = Buffer.alloc(256 * 1024, 10);
const rounds = ${rounds};
// The clock stops once the journal has written what the workload queued: after the end of the turn (a macrotask
// later, as for the plain run), so that the batched write is counted.
const turnEnd = () => new Promise((resolve) => setImmediate(resolve));
const best = async (fn) => { let b = Infinity; for (let r = 0; r < rounds; r++) { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'w-'));
  const t = process.hrtime.bigint(); await fn(d); await turnEnd(); b = Math.min(b, Number(process.hrtime.bigint() - t) / 1e6); } return b; };
// "one per turn": the same work with the event loop turning between writes, as an async test writes (the journal's
// worst case: a write system call per turn).
const perTurn = (n, op) => async (d) => { for (let i = 0; i < n; i++) { op(d, i); await turnEnd(); } };
(async () => {
const results = {};
const add = async (name, fn) => { results[name] = await best(fn); };
await add('5,000 new files of 1 KiB (fs.writeFileSync)', (d) => { for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(d, 'f' + i), small); });
await add('200 new files of 256 KiB (fs.writeFileSync)', (d) => { for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(d, 'b' + i), large); });
await add('one 256 KiB file rewritten 200 times', (d) => { for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(d, 's'), i % 2 ? large : other); });
await add('2,000 fs.appendFileSync of a line', (d) => { for (let i = 0; i < 2000; i++) fs.appendFileSync(path.join(d, 'log'), 'a log line of moderate length\\n'); });
await add('2,000 files: openSync, 4 writeSync, close', (d) => { for (let i = 0; i < 2000; i++) { const fd = fs.openSync(path.join(d, 'd' + i), 'w'); for (let j = 0; j < 4; j++) fs.writeSync(fd, small); fs.closeSync(fd); } });
await add('20,000 fs.writeSync to one open file', (d) => { const fd = fs.openSync(path.join(d, 'o'), 'w'); for (let i = 0; i < 20000; i++) fs.writeSync(fd, 'a log line of moderate length\\n'); fs.closeSync(fd); });
await add('2,000 new files of 1 KiB, one per turn', perTurn(2000, (d, i) => fs.writeFileSync(path.join(d, 'f' + i), small)));
await add('100 new files of 256 KiB, one per turn', perTurn(100, (d, i) => fs.writeFileSync(path.join(d, 'b' + i), large)));
await add('one 256 KiB file rewritten 100 times, one per turn', perTurn(100, (d, i) => fs.writeFileSync(path.join(d, 's'), i % 2 ? large : other)));
await add('2,000 appendFileSync of a line, one per turn', perTurn(2000, (d) => fs.appendFileSync(path.join(d, 'log'), 'a log line of moderate length\\n')));
console.log(JSON.stringify(results));
})();
`);
const measure = (spool: string | undefined): Record<string, number> => {
  const env = { ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_SPOOL: spool ?? '' };
  return JSON.parse(execFileSync(process.execPath, [writer], { env, encoding: 'utf8' }));
};
// Alternated, best of three processes each: other work on the machine then weighs on both sides alike.
const bestOf = (runs: Record<string, number>[]) =>
  Object.fromEntries(Object.keys(runs[0]!).map((name) => [name, Math.min(...runs.map((r) => r[name]!))]));
const plainRuns: Record<string, number>[] = [];
const journaledRuns: Record<string, number>[] = [];
for (let i = 0; i < 3; i++) {
  const spool = createSpool();
  plainRuns.push(measure(undefined));
  journaledRuns.push(measure(spool));
  removeSpool(spool);
}
const plainRun = bestOf(plainRuns);
const journaledRun = bestOf(journaledRuns);
fs.rmSync(preloadDir, { recursive: true, force: true });
console.log('2. through fs under the preload');
for (const [name, plain] of Object.entries(plainRun)) {
  const journaled = journaledRun[name]!;
  const ratio = (journaled - plain) / plain;
  worst = Math.max(worst, ratio);
  console.log(`${name.padEnd(44)} memory ${plain.toFixed(1).padStart(7)} ms  + journal ${journaled.toFixed(1).padStart(7)} ms  overhead ${(ratio * 100).toFixed(0).padStart(4)} %`);
}
// 3. The space guard's question alone, on a real spool: the cost of a small write's check, and of a reading.
{
  const spool = createSpool();
  const guard = new SpoolSpace({ spoolDir: spool });
  const checks = 10_000_000;
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < checks; i++) guard.admit(1024);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / checks);
    guard.settled();
  }
  const capped = new SpoolSpace({ spoolDir: spool, capBytes: 1024 ** 4 });
  const readings = 2000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < readings; i++) {
    capped.admit(64 * 1024 * 1024); // larger than a step: measures every time
    capped.settled();
  }
  const perReading = Number(process.hrtime.bigint() - started) / readings / 1000;
  console.log('3. the space guard');
  console.log(`admit() of 1 KiB: ${fastest.toFixed(1)} ns (best of ${rounds} × ${checks.toLocaleString('en')}); a reading (statfs, memory on tmpfs, the spool's listing with a cap): ${perReading.toFixed(1)} µs`);
  // The engine alone, with and without the guard, rounds interleaved so that the machine's load weighs on both alike;
  // an observer that journals nothing but tells the guard the bytes were written, as the journal does.
  const engineRun = (workload: Workload, guarded: boolean): number => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-guard-bench-'));
    const space = guarded ? new SpoolSpace({ spoolDir: spool }) : undefined;
    const engine = new Overlay({
      lower: createDiskLayer(), quotaBytes: Infinity, ...(space && { spaceGuard: space }),
      observer: { onChange: (c: Change) => (c.kind === 'content' ? space?.settled() : undefined) },
    });
    const started = process.hrtime.bigint();
    workload.run(engine, dir);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    fs.rmSync(dir, { recursive: true, force: true });
    return elapsed;
  };
  for (const workload of workloads) {
    let plain = Infinity;
    let guarded = Infinity;
    for (let r = 0; r < 3 * rounds; r++) {
      plain = Math.min(plain, engineRun(workload, false));
      guarded = Math.min(guarded, engineRun(workload, true));
    }
    console.log(`${workload.name.padEnd(44)} engine ${plain.toFixed(2).padStart(7)} ms  + guard ${guarded.toFixed(2).padStart(7)} ms  (${(((guarded - plain) / plain) * 100).toFixed(1).padStart(5)} %)`);
  }
  removeSpool(spool);
}

console.log(`worst overhead ${(worst * 100).toFixed(0)} % (budget ${budget * 100} %)`);
process.exitCode = worst > budget ? 1 : 0;
