// What the check of the real disk costs a run: the front ends take a picture of the roots before the command and one
// after it, and compare them. Here: a root of N files (default 100,000, in folders of 100, under a node_modules/ of
// N/10 more files that the check must skip), pictured through the same router the front ends build, then compared.
// Prints the median (min–max) of several rounds for one picture (wall and CPU time: the machine may be shared) and for
// the comparison, and the heap one picture holds. The page cache is warm after the first round, as it is for the second picture of a run.
//   node --import tsx bench/disk-check.bench.ts [--files N] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareDiskPictures } from '../src/changes/disk-diff.js';
import { takeDiskPicture, type DiskPicture } from '../src/changes/disk-picture.js';
import { createRouter } from '../src/node/routing.js';
import { readConfig, thisMachine, configToEnv } from '../src/preload/config.js';

const { values } = parseArgs({ options: { files: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } } });
const files = Number(values.files);
const runs = Number(values.runs);

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-disk-bench-')));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

function makeTree(base: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const folder = path.join(base, `d${Math.floor(i / 1000)}`, `e${Math.floor(i / 100) % 10}`);
    if (i % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `f${i}.txt`), 'x');
  }
}

let started = performance.now();
makeTree(path.join(root, 'src'), files);
makeTree(path.join(root, 'node_modules'), Math.floor(files / 10));
console.log(`tree: ${files} files (+${Math.floor(files / 10)} in node_modules/) made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const roots = [{ label: 'workspace', path: root }];
const result = readConfig(configToEnv({ roots: [root] }), { ...thisMachine });
if (result.disabled) throw new Error('unexpected: disabled');
const router = createRouter({ roots: result.config.roots, passThrough: result.config.passThrough });
const options = { roots, owns: (p: string) => router.owns(p), skip: [], maxEntries: 1_000_000 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const pictureMs: number[] = [];
const pictureCpuMs: number[] = [];
const compareMs: number[] = [];
let previous: DiskPicture | undefined;
let heapBytes = 0;
for (let run = 0; run < runs; run++) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const cpu = process.cpuUsage();
  const picture = takeDiskPicture(options);
  pictureMs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  pictureCpuMs.push((used.user + used.system) / 1000);
  globalThis.gc?.(); // what the picture holds, not the garbage of the walk
  heapBytes = process.memoryUsage().heapUsed - heapBefore;
  if (picture.entries < files) throw new Error(`the picture holds ${picture.entries} entries, fewer than the ${files} files`);
  if (previous) {
    started = performance.now();
    const check = compareDiskPictures(previous, picture, roots);
    compareMs.push(performance.now() - started);
    if (check.changed.length !== 0) throw new Error(`${check.changed.length} changes between two pictures of an unchanged tree`);
  }
  previous = picture;
}
console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`one picture of ${previous!.entries} entries: ${show(pictureMs)} wall, ${show(pictureCpuMs)} CPU; ~${Math.round(heapBytes / previous!.entries)} B of heap an entry${globalThis.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`);
console.log(`comparison of two pictures: ${show(compareMs)}`);
