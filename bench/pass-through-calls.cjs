// One pass-through call in a fixed loop, for measurements by hand that the side-by-side table cannot give: CPU µs per
// call with the builds alternated in fresh processes, or, under callgrind, instructions per call (the difference of
// two loop lengths, so that start-up cancels out; system calls are not counted there).
//   node [--require <build>/preload.cjs] bench/pass-through-calls.cjs <op> <folder> <calls>
// with MEMFS_ROOTS=<folder> (and MEMFS_SPOOL=<a folder holding an empty `announcements` file> as the CLI runs it), the
// folder holding untouched.txt (1 KiB), node_modules/pkg/64k.bin and modules/m0.js … m400.js as bench/table.bench.ts
// prepares them. op: stat, miss (statSync(p, { throwIfNoEntry: false })), utf8 (readFileSync(p, 'utf8')), read,
// read64 (under node_modules), realpath, exists, require (CPU ms of loading the 401 modules once). Prints the figure.
//   instructions: setarch x86_64 -R valgrind --tool=callgrind --callgrind-out-file=/dev/null node --random-seed=1
//   --v8-pool-size=1 … <op> <folder> 20000, then 100000: (refs₂ − refs₁) / 88000 (each run warms up a tenth more).
'use strict';
const fs = require('node:fs');

const [op, dir, calls] = process.argv.slice(2);
const n = Number(calls ?? 300000);
const ops = {
  stat: () => fs.statSync(`${dir}/untouched.txt`),
  miss: (i) => fs.statSync(`${dir}/missing-${i & 1023}.js`, { throwIfNoEntry: false }),
  utf8: () => fs.readFileSync(`${dir}/untouched.txt`, 'utf8'),
  read: () => fs.readFileSync(`${dir}/untouched.txt`),
  read64: () => fs.readFileSync(`${dir}/node_modules/pkg/64k.bin`),
  realpath: () => fs.realpathSync(`${dir}/untouched.txt`),
  exists: () => fs.existsSync(`${dir}/untouched.txt`),
};

if (op === 'require') {
  const before = process.cpuUsage();
  require(`${dir}/modules/m0.js`);
  const used = process.cpuUsage(before);
  console.log(((used.user + used.system) / 1000).toFixed(1));
} else {
  const call = ops[op];
  if (call === undefined) throw new Error(`unknown op ${op}: one of ${Object.keys(ops).join(', ')}, require`);
  for (let i = 0; i < n / 10; i++) call(i);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) call(i);
  const used = process.cpuUsage(before);
  console.log(((used.user + used.system) / n).toFixed(3));
}
