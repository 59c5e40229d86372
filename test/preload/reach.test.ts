// The preload hands itself on (src/preload/reach.ts): a child process or worker a program starts with an environment
// of its own still runs under the overlay, journals into the run's spool, and keeps the user's own NODE_OPTIONS.
// Checked on every Node version, in real processes; then the rule itself, on environments given as data.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { inheritedEnv, inheritedEnvPairs, missingFrom, type Inheritance } from '../../src/preload/reach.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const drivers = path.join(path.dirname(fileURLToPath(import.meta.url)), 'drivers');
let preload: string;
let work: string;
let spool: string;

beforeAll(async () => {
  preload = await buildPreload();
});
beforeEach(() => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'memfs-reach-test-')));
  work = path.join(base, 'work');
  spool = path.join(base, 'spool');
  mkdirSync(work);
  mkdirSync(spool, { mode: 0o700 });
});
afterEach(() => rmSync(path.dirname(work), { recursive: true, force: true }));

interface Report {
  name: string;
  spool: string | null;
  nodeOptions?: string | null;
  heapLimitMiB?: number;
}

/** Runs a driver under the preload, with the run's spool; its reports, and what the journals say was created. */
function runDriver(node: string, driver: string | string[]): { reports: Report[]; created: string[] } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: path.dirname(work) };
  if (process.env.MEMFS_CODE_CACHE) env.MEMFS_CODE_CACHE = process.env.MEMFS_CODE_CACHE;
  Object.assign(env, { NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_ROOTS: work, MEMFS_SPOOL: spool });
  const args = typeof driver === 'string' ? [path.join(drivers, driver)] : driver;
  const result = spawnSync(node, args, { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const changes = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: work }] });
  changes.content?.close?.();
  return { reports: JSON.parse(result.stdout) as Report[], created: changes.changes.filter((c) => c.change === 'created').map((c) => c.relativePath) };
}

const hasModuleHooks = (node: string) =>
  spawnSync(node, ['-p', 'typeof require("node:module").registerHooks'], { encoding: 'utf8' }).stdout.trim() === 'function';

describe.each(nodeBinaries())('on Node $major', ({ path: node }) => {
  it('children and workers given an environment of their own write into memory, journal into the run, keep their NODE_OPTIONS', () => {
    const { reports, created } = runDriver(node, 'fresh-env-children.cjs');
    const names = reports.map((r) => r.name);
    expect(names).toEqual([
      'execFileSync-empty-env', 'spawnSync-own-node-options', 'execSync-shell', 'execFile-empty-env', 'exec-shell',
      'spawn-own-node-options', 'fork-empty-env', 'worker-empty-env', 'worker-own-node-options',
    ]);
    for (const report of reports) {
      expect(report.spool, report.name).toBe(spool);
      expect(report.nodeOptions, report.name).toContain(preload);
    }
    // --max-old-space-size=200 took effect where the program set it: the heap limit is 200 MiB plus the young space.
    for (const report of reports.filter((r) => r.name.endsWith('-own-node-options') && r.name.startsWith('spawn'))) {
      expect(report.nodeOptions).toMatch(/ --max-old-space-size=200$/);
      expect(report.heapLimitMiB).toBeLessThan(400);
    }
    expect(reports.find((r) => r.name === 'worker-own-node-options')?.nodeOptions).toMatch(/ --no-deprecation$/);
    expect(snapshotDisk(work)).toEqual({}); // nothing reached the disk
    expect(created.sort()).toEqual(names.map((name) => `${name}.txt`).sort());
  });

  it.runIf(hasModuleHooks(node))('child_process and worker_threads reached by import are handed on too', () => {
    const { reports, created } = runDriver(node, 'fresh-env-children.mjs');
    expect(reports.map((r) => r.spool)).toEqual([spool, spool]);
    expect(snapshotDisk(work)).toEqual({});
    expect(created.sort()).toEqual(['esm-execFileSync-empty-env.txt', 'esm-worker-empty-env.txt']);
  });

  it('child_process reached only through process.getBuiltinModule is handed on too', () => {
    const program = `
      const { execFileSync } = process.getBuiltinModule('node:child_process');
      const child = "require('fs').writeFileSync('by-builtin.txt', 'x'); process.stdout.write(JSON.stringify({ name: 'by-builtin', spool: process.env.MEMFS_SPOOL ?? null }))";
      process.stdout.write('[' + execFileSync(process.execPath, ['-e', child], { env: {} }) + ']');`;
    const { reports, created } = runDriver(node, ['-e', program]);
    expect(reports).toEqual([{ name: 'by-builtin', spool }]);
    expect(snapshotDisk(work)).toEqual({});
    expect(created).toEqual(['by-builtin.txt']);
  });
});

describe('what a child gets', () => {
  const inheritance: Inheritance = { preloadPath: '/opt/memfs action/preload.cjs', variables: [['MEMFS_SPOOL', '/spool'], ['MEMFS_ROOTS', '/work']] };
  const required = '--require "/opt/memfs action/preload.cjs"';

  it('the preload in front of its own NODE_OPTIONS, and the MEMFS_* variables it lacks', () => {
    expect(missingFrom(inheritance, (name) => ({ NODE_OPTIONS: '--max-old-space-size=200', MEMFS_ROOTS: '/mine' })[name])).toEqual([
      ['NODE_OPTIONS', `${required} --max-old-space-size=200`],
      ['MEMFS_SPOOL', '/spool'],
    ]);
  });

  it('nothing when it has them all, however it quotes the preload; an empty value counts as set', () => {
    const env = { NODE_OPTIONS: `--inspect --require '/opt/memfs action/preload.cjs'`, MEMFS_SPOOL: '', MEMFS_ROOTS: '/work' };
    expect(missingFrom(inheritance, (name) => env[name as keyof typeof env])).toEqual([]);
    expect(inheritedEnv(inheritance, env)).toBe(env);
    expect(inheritedEnvPairs(inheritance, Object.entries(env).map(([k, v]) => `${k}=${v}`))).toBeUndefined();
  });

  it('a new environment object, the one given left as it was', () => {
    const env = { PATH: '/bin', MEMFS_DISABLE: '1' };
    expect(inheritedEnv(inheritance, env)).toEqual({ PATH: '/bin', MEMFS_DISABLE: '1', NODE_OPTIONS: required, MEMFS_SPOOL: '/spool', MEMFS_ROOTS: '/work' });
    expect(env).toEqual({ PATH: '/bin', MEMFS_DISABLE: '1' });
  });

  it('in the kernel\'s list, NODE_OPTIONS replaced in place of a second entry, values with "=" kept whole', () => {
    const pairs = ['PATH=/bin', 'NODE_OPTIONS=--title=a=b', 'MEMFS_ROOTS=/a=b'];
    expect(inheritedEnvPairs(inheritance, pairs)).toEqual(['PATH=/bin', 'MEMFS_ROOTS=/a=b', `NODE_OPTIONS=${required} --title=a=b`, 'MEMFS_SPOOL=/spool']);
  });
});
