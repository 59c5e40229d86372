// What "anything new from the other processes?" costs an operation inside a root, as users run it (the preload with a
// spool, as the CLI and the action start every process), against the same preload without a spool (no check).
// Each figure is the median of alternated runs, each a fresh process; the difference per operation is what the check
// adds. Three shapes:
//   - a synchronous loop of statSync: one look per run of synchronous code, then one every 64 operations;
//   - an async loop, an `await` between operations: a look after each microtask checkpoint;
//   - a look that finds another process's change every time (a writer child announcing a file per round).
//   node --import tsx bench/coherence.bench.ts [--runs N]
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSpool, removeSpool } from '../src/changes/spool.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 7);
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-coherence-bench-')));
const preload = path.join(work, 'preload.cjs');
await build({
  entryPoints: [path.join(import.meta.dirname, '../src/preload/index.ts')], bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', outfile: preload, logLevel: 'warning',
});
fs.writeFileSync(path.join(work, 'untouched.txt'), 'on the disk');
const script = path.join(work, 'ops.cjs');
fs.writeFileSync(script, `
const fs = require('fs');
const n = 200000;
const time = (fn) => { const t = process.hrtime.bigint(); fn(); return Number(process.hrtime.bigint() - t) / n; };
(async () => {
  for (let i = 0; i < 20000; i++) fs.statSync('untouched.txt'); // warm-up
  const sync = time(() => { for (let i = 0; i < n; i++) fs.statSync('untouched.txt'); });
  const t = process.hrtime.bigint();
  for (let i = 0; i < n / 4; i++) { fs.statSync('untouched.txt'); await null; }
  const awaited = Number(process.hrtime.bigint() - t) / (n / 4);
  console.log(JSON.stringify({ sync, awaited }));
})();
`);

function once(spool: string | undefined): { sync: number; awaited: number } {
  const env = { ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_ROOTS: work, MEMFS_SPOOL: spool ?? '' };
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: work, env, encoding: 'utf8' }));
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bare: Array<{ sync: number; awaited: number }> = [];
const spooled: Array<{ sync: number; awaited: number }> = [];
const spool = createSpool();
for (let i = 0; i < runs; i++) {
  bare.push(once(undefined));
  spooled.push(once(spool));
}
// A look that finds something: a child writes and announces a file per round, the parent stats a path after each.
const writer = path.join(work, 'rounds.cjs');
fs.writeFileSync(writer, `
const fs = require('fs'), cp = require('child_process');
if (process.argv[2] === 'child') {
  process.on('message', (i) => { fs.writeFileSync('from-child-' + i, 'x'); process.send(i); });
} else {
  const child = cp.fork(__filename, ['child']);
  const rounds = 2000; let i = 0, spent = 0n;
  child.on('message', () => {
    const t = process.hrtime.bigint();
    fs.statSync('from-child-' + i); // the look reads the child's announcement and record, and applies it
    spent += process.hrtime.bigint() - t;
    if (++i < rounds) child.send(i); else { child.disconnect(); console.log(JSON.stringify({ perChange: Number(spent) / rounds })); }
  });
  child.send(i);
}
`);
const seen: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  const roundSpool = createSpool();
  const env = { ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_ROOTS: work, MEMFS_SPOOL: roundSpool };
  seen.push(JSON.parse(execFileSync(process.execPath, [writer], { cwd: work, env, encoding: 'utf8' })).perChange);
  removeSpool(roundSpool);
}
removeSpool(spool);
fs.rmSync(work, { recursive: true, force: true });

const fmt = (ns: number) => `${(ns / 1000).toFixed(3)} µs`;
console.log(`Node ${process.version}, medians of ${runs} alternated runs (fresh processes), statSync of an untouched file inside a root:`);
for (const shape of ['sync', 'awaited'] as const) {
  const a = median(bare.map((r) => r[shape]));
  const b = median(spooled.map((r) => r[shape]));
  console.log(`  ${shape === 'sync' ? 'synchronous loop      ' : 'await between each op '} without spool ${fmt(a)}   with spool ${fmt(b)}   check ${fmt(b - a)} per operation`);
}
console.log(`  a look that finds another process's new file and applies it: ${fmt(median(seen))} (the stat included)`);
