// What the preload costs every Node process at start-up, per installed Node version: `node -e 0` without and with
// NODE_OPTIONS=--require <preload>, alternated run by run so that a change in machine load hits both sides alike.
// The budget is 10 ms (issue 3). Run on an idle machine:
//   node --import tsx bench/startup.bench.ts [--runs 41] [--preload dist/preload.cjs]
// Without --preload it bundles src/preload/index.ts afresh (the options of scripts/build.mjs), so it measures the
// sources as they are, not a stale dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPreload, nodeOptionsWith } from '../test/preload/preload-bundle.js';
import { nodeBinaries } from '../test/support/node-versions.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '41' }, preload: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const preload = values.preload ? path.resolve(values.preload) : await buildPreload();

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-startup-bench-')));
const plainEnv: NodeJS.ProcessEnv = { ...process.env, TMPDIR: work };
delete plainEnv.NODE_OPTIONS;
delete plainEnv.NODE_COMPILE_CACHE;
for (const name of Object.keys(plainEnv)) if (name.startsWith('MEMFS_')) delete plainEnv[name];
const preloadEnv: NodeJS.ProcessEnv = { ...plainEnv, NODE_OPTIONS: nodeOptionsWith(preload) };

function wallMs(node: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, ['-e', '0'], { cwd: work, env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 || r.stderr !== '') throw new Error(`${node} -e 0 failed (${r.status}): ${r.stderr}`);
  return elapsed;
}

console.log(`node -e 0, median of ${runs} alternated runs each; preload ${preload}`);
console.log('node      plain ms   preload ms   difference ms');
try {
  for (const { major, path: node } of nodeBinaries()) {
    wallMs(node, plainEnv); // warm the binary into the page cache before counting
    wallMs(node, preloadEnv);
    const plain: number[] = [];
    const preloaded: number[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(wallMs(node, plainEnv));
      preloaded.push(wallMs(node, preloadEnv));
    }
    const a = median(plain);
    const b = median(preloaded);
    console.log(`${String(major).padEnd(8)}  ${a.toFixed(1).padStart(8)}   ${b.toFixed(1).padStart(10)}   ${(b - a >= 0 ? '+' : '') + (b - a).toFixed(1)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
