// What the preload costs every Node process at start-up: `node -e 0` with and without it, alternated, median of
// many runs. Printed, not asserted as a time: the machine running the suite may be busy with other work. The budget
// is 10 ms (README); measure on an idle machine with MEMFS_STARTUP_RUNS=101 for a figure to quote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const runs = Number(process.env.MEMFS_STARTUP_RUNS ?? 15);
let preload: string;
let work: string;

beforeAll(async () => {
  preload = await buildPreload();
  work = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-startup-')));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

it(`start-up cost of the preload (node -e 0, median of ${runs} runs each)`, () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: work };
  delete env.NODE_OPTIONS;
  for (const name of Object.keys(env)) if (name.startsWith('MEMFS_')) delete env[name];
  const withPreload = { ...env, NODE_OPTIONS: nodeOptionsWith(preload) };
  // CPU time of the child as it sees it at the end of its script: less sensitive to other load than wall time.
  const script = 'const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))';
  const sample = (childEnv: NodeJS.ProcessEnv) => {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: work, env: childEnv, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: Number(r.stdout) };
  };
  const plain: { wallMs: number; cpuMs: number }[] = [];
  const preloaded: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(sample(env));
    preloaded.push(sample(withPreload));
  }
  const wall = median(preloaded.map((s) => s.wallMs)) - median(plain.map((s) => s.wallMs));
  const cpu = median(preloaded.map((s) => s.cpuMs)) - median(plain.map((s) => s.cpuMs));
  console.log(
    `preload start-up cost on Node ${process.versions.node}: +${wall.toFixed(1)} ms wall, +${cpu.toFixed(1)} ms CPU ` +
      `(median of ${runs}; plain node -e 0: ${median(plain.map((s) => s.wallMs)).toFixed(1)} ms wall)`,
  );
  expect(preloaded).toHaveLength(runs);
});
