// Under a spool, node/ may ask the real disk directly only where the run layer holds nothing of the other processes'
// changes at the path or above it (RunLayer.answersAsDiskAt, asked through Overlay.untouchedDiskPath). These pin the
// answer: the disk's path where nothing of the run is on the way, none wherever another process removed, renamed,
// wrote or made a folder again — and the answer follows the run layer as news arrive (its memo of folders is dropped).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncements } from '../../src/changes/announcements.js';
import { createRunLayer, type LiveRunLayer } from '../../src/changes/run-layer.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';
import { startProcess } from './support/engine.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
let spool: string;
const p = (relative: string) => path.join(disk, relative);

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-disk-answers-disk-');
  spool = tempDir('memfs-disk-answers-spool-');
  createAnnouncements(spool); // as createSpool makes it: the news of other processes are announced there
  for (const dir of ['dir', 'deep/a/b', 'remade', 'chmodded/sub', 'kept']) fs.mkdirSync(p(dir), { recursive: true });
  for (const file of ['dir/inner.txt', 'deep/a/b/file.txt', 'remade/old.txt', 'chmodded/sub/x.txt', 'kept/k.txt', 'top.txt']) {
    fs.writeFileSync(p(file), file);
  }
});

/** A process of the run: its engine over its own run layer, as the preload builds them. */
function observer(): { engine: Overlay; runLayer: LiveRunLayer } {
  const runLayer = createRunLayer(spool, createDiskLayer());
  return { engine: new Overlay({ lower: runLayer }), runLayer };
}

const asked = ['top.txt', 'dir/inner.txt', 'deep/a/b/file.txt', 'remade/old.txt', 'chmodded/sub/x.txt', 'kept/k.txt', 'kept/missing.txt'];

/** The paths whose untouched answer may come from the disk. */
function diskAnswered(engine: Overlay): string[] {
  return asked.filter((relative) => engine.untouchedDiskPath(p(relative)) === p(relative));
}

/** Another process of the run changes the disk's tree in every way that hides the disk at a path or above it. */
function othersChange(): void {
  const other = startProcess(spool);
  other.engine.writeFile(p('top.txt'), Buffer.from('rewritten'), W, 0o644);
  other.engine.rename(p('dir'), p('dir2'));
  other.engine.rm(p('deep'), { recursive: true, force: false });
  other.engine.rm(p('remade'), { recursive: true, force: false });
  other.engine.mkdir(p('remade'), 0o755, false);
  other.engine.chmod(p('chmodded'), 0o700);
  other.journal.close();
}

describe('where a run layer answers as the disk does', () => {
  it('everywhere, while no other process changed anything', () => {
    expect(diskAnswered(observer().engine)).toEqual(asked);
  });

  it('nowhere at or below a path another process wrote, renamed, removed or made again; still in a folder it only chmod-ed', () => {
    othersChange();
    expect(diskAnswered(observer().engine)).toEqual(['chmodded/sub/x.txt', 'kept/k.txt', 'kept/missing.txt']);
  });

  it('follows the news: a folder answered from the disk before another process changed it is not after the refresh', () => {
    // The run changed something elsewhere first: the layer then remembers each folder's answer as it is asked.
    const earlier = startProcess(spool);
    earlier.engine.writeFile(p('elsewhere.txt'), Buffer.from('earlier'), W, 0o644);
    earlier.journal.close();
    const { engine, runLayer } = observer();
    expect(diskAnswered(engine)).toEqual(asked); // every folder on the way is remembered as the disk's now
    othersChange();
    expect(runLayer.refresh()).toBeDefined();
    expect(diskAnswered(engine)).toEqual(['chmodded/sub/x.txt', 'kept/k.txt', 'kept/missing.txt']);
  });

  it('a folder another process makes where none was is not the disk\'s, nor anything below it', () => {
    const { engine, runLayer } = observer();
    expect(engine.untouchedDiskPath(p('new/file.txt'))).toBeUndefined(); // no such disk folder: the engine answers
    expect(engine.untouchedDiskPath(p('new'))).toBe(p('new'));
    const other = startProcess(spool);
    other.engine.mkdir(p('new'), 0o755, false);
    other.engine.writeFile(p('new/file.txt'), Buffer.from('made'), W, 0o644);
    other.journal.close();
    runLayer.refresh();
    expect(engine.untouchedDiskPath(p('new'))).toBeUndefined();
    expect(engine.untouchedDiskPath(p('new/file.txt'))).toBeUndefined();
    expect(engine.untouchedDiskPath(p('kept/k.txt'))).toBe(p('kept/k.txt'));
  });
});
