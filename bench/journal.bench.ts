// The journal's cost against the in-memory write throughput it records, measured twice:
//  1. on the engine alone vs the engine with a journal in a spool (/dev/shm here): the strictest ratio, since the
//     engine's own work is only a few microseconds per file. Two journals: frames written directly (one system call
//     each, as before the writer thread), and through the ring with the writer thread already running (what a
//     process that writes a lot gets after its first milliseconds; new files over 64 KiB are still written
//     directly, see journal-sink.ts); the time includes the final drain at close.
//  2. as users see it: a Node process writing through fs under the preload, without and with MEMFS_SPOOL (default
//     policy: the thread starts once direct writes have cost about what it costs), and with MEMFS_JOURNAL_THREAD=0.
//     Best round of several in one process (the thread runs by then), and the first round (which pays for starting
//     it) on its own.
// Prints the overhead per workload, and exits 1 when one of the best-round figures exceeds the 30 % budget.
//   node --import tsx bench/journal.bench.ts
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal, type Journal, type JournalWriter } from '../src/changes/journal.js';
import type { WriterThreadPolicy } from '../src/changes/journal-sink.js';
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

async function timeOnce(workload: Workload, writerThread: WriterThreadPolicy | undefined): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-journal-bench-'));
  const spool = createSpool();
  let journal: Journal | undefined;
  const engine = new Overlay({ lower: createDiskLayer(), quotaBytes: Infinity, observer: { onChange: (c: Change) => journal?.onChange(c) } });
  if (writerThread) {
    journal = openJournal({ spoolDir: spool, engine, sweepIntervalMs: 60_000, writerThread });
    if (writerThread === 'eager') {
      // One change starts the thread; the workload is timed once it runs.
      engine.mkdir(path.join(dir, 'warm'), 0o755, false);
      for (let waited = 0; !(journal as JournalWriter).threaded && waited < 5000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      if (!(journal as JournalWriter).threaded) throw new Error('the writer thread did not start');
    }
  }
  const started = process.hrtime.bigint();
  workload.run(engine, dir);
  journal?.close();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  removeSpool(spool);
  fs.rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

async function best(workload: Workload, writerThread: WriterThreadPolicy | undefined): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) fastest = Math.min(fastest, await timeOnce(workload, writerThread));
  return fastest;
}

let worst = 0;
const percent = (ratio: number) => `${(ratio * 100).toFixed(0).padStart(4)} %`;
console.log('1. engine level');
console.log(`journal overhead (best of ${rounds}; spool under ${fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()})`);
for (const workload of workloads) {
  await timeOnce(workload, undefined); // warm-up
  await timeOnce(workload, 'never');
  await timeOnce(workload, 'eager');
  const plain = await best(workload, undefined);
  const direct = await best(workload, 'never');
  const ring = await best(workload, 'eager');
  const ratio = (ring - plain) / plain;
  const mbps = (ms: number) => (workload.bytes / 1024 / 1024 / (ms / 1000)).toFixed(0);
  console.log(
    `${workload.name.padEnd(46)} memory ${plain.toFixed(1).padStart(6)} ms (${mbps(plain).padStart(5)} MiB/s)` +
      `  direct ${direct.toFixed(1).padStart(6)} ms ${percent((direct - plain) / plain)}` +
      `  ring ${ring.toFixed(1).padStart(6)} ms (${mbps(ring).padStart(5)} MiB/s) ${percent(ratio)}`,
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
const first = {}, cpu = {};
// The main thread's CPU time (Linux /proc, 10 ms ticks), summed over the rounds after the first: unlike wall time,
// it does not count the time other processes of a busy machine take from this one.
const threadTicks = () => { try { const f = fs.readFileSync('/proc/' + process.pid + '/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); } catch { return NaN; } };
const best = (fn, name) => { let b = Infinity, ticks = 0; for (let r = 0; r < rounds; r++) { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'w-'));
  const c = threadTicks(); const t = process.hrtime.bigint(); fn(d); const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r > 0) ticks += threadTicks() - c; if (r === 0) first[name] = ms; b = Math.min(b, ms); } cpu[name] = ticks * 10 / (rounds - 1); return b; };
const workloads = {
  '5,000 new files of 1 KiB (fs.writeFileSync)': (d) => { for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(d, 'f' + i), small); },
  '200 new files of 256 KiB (fs.writeFileSync)': (d) => { for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(d, 'b' + i), large); },
  'one 256 KiB file rewritten 200 times': (d) => { for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(d, 's'), i % 2 ? large : other); },
  '2,000 fs.appendFileSync of a line': (d) => { for (let i = 0; i < 2000; i++) fs.appendFileSync(path.join(d, 'log'), 'a log line of moderate length\\n'); },
  '20,000 fs.writeSync to one open file': (d) => { const fd = fs.openSync(path.join(d, 'o'), 'w'); for (let i = 0; i < 20000; i++) fs.writeSync(fd, 'a log line of moderate length\\n'); fs.closeSync(fd); },
};
const bestOfRounds = Object.fromEntries(Object.entries(workloads).map(([name, fn]) => [name, best(fn, name)]));
console.log(JSON.stringify({ best: bestOfRounds, first, cpu }));
`);
interface Run { best: Record<string, number>; first: Record<string, number>; cpu: Record<string, number> }
const measure = (spool: string | undefined, thread?: '0'): Run => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_SPOOL: spool ?? '' };
  if (thread) env.MEMFS_JOURNAL_THREAD = thread;
  else delete env.MEMFS_JOURNAL_THREAD;
  return JSON.parse(execFileSync(process.execPath, [writer], { env, encoding: 'utf8' }));
};
// Alternated, best of three processes each: other work on the machine then weighs on both sides alike.
const bestOf = (runs: Record<string, number>[]) =>
  Object.fromEntries(Object.keys(runs[0]!).map((name) => [name, Math.min(...runs.map((r) => r[name]!))]));
const plainRuns: Run[] = [];
const ringRuns: Run[] = [];
const directRuns: Run[] = [];
for (let i = 0; i < 3; i++) {
  plainRuns.push(measure(undefined));
  for (const [runs, thread] of [[ringRuns, undefined], [directRuns, '0']] as const) {
    const spool = createSpool();
    runs.push(measure(spool, thread));
    removeSpool(spool);
  }
}
fs.rmSync(preloadDir, { recursive: true, force: true });
const plain = bestOf(plainRuns.map((r) => r.best));
const ring = bestOf(ringRuns.map((r) => r.best));
const direct = bestOf(directRuns.map((r) => r.best));
const plainFirst = bestOf(plainRuns.map((r) => r.first));
const ringFirst = bestOf(ringRuns.map((r) => r.first));
const mean = (runs: Record<string, number>[]) =>
  Object.fromEntries(Object.keys(runs[0]!).map((name) => [name, runs.reduce((sum, r) => sum + r[name]!, 0) / runs.length]));
const plainCpu = mean(plainRuns.map((r) => r.cpu));
const ringCpu = mean(ringRuns.map((r) => r.cpu));
const directCpu = mean(directRuns.map((r) => r.cpu));
console.log(`2. through fs under the preload (best round of ${rounds} in a process, best of 3 processes; first round apart)`);
for (const [name, memory] of Object.entries(plain)) {
  const ratio = (ring[name]! - memory) / memory;
  worst = Math.max(worst, ratio);
  console.log(
    `${name.padEnd(44)} memory ${memory.toFixed(1).padStart(6)} ms  + journal ${ring[name]!.toFixed(1).padStart(6)} ms ${percent(ratio)}` +
      `  (direct writes ${direct[name]!.toFixed(1).padStart(6)} ms ${percent((direct[name]! - memory) / memory)};` +
      ` first round ${plainFirst[name]!.toFixed(1).padStart(6)} → ${ringFirst[name]!.toFixed(1).padStart(6)} ms ${percent((ringFirst[name]! - plainFirst[name]!) / plainFirst[name]!)})`,
  );
}
console.log('   main-thread CPU per round (mean of the rounds after the first; 10 ms ticks)');
for (const [name, memory] of Object.entries(plainCpu)) {
  console.log(
    `${name.padEnd(44)} memory ${memory.toFixed(1).padStart(6)} ms  + journal ${ringCpu[name]!.toFixed(1).padStart(6)} ms ${percent((ringCpu[name]! - memory) / memory)}` +
      `  (direct writes ${directCpu[name]!.toFixed(1).padStart(6)} ms ${percent((directCpu[name]! - memory) / memory)})`,
  );
}
console.log(`worst overhead through fs ${(worst * 100).toFixed(0)} % (budget ${budget * 100} %)`);
process.exitCode = worst > budget ? 1 : 0;
