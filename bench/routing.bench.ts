// What routing costs on the paths the overlay leaves to the disk: pass-through folders (node_modules/), paths outside
// the roots, and paths that reach a root through a symlink. Plain Node and Node with the preload, side by side in one
// run; each figure is the median ops/s of ROUNDS fresh processes (rounds alternate between the subjects).
//   npm run build && node --import tsx bench/routing.bench.ts [--rounds 5] [--baseline <another build's preload.cjs>]
// "cold" rows touch each path once (the first question about a path pays for following its symlinks: an lstat, and
// a realpath per folder); "warm" rows ask about the same paths again. Not a test: it prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, baseline: { type: 'string' } } });
const ROUNDS = Number(values.rounds);
const FILES = 2000;

const project = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-routing-bench-'));
const spool = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-routing-spool-'));
// A workspace: node_modules/dep is a real package, node_modules/local links to packages/local; outside the roots, a
// folder of files (the kind of path Node's tools read: /usr/lib/…) in a second temp folder.
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-routing-outside-'));
for (const dir of ['node_modules/dep/lib', 'packages/local/lib', 'src']) fs.mkdirSync(path.join(project, dir), { recursive: true });
fs.symlinkSync('../packages/local', path.join(project, 'node_modules/local'));
for (let i = 0; i < FILES; i++) {
  fs.writeFileSync(path.join(project, `node_modules/dep/lib/f${i}.js`), 'x');
  fs.writeFileSync(path.join(project, `packages/local/lib/f${i}.js`), 'x');
  fs.writeFileSync(path.join(project, `src/f${i}.js`), 'x');
  fs.writeFileSync(path.join(outside, `f${i}.js`), 'x');
}

const child = `
const fs = require('fs');
const [folder, op, temperature] = process.argv.slice(1);
const names = Array.from({ length: ${FILES} }, (_, i) => folder + '/f' + i + '.js');
const run = op === 'stat' ? (p) => fs.statSync(p) : op === 'miss' ? (p) => fs.statSync(p + '.missing', { throwIfNoEntry: false }) : (p) => fs.readFileSync(p);
if (temperature === 'warm') for (const p of names) run(p);
const passes = temperature === 'warm' ? 20 : 1;
const start = process.hrtime.bigint();
for (let k = 0; k < passes; k++) for (const p of names) run(p);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(String(Math.round((passes * names.length) / seconds)));
`;

interface Subject { name: string; env: NodeJS.ProcessEnv }
const preloadEnv = (preload: string): NodeJS.ProcessEnv => ({
  ...process.env, NODE_OPTIONS: `--require ${preload}`, MEMFS_ROOTS: project, MEMFS_SPOOL: spool, MEMFS_CODE_CACHE: 'off',
});
const subjects: Subject[] = [
  { name: 'plain', env: { ...process.env, NODE_OPTIONS: '' } },
  { name: 'preload', env: preloadEnv(path.join(repo, 'dist/preload.cjs')) },
  ...(values.baseline ? [{ name: 'baseline', env: preloadEnv(path.resolve(values.baseline)) }] : []),
];

const rows: [string, string, string, string][] = [
  ['stat, node_modules/ (pass-through)', 'node_modules/dep/lib', 'stat', ''],
  ['stat, outside the roots', outside, 'stat', ''],
  ['stat, through node_modules/<workspace link>', 'node_modules/local/lib', 'stat', ''],
  ['stat of a missing path, node_modules/', 'node_modules/dep/lib', 'miss', ''],
  ['readFile, node_modules/ (pass-through)', 'node_modules/dep/lib', 'read', ''],
  ['stat, untouched file inside the root', 'src', 'stat', ''],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const table: string[][] = [];
for (const [label, folder, op] of rows) {
  for (const temperature of ['cold', 'warm']) {
    const figures = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of subjects) {
        const out = execFileSync(process.execPath, ['-e', child, path.resolve(project, folder), op, temperature], { cwd: project, env: s.env, encoding: 'utf8' });
        figures.get(s.name)!.push(Number(out));
      }
    }
    const plain = median(figures.get('plain')!);
    table.push([`${label}, ${temperature}`, ...subjects.map((s) => {
      const m = median(figures.get(s.name)!);
      return s.name === 'plain' ? `${Math.round(m / 1000)}k` : `${Math.round(m / 1000)}k (${(plain / m).toFixed(2)}×)`;
    })]);
  }
}

const header = ['operation (ops/s)', ...subjects.map((s) => s.name)];
console.log(`Node ${process.version}, ${FILES} files, median of ${ROUNDS} rounds; (n×) is the preload's time per call over plain Node's`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of table) console.log(`| ${r.join(' | ')} |`);
for (const dir of [project, spool, outside]) fs.rmSync(dir, { recursive: true, force: true });
