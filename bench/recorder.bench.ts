// What the kernel engine's recording preload (src/recorder/) costs a Node process, per installed Node version:
// - at start-up: `node -e <cpuUsage>` plainly, with `--require` of an empty file (Node's own charge for any preload)
//   and with the recorder armed (MEMFS_RECORD set), alternated run by run; CPU time (steadier on a shared machine) and
//   wall time, medians. With --instructions, callgrind's instruction counts instead (repeatable whatever the load), and
//   the instructions the recorder adds to each call of a loop of writes and of appends.
// - per change: a process that writes `--writes` new files with writeFileSync, then appends as often to one file, timed
//   inside the process, without and with the recorder (its journal on /dev/shm when there is one, as in a run).
//   node --import tsx bench/recorder.bench.ts [--runs 21] [--writes 2000] [--instructions]
// It bundles src/recorder/index.ts afresh (as scripts/build.mjs does), so it measures the sources as they are.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildRecorder } from '../test/kernel/kernel-cli.js';
import { nodeBinaries } from '../test/support/node-versions.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '21' }, writes: { type: 'string', default: '2000' }, instructions: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const writes = Number(values.writes);
const work = mkdtempSync(path.join(tmpdir(), 'memfs-recorder-bench-'));
const journals = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'memfs-recorder-bench-'));
const recorder = await buildRecorder(path.join(work, 'recorder.cjs'));
const empty = path.join(work, 'empty.cjs');
writeFileSync(empty, '');
const root = path.join(work, 'root');
mkdirSync(root);

const plainEnv: NodeJS.ProcessEnv = { ...process.env };
delete plainEnv.NODE_OPTIONS;
for (const name of Object.keys(plainEnv)) if (name.startsWith('MEMFS_')) delete plainEnv[name];
const emptyEnv = { ...plainEnv, NODE_OPTIONS: `--require ${empty}` };
const recorderEnv = { ...plainEnv, NODE_OPTIONS: `--require ${recorder}`, MEMFS_RECORD: JSON.stringify({ folder: journals, roots: [root] }) };

const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;

function startUp(node: string, env: NodeJS.ProcessEnv): { cpu: number; wall: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, ['-e', 'const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))'], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { cpu: Number(r.stdout), wall: Number(process.hrtime.bigint() - started) / 1e6 };
}

function instructions(node: string, env: NodeJS.ProcessEnv, script = '0'): number {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  const r = spawnSync('setarch', [process.arch === 'arm64' ? 'aarch64' : 'x86_64', '-R', 'valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null',
    node, '--random-seed=1', '--v8-pool-size=1', '-e', script], { cwd: root, env, encoding: 'utf8' });
  const refs = /refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !refs) throw new Error(`valgrind failed: ${r.stderr}`);
  return Number(refs[1]!.replaceAll(',', ''));
}

/** µs per writeFileSync of a new file, and per appendFileSync to one file, inside one process. */
function perChange(node: string, env: NodeJS.ProcessEnv): { write: number; append: number } {
  const script = `const fs = require('fs');
    let t = process.hrtime.bigint();
    for (let i = 0; i < ${writes}; i++) fs.writeFileSync('f' + i, 'x');
    const write = Number(process.hrtime.bigint() - t) / 1e3 / ${writes};
    t = process.hrtime.bigint();
    for (let i = 0; i < ${writes}; i++) fs.appendFileSync('log', 'x');
    const append = Number(process.hrtime.bigint() - t) / 1e3 / ${writes};
    process.stdout.write(JSON.stringify({ write, append }));`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root);
  const r = spawnSync(node, ['-e', script], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { write: number; append: number };
}

try {
  for (const { major, path: node } of nodeBinaries()) {
    if (values.instructions) {
      const [plain, bare, recorded] = [plainEnv, emptyEnv, recorderEnv].map((env) => instructions(node, env)) as [number, number, number];
      // Per change: what `writes` writes of new files, and as many appends to one file, add over the start-up.
      const loop = (call: string) => `const fs = require('fs'); for (let i = 0; i < ${writes}; i++) ${call}`;
      const perCall = (call: string) => ((instructions(node, recorderEnv, loop(call)) - recorded) - (instructions(node, plainEnv, loop(call)) - plain)) / writes;
      console.log(`Node ${major}: node -e 0, M instructions: plain ${(plain / 1e6).toFixed(1)}, empty --require +${((bare - plain) / 1e6).toFixed(1)}, ` +
        `recorder +${((recorded - plain) / 1e6).toFixed(1)}; per writeFileSync of a new file +${Math.round(perCall("fs.writeFileSync('f' + i, 'x');"))}, ` +
        `per appendFileSync to one file +${Math.round(perCall("fs.appendFileSync('log', 'x');"))} instructions`);
      continue;
    }
    const samples = { plain: [] as { cpu: number; wall: number }[], empty: [] as { cpu: number; wall: number }[], recorder: [] as { cpu: number; wall: number }[] };
    for (const env of [plainEnv, recorderEnv]) startUp(node, env);
    for (let i = 0; i < runs; i++) {
      samples.plain.push(startUp(node, plainEnv));
      samples.empty.push(startUp(node, emptyEnv));
      samples.recorder.push(startUp(node, recorderEnv));
    }
    const cell = (list: { cpu: number; wall: number }[]) => `${median(list.map((s) => s.cpu)).toFixed(1)} ms CPU (${median(list.map((s) => s.wall)).toFixed(1)} wall)`;
    const changes = { plain: [] as { write: number; append: number }[], recorder: [] as { write: number; append: number }[] };
    for (let i = 0; i < 5; i++) {
      changes.plain.push(perChange(node, plainEnv));
      changes.recorder.push(perChange(node, recorderEnv));
    }
    const us = (list: { write: number; append: number }[], key: 'write' | 'append') => median(list.map((s) => s[key])).toFixed(1);
    console.log(`Node ${major}: start-up plain ${cell(samples.plain)}, empty --require ${cell(samples.empty)}, recorder ${cell(samples.recorder)}; ` +
      `writeFileSync ${us(changes.plain, 'write')} → ${us(changes.recorder, 'write')} µs, appendFileSync ${us(changes.plain, 'append')} → ${us(changes.recorder, 'append')} µs`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(journals, { recursive: true, force: true });
}
