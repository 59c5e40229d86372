// Processes writing at the same time send batches whose clock readings overlap: a batch can arrive after another
// process's later one. The run layer must end where the fold ends (its clock's order) — and, when the late batch
// touches nothing the later ones touched, get there without building its model again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { announcementOf, announcementsFile } from '../../src/changes/announcements.js';
import { foldJournals } from '../../src/changes/fold.js';
import { createRunLayer, type LiveRunLayer } from '../../src/changes/run-layer.js';
import { createSpool, removeSpool } from '../../src/changes/spool.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { JournalBuilder, removeTempDirs, tempDir, tick } from './support/journal-builder.js';

let root: string;
let spool: string;
const p = (relative: string) => path.join(root, relative);

beforeEach(() => {
  root = tempDir('memfs-order-');
  spool = createSpool();
});
afterEach(() => {
  removeSpool(spool);
  removeTempDirs();
});

const announce = (journal: JournalBuilder) => fs.appendFileSync(announcementsFile(spool), announcementOf(journal.file));
const startLayer = (): LiveRunLayer => createRunLayer(spool, createDiskLayer(), { roots: [root] });
const text = (layer: LiveRunLayer, relative: string) => layer.readFile(p(relative)).toString();

/** What the fold makes of the spool: path → bytes of every file it exports. */
function folded(): Record<string, string> {
  const set = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: root }] });
  try {
    const files: Record<string, string> = {};
    for (const change of set.changes) {
      const bytes = change.type === 'file' && (change.change === 'created' || change.change === 'modified') ? set.content?.read(change) : undefined;
      if (bytes !== undefined) files[change.path] = bytes.toString();
    }
    return files;
  } finally {
    set.content?.close?.();
  }
}

it('applies a late batch to other paths as it comes, and ends where the fold ends', () => {
  const early = tick();
  const lateWriter = new JournalBuilder(spool);
  const onTime = new JournalBuilder(spool);
  const layer = startLayer();
  onTime.content(p('b.txt'), 'from the batch that came first');
  announce(onTime);
  expect(layer.refresh()?.rebuilt).toBe(false);
  // Its change was made before the other's, its batch written after.
  lateWriter.change({ k: 'content', t: early, path: p('a.txt'), ino: 1, mode: 0o100644, uid: 0, gid: 0, size: 9, atimeNs: '0', mtimeNs: '0' }, 'came late');
  announce(lateWriter);
  const refreshed = layer.refresh();
  expect(refreshed?.rebuilt).toBe(false);
  expect(refreshed?.changed.map((c) => c.path)).toEqual([p('a.txt')]);
  expect(text(layer, 'a.txt')).toBe('came late');
  expect(text(layer, 'b.txt')).toBe('from the batch that came first');
  expect(folded()).toMatchObject({ [p('a.txt')]: 'came late', [p('b.txt')]: 'from the batch that came first' });
});

it('builds again for a late batch to a path a later change touched: the later change wins, as in the fold', () => {
  const early = tick();
  const lateWriter = new JournalBuilder(spool);
  const onTime = new JournalBuilder(spool);
  const layer = startLayer();
  onTime.content(p('same.txt'), 'written last');
  announce(onTime);
  layer.refresh();
  lateWriter.change({ k: 'content', t: early, path: p('same.txt'), ino: 1, mode: 0o100644, uid: 0, gid: 0, size: 13, atimeNs: '0', mtimeNs: '0' }, 'written first');
  announce(lateWriter);
  expect(layer.refresh()?.rebuilt).toBe(true);
  expect(text(layer, 'same.txt')).toBe('written last');
  expect(folded()[p('same.txt')]).toBe('written last');
});

it('builds again for a late batch under a folder a later change removed', () => {
  const early = tick();
  const lateWriter = new JournalBuilder(spool);
  const onTime = new JournalBuilder(spool);
  onTime.change({ k: 'mkdir', path: p('d'), mode: 0o40755, uid: 0, gid: 0 });
  announce(onTime);
  const layer = startLayer();
  onTime.change({ k: 'remove', path: p('d') });
  announce(onTime);
  layer.refresh();
  // Written into the folder before it was removed: gone with it.
  lateWriter.change({ k: 'content', t: early, path: p('d/f'), ino: 1, mode: 0o100644, uid: 0, gid: 0, size: 1, atimeNs: '0', mtimeNs: '0' }, 'x');
  announce(lateWriter);
  expect(layer.refresh()?.rebuilt).toBe(true);
  expect(layer.tryLstat!(p('d/f'))).toBeUndefined();
  expect(layer.tryLstat!(p('d'))).toBeUndefined();
  expect(folded()[p('d/f')]).toBeUndefined();
});

it('builds again for a late batch once the run holds a hard link (two names of one file are not apart)', () => {
  const early = tick();
  const lateWriter = new JournalBuilder(spool);
  const onTime = new JournalBuilder(spool);
  onTime.content(p('one'), 'first bytes', { ino: 7 });
  onTime.change({ k: 'link', existingPath: p('one'), newPath: p('two') });
  announce(onTime);
  const layer = startLayer();
  onTime.content(p('two'), 'last bytes', { ino: 7 });
  announce(onTime);
  layer.refresh();
  lateWriter.change({ k: 'content', t: early, path: p('three'), ino: 1, mode: 0o100644, uid: 0, gid: 0, size: 1, atimeNs: '0', mtimeNs: '0' }, 'x');
  announce(lateWriter);
  expect(layer.refresh()?.rebuilt).toBe(true);
  expect(text(layer, 'one')).toBe('last bytes');
  expect(text(layer, 'three')).toBe('x');
});
