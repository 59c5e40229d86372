// rm -r that fails half-way leaves what it removed removed, as a disk does: the journal must name each removed entry
// by its full path (the engine names them from the folder's path once per folder), so that the next process and the
// fold see exactly what the failing process saw.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';
import { engineTree, startProcess } from './support/engine.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;
const user = { identity: { uid: 1000, gid: 1000, groups: [] } };

let disk: string;
let spool: string;
const p = (relative: string) => path.join(disk, relative);

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-rm-half-way-disk-');
  spool = tempDir('memfs-rm-half-way-spool-');
  fs.chmodSync(disk, 0o777);
});

describe('rm -r that fails half-way', () => {
  it('journals every entry it removed before the failure, by its full path, in the disk part and the memory part', () => {
    // On the disk, the user's: a folder with files and one sub-folder the user may not empty (root's, mode 0755).
    fs.mkdirSync(p('tree/a/deeper'), { recursive: true });
    for (const file of ['tree/one.txt', 'tree/a/two.txt', 'tree/a/deeper/three.txt']) fs.writeFileSync(p(file), file);
    fs.chownSync(p('tree'), 1000, 1000);
    fs.chownSync(p('tree/a'), 1000, 1000);
    fs.chownSync(p('tree/a/deeper'), 1000, 1000);
    for (const file of ['tree/one.txt', 'tree/a/two.txt', 'tree/a/deeper/three.txt']) fs.chownSync(p(file), 1000, 1000);
    fs.mkdirSync(p('tree/locked'));
    fs.writeFileSync(p('tree/locked/root.txt'), 'root');

    const process1 = startProcess(spool, user);
    process1.engine.mkdir(p('tree/a/made'), 0o755, false);
    process1.engine.writeFile(p('tree/a/made/new.txt'), Buffer.from('new'), W, 0o644);
    expect(() => process1.engine.rm(p('tree'), { recursive: true, force: false })).toThrow(/EACCES/);
    const seen = engineTree(process1.engine, disk);
    process1.journal.close();

    // What went before the failure depends on the disk's order of names; the locked folder stays, whatever the order.
    expect(seen).toMatchObject({ tree: 'dir 755', 'tree/locked': 'dir 755', 'tree/locked/root.txt': 'file 644 "root"' });
    expect(Object.keys(seen).length).toBeLessThan(8);
    const next = startProcess(spool, user);
    expect(engineTree(next.engine, disk)).toEqual(seen);
    next.journal.close();
    const folded = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] }).changes;
    for (const change of folded) {
      if (change.change === 'deleted') expect(seen).not.toHaveProperty([change.relativePath]);
    }
    const deleted = folded.filter((c) => c.change === 'deleted').map((c) => c.relativePath);
    for (const gone of ['tree/one.txt', 'tree/a']) if (!(gone in seen)) expect(deleted).toContain(gone);
  });
  for (const [order, childrenFirst, syscall] of [['rimraf\'s (Node 20, 22)', false, 'unlink'], ['children first (Node 24+)', true, 'rm']] as const) {
    it(`in a tree only memory holds, stops at the refused entry in the order it was made and names what went (${order})`, () => {
      const process1 = startProcess(spool, user);
      const { engine } = process1;
      for (const folder of ['mem/a', 'mem/ro', 'mem/z']) {
        engine.mkdir(p(folder), 0o755, true);
        for (const file of ['1', '2']) engine.writeFile(p(`${folder}/${file}`), Buffer.from(`${folder}/${file}`), W, 0o644);
        // Files of the top folder itself, removed before the failure (and one after it, kept).
        engine.writeFile(p(`mem/after-${folder.slice(4)}`), Buffer.from('top'), W, 0o644);
      }
      engine.chmod(p('mem/ro'), 0o555);
      let failure: unknown;
      try {
        engine.rm(p('mem'), { recursive: true, force: false, childrenFirst });
      } catch (error) {
        failure = error;
      }
      // As the disk's rm says it (the folder's listing in the order the names were made: a memory folder's order).
      expect({ ...(failure as object), message: (failure as Error).message }).toEqual({
        message: `EACCES: permission denied, ${syscall} '${p('mem/ro/1')}'`, code: 'EACCES', errno: -13, syscall, path: p('mem/ro/1'),
      });
      const seen = engineTree(engine, disk);
      expect(seen).toEqual({
        mem: 'dir 755', 'mem/after-ro': 'file 644 "top"', 'mem/after-z': 'file 644 "top"', 'mem/ro': 'dir 555', 'mem/ro/1': 'file 644 "mem/ro/1"', 'mem/ro/2': 'file 644 "mem/ro/2"',
        'mem/z': 'dir 755', 'mem/z/1': 'file 644 "mem/z/1"', 'mem/z/2': 'file 644 "mem/z/2"',
      });
      process1.journal.close();

      const next = startProcess(spool, user);
      expect(engineTree(next.engine, disk)).toEqual(seen);
      next.journal.close();
      const folded = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] }).changes;
      const byChange = (change: string) => folded.filter((c) => c.change === change).map((c) => c.relativePath).sort();
      expect(byChange('transient')).toEqual(['mem/a', 'mem/a/1', 'mem/a/2', 'mem/after-a']);
      expect(byChange('created')).toEqual(Object.keys(seen).sort());
    });
  }
});
