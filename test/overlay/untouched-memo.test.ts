// The engine remembers where a path leads to the untouched disk (MergedTree.fastDiskPath, asked for every untouched
// stat, read and module probe) for as long as the upper tree keeps its shape. These pin that every change to that
// shape is seen at the next question: a memo filled before a change never answers after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
const p = (relative: string) => path.join(disk, relative);

beforeEach(() => {
  disk = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-untouched-memo-')));
  for (const dir of ['dir', 'gone', 'remade', 'kept', 'elsewhere']) fs.mkdirSync(p(dir));
  for (const file of ['dir/inner.txt', 'gone/g.txt', 'remade/old.txt', 'kept/k.txt', 'elsewhere/k.txt', 'top.txt', 'unlinked.txt']) {
    fs.writeFileSync(p(file), file);
  }
});
afterEach(() => fs.rmSync(disk, { recursive: true, force: true }));

const asked = ['top.txt', 'unlinked.txt', 'dir/inner.txt', 'dir2/inner.txt', 'gone/g.txt', 'remade/old.txt', 'kept/k.txt'];

/** What untouchedDiskPath answers for each path asked: the disk path (relative) or '-' (the engine must answer). */
function answers(engine: Overlay): Record<string, string> {
  const out: Record<string, string> = {};
  for (const relative of asked) {
    const diskPath = engine.untouchedDiskPath(p(relative));
    out[relative] = diskPath === undefined ? '-' : path.relative(disk, diskPath);
  }
  return out;
}

describe('the memo of untouched disk paths', () => {
  it('answers again after every kind of change to the upper tree, as a fresh engine would', () => {
    const engine = new Overlay({ lower: createDiskLayer() });
    expect(answers(engine)).toEqual({
      'top.txt': 'top.txt', 'unlinked.txt': 'unlinked.txt', 'dir/inner.txt': 'dir/inner.txt', 'dir2/inner.txt': '-',
      'gone/g.txt': 'gone/g.txt', 'remade/old.txt': 'remade/old.txt', 'kept/k.txt': 'kept/k.txt',
    });
    engine.writeFile(p('top.txt'), Buffer.from('in memory'), W, 0o644);
    engine.unlink(p('unlinked.txt'));
    engine.rename(p('dir'), p('dir2'));
    engine.rm(p('gone'), { recursive: true, force: false });
    engine.rm(p('remade'), { recursive: true, force: false });
    engine.mkdir(p('remade'), 0o755, false);
    expect(answers(engine)).toEqual({
      'top.txt': '-', 'unlinked.txt': '-', 'dir/inner.txt': '-',
      'dir2/inner.txt': 'dir/inner.txt', // a renamed folder shows its disk folder below it
      'gone/g.txt': '-', 'remade/old.txt': '-', 'kept/k.txt': 'kept/k.txt',
    });
  });

  it('follows a disk folder that became a symlink once what was learnt of the disk is forgotten (another process changed it)', () => {
    const engine = new Overlay({ lower: createDiskLayer() });
    expect(engine.untouchedDiskPath(p('kept/k.txt'))).toBe(p('kept/k.txt'));
    fs.rmSync(p('kept'), { recursive: true });
    fs.symlinkSync('elsewhere', p('kept'));
    engine.reveal([]);
    expect(engine.untouchedDiskPath(p('kept/k.txt'))).toBe(p('elsewhere/k.txt'));
  });

  it('stops answering for a name another process changed in a renamed folder, once revealed (it is looked up at the new path)', () => {
    const engine = new Overlay({ lower: createDiskLayer() });
    engine.rename(p('kept'), p('kept2'));
    expect(engine.untouchedDiskPath(p('kept2/k.txt'))).toBe(p('kept/k.txt'));
    engine.reveal([{ path: p('kept2/k.txt'), shallow: false }]);
    expect(engine.untouchedDiskPath(p('kept2/k.txt'))).toBeUndefined();
  });
});
