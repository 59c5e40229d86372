// Overlay.answersAsDiskEverywhere says that the merged view is the disk's own at every path, so that node/ may leave
// any question (module probes, stat, reads, realpath) to Node's own fs. It must say so only while the engine holds
// nothing at all, and stop at the first change of any kind, even one that leaves the merged view's names as the disk
// has them (a chmod, a rewrite with the same bytes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import type { LowerLayer } from '../../src/overlay/types.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
const p = (relative: string) => path.join(disk, relative);

beforeEach(() => {
  disk = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-everywhere-')));
  fs.mkdirSync(p('dir'));
  fs.writeFileSync(p('dir/file.txt'), 'on disk');
});
afterEach(() => fs.rmSync(disk, { recursive: true, force: true }));

const changes: Array<[string, (engine: Overlay) => void]> = [
  ['a new file', (e) => e.writeFile(p('dir/new.txt'), Buffer.from('new'), W, 0o644)],
  ['a disk file rewritten with its own bytes', (e) => e.writeFile(p('dir/file.txt'), Buffer.from('on disk'), W, 0o644)],
  ['a chmod', (e) => e.chmod(p('dir/file.txt'), 0o600)],
  ['a removal', (e) => e.unlink(p('dir/file.txt'))],
  ['a new folder', (e) => e.mkdir(p('made'), 0o755, false)],
];

describe('answersAsDiskEverywhere', () => {
  it('says yes over the disk while nothing changed, whatever was read', () => {
    const engine = new Overlay({ lower: createDiskLayer() });
    expect(engine.answersAsDiskEverywhere()).toBe(true);
    engine.readFile(p('dir/file.txt'));
    engine.readdir(p('dir'));
    engine.stat(p('dir/file.txt'));
    expect(engine.tryStat(p('missing'), true)).toBeUndefined();
    expect(engine.answersAsDiskEverywhere()).toBe(true);
  });

  it.each(changes)('says no after %s', (_name, change) => {
    const engine = new Overlay({ lower: createDiskLayer() });
    change(engine);
    expect(engine.answersAsDiskEverywhere()).toBe(false);
  });

  it('says no over a layer that holds answers of its own, and yes once that layer says it holds none', () => {
    const diskLayer = createDiskLayer();
    let holdsNone = false;
    const below: LowerLayer = { ...diskLayer, answersAsDisk: undefined, answersAsDiskEverywhere: () => holdsNone };
    const engine = new Overlay({ lower: below });
    expect(engine.answersAsDiskEverywhere()).toBe(false);
    holdsNone = true;
    expect(engine.answersAsDiskEverywhere()).toBe(true);
  });
});
