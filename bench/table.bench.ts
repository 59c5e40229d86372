// The side-by-side table: every operation on the real disk (ext4 or whatever holds /var/tmp, and tmpfs), memfs, a
// plain JS Map of Buffers (the floor of a JS call), and this overlay as the preload installs it — bare (no journal)
// and with a spool, as the CLI runs it — on Node 20 and the newest Node, in one run.
//   npm run bench:table
//   BENCH_ROUNDS=3 BENCH_ROWS=stat-untouched,stat-missing BENCH_NODES=20 npm run bench:table   (quicker)
// Each cell is the median of BENCH_ROUNDS fresh processes (bench/table-cell.cjs), rounds interleaved over subjects
// so that a slow moment of the machine lands on all of them alike. Uses dist/preload.cjs: `npm run build` first.
// Not a test: it prints, with the ratios the targets name.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnnouncements } from '../src/changes/announcements.js';
import { benchNodes, median, table } from './table-format.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CELL = path.join(REPO, 'bench/table-cell.cjs');
const PRELOAD = path.join(REPO, 'dist/preload.cjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type SubjectName = 'ext4' | 'tmpfs' | 'memfs' | 'ours bare' | 'ours spool' | 'Map floor' | 'before (bare)' | 'before (spool)';
/**
 * BENCH_BEFORE=<a preload.cjs of an earlier build, its preload-bundle.cjs beside it>: that build as more columns, bare
 * and with a spool, measured in the same run, for a before/after that shares the machine's moments.
 */
const BEFORE = process.env.BENCH_BEFORE;
const withBefore = (subjects: SubjectName[]): SubjectName[] => (BEFORE ? [...subjects, 'before (bare)', 'before (spool)'] : subjects);
const SUBJECTS = withBefore(['ext4', 'tmpfs', 'memfs', 'ours bare', 'ours spool', 'Map floor']);
const DISK_ONLY = withBefore(['ext4', 'ours bare', 'ours spool']);

interface Row {
  op: string;
  label: string;
  subjects: SubjectName[];
  /** Lower is better (CPU milliseconds) rather than ops/s. */
  cpu?: boolean;
}

const ROWS: Row[] = [
  { op: 'write-new', label: 'writeFileSync new 100 B', subjects: SUBJECTS },
  { op: 'overwrite-64k', label: 'writeFileSync overwrite 64 KiB', subjects: SUBJECTS },
  { op: 'stat-memory', label: 'statSync of an in-memory file', subjects: SUBJECTS },
  { op: 'stat-untouched', label: 'statSync of an untouched disk file inside a root', subjects: DISK_ONLY },
  { op: 'read-untouched', label: 'readFileSync (1 KiB) of an untouched disk file inside a root', subjects: DISK_ONLY },
  { op: 'stat-missing', label: 'statSync(missing, { throwIfNoEntry: false }) inside a root', subjects: DISK_ONLY },
  { op: 'read-64k-node-modules', label: 'readFileSync 64 KiB under <root>/node_modules', subjects: DISK_ONLY },
  { op: 'readdir-1000', label: 'readdirSync, 1000 entries', subjects: SUBJECTS },
  { op: 'rm-tree-100', label: 'rmSync of a 100-file tree', subjects: SUBJECTS },
  { op: 'append-64k', label: 'appendFileSync 64 KiB to a growing file', subjects: SUBJECTS },
  { op: 'promises-read-64k', label: 'fs.promises.readFile 64 KiB', subjects: SUBJECTS },
  // Every cell makes a folder of its own in the root first (table-cell.cjs): the modules then load in a process that
  // has changed something. The row after it loads them before any change, as a process's first imports do; the
  // preload then leaves the loading to Node's own fs (untouched-lane.ts overlayHoldsNothing).
  { op: 'require-modules', label: 'require 401 small modules inside a root (CPU ms)', subjects: DISK_ONLY, cpu: true },
  { op: 'require-modules-first', label: 'require 401 small modules, before any change (CPU ms)', subjects: DISK_ONLY, cpu: true },
];

interface Places {
  ext4: string;
  tmpfs: string;
  /** Where each cell's own spool is made (freshSpool). */
  spool: string;
}

/** The files the cells find on disk before they start: the untouched file, a package, 401 modules. */
function prepare(dir: string): void {
  fs.mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'untouched.txt'), Buffer.alloc(1024, 'u'));
  fs.writeFileSync(path.join(dir, 'node_modules/pkg/64k.bin'), Buffer.alloc(64 * 1024, 'n'));
  const modules = path.join(dir, 'modules');
  fs.mkdirSync(modules, { recursive: true });
  const requires: string[] = [];
  for (let i = 1; i <= 400; i++) {
    fs.writeFileSync(path.join(modules, `m${i}.js`), `'use strict';\nmodule.exports = { n: ${i}, twice(x) { return 2 * x + ${i}; } };\n`);
    requires.push(`require('./m${i}')`);
  }
  fs.writeFileSync(path.join(modules, 'm0.js'), `'use strict';\nmodule.exports = [${requires.join(',\n')}];\n`);
}

function runCell(node: string, subject: SubjectName, op: string, places: Places): number {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('MEMFS_') || key === 'NODE_OPTIONS') delete env[key];
  const args: string[] = [];
  let dir = places.ext4;
  let kind = 'fs';
  if (subject === 'tmpfs') dir = places.tmpfs;
  if (subject === 'memfs') [kind, dir] = ['memfs', '/bench'];
  if (subject === 'Map floor') [kind, dir] = ['map', '/bench'];
  if (subject.startsWith('ours') || subject.startsWith('before')) {
    args.push('--require', subject.startsWith('before') ? BEFORE! : PRELOAD);
    env.MEMFS_ROOTS = places.ext4;
    if (subject.endsWith('(spool)') || subject === 'ours spool') env.MEMFS_SPOOL = freshSpool(places.spool);
  }
  try {
    const out = execFileSync(node, [...args, CELL, kind, op, dir], { env, cwd: places.ext4, encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { opsPerSecond?: number; cpuMs?: number };
    return result.opsPerSecond ?? result.cpuMs!;
  } finally {
    if (env.MEMFS_SPOOL !== undefined) fs.rmSync(env.MEMFS_SPOOL, { recursive: true, force: true });
  }
}

/**
 * A spool of its own for each cell, as createSpool makes a run's: with its announcements file, which every
 * operation's coherence look reads. One spool shared by every cell would hold the journals of all the cells before
 * (a late process of a large run): each process reads them at its start, and its heap then holds the run's model
 * (≈ 75 MB after six `write-new` cells), whose marking every later garbage collection pays — a cost of the run's
 * size, not of the operation the row names, and one that grew with the row's place in the table.
 */
function freshSpool(spools: string): string {
  const spool = fs.mkdtempSync(path.join(spools, 'spool-'));
  createAnnouncements(spool);
  return spool;
}

function format(n: number | undefined, cpu = false): string {
  if (n === undefined) return '—';
  if (cpu) return `${n.toFixed(1)} ms`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return n.toFixed(0);
}

type Results = Map<string, Map<SubjectName, number>>; // `${node}:${op}` → subject → median

function measure(nodes: string[], rows: Row[], places: Places): Results {
  const results: Results = new Map();
  for (const node of nodes) {
    for (const row of rows) {
      const samples = new Map<SubjectName, number[]>(row.subjects.map((s) => [s, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const s of row.subjects) samples.get(s)!.push(runCell(node, s, row.op, places));
      }
      results.set(`${node}:${row.op}`, new Map([...samples].map(([s, v]) => [s, median(v)])));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  return results;
}

function versionOf(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

function main(): void {
  const nodes = benchNodes(REPO);
  const only = process.env.BENCH_ROWS?.split(',');
  const rows = ROWS.filter((r) => only === undefined || only.includes(r.op));
  if (!fs.existsSync(PRELOAD)) throw new Error('dist/preload.cjs is missing: run `npm run build` first.');
  const places: Places = {
    ext4: fs.mkdtempSync(path.join('/var/tmp', 'memfs-bench-')),
    tmpfs: fs.mkdtempSync(path.join('/dev/shm', 'memfs-bench-')),
    spool: fs.mkdtempSync(path.join('/dev/shm', 'memfs-bench-spool-')),
  };
  try {
    prepare(places.ext4);
    const results = measure(nodes, rows, places);
    const versions = nodes.map(versionOf);
    console.log(`memfs-action side by side — ${versions.join(' / ')}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; ` +
      `ops per CPU-second, median of ${ROUNDS} fresh processes per cell; ext4 = ${places.ext4}, tmpfs = ${places.tmpfs}`);
    const cell = (row: Row, s: SubjectName) => (row.subjects.includes(s)
      ? nodes.map((n) => format(results.get(`${n}:${row.op}`)!.get(s), row.cpu)).join(' / ')
      : '—');
    console.log(table(
      [`operation (${versions.join(' / ')})`, ...SUBJECTS],
      rows.map((row) => [row.label, ...SUBJECTS.map((s) => cell(row, s))]),
    ));
    console.log('\nratios (per Node version; "spool" is the preload as the CLI and the action run it):');
    const ratio = (row: Row, n: string, a: SubjectName, b: SubjectName) => {
      const r = results.get(`${n}:${row.op}`)!;
      const x = r.get(a);
      const y = r.get(b);
      if (x === undefined || y === undefined) return undefined;
      return row.cpu ? y / x : x / y; // for CPU, plain/ours: the same "higher is better" reading
    };
    const targets: [string, SubjectName, number][] = [
      ['stat-untouched', 'ext4', 1 / 1.15], ['read-untouched', 'ext4', 1 / 1.15], ['stat-missing', 'ext4', 1 / 1.15],
      ['require-modules', 'ext4', 1 / 1.15], ['require-modules-first', 'ext4', 1 / 1.15], ['read-64k-node-modules', 'ext4', 1 / 1.15],
      ['write-new', 'memfs', 2], ['write-new', 'tmpfs', 1.5], ['stat-memory', 'memfs', 2],
      ['promises-read-64k', 'memfs', 2], ['readdir-1000', 'memfs', 2], ['rm-tree-100', 'memfs', 1],
      ['append-64k', 'ext4', 1],
    ];
    if (BEFORE) {
      for (const [ours, before] of [['ours bare', 'before (bare)'], ['ours spool', 'before (spool)']] as const) {
        console.log(`  after/before (${ours} / ${before}): ` + rows.map((row) =>
          `${row.op} ${nodes.map((n) => `${ratio(row, n, ours, before)!.toFixed(2)}×`).join(' / ')}`).join(', '));
      }
    }
    for (const [op, against, target] of targets) {
      const row = rows.find((r) => r.op === op);
      if (row === undefined) continue;
      for (const ours of ['ours bare', 'ours spool'] as const) {
        const values = nodes.map((n) => ratio(row, n, ours, against));
        const met = values.every((v) => v !== undefined && v >= target);
        console.log(`  ${row.label} (${ours.slice(5)}): ${values.map((v) => (v === undefined ? '—' : `${v.toFixed(2)}×`)).join(' / ')} ${against}` +
          ` (target ≥ ${target.toFixed(2)}×: ${met ? 'met' : 'NOT met'})`);
      }
    }
    for (const row of rows) {
      if (!row.subjects.includes('Map floor')) continue;
      const values = nodes.map((n) => ratio(row, n, 'Map floor', 'ours bare')!);
      console.log(`  ${row.label}: Map floor is ${values.map((v) => `${v.toFixed(1)}×`).join(' / ')} ours (target ≤ 10×: ${values.every((v) => v <= 10) ? 'met' : 'NOT met'})`);
    }
  } finally {
    for (const dir of Object.values(places)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
