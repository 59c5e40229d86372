// Random operation sequences spread over several processes (engines started one after another, each replaying its
// predecessors' journals, as the preload does). The same sequence runs on a copy of the tree on the real disk.
// Two properties: every process starts seeing exactly the disk state its predecessors left, and the fold of all
// journals, applied to the original tree, gives exactly the final state of the real disk run.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import type { ChangeSet } from '../../src/changes/types.js';
import type { OverlayApi } from '../../src/overlay/types.js';
import { diskTree, engineTree, startProcess, type JournaledEngine } from './support/engine.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;

type Op =
  | { op: 'write'; path: string; text: string }
  | { op: 'append'; path: string; text: string }
  | { op: 'mkdir'; path: string }
  | { op: 'rm'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'symlink'; target: string; path: string }
  | { op: 'link'; existing: string; path: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'newProcess' };

const place = fc.constantFrom('', 'd1', 'd1/d2', 'e');
const name = fc.constantFrom('a', 'b', 'c', 'd2');
const relPath = fc.tuple(place, name).map(([dir, n]) => (dir ? `${dir}/${n}` : n));
const text = fc.string({ maxLength: 12 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), path: relPath, text }),
  fc.record({ op: fc.constant('append' as const), path: relPath, text }),
  fc.record({ op: fc.constant('mkdir' as const), path: relPath }),
  fc.record({ op: fc.constant('rm' as const), path: relPath }),
  fc.record({ op: fc.constant('rename' as const), from: relPath, to: relPath }),
  fc.record({ op: fc.constant('symlink' as const), target: fc.constantFrom('a', '../a', 'missing'), path: relPath }),
  fc.record({ op: fc.constant('link' as const), existing: relPath, path: relPath }),
  fc.record({ op: fc.constant('chmod' as const), path: relPath, mode: fc.constantFrom(0o600, 0o644, 0o755) }),
  fc.constant({ op: 'newProcess' as const }),
);

function seedTree(dir: string): void {
  fs.mkdirSync(path.join(dir, 'd1/d2'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a'), 'disk a');
  fs.writeFileSync(path.join(dir, 'd1/b'), 'disk b');
  fs.writeFileSync(path.join(dir, 'd1/d2/c'), 'disk c');
}

function onDisk(root: string, o: Op): void {
  const at = (p: string) => path.join(root, p);
  switch (o.op) {
    case 'write': return fs.writeFileSync(at(o.path), o.text);
    case 'append': return fs.appendFileSync(at(o.path), o.text);
    case 'mkdir': return void fs.mkdirSync(at(o.path));
    case 'rm': return fs.rmSync(at(o.path), { recursive: true });
    case 'rename': return fs.renameSync(at(o.from), at(o.to));
    case 'symlink': return fs.symlinkSync(o.target, at(o.path));
    case 'link': return fs.linkSync(at(o.existing), at(o.path));
    case 'chmod': return fs.chmodSync(at(o.path), o.mode);
  }
}

function onEngine(engine: OverlayApi, root: string, o: Op): void {
  const at = (p: string) => path.join(root, p);
  switch (o.op) {
    case 'write': return engine.writeFile(at(o.path), Buffer.from(o.text), O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    case 'append': return engine.writeFile(at(o.path), Buffer.from(o.text), O_WRONLY | O_CREAT | O_APPEND, 0o666);
    case 'mkdir': return void engine.mkdir(at(o.path), 0o777, false);
    case 'rm': return engine.rm(at(o.path), { recursive: true, force: false });
    case 'rename': return engine.rename(at(o.from), at(o.to));
    case 'symlink': return engine.symlink(o.target, at(o.path));
    case 'link': return engine.link(at(o.existing), at(o.path));
    case 'chmod': return engine.chmod(at(o.path), o.mode);
  }
}

const outcome = (run: () => void): string => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
};

/** The fold's change set written onto a copy of the original tree, the way someone would restore a failure. */
function applyChangeSet(cs: ChangeSet, original: string, target: string): void {
  const at = (p: string) => path.join(target, path.relative(original, p));
  const byDepth = (a: { path: string }, b: { path: string }) => a.path.split('/').length - b.path.split('/').length;
  for (const change of cs.changes.filter((c) => c.change === 'deleted').sort(byDepth).reverse()) {
    fs.rmSync(at(change.path), { recursive: true, force: true });
  }
  for (const change of cs.changes.filter((c) => c.change === 'created' || c.change === 'modified').sort(byDepth)) {
    const dest = at(change.path);
    const existing = fs.lstatSync(dest, { throwIfNoEntry: false });
    const sameType = existing && ((change.type === 'directory') === existing.isDirectory()) && ((change.type === 'symlink') === existing.isSymbolicLink());
    if (existing && !sameType) fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (change.type === 'directory') {
      fs.mkdirSync(dest, { recursive: true });
      fs.chmodSync(dest, change.mode);
    } else if (change.type === 'symlink') {
      fs.rmSync(dest, { force: true });
      fs.symlinkSync(change.target!, dest);
    } else {
      fs.writeFileSync(dest, cs.content!.read(change)!);
      fs.chmodSync(dest, change.mode);
    }
  }
}

afterEach(removeTempDirs);

describe('journals of several processes', () => {
  it('each process sees its predecessors state, and the fold equals the real disk run', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        // Each tree one folder below the fold's root: a symlink to ../a made at its top stays inside the root, as it
        // does in a project (a link that leads out of every root is another matter: the boundary's, not this test's).
        const below = (prefix: string) => fs.mkdirSync(path.join(tempDir(prefix), 'tree'), { recursive: true }) ?? '';
        const original = below('memfs-prop-original-');
        const real = below('memfs-prop-real-');
        const restored = below('memfs-prop-restored-');
        const spool = tempDir('memfs-prop-spool-');
        for (const dir of [original, real, restored]) seedTree(dir);
        let current: JournaledEngine = startProcess(spool);
        for (const o of ops) {
          if (o.op === 'newProcess') {
            current.journal.close();
            current = startProcess(spool);
            expect(engineTree(current.engine, original, { links: true })).toEqual(diskTree(real, { links: true }));
            continue;
          }
          const expected = outcome(() => onDisk(real, o));
          expect(outcome(() => onEngine(current.engine, original, o)), JSON.stringify(o)).toBe(expected);
        }
        current.journal.close();
        const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: path.dirname(original) }] });
        applyChangeSet(cs, original, restored);
        expect(diskTree(restored)).toEqual(diskTree(real));
        removeTempDirs();
      }),
      { numRuns: Number(process.env.MEMFS_PROPERTY_RUNS ?? 100) },
    );
  });
});
