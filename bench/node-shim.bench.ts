// What the node shim (src/shim/node-shim.ts) adds to every `node` a command starts by name: /bin/sh reading a short
// script and exec'ing the real node. `node -e 0` under the preload, straight and through the shim, alternated run by
// run so that a change in machine load hits both sides alike; medians of wall time, and their ratio. Node's own
// start-up varies by more than the shim costs on a busy machine, so the shim is also timed alone: the same script
// exec'ing /bin/true, against /bin/true run straight.
//   node --import tsx bench/node-shim.bench.ts [--runs 50] [--preload dist/preload.cjs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withPreload } from '../src/preload/node-options.js';
import { writeFileSync } from 'node:fs';
import { createNodeShims, pathWithShims, shimScript } from '../src/shim/node-shim.js';
import { buildPreload } from '../test/preload/preload-bundle.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, preload: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const preload = values.preload ? path.resolve(values.preload) : await buildPreload();

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-shim-bench-')));
const spool = path.join(work, 'spool');
mkdirSync(spool, { mode: 0o700 });
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: work, TMPDIR: work, MEMFS_SPOOL: spool, MEMFS_ROOTS: work };
env.NODE_OPTIONS = withPreload(preload, undefined);
const shims = createNodeShims([spool], env.PATH, { preloadPath: preload, variables: { MEMFS_SPOOL: spool, MEMFS_ROOTS: work } });
if (!shims) throw new Error('no node on PATH to shim');
const realNode = shims.shims[0]!.target;
const shimEnv = { ...env, PATH: pathWithShims(shims, env.PATH) };
// The case the shim is for: a script replaced NODE_OPTIONS, and the shim puts the preload back.
const replacedEnv = { ...shimEnv, NODE_OPTIONS: '--no-warnings' };

// The shim alone: its script with /bin/true for the node it execs.
const shimOfTrue = path.join(work, 'shim-of-true');
writeFileSync(shimOfTrue, shimScript({ target: '/bin/true', preloadPath: preload, variables: { MEMFS_SPOOL: spool, MEMFS_ROOTS: work } }), { mode: 0o700 });

function time(file: string, runEnv: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, ['-e', '0'], { env: runEnv, cwd: work });
  if (result.status !== 0) throw new Error(`${file} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!;
time(realNode, env); // the preload's code cache, written by the first process
const straight: number[] = [];
const shimmed: number[] = [];
const restored: number[] = [];
const trueStraight: number[] = [];
const trueShimmed: number[] = [];
for (let i = 0; i < runs; i++) {
  trueStraight.push(time('/bin/true', replacedEnv));
  trueShimmed.push(time(shimOfTrue, replacedEnv));
  straight.push(time(realNode, env));
  shimmed.push(time(path.join(shims.dir, 'node'), shimEnv));
  restored.push(time(path.join(shims.dir, 'node'), replacedEnv));
}
const base = median(straight);
console.log(`node ${spawnSync(realNode, ['-v'], { encoding: 'utf8' }).stdout.trim()} (${realNode}), /bin/sh → ${realpathSync('/bin/sh')}, ${runs} runs each, medians:`);
console.log(`  node -e 0 under the preload           ${base.toFixed(1)} ms`);
console.log(`  the same through the shim             ${median(shimmed).toFixed(1)} ms  ratio ${(median(shimmed) / base).toFixed(3)}  (+${(median(shimmed) - base).toFixed(1)} ms)`);
console.log(`  through the shim, NODE_OPTIONS replaced ${median(restored).toFixed(1)} ms  ratio ${(median(restored) / base).toFixed(3)}`);
console.log(`  /bin/true                              ${median(trueStraight).toFixed(2)} ms`);
console.log(`  the shim exec'ing /bin/true            ${median(trueShimmed).toFixed(2)} ms  (the shim's own cost: +${(median(trueShimmed) - median(trueStraight)).toFixed(2)} ms)`);
rmSync(work, { recursive: true, force: true });
