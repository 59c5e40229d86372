// Microbenchmark: the engine (OverlayApi, without node/'s argument handling and without the journal's observer)
// against memfs and the real disk, on small (100-byte) files, side by side in one run.
//   npm run bench:engine          (node --import tsx bench/overlay.bench.ts)
//   BENCH_REPS=3 BENCH_FILES=500 npm run bench:engine    (quicker)
// Each figure is the median ops/s of BENCH_REPS repetitions; every repetition works on fresh names in a fresh
// directory. Disk overwrites cost ~1 ms each on ext4 (a truncating rewrite forces a block flush), so that row does
// fewer of them. Not a test: it prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Volume } from 'memfs';
import { createDiskLayer } from '../src/overlay/disk.js';
import { Overlay } from '../src/overlay/overlay.js';
import { toStats } from '../src/overlay/stats.js';

const REPS = Number(process.env.BENCH_REPS ?? 7);
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const DISK_OVERWRITES = Math.min(FILES, 150);
const DIR_ENTRIES = 100;
const READDIRS = 500;
const DATA = Buffer.alloc(100, 'x');
const DATA2 = Buffer.alloc(100, 'y');

/** The six operations, in the shape each subject offers them. */
interface Subject {
  name: string;
  mkdir(p: string): void;
  writeFile(p: string, data: Buffer): void;
  stat(p: string): unknown;
  readFile(p: string): Buffer;
  readdir(p: string): string[];
  unlink(p: string): void;
}

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const WRITE_FLAGS = O_WRONLY | O_CREAT | O_TRUNC;

function diskSubject(): Subject {
  return {
    name: 'disk',
    mkdir: (p) => fs.mkdirSync(p),
    writeFile: (p, d) => fs.writeFileSync(p, d),
    stat: (p) => fs.statSync(p),
    readFile: (p) => fs.readFileSync(p),
    readdir: (p) => fs.readdirSync(p),
    unlink: (p) => fs.unlinkSync(p),
  };
}

function memfsSubject(): Subject {
  const vol = new Volume();
  return {
    name: 'memfs',
    mkdir: (p) => vol.mkdirSync(p, { recursive: true }),
    writeFile: (p, d) => vol.writeFileSync(p, d),
    stat: (p) => vol.statSync(p),
    readFile: (p) => vol.readFileSync(p) as Buffer,
    readdir: (p) => vol.readdirSync(p) as string[],
    unlink: (p) => vol.unlinkSync(p),
  };
}

function overlaySubject(engine: Overlay): Subject {
  return {
    name: 'overlay',
    mkdir: (p) => void engine.mkdir(p, 0o777, false),
    writeFile: (p, d) => engine.writeFile(p, d, WRITE_FLAGS, 0o666),
    // fs.statSync and memfs build a Stats object: so does this, with the constructor node/ uses.
    stat: (p) => toStats(engine.stat(p)),
    readFile: (p) => engine.readFile(p),
    readdir: (p) => engine.readdir(p).map((e) => e.name),
    unlink: (p) => engine.unlink(p),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** ops/s of `op` over `count` items, timed as one loop. */
function timed(count: number, op: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) op(i);
  const ns = Number(process.hrtime.bigint() - start);
  return (count * 1e9) / ns;
}

type Row = 'write (new file)' | 'overwrite' | 'stat' | 'read' | 'readdir (100 entries)' | 'unlink';
const ROWS: Row[] = ['write (new file)', 'overwrite', 'stat', 'read', 'readdir (100 entries)', 'unlink'];

/** One repetition of every row on one subject, in a fresh directory under `base`. */
function repetition(s: Subject, base: string, rep: number, into: Map<Row, number[]>): void {
  const dir = path.join(base, `${s.name}-${rep}`);
  s.mkdir(dir);
  const names = Array.from({ length: FILES }, (_, i) => path.join(dir, `file-${i}.txt`));
  const record = (row: Row, opsPerSecond: number) => into.get(row)!.push(opsPerSecond);
  record('write (new file)', timed(FILES, (i) => s.writeFile(names[i]!, DATA)));
  const overwrites = s.name === 'disk' ? DISK_OVERWRITES : FILES;
  record('overwrite', timed(overwrites, (i) => s.writeFile(names[i]!, DATA2)));
  record('stat', timed(FILES, (i) => s.stat(names[i]!)));
  record('read', timed(FILES, (i) => s.readFile(names[i]!)));
  const listed = path.join(base, `${s.name}-${rep}-list`);
  s.mkdir(listed);
  for (let i = 0; i < DIR_ENTRIES; i++) s.writeFile(path.join(listed, `entry-${i}`), DATA);
  record('readdir (100 entries)', timed(READDIRS, () => s.readdir(listed)));
  record('unlink', timed(FILES, (i) => s.unlink(names[i]!)));
}

function format(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function main(): void {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-bench-'));
  try {
    const engine = new Overlay({ lower: createDiskLayer() });
    const subjects = [overlaySubject(engine), memfsSubject(), diskSubject()];
    const results = new Map(subjects.map((s) => [s.name, new Map(ROWS.map((r) => [r, [] as number[]]))]));
    for (let rep = 0; rep < REPS; rep++) {
      // Interleaved, so that a slow moment of the machine lands on every subject alike.
      for (const s of subjects) repetition(s, base, rep, results.get(s.name)!);
    }
    const m = (name: string, row: Row) => median(results.get(name)!.get(row)!);

    console.log(`memfs-action overlay microbenchmark — Node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`);
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes skew the disk rows most)`);
    console.log(`${FILES} files of ${DATA.length} bytes per repetition (disk overwrite: ${DISK_OVERWRITES}), ${READDIRS} readdirs of ` +
      `${DIR_ENTRIES} entries, median of ${REPS} repetitions; disk = ${os.tmpdir()}\n`);
    console.log(table(
      ['op (ops/s)', 'overlay', 'memfs', 'disk', 'overlay/memfs', 'overlay/disk'],
      ROWS.map((row) => [row, format(m('overlay', row)), format(m('memfs', row)), format(m('disk', row)),
        `${(m('overlay', row) / m('memfs', row)).toFixed(1)}×`, `${(m('overlay', row) / m('disk', row)).toFixed(1)}×`]),
    ));
    const newWrite = (n: string) => m(n, 'write (new file)');
    const memfsRatio = newWrite('overlay') / newWrite('memfs');
    const diskRatio = newWrite('overlay') / newWrite('disk');
    console.log(`\nnew-file writes: ${memfsRatio.toFixed(1)}× memfs (target ≥ 2×: ${memfsRatio >= 2 ? 'met' : 'NOT met'}), ` +
      `${diskRatio.toFixed(1)}× disk (target ≥ 10×: ${diskRatio >= 10 ? 'met' : 'NOT met'})`);

    untouched(base, engine);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

/** What the overlay costs on files it never touched: reads go to the disk through the engine's lookups. */
function untouched(base: string, engine: Overlay): void {
  const dir = path.join(base, 'untouched');
  fs.mkdirSync(dir);
  const names = Array.from({ length: FILES }, (_, i) => path.join(dir, `file-${i}.txt`));
  for (const n of names) fs.writeFileSync(n, DATA);
  const samples = { stat: [[], []], read: [[], []], readdir: [[], []] } as Record<string, [number[], number[]]>;
  for (let rep = 0; rep < REPS; rep++) {
    samples.stat![0].push(timed(FILES, (i) => fs.statSync(names[i]!)));
    samples.stat![1].push(timed(FILES, (i) => toStats(engine.stat(names[i]!))));
    samples.read![0].push(timed(FILES, (i) => fs.readFileSync(names[i]!)));
    samples.read![1].push(timed(FILES, (i) => engine.readFile(names[i]!)));
    samples.readdir![0].push(timed(50, () => fs.readdirSync(dir)));
    samples.readdir![1].push(timed(50, () => engine.readdir(dir)));
  }
  console.log(`\nuntouched disk files (${FILES} of ${DATA.length} bytes; readdir of that directory):`);
  console.log(table(
    ['op', 'plain disk ops/s', 'through the overlay ops/s', 'overlay/disk', 'added µs per op'],
    Object.entries(samples).map(([op, [disk, overlay]]) => {
      const d = median(disk);
      const o = median(overlay);
      return [op, format(d), format(o), `${(o / d).toFixed(2)}×`, (1e6 / o - 1e6 / d).toFixed(2)];
    }),
  ));
}

main();
