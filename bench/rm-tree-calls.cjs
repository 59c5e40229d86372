// `fs.rmSync(tree, { recursive: true, force: true })` of a 100-file tree (10 folders of 10 files of 100 bytes, as the
// table's row builds it), measured apart from the tree's build, for measurements by hand:
//   node [--require <build>/preload.cjs] bench/rm-tree-calls.cjs <turn> <folder> <trees>
// with MEMFS_ROOTS=<folder> (and MEMFS_SPOOL=<a folder holding an empty `announcements` file> as the CLI runs it).
// turn: `same` — each tree built and removed in one turn of the event loop, as the table's cell does (the journal
// still holds the tree's last records when the removal starts); `earlier` — every tree built in a turn before the
// removals (the journal wrote them), as a test's afterEach removes what the test made. Prints CPU µs per removal.
// Instructions of the removals alone: each removal runs inside a `vm.Script`'s run, so callgrind counts only them with
//   setarch x86_64 -R valgrind --tool=callgrind --callgrind-out-file=/dev/null --collect-atstart=no
//   '--toggle-collect=*ContextifyScript*RunIn*' node --random-seed=1 --v8-pool-size=1 --expose-gc … <turn> <folder> <trees>
// (200 trees warm up uncounted; each removal starts on a collected heap; run with two counts and take
// (refs₂ − refs₁) / (trees₂ − trees₁): what is left of the compiler and the collector then cancels out).
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');

const [turn, dir, count] = process.argv.slice(2);
const trees = Number(count ?? 200);
const base = `${dir}/rm-${process.pid}`;
const small = Buffer.alloc(100, 'x');
const tree = (i) => `${base}/tree-${i}`;

function build(i) {
  for (let d = 0; d < 10; d++) {
    fs.mkdirSync(`${tree(i)}/d${d}`, { recursive: true });
    for (let f = 0; f < 10; f++) fs.writeFileSync(`${tree(i)}/d${d}/f${f}`, small);
  }
}

let current = 0;
globalThis.removeCurrentTree = () => fs.rmSync(tree(current), { recursive: true, force: true });
const removal = new vm.Script('removeCurrentTree()');
/**
 * Warm-up removals run outside the measured window (not through the vm.Script, which callgrind counts): enough for
 * the functions called once a removal to be optimised too, and as many whatever the count, so that what the compiler
 * still does lands alike in two runs of different lengths and cancels out.
 */
const warmUp = 200;
let cpuNs = 0;

function remove(i) {
  current = i;
  if (i < warmUp) return globalThis.removeCurrentTree();
  // With --expose-gc: each removal starts on a collected heap, so that a collection inside it is its own garbage's.
  globalThis.gc?.();
  const before = process.cpuUsage();
  removal.runInThisContext();
  const used = process.cpuUsage(before);
  cpuNs += (used.user + used.system) * 1000;
}

async function main() {
  fs.mkdirSync(base, { recursive: true });
  const total = warmUp + trees;
  if (turn === 'same') {
    for (let i = 0; i < total; i++) {
      build(i);
      remove(i);
    }
  } else if (turn === 'earlier') {
    for (let i = 0; i < total; i++) build(i);
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < total; i++) remove(i);
  } else {
    throw new Error(`unknown turn ${turn}: same or earlier`);
  }
  fs.rmSync(base, { recursive: true, force: true });
  console.log((cpuNs / trees / 1000).toFixed(1));
}

main();
