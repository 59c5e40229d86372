// One cell of the side-by-side table (bench/table.bench.ts): one operation on one subject, in this fresh process.
// Plain CommonJS, so that every Node version runs it as it is, with or without the preload (--require).
//   node bench/table-cell.cjs <subject> <operation> <directory>
// subject: fs (the real fs: plain disk, or the overlay when the preload is loaded), memfs, map (the floor).
// Prints one JSON line: { opsPerSecond } (or { cpuMs } for module loading). Seconds are this process's CPU seconds
// (user + system, getrusage), not wall time: the machines this runs on are shared, and a process waiting for a core
// would otherwise count the wait as the operation's cost.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [subjectName, operation, dir] = process.argv.slice(2);
/** Each measurement runs for at least this long, after a warm-up of the same length. */
const MEASURE_MS = Number(process.env.BENCH_CELL_MS ?? 150);
const SMALL = Buffer.alloc(100, 'x');
const KIB64 = Buffer.alloc(64 * 1024, 'y');

/** The operations each subject offers, in its own shape. */
function fsSubject(f) {
  return {
    writeFile: (p, d) => f.writeFileSync(p, d),
    appendFile: (p, d) => f.appendFileSync(p, d),
    stat: (p) => f.statSync(p),
    statMissing: (p) => f.statSync(p, { throwIfNoEntry: false }),
    readFile: (p) => f.readFileSync(p),
    readdir: (p) => f.readdirSync(p),
    mkdir: (p) => f.mkdirSync(p, { recursive: true }),
    rmTree: (p) => f.rmSync(p, { recursive: true, force: true }),
    readFileAsync: (p) => f.promises.readFile(p),
  };
}

/** The floor: what a plain JS Map of Buffers costs for the same calls (a copy in, a copy out, as fs does). */
function mapSubject() {
  const dirs = new Map([['/', new Map()]]);
  const parentOf = (p) => {
    const slash = p.lastIndexOf('/');
    return [dirs.get(p.slice(0, slash) || '/'), p.slice(slash + 1)];
  };
  const mkdir = (p) => {
    if (dirs.has(p)) return;
    const slash = p.lastIndexOf('/');
    if (slash > 0) mkdir(p.slice(0, slash));
    dirs.set(p, new Map());
    const [parent, name] = parentOf(p);
    parent.set(name, null);
  };
  const get = (p) => {
    const [parent, name] = parentOf(p);
    const b = parent.get(name);
    if (b === undefined) throw new Error('ENOENT');
    return b;
  };
  return {
    writeFile: (p, d) => { const [parent, name] = parentOf(p); parent.set(name, Buffer.from(d)); },
    appendFile: (p, d) => { const [parent, name] = parentOf(p); const old = parent.get(name); parent.set(name, old ? Buffer.concat([old, d]) : Buffer.from(d)); },
    stat: (p) => ({ size: get(p).length }),
    statMissing: (p) => { const [parent, name] = parentOf(p); return parent === undefined ? undefined : parent.get(name); },
    readFile: (p) => Buffer.from(get(p)),
    readdir: (p) => [...dirs.get(p).keys()],
    mkdir,
    rmTree: (p) => {
      for (const key of [...dirs.keys()]) if (key === p || key.startsWith(p + '/')) dirs.delete(key);
      const [parent, name] = parentOf(p);
      parent.delete(name);
    },
    readFileAsync: async (p) => Buffer.from(get(p)),
  };
}

function subject() {
  if (subjectName === 'fs') return fsSubject(fs);
  if (subjectName === 'memfs') {
    const { Volume } = require('memfs');
    const vol = new Volume();
    return fsSubject(vol);
  }
  if (subjectName === 'map') return mapSubject();
  throw new Error(`unknown subject ${subjectName}`);
}

/** CPU nanoseconds used by this process so far. */
function cpuNs() {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

/** Runs `op(i)` in rounds until MEASURE_MS have passed (after as long a warm-up); ops/s. */
function timed(op) {
  let i = 0;
  for (const phase of ['warm-up', 'measure']) {
    const start = cpuNs();
    let count = 0;
    let elapsed = 0;
    // Batches grow until one takes 5 ms or more: reading the CPU clock (getrusage) costs 6–11 µs on a virtual machine.
    let batch = 10;
    while (elapsed < MEASURE_MS * 1e6) {
      const before = elapsed;
      for (let k = 0; k < batch; k++) op(i++);
      count += batch;
      elapsed = cpuNs() - start;
      if (elapsed - before < 5e6) batch *= 2;
    }
    if (phase === 'measure') return (count * 1e9) / elapsed;
  }
}

async function timedAsync(op) {
  let i = 0;
  for (const phase of ['warm-up', 'measure']) {
    const start = cpuNs();
    let count = 0;
    let elapsed = 0;
    // Batches grow until one takes 5 ms or more: reading the CPU clock (getrusage) costs 6–11 µs on a virtual machine.
    let batch = 10;
    while (elapsed < MEASURE_MS * 1e6) {
      const before = elapsed;
      for (let k = 0; k < batch; k++) await op(i++);
      count += batch;
      elapsed = cpuNs() - start;
      if (elapsed - before < 5e6) batch *= 2;
    }
    if (phase === 'measure') return (count * 1e9) / elapsed;
  }
}

/** Timed over whole setups: `prepare(i)` is not counted, `op(i)` is. */
function timedWithSetup(prepare, op, rounds) {
  let ns = 0;
  for (let i = 0; i < rounds * 2; i++) {
    prepare(i);
    const start = cpuNs();
    op(i);
    if (i >= rounds) ns += cpuNs() - start; // the first half warms up
  }
  return (rounds * 1e9) / ns;
}

async function main() {
  const s = subject();
  const base = path.join(dir, `cell-${process.pid}`);
  // A folder for the cell's files; not for require-modules-first, which loads modules before any change.
  if (operation !== 'require-modules-first') s.mkdir(base);
  let result;
  switch (operation) {
    case 'write-new': result = { opsPerSecond: timed((i) => s.writeFile(`${base}/new-${i}`, SMALL)) }; break;
    case 'overwrite-64k': {
      const file = `${base}/overwritten`;
      result = { opsPerSecond: timed(() => s.writeFile(file, KIB64)) };
      break;
    }
    case 'stat-memory': {
      const file = `${base}/stat-me`;
      s.writeFile(file, SMALL);
      result = { opsPerSecond: timed(() => s.stat(file)) };
      break;
    }
    // The untouched file was written by the orchestrator, before this process started: on disk, never touched here.
    case 'stat-untouched': result = { opsPerSecond: timed(() => s.stat(`${dir}/untouched.txt`)) }; break;
    case 'read-untouched': result = { opsPerSecond: timed(() => s.readFile(`${dir}/untouched.txt`)) }; break;
    case 'stat-missing': result = { opsPerSecond: timed((i) => s.statMissing(`${dir}/missing-${i & 1023}.js`)) }; break;
    case 'read-64k-node-modules': result = { opsPerSecond: timed(() => s.readFile(`${dir}/node_modules/pkg/64k.bin`)) }; break;
    case 'readdir-1000': {
      const listed = `${base}/listed`;
      s.mkdir(listed);
      for (let i = 0; i < 1000; i++) s.writeFile(`${listed}/entry-${i}`, SMALL);
      result = { opsPerSecond: timed(() => s.readdir(listed)) };
      break;
    }
    case 'rm-tree-100': {
      const tree = (i) => `${base}/tree-${i}`;
      const rounds = subjectName === 'fs' && !process.env.MEMFS_ROOTS ? 15 : 60;
      result = {
        opsPerSecond: timedWithSetup((i) => {
          for (let d = 0; d < 10; d++) {
            s.mkdir(`${tree(i)}/d${d}`);
            for (let f = 0; f < 10; f++) s.writeFile(`${tree(i)}/d${d}/f${f}`, SMALL);
          }
        }, (i) => s.rmTree(tree(i)), rounds),
      };
      break;
    }
    case 'append-64k': {
      // A growing file: a new one every 256 appends (16 MiB), so that no subject runs out of memory.
      result = { opsPerSecond: timed((i) => s.appendFile(`${base}/log-${i >> 8}`, KIB64)) };
      break;
    }
    case 'promises-read-64k': {
      const file = `${base}/read-async`;
      s.writeFile(file, KIB64);
      result = { opsPerSecond: await timedAsync(() => s.readFileAsync(file)) };
      break;
    }
    case 'require-modules':
    case 'require-modules-first': {
      // The orchestrator wrote <dir>/modules/m0.js … m400.js, each requiring the next: load them all, count CPU.
      const before = process.cpuUsage();
      require(`${dir}/modules/m0.js`);
      const used = process.cpuUsage(before);
      result = { cpuMs: (used.user + used.system) / 1000 };
      break;
    }
    default: throw new Error(`unknown operation ${operation}`);
  }
  if (!operation.startsWith('require-modules')) s.rmTree(base);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
