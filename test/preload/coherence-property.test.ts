// A property of the whole run's filesystem: random operations, each made by one of three actors that run at the same
// time — a process, its forked child, its worker thread — handing over to each other at every change of actor, give
// exactly the results and the final tree that one process gives running them in the same order on the real disk.
// Each actor has its own overlay over one spool, as under the CLI; the disk under the folder stays as it was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSpool, removeSpool } from '../../src/changes/spool.js';
import { buildPreload } from './preload-bundle.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const actors = path.join(here, 'fixtures/actors.cjs');
let preload: string;
let base: string;

beforeAll(async () => {
  preload = await buildPreload();
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-actors-')));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const names = ['a', 'b', 'd', 'd/a', 'd/b', 'e', 'e/d', 'e/d/a'];
const name = fc.constantFrom(...names);
const data = fc.constantFrom('x', 'yy', 'zzz');
const by = fc.constantFrom('parent', 'child', 'worker');
const op = fc.oneof(
  fc.record({ k: fc.constant('write'), a: name, data, by }),
  fc.record({ k: fc.constant('append'), a: name, data, by }),
  fc.record({ k: fc.constant('read'), a: name, by }),
  fc.record({ k: fc.constant('unlink'), a: name, by }),
  fc.record({ k: fc.constant('mkdir'), a: name, by }),
  fc.record({ k: fc.constant('rmdir'), a: name, by }),
  fc.record({ k: fc.constant('rm'), a: name, by }),
  fc.record({ k: fc.constant('rename'), a: name, b: name, by }),
  fc.record({ k: fc.constant('readdir'), a: fc.constantFrom('.', 'd', 'e', 'e/d'), by }),
  fc.record({ k: fc.constant('stat'), a: name, by }),
);

function propertySeed(): { seed?: number } {
  const chosen = process.env.MEMFS_PROPERTY_SEED;
  if (chosen === 'random') return {};
  return { seed: chosen === undefined ? 20261207 : Number(chosen) };
}

function runActors(mode: 'single' | 'actors', ops: unknown[], folder: string, spool?: string): { results: unknown[]; trees: unknown[] } {
  const env = { ...process.env, NODE_OPTIONS: '', MEMFS_SPOOL: '' };
  if (spool !== undefined) Object.assign(env, { NODE_OPTIONS: `--require ${preload}`, MEMFS_ROOTS: folder, MEMFS_SPOOL: spool });
  return JSON.parse(execFileSync(process.execPath, [actors, mode, folder, JSON.stringify(ops)], { env, encoding: 'utf8' }));
}

/** The same starting tree in a fresh folder: a file and a folder on the disk, so that copy-up is exercised too. */
function startingFolder(): string {
  const folder = fs.mkdtempSync(path.join(base, 'run-'));
  fs.writeFileSync(path.join(folder, 'a'), 'on disk');
  fs.mkdirSync(path.join(folder, 'd'));
  fs.writeFileSync(path.join(folder, 'd/a'), 'on disk too');
  return folder;
}

it('three actors handing over give what one process gives on the disk', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 4, maxLength: 24 }), (ops) => {
      const reference = runActors('single', ops, startingFolder());
      const folder = startingFolder();
      const spool = createSpool();
      try {
        const overlay = runActors('actors', ops, folder, spool);
        expect(overlay.results).toEqual(reference.results);
        expect(overlay.trees).toEqual(reference.trees);
        // Nothing reached the disk.
        expect(fs.readdirSync(folder).sort()).toEqual(['a', 'd']);
        expect(fs.readdirSync(path.join(folder, 'd'))).toEqual(['a']);
      } finally {
        removeSpool(spool);
      }
    }),
    // A fixed seed by default, so that a run of the suite is reproducible; MEMFS_PROPERTY_SEED=random (or another
    // number) and MEMFS_PROPERTY_RUNS explore further. Random seeds still find failures at about one sequence in a
    // hundred or more: docs/coherence.md lists them ("What still differs from one shared disk").
    {
      numRuns: Number(process.env.MEMFS_PROPERTY_RUNS ?? 25), endOnFailure: true, ...propertySeed(),
      // Sequences random seeds found, run first every time.
      examples: [
        // A folder on the disk: this process makes a folder in it, another writes a file beside, this process
        // removes the whole folder (its own folder, read back into the run layer, showed through once removed).
        [[
          { k: 'mkdir', a: 'd/b', by: 'parent' }, { k: 'write', a: 'd/c', data: 'yy', by: 'child' },
          { k: 'rm', a: 'd', by: 'parent' }, { k: 'stat', a: 'd', by: 'parent' },
        ]],
      ],
    },
  );
}, 600_000);
