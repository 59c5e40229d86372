// What the spool costs a run, through the product path: real Node processes under the preload with a real spool, and
// the real CLI for the fold and the export.
//  1. Start-up of one more process (`node -e` under the preload with the spool: wall time and peak RSS), against what
//     the spool already holds: N earlier processes that changed nothing, N earlier processes that wrote one small
//     file each, one earlier process that wrote N small files, one earlier process that wrote one big file. Beside it,
//     in the same rounds, a plain `node -e` (no preload), printed as ratios. For the big file, also a process that
//     reads its first 4 KiB and one that reads it whole, against a plain process reading the same bytes from the
//     journal file itself (the same tmpfs).
//  2. `memfs-action run --export always` (the CLI built from the sources) over a command that makes 1k / 10k / 100k
//     small files or one 100 MB / 1 GB file: the CLI's wall time after the command ended (fold, export, report,
//     removing the spool, exit) and the CLI's own peak RSS (VmHWM, read in the CLI process at exit: /usr/bin/time
//     would report the largest of the CLI and the command's processes, which hold the bytes too).
// The machine is shared and noisy: every figure is the median of several runs, with the spread (min–max) beside it,
// and the load average is printed at the start and the end.
//   node --import tsx bench/spool.bench.ts [--quick] [--runs N] [--cli-runs N] [--cli path/to/cli.mjs] [--section 1|2]
//     [--export-under DIR] [--cli-files N,N…] [--cli-big-mb N,N…]
// --export-under puts section 2's exports (and the plain writes beside them) on another filesystem: /dev/shm takes the
// disk out of the figures, leaving the CLI's own work.
// --cli-files and --cli-big-mb (comma lists, '' for none) choose the change sets of section 2.
// --quick runs a reduced grid (a smoke test, well under a minute); the full grid takes several minutes. Without
// --cli it bundles the CLI and the preload afresh from the sources (as the tests do), so it measures the sources as
// they are, not a stale dist/. Every temporary folder and spool it makes is removed, also on failure or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scanFrames } from '../src/changes/journal-file.js';
import { readSpool } from '../src/changes/read-journals.js';
import { createSpool, removeSpool } from '../src/changes/spool.js';
import { buildCli } from '../test/cli/cli-bundle.js';
import { nodeOptionsWith } from '../test/preload/preload-bundle.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'cli-runs': { type: 'string' },
    cli: { type: 'string' },
    section: { type: 'string' },
    'export-under': { type: 'string' },
    'cli-files': { type: 'string' },
    'cli-big-mb': { type: 'string' },
  },
});
const sections = values.section === undefined ? [1, 2] : [positive('--section', values.section)];
if (sections.some((n) => n > 2)) throw new Error('--section is 1 (start-up) or 2 (fold + export)');
const quick = values.quick!;
const runs = positive('--runs', values.runs ?? (quick ? '3' : '11'));
const cliRuns = positive('--cli-runs', values['cli-runs'] ?? (quick ? '1' : '3'));
/** A 1 GB whole read costs seconds: fewer rounds of it. */
const wholeReadRuns = Math.min(runs, quick ? 3 : 5);

const grid = quick
  ? { earlier: [1, 10], files: [1000], bigMb: [50], cliFiles: [1000], cliBigMb: [50] }
  : { earlier: [1, 10, 100, 1000], files: [1000, 10_000, 100_000], bigMb: [100, 1024], cliFiles: [1000, 10_000, 100_000], cliBigMb: [100, 1024] };
// Section 2's change sets, chosen: `--cli-files 10000 --cli-big-mb ''` folds 10,000 small files and no big one.
if (values['cli-files'] !== undefined) grid.cliFiles = sizes('--cli-files', values['cli-files']);
if (values['cli-big-mb'] !== undefined) grid.cliBigMb = sizes('--cli-big-mb', values['cli-big-mb']);

function sizes(flag: string, text: string): number[] {
  return text.split(',').filter((part) => part !== '').map((part) => positive(flag, part));
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${text}`);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Clean-up: every folder and spool made here, and every child still running, also on failure and on a signal.

const temporaries: string[] = [];
const running = new Set<ChildProcess>();
/** Files in which a CLI run's command wrote the spool the CLI made (removed by the CLI itself, unless it was stopped). */
const cliSpoolNotes: string[] = [];

function cleanUp(): void {
  for (const note of cliSpoolNotes.splice(0)) {
    try {
      const spool = readFileSync(note, 'utf8').trim();
      if (/\/memfs-[^/]+$/.test(spool)) removeSpool(spool);
    } catch {
      // The note was not written (the command never started) or is gone with its folder.
    }
  }
  for (const folder of temporaries.splice(0).reverse()) rmSync(folder, { recursive: true, force: true });
}

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n${signal}: stopping the children and removing the temporary folders…\n`);
  const children = [...running];
  for (const child of children) child.kill('SIGTERM');
  // A CLI passes SIGTERM on to its command, then still folds, exports and removes its spool: give it time to.
  const deadline = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 20_000);
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
  clearTimeout(deadline);
  cleanUp();
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
process.on('exit', cleanUp);

function temporaryFolder(parent: string, prefix: string): string {
  const folder = realpathSync(mkdtempSync(path.join(parent, prefix)));
  temporaries.push(folder);
  return folder;
}

function temporarySpool(): string {
  const spool = createSpool();
  temporaries.push(spool);
  return spool;
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const median = (samples: number[]) => quantile(samples, 0.5);
const spreadOf = (samples: number[], digits: number) => `${Math.min(...samples).toFixed(digits)}–${Math.max(...samples).toFixed(digits)}`;
const withSpread = (samples: number[], digits: number) => `${median(samples).toFixed(digits)} (${spreadOf(samples, digits)})`;
const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
const mb = (kb: number) => kb / 1024;

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length > 1).map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => (r.length === 1 ? r[0]! : line(r)))].join('\n');
}

/** A line on stderr as each row is done: the full grid takes a while. */
const progress = (text: string) => process.stderr.write(`  [${((performance.now() - benchStarted) / 1000).toFixed(0)} s] ${text}\n`);
const benchStarted = performance.now();

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// ---------------------------------------------------------------------------------------------------------------
// The build, the environment, the scripts the children run.

const cli = values.cli ? path.resolve(values.cli) : await buildCli();
const preload = path.join(path.dirname(cli), 'preload.cjs');
if (!existsSync(preload)) throw new Error(`no preload.cjs beside ${cli}`);
const node = process.execPath;

const work = temporaryFolder(os.tmpdir(), 'memfs-spool-bench-');
/** Where section 2's runs (the command's folder, the export, the plain write) go: the temp dir's disk by default. */
const exportUnder = values['export-under'] ? temporaryFolder(path.resolve(values['export-under']), 'memfs-spool-bench-') : work;
mkdirSync(path.join(work, 'tmp'));
const plainEnv: NodeJS.ProcessEnv = { ...process.env, TMPDIR: path.join(work, 'tmp') };
delete plainEnv.NODE_OPTIONS;
delete plainEnv.NODE_COMPILE_CACHE;
delete plainEnv.NODE_EXTRA_CA_CERTS; // Node 20 parses it at every start (≈ 70 ms here): noise, the same on both sides
for (const name of Object.keys(plainEnv)) if (name.startsWith('MEMFS_')) delete plainEnv[name];
// The code cache warm, as the action and the CLI run every command after the first process.
plainEnv.MEMFS_CODE_CACHE = path.join(work, 'code-cache');

const preloadEnv = (spool: string): NodeJS.ProcessEnv => ({ ...plainEnv, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_SPOOL: spool });

/** The command of both sections: small files in folders of 1,000, or one big file written whole. */
const generator = path.join(work, 'generate.cjs');
writeFileSync(generator, `
const fs = require('fs'), path = require('path');
const [kind, countText, dir] = process.argv.slice(2);
const count = Number(countText);
if (kind === 'files') {
  const body = Buffer.alloc(100, 120);
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'd' + Math.floor(i / 1000));
    if (i % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'f' + i + '.txt'), body);
  }
} else if (kind === 'big') {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(count * 1024 * 1024, 97));
} else throw new Error('unknown kind ' + kind);
`);

/** Loaded into the CLI process alone (its own --require, not NODE_OPTIONS): its peak RSS as the kernel counts it. */
const cliProbe = path.join(work, 'cli-probe.cjs');
writeFileSync(cliProbe, `
process.on('exit', () => {
  const status = require('fs').readFileSync('/proc/self/status', 'utf8');
  const hwm = /VmHWM:\\s+(\\d+) kB/.exec(status);
  require('fs').writeFileSync(process.env.SPOOL_BENCH_CLI_REPORT, JSON.stringify({
    hwmKb: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }));
});
`);

// The probes print, at exit (after the preload's own exit work), the process's peak RSS (KiB) and CPU time (ms): the
// CPU time is the steadier figure on a shared machine, the wall time what users wait for.
const report = `process.on('exit', () => { const u = process.resourceUsage(); process.stdout.write(u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000); });`;
const probes = {
  idle: report,
  head: `${report} const fs = require('fs'), fd = fs.openSync(process.argv[1], 'r'), b = Buffer.alloc(4096); fs.readSync(fd, b, 0, 4096, Number(process.argv[2] ?? 0)); fs.closeSync(fd);`,
  // Read as readFileSync reads a file of known size: one buffer, filled by reads at increasing positions.
  whole: `${report} const fs = require('fs'), fd = fs.openSync(process.argv[1], 'r'), start = Number(process.argv[2] ?? 0); const size = fs.fstatSync(fd).size - start; const b = Buffer.allocUnsafe(size); let at = 0; while (at < size) { const n = fs.readSync(fd, b, at, size - at, start + at); if (n === 0) break; at += n; } fs.closeSync(fd); if (at !== size) throw new Error('short read');`,
};

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssKb: number;
}

function probe(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Sample {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, ['-e', script, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 || r.stderr !== '') throw new Error(`probe failed (${r.status ?? r.signal}): ${r.stderr}`);
  const [rss, cpu] = r.stdout.split(' ').map(Number);
  return { wallMs, cpuMs: cpu!, rssKb: rss! };
}

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** performance.timeOrigin + performance.now() when the exit was seen: wall-clock ms with µs digits. */
  endedMs: number;
}

function run(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const endedMs = performance.timeOrigin + performance.now();
      running.delete(child);
      child.on('close', () => resolve({ code, signal, stdout, stderr, endedMs }));
    });
  });
}

async function runChecked(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Done> {
  const done = await run(program, args, cwd, env);
  if (done.code !== 0) throw new Error(`${path.basename(program)} ${args.join(' ').slice(0, 200)} failed (${done.code ?? done.signal}):\n${done.stderr}${done.stdout}`);
  return done;
}

/** `count` more processes, `parallel` at a time (the machine has two cores), each given its index. */
async function processes(from: number, to: number, parallel: number, start: (i: number) => Promise<unknown>): Promise<void> {
  let next = from;
  const lane = async () => {
    while (next < to && !stopping) await start(next++);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

function describeSpool(spool: string): { journals: number; changes: number; bytes: number } {
  const read = readSpool(spool);
  read.close();
  const bytes = readdirSync(spool).reduce((sum, name) => sum + statSync(path.join(spool, name)).size, 0);
  return { journals: read.journals.length, changes: read.changes.length, bytes };
}

// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------

interface ProbeCase {
  name: string;
  plain: [script: string, args: string[]];
  preload: [script: string, args: string[]];
  rounds: number;
}

const wallOf = (list: Sample[]) => list.map((s) => s.wallMs);
const cpuOf = (list: Sample[]) => list.map((s) => s.cpuMs);
const rssOf = (list: Sample[]) => list.map((s) => mb(s.rssKb));
const idle: ProbeCase = { name: 'start', plain: [probes.idle, []], preload: [probes.idle, []], rounds: runs };

/** Section 1: the rows of one table, one per (spool, probe). */
async function startUp(): Promise<void> {
  console.log(`\n1. Start-up of one more process under the preload, against what the spool already holds`);
  console.log(`   node -e (the probe), ${runs} runs alternated with a plain node -e (no preload) in the same rounds: medians, spread min–max`);
  console.log('   in brackets. Wall: spawn to exit as the parent sees it; CPU: user + system of the process; RSS: its peak');
  console.log(`   (getrusage), read at exit. "made in": wall time of the process(es) that filled the spool.${grid.bigMb.some((size) => size >= 1024) ? ` The 1 GB whole reads run ${wholeReadRuns} rounds.` : ''}`);
  const rows: string[][] = [];
  const heading = (text: string) => rows.push([text]);
  /** The start probe's medians by row, for the slopes printed under the table. */
  const starts = new Map<string, { changes: number; cpuMs: number; wallMs: number; rssMb: number }>();

  const measure = (label: string, spool: string, madeS: number, cwd: string, cases: ProbeCase[], key?: string) => {
    const shape = describeSpool(spool);
    progress(`start-up: ${label.trim()}`);
    cases.forEach((c, index) => {
      const plain: Sample[] = [];
      const preloaded: Sample[] = [];
      for (let i = 0; i < c.rounds && !stopping; i++) {
        plain.push(probe(c.plain[0], c.plain[1], cwd, plainEnv));
        preloaded.push(probe(c.preload[0], c.preload[1], cwd, preloadEnv(spool)));
      }
      if (stopping) return;
      const ratio = (f: (l: Sample[]) => number[]) => (median(f(preloaded)) / median(f(plain))).toFixed(2);
      if (index === 0 && key !== undefined) {
        starts.set(key, { changes: shape.changes, cpuMs: median(cpuOf(preloaded)) - median(cpuOf(plain)), wallMs: median(wallOf(preloaded)) - median(wallOf(plain)), rssMb: median(rssOf(preloaded)) - median(rssOf(plain)) });
      }
      rows.push([
        index === 0 ? label : '',
        ...(index === 0 ? [String(shape.journals), String(shape.changes), (shape.bytes / 2 ** 20).toFixed(1), madeS.toFixed(1)] : ['', '', '', '']),
        c.name,
        withSpread(wallOf(plain), 0),
        withSpread(wallOf(preloaded), 0),
        ratio(wallOf),
        median(cpuOf(plain)).toFixed(0),
        median(cpuOf(preloaded)).toFixed(0),
        ratio(cpuOf),
        median(rssOf(plain)).toFixed(1),
        withSpread(rssOf(preloaded), 1),
        ratio(rssOf),
      ]);
    });
  };

  measure('empty spool', temporarySpool(), 0, work, [idle], 'empty');

  const earlier = async (what: string, script: string, key: string) => {
    heading(what);
    const spool = temporarySpool();
    const cwd = temporaryFolder(work, 'run-');
    let madeS = 0;
    let count = 0;
    for (const n of grid.earlier) {
      if (stopping) return;
      const t = performance.now();
      await processes(count, n, 2, (i) => runChecked(node, ['-e', script, String(i)], cwd, preloadEnv(spool)));
      madeS += (performance.now() - t) / 1000;
      count = n;
      measure(`  ${n.toLocaleString('en')} earlier`, spool, madeS, cwd, [idle], `${key} ${n}`);
    }
    removeSpool(spool);
  };
  await earlier('earlier `node -e 0` processes (no change: no journal)', '0', 'idle');
  await earlier('earlier processes that each wrote one 1-byte file', `require('fs').writeFileSync('p' + process.argv[1] + '.txt', 'x')`, 'writers');

  heading('one earlier process wrote N files of 100 bytes (folders of 1,000)');
  for (const n of grid.files) {
    if (stopping) return;
    const spool = temporarySpool();
    const cwd = temporaryFolder(work, 'run-');
    const t = performance.now();
    await runChecked(node, [generator, 'files', String(n), 'out'], cwd, preloadEnv(spool));
    measure(`  ${n.toLocaleString('en')} files`, spool, (performance.now() - t) / 1000, cwd, [idle], `files ${n}`);
    removeSpool(spool);
  }

  heading('one earlier process wrote one big file (plain reads the same bytes from the journal, on the same tmpfs)');
  for (const size of grid.bigMb) {
    if (stopping) return;
    const spool = temporarySpool();
    const cwd = temporaryFolder(work, 'run-');
    const t = performance.now();
    await runChecked(node, [generator, 'big', String(size), 'out'], cwd, { ...preloadEnv(spool), MEMFS_QUOTA: 'unlimited' });
    const madeS = (performance.now() - t) / 1000;
    const [journal, offset] = locateContent(spool, size * 2 ** 20);
    const inJournal: [string, string] = [journal, String(offset)];
    measure(`  ${sizeLabel(size)} file`, spool, madeS, cwd, [
      idle,
      { name: 'read 4 KiB', plain: [probes.head, inJournal], preload: [probes.head, ['out/big.bin']], rounds: runs },
      { name: 'read whole', plain: [probes.whole, inJournal], preload: [probes.whole, ['out/big.bin']], rounds: size >= 1024 ? wholeReadRuns : runs },
    ], `big ${size}`);
    removeSpool(spool);
  }

  console.log(table(
    ['spool before the process', 'journals', 'changes', 'spool MB', 'made in s', 'probe', 'plain wall ms', 'preload wall ms', '×', 'plain CPU ms', 'preload CPU ms', '×', 'plain RSS MB', 'preload RSS MB', '×'],
    rows,
  ));
  // What the preload adds over plain node, from the smallest spool of a kind to the largest: flat for processes that
  // changed nothing and for content, growing with the changes the spool holds.
  const empty = starts.get('empty');
  const slope = (what: string, from: string | undefined, to: string) => {
    const a = from === undefined ? empty : starts.get(from);
    const b = starts.get(to);
    if (!a || !b || a === b) return;
    const changes = b.changes - a.changes;
    const per = changes >= 500 ? `; per 1,000 changes ${signed((1000 * (b.cpuMs - a.cpuMs)) / changes, 1)} ms CPU, ${signed((1000 * (b.rssMb - a.rssMb)) / changes, 2)} MB RSS` : '';
    console.log(`   ${what}: what the preload adds grows by ${signed(b.cpuMs - a.cpuMs, 1)} ms CPU (${signed(b.wallMs - a.wallMs, 0)} ms wall), ${signed(b.rssMb - a.rssMb, 1)} MB RSS${per}`);
  };
  const first = (key: string, list: number[]) => `${key} ${list[0]}`;
  const last = (key: string, list: number[]) => `${key} ${list[list.length - 1]}`;
  console.log('   Over the empty spool (medians of "preload − plain" in the same rounds):');
  slope(`${grid.earlier[0]} → ${grid.earlier.at(-1)} earlier processes that changed nothing`, first('idle', grid.earlier), last('idle', grid.earlier));
  slope(`empty → ${grid.earlier.at(-1)} earlier processes that wrote one file`, undefined, last('writers', grid.earlier));
  slope(`empty → ${grid.files.at(-1)!.toLocaleString('en')} files by one process`, undefined, last('files', grid.files));
  for (const size of grid.bigMb) slope(`empty → one ${sizeLabel(size)} file, start only`, undefined, `big ${size}`);
}

/** Section 2: the CLI over commands that make the change set, beside a plain node writing the same files to the same disk. */
async function foldAndExport(): Promise<void> {
  console.log(`\n2. Fold + export by the CLI after the command: memfs-action run --export always --quota unlimited -- <command>`);
  console.log(`   ${cliRuns} runs each: medians, spread min–max in brackets. "after the command": from the end of the command (a`);
  console.log('   `date` the shell runs after the last node exited) to the exit of the CLI: fold, export, report, spool removed.');
  console.log('   "plain write": a plain node (no preload) writing the same files to the same disk, alternated with the CLI runs: the');
  console.log('   floor under the export, which writes them. CLI peak RSS: its VmHWM at exit (the command\'s processes not counted);');
  console.log('   "over baseline": over the CLI after a command that changes nothing. CLI CPU: user + system of the CLI process');
  console.log('   over the whole run (it idles while the command runs): the rest of "after the command" is waiting, mostly on the disk.');
  const rows: string[][] = [];
  let baselineKb: number | undefined;
  const cases = [
    { label: 'nothing changed (baseline)', args: undefined, files: 0, largestMb: 0, per: undefined, units: 0 },
    ...grid.cliFiles.map((n) => ({ label: `${n.toLocaleString('en')} files of 100 bytes`, args: ['files', String(n)], files: n, largestMb: 100 / 2 ** 20, per: 'file', units: n })),
    ...grid.cliBigMb.map((size) => ({ label: `one ${sizeLabel(size)} file`, args: ['big', String(size)], files: 1, largestMb: size, per: 'MB', units: size })),
  ];
  for (const c of cases) {
    progress(`fold + export: ${c.label}`);
    const commandS: number[] = [];
    const afterS: number[] = [];
    const plainS: number[] = [];
    const rssKb: number[] = [];
    const cpuS: number[] = [];
    let exported = 0;
    for (let i = 0; i < cliRuns && !stopping; i++) {
      const folder = temporaryFolder(exportUnder, 'cli-');
      const cwd = path.join(folder, 'project');
      const out = path.join(folder, 'export');
      mkdirSync(cwd);
      if (c.args) {
        const t = performance.now();
        await runChecked(node, [generator, ...c.args, path.join(folder, 'plain')], folder, plainEnv);
        plainS.push((performance.now() - t) / 1000);
        rmSync(path.join(folder, 'plain'), { recursive: true, force: true });
      }
      const spoolNote = path.join(folder, 'spool.txt');
      const ended = path.join(folder, 'ended.txt');
      const cliReport = path.join(folder, 'cli.json');
      cliSpoolNotes.push(spoolNote);
      // The shell and `date` are not Node: they write to the disk. The spool is noted for the clean-up, in case.
      const make = c.args ? `${quote(node)} ${quote(generator)} ${c.args.map(quote).join(' ')} out` : 'true';
      const command = `printf %s "$MEMFS_SPOOL" > ${quote(spoolNote)} && ${make} && date +%s%N > ${quote(ended)}`;
      const startedMs = performance.timeOrigin + performance.now();
      const done = await runChecked(node, ['--require', cliProbe, cli, 'run', '--export', 'always', '--quota', 'unlimited', '--out', out, '--', command], cwd, { ...plainEnv, SPOOL_BENCH_CLI_REPORT: cliReport });
      const endedMs = Number(readFileSync(ended, 'utf8').trim()) / 1e6;
      commandS.push((endedMs - startedMs) / 1000);
      afterS.push((done.endedMs - endedMs) / 1000);
      const measured = JSON.parse(readFileSync(cliReport, 'utf8')) as { hwmKb: number; cpuMs: number };
      rssKb.push(measured.hwmKb);
      cpuS.push(measured.cpuMs / 1000);
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { changes: { type: string; exportedAs?: string }[] };
      exported = manifest.changes.filter((change) => change.type === 'file' && change.exportedAs !== undefined).length;
      if (exported !== c.files) throw new Error(`${c.label}: ${exported} files exported, ${c.files} expected\n${done.stderr}`);
      if (existsSync(readFileSync(spoolNote, 'utf8').trim())) throw new Error(`${c.label}: the CLI left its spool behind`);
      rmSync(folder, { recursive: true, force: true });
    }
    if (stopping) return;
    const after = median(afterS);
    const rss = median(rssKb);
    if (c.per === undefined) baselineKb = rss;
    rows.push([
      c.label,
      median(commandS).toFixed(2),
      withSpread(afterS, 2),
      median(cpuS).toFixed(2),
      c.per === 'file' ? `${((after * 1e6) / c.units).toFixed(0)} µs/file` : c.per === 'MB' ? `${((after * 1e3) / c.units).toFixed(1)} ms/MB` : '',
      plainS.length > 0 ? withSpread(plainS, 2) : '',
      plainS.length > 0 ? (after / median(plainS)).toFixed(1) : '',
      withSpread(rssKb.map(mb), 0),
      baselineKb === undefined || c.per === undefined ? '' : signed(mb(rss - baselineKb), 0),
      c.largestMb >= 1 ? c.largestMb.toFixed(0) : c.largestMb > 0 ? '0.0001' : '',
      String(exported),
    ]);
  }
  console.log(table(['change set', 'command s', 'after the command s', 'CLI CPU s', 'per unit', 'plain write s', '× plain', 'CLI peak RSS MB', 'over baseline', 'largest file MB', 'exported'], rows));
}

/** The type of the filesystem a folder is on, from /proc/mounts (the longest mount point that holds it). */
function filesystemOf(folder: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')).filter((f) => f.length > 2);
    const holding = mounts.filter(([, point]) => folder === point || folder.startsWith(point === '/' ? '/' : `${point}/`));
    const best = holding.sort((a, b) => b[1]!.length - a[1]!.length)[0];
    return best ? `${best[2]} on ${best[1]}` : 'unknown filesystem';
  } catch {
    return 'unknown filesystem';
  }
}

function sizeLabel(sizeMb: number): string {
  return sizeMb >= 1024 ? `${sizeMb / 1024} GB` : `${sizeMb} MB`;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The journal and the offset of the one content frame of `dataLength` bytes in a spool (record.ts gives the frames). */
function locateContent(spool: string, dataLength: number): [string, number] {
  for (const name of readdirSync(spool)) {
    const file = path.join(spool, name);
    const fd = openSync(file, 'r');
    try {
      let found: number | undefined;
      scanFrames(fd, fstatSync(fd).size, (frame) => {
        if (frame.dataLength === dataLength) found = frame.dataOffset;
      });
      if (found !== undefined) return [file, found];
    } finally {
      closeSync(fd);
    }
  }
  throw new Error(`no frame of ${dataLength} bytes in ${spool}`);
}

// ---------------------------------------------------------------------------------------------------------------

const started = performance.now();
console.log(`spool bench${quick ? ' (--quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; CLI ${cli}`);
console.log(`exports and plain writes under ${exportUnder} (${filesystemOf(exportUnder)})`);
console.log(`load average at start: ${loadAverage()}`);

try {
  // Warm the binary into the page cache, and the preload's code cache as the run's first process would.
  const warmSpool = temporarySpool();
  for (let i = 0; i < 3; i++) probe(probes.idle, [], work, plainEnv), probe(probes.idle, [], work, preloadEnv(warmSpool));
  if (sections.includes(1)) await startUp();
  if (sections.includes(2)) await foldAndExport();
} finally {
  cleanUp();
}
console.log(`\nload average at end: ${loadAverage()}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
