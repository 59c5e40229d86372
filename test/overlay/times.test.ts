// Linux's rules for which times an operation changes, checked against the disk: for each call, which of mtime and
// ctime moved on the file and on its directories. (atime is left out: the disk may bump it once on a read under
// relatime; the engine never does, and a test below pins that down.)
import fs, { constants as C } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makePair, standardTree, type Pair } from './harness.js';
import { closeAll, runOp, session, type Op } from './ops.js';

let pair: Pair | undefined;
afterEach(() => {
  pair?.cleanup();
  pair = undefined;
});

/** Disk timestamps come from the kernel's coarse clock: wait past one tick so that a change is visible. */
function waitATick(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 12);
}

const cases: Array<[string, Op, string[]]> = [
  ['a write through a descriptor changes the file’s mtime and ctime', ['write', 0, 'data', 0], ['dir/file.txt', 'dir']],
  ['writeFile over an existing file changes the file, not its directory', ['writeFile', 'dir/file.txt', 'new', C.O_WRONLY | C.O_CREAT | C.O_TRUNC], ['dir/file.txt', 'dir']],
  ['creating a file changes its directory', ['writeFile', 'dir/new.txt', 'x', C.O_WRONLY | C.O_CREAT | C.O_TRUNC], ['dir']],
  ['unlink changes the directory and the ctime of the other hard link', ['unlink', 'top-hardlink.txt'], ['.', 'top.txt']],
  ['rename changes both directories and the ctime of the moved file', ['rename', 'dir/file.txt', 'dir/sub/moved.txt'], ['dir', 'dir/sub']],
  ['mkdir changes the parent', ['mkdir', 'dir/newdir', 0o755], ['dir']],
  ['rmdir changes the parent', ['rmdir', 'emptydir'], ['.']],
  ['chmod changes ctime only', ['chmod', 'top.txt', 0o600], ['top.txt', '.']],
  ['chown changes ctime only', ['chown', 'top.txt', 1, 1], ['top.txt', '.']],
  ['link changes the ctime of the file and its new directory', ['link', 'top.txt', 'dir/hard'], ['top.txt', 'dir']],
  ['truncate changes mtime and ctime even when the size stays', ['truncate', 'top.txt', 3], ['top.txt', '.']],
  ['symlink changes the directory', ['symlink', 'x', 'dir/l'], ['dir', 'dir/file.txt']],
  ['open with O_TRUNC changes mtime and ctime', ['open', 'dir/file.txt', C.O_WRONLY | C.O_TRUNC], ['dir/file.txt', 'dir']],
  ['reading changes nothing', ['readFile', 'dir/file.txt'], ['dir/file.txt', 'dir']],
  ['utimes sets the times given and changes ctime', ['utimes', 'top.txt', 1_000, 2_000], ['top.txt']],
];

describe('times follow Linux', () => {
  for (const [name, op, watched] of cases) {
    it(name, () => {
      pair = makePair(standardTree);
      const p = pair;
      const s = session(p);
      // Cases may use descriptor 0: dir/file.txt open read-write on both sides.
      runOp(s, ['open', 'dir/file.txt', C.O_RDWR]);
      waitATick();
      const diskStat = (w: string) => fs.statSync(p.abs(w), { bigint: true, throwIfNoEntry: false });
      const overlayStat = (w: string) => {
        const r = p.overlay.tryStat(w, true);
        return r === undefined ? undefined : ({ mtimeNs: r.mtimeNs, ctimeNs: r.ctimeNs } as fs.BigIntStats);
      };
      const diskBefore = watched.map(diskStat);
      const overlayBefore = watched.map(overlayStat);
      const [diskOutcome, overlayOutcome] = runOp(s, op);
      expect(overlayOutcome).toEqual(diskOutcome);
      const describe = (before: Array<fs.BigIntStats | undefined>, statOf: typeof diskStat) =>
        watched.map((w, i) => {
          const a = before[i];
          const b = statOf(w);
          if (a === undefined || b === undefined) return `${w}: ${a ? 'present' : 'absent'} → ${b ? 'present' : 'absent'}`;
          return `${w}: mtime ${a.mtimeNs === b.mtimeNs ? 'same' : 'changed'}, ctime ${a.ctimeNs === b.ctimeNs ? 'same' : 'changed'}`;
        });
      expect(describe(overlayBefore, overlayStat)).toEqual(describe(diskBefore, diskStat));
      closeAll(s);
    });
  }

  it('utimes stores the exact nanoseconds given', () => {
    pair = makePair(standardTree);
    pair.overlay.utimes('top.txt', 1_500_000_000_123_456_789n, 1_600_000_000_987_654_321n);
    const s = pair.overlay.stat('top.txt');
    expect([s.atimeNs, s.mtimeNs]).toEqual([1_500_000_000_123_456_789n, 1_600_000_000_987_654_321n]);
  });

  it('reads never change atime, even of files in memory', () => {
    pair = makePair(standardTree);
    const o = pair.overlay;
    o.writeFile('new.txt', Buffer.from('x'), C.O_WRONLY | C.O_CREAT, 0o644);
    const before = [o.stat('new.txt').atimeNs, o.stat('top.txt').atimeNs];
    o.readFile('new.txt');
    o.readFile('top.txt');
    const fd = o.open('new.txt', C.O_RDONLY);
    o.read(fd, Buffer.alloc(1), 0, 1, null);
    o.close(fd);
    expect([o.stat('new.txt').atimeNs, o.stat('top.txt').atimeNs]).toEqual(before);
  });
});
