// A run of many Node processes at once, as a suite that spawns its CLI per test does: `N` children, `P` at a time.
// Each writes a folder of `FILES` files, renames one, removes one, and reads back a file the child that finished last
// before it started wrote (handed over through the parent: the run's processes must see one filesystem). The parent
// then checks every folder and every read, and prints one JSON line: what went wrong (nothing, or the bench stops),
// and each child's CPU time, early and late children apart (a late child starts with a fuller spool).
//   node bench/many-processes-workload.cjs            (N=300 P=16 FILES=50 by default)
'use strict';
const fs = require('node:fs');
const cp = require('node:child_process');
const path = require('node:path');

const N = Number(process.env.N || 300);
const P = Number(process.env.P || 16);
const FILES = Number(process.env.FILES || 50);
const firstLine = (id) => `child ${id} file 0`;

if (process.argv[2] === 'child') {
  const id = Number(process.argv[3]);
  const previous = Number(process.argv[4]);
  const dir = path.join('out', `c${id}`);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `f${i}`), `child ${id} file ${i}\n`.repeat(20));
  fs.renameSync(path.join(dir, 'f0'), path.join(dir, 'renamed'));
  fs.unlinkSync(path.join(dir, 'f1'));
  let seen = 'none';
  if (previous >= 0) {
    try {
      seen = fs.readFileSync(path.join('out', `c${previous}`, 'renamed'), 'utf8').split('\n')[0];
    } catch (error) {
      seen = error.code;
    }
  }
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ id, previous, seen, cpuMs: (cpu.user + cpu.system) / 1000, descriptors: fs.readdirSync('/proc/self/fd').length }));
  return;
}

const results = [];
const finished = [];
let started = 0;
function startNext() {
  if (started >= N) return;
  const id = started++;
  const previous = finished.length > 0 ? finished[finished.length - 1] : -1;
  const child = cp.spawn(process.execPath, [__filename, 'child', String(id), String(previous)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('close', (code) => {
    if (code !== 0) throw new Error(`child ${id} exited with ${code}`);
    results.push(JSON.parse(out));
    finished.push(id);
    if (results.length === N) report();
    else startNext();
  });
}
for (let i = 0; i < P; i++) startNext();

function report() {
  const wrongReads = results.filter((r) => r.previous >= 0 && r.seen !== firstLine(r.previous));
  let wrongFolders = 0;
  const folders = fs.readdirSync('out');
  for (const folder of folders) {
    const names = fs.readdirSync(path.join('out', folder));
    const renamed = fs.readFileSync(path.join('out', folder, 'renamed'), 'utf8').split('\n')[0];
    if (names.length !== FILES - 1 || names.includes('f0') || names.includes('f1') || renamed !== firstLine(Number(folder.slice(1)))) wrongFolders++;
  }
  const byId = [...results].sort((a, b) => a.id - b.id);
  const tenth = Math.max(1, Math.floor(N / 10));
  const mean = (rows, key) => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
  const summary = {
    N, P, FILES, folders: folders.length, wrongFolders, wrongReads: wrongReads.length,
    firstTenthChildCpuMs: mean(byId.slice(0, tenth), 'cpuMs'), lastTenthChildCpuMs: mean(byId.slice(-tenth), 'cpuMs'),
    maxDescriptors: Math.max(...results.map((r) => r.descriptors)),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  if (folders.length !== N || wrongFolders > 0 || wrongReads.length > 0) process.exitCode = 3;
}
