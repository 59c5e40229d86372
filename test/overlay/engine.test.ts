// The engine's own promises beyond plain fs parity: copy-up, whiteouts, descriptors, quota, observer, change set,
// and the Node-shaped values it hands to node/.
import { execFileSync } from 'node:child_process';
import fs, { constants as C } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import util from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { uvError } from '../../src/overlay/errors.js';
import { stringToFlags } from '../../src/overlay/flags.js';
import { bytesToName } from '../../src/overlay/name-bytes.js';
import { JOURNAL_HEADER_BYTES } from '../../src/overlay/content.js';
import { FIRST_FD } from '../../src/overlay/overlay.js';
import { statRecordFromNode, toStats } from '../../src/overlay/stats.js';
import { makePair, snapshot, standardTree, type Pair } from './harness.js';

const W = C.O_WRONLY | C.O_CREAT | C.O_TRUNC;
let pair: Pair | undefined;
afterEach(() => {
  pair?.cleanup();
  pair = undefined;
});
function fresh(options: Parameters<typeof makePair>[1] = {}): Pair {
  pair = makePair(standardTree, options);
  return pair;
}

describe('copy-up', () => {
  it('keeps the inode number and device of a disk file it copies up', () => {
    const p = fresh();
    const before = fs.statSync(`${p.upper}/dir/file.txt`);
    p.overlay.writeFile('dir/file.txt', Buffer.from('changed'), C.O_WRONLY | C.O_APPEND, 0o666);
    const after = p.overlay.stat('dir/file.txt');
    expect([after.ino, after.dev]).toEqual([before.ino, before.dev]);
  });

  it('copies nothing when a file is opened with O_TRUNC, and reads copy nothing at all', () => {
    const p = fresh();
    p.overlay.readFile('dir/file.txt');
    p.overlay.readdir('dir');
    expect(p.overlay.changeSet()).toEqual([]);
    const fd = p.overlay.open('dir/file.txt', W);
    expect(p.overlay.bytesUsed()).toBe(0);
    p.overlay.close(fd);
    expect(p.overlay.readFile('dir/file.txt').length).toBe(0);
  });

  it('never writes to the disk below, whatever the operations', () => {
    const p = fresh();
    const before = snapshot(p.upper);
    const o = p.overlay;
    o.writeFile('dir/file.txt', Buffer.from('x'), W, 0o666);
    o.rename('dir', 'moved');
    o.rm('moved/sub', { recursive: true, force: false });
    o.chmod('top.txt', 0o600);
    o.unlink('top-hardlink.txt');
    o.mkdir('a/b/c', 0o755, true);
    o.symlink('x', 'a/l');
    o.link('top.txt', 'a/hard');
    o.utimes('script.sh', 1n, 2n);
    expect(snapshot(p.upper)).toEqual(before);
  });

  it('sees changes through disk symlinks that point into changed directories', () => {
    const p = fresh();
    p.overlay.writeFile('dir/file.txt', Buffer.from('in memory'), W, 0o666);
    expect(p.overlay.readFile('abs-dir-link/file.txt').toString()).toBe('in memory');
    expect(p.overlay.readFile('rel-link').toString()).toBe('in memory');
    p.overlay.unlink('dir/sub/deep.txt');
    expect(p.overlay.exists('abs-dir-link/sub/deep.txt')).toBe(false);
  });
});

describe('copyFile times', () => {
  it('gives the destination the source atime where libuv does (1.48+), and now otherwise', () => {
    const p = fresh();
    fs.utimesSync(`${p.disk}/top.txt`, 1_000_000, 2_000_000);
    fs.utimesSync(`${p.upper}/top.txt`, 1_000_000, 2_000_000);
    fs.copyFileSync(`${p.disk}/top.txt`, `${p.disk}/copy.txt`);
    p.overlay.copyFile('top.txt', 'copy.txt', 0);
    const keptOnDisk = fs.statSync(`${p.disk}/copy.txt`, { bigint: true }).atimeNs === 1_000_000_000_000_000n;
    const keptInOverlay = p.overlay.stat('copy.txt').atimeNs === 1_000_000_000_000_000n;
    expect(keptInOverlay).toBe(keptOnDisk);
  });

  it('gives an empty copy, and a copy that failed, the source mtime where libuv does', () => {
    const p = fresh();
    for (const root of [p.disk, p.upper]) {
      fs.utimesSync(`${root}/empty.txt`, 1_000_000, 2_000_000);
      fs.utimesSync(`${root}/emptydir`, 3_000_000, 4_000_000);
    }
    fs.copyFileSync(`${p.disk}/empty.txt`, `${p.disk}/copy.txt`);
    p.overlay.copyFile('empty.txt', 'copy.txt', 0);
    try { fs.copyFileSync(`${p.disk}/emptydir`, `${p.disk}/top.txt`); } catch { /* EISDIR expected */ }
    try { p.overlay.copyFile('emptydir', 'top.txt', 0); } catch { /* EISDIR expected */ }
    const disk = (n: string) => fs.statSync(`${p.disk}/${n}`, { bigint: true });
    const ours = (n: string) => p.overlay.stat(n);
    expect([ours('copy.txt').mtimeNs === disk('empty.txt').mtimeNs, ours('top-hardlink.txt').mtimeNs === 4_000_000_000_000_000n])
      .toEqual([disk('copy.txt').mtimeNs === disk('empty.txt').mtimeNs, disk('top-hardlink.txt').mtimeNs === 4_000_000_000_000_000n]);
  });
});

describe('copyFile owner and failed-copy times', () => {
  it('gives the destination the owner the disk gives it (the source owner with libuv 1.48+)', () => {
    const p = fresh();
    for (const root of [p.disk, p.upper]) {
      fs.chownSync(`${root}/top.txt`, 1234, 5678);
      fs.writeFileSync(`${root}/existing`, 'x');
    }
    fs.copyFileSync(`${p.disk}/top.txt`, `${p.disk}/copy.txt`);
    fs.copyFileSync(`${p.disk}/top.txt`, `${p.disk}/existing`);
    p.overlay.copyFile('top.txt', 'copy.txt', 0);
    p.overlay.copyFile('top.txt', 'existing', 0);
    const owner = (s: { uid: number | bigint; gid: number | bigint }) => `${s.uid}:${s.gid}`;
    expect([owner(p.overlay.stat('copy.txt')), owner(p.overlay.stat('existing'))])
      .toEqual([owner(fs.statSync(`${p.disk}/copy.txt`)), owner(fs.statSync(`${p.disk}/existing`))]);
  });

  it('a copy from a directory through a dangling symlink leaves the new file with the times the disk gives it', () => {
    const p = fresh();
    for (const root of [p.disk, p.upper]) {
      fs.utimesSync(`${root}/dir`, 1000, 2000);
      fs.symlinkSync('../a', `${root}/dir/sub/c`);
    }
    expect(() => fs.copyFileSync(`${p.disk}/dir`, `${p.disk}/dir/sub/c`)).toThrow(/EISDIR/);
    expect(() => p.overlay.copyFile('dir', 'dir/sub/c', 0)).toThrow(/EISDIR/);
    const disk = fs.lstatSync(`${p.disk}/dir/a`, { bigint: true });
    const ours = p.overlay.lstat('dir/a');
    expect([ours.mtimeNs === 2_000_000_000_000n, ours.mode]).toEqual([disk.mtimeNs === 2_000_000_000_000n, Number(disk.mode)]);
  });
});

describe('whiteouts and opaque directories', () => {
  it('hides a deleted disk file from stat and readdir, and a new file of that name replaces it', () => {
    const p = fresh();
    p.overlay.unlink('dir/file.txt');
    expect(p.overlay.tryStat('dir/file.txt', false)).toBeUndefined();
    expect(p.overlay.readdir('dir').map((e) => e.name)).toEqual(['sub']);
    p.overlay.writeFile('dir/file.txt', Buffer.from('again'), W, 0o644);
    expect(p.overlay.readFile('dir/file.txt').toString()).toBe('again');
  });

  it('keeps the disk order of disk entries and puts new names after them', () => {
    const p = fresh();
    const diskOrder = fs.readdirSync(`${p.upper}`);
    p.overlay.writeFile('zzz-new', Buffer.from(''), W, 0o644);
    p.overlay.writeFile('aaa-new', Buffer.from(''), W, 0o644);
    p.overlay.writeFile('top.txt', Buffer.from('changed'), W, 0o644);
    expect(p.overlay.readdir('.').map((e) => e.name)).toEqual([...diskOrder, 'zzz-new', 'aaa-new']);
  });
});

describe('descriptors', () => {
  it('start at FIRST_FD and are known as overlay descriptors until closed', () => {
    const p = fresh();
    const fd = p.overlay.open('top.txt', C.O_RDONLY);
    expect(fd).toBeGreaterThanOrEqual(FIRST_FD);
    expect(FIRST_FD).toBe(0x40000000);
    expect(p.overlay.isOverlayFd(fd)).toBe(true);
    p.overlay.close(fd);
    expect(p.overlay.isOverlayFd(fd)).toBe(false);
    expect(() => p.overlay.close(fd)).toThrow(expect.objectContaining({ code: 'EBADF', syscall: 'close' }));
  });

  it('a read-only descriptor of a disk file sees writes made later through another descriptor', () => {
    const p = fresh();
    const reader = p.overlay.open('top.txt', C.O_RDONLY);
    const writer = p.overlay.open('top.txt', C.O_RDWR);
    p.overlay.write(writer, Buffer.from('TOP'), 0, 3, 0);
    const b = Buffer.alloc(3);
    p.overlay.read(reader, b, 0, 3, 0);
    expect(b.toString()).toBe('TOP');
    expect(p.overlay.fstat(reader).ino).toBe(p.overlay.fstat(writer).ino);
  });

  it('times set through a read-only descriptor of an untouched disk file stay on the file', () => {
    const p = fresh();
    const fd = p.overlay.open('dir/sub/deep.txt', C.O_RDONLY);
    p.overlay.futimes(fd, 1_200_000_000_250_000_000n, 1_200_000_000_250_000_000n);
    expect(p.overlay.fstat(fd).mtimeNs).toBe(1_200_000_000_250_000_000n);
    expect(p.overlay.stat('dir/sub/deep.txt').mtimeNs).toBe(1_200_000_000_250_000_000n);
    expect(p.overlay.readdir('dir/sub').map((e) => e.name)).toEqual(['deep.txt']);
    p.overlay.close(fd);
  });

  it('an unlinked file stays readable and writable through its descriptor, then is freed at close', () => {
    const p = fresh();
    const fd = p.overlay.open('big', C.O_RDWR | C.O_CREAT, 0o644);
    p.overlay.write(fd, Buffer.alloc(1000, 1), 0, 1000, null);
    p.overlay.unlink('big');
    expect(p.overlay.fstat(fd).nlink).toBe(0);
    expect(p.overlay.bytesUsed()).toBe(1000);
    p.overlay.close(fd);
    expect(p.overlay.bytesUsed()).toBe(0);
  });
});

describe('reading a whole file', () => {
  // The bytes are read into memory that is not cleared first (Node's pool, as its own readFileSync uses): whatever
  // the file does not hold must come back as zeros, never as what that memory held before — which this makes
  // certain to be something else than zeros.
  const readWithDirtyMemory = (p: Pair, path: string): Buffer => {
    const allocUnsafe = Buffer.allocUnsafe;
    Buffer.allocUnsafe = (size: number) => allocUnsafe(size).fill(0xee);
    try {
      return p.overlay.readFile(path);
    } finally {
      Buffer.allocUnsafe = allocUnsafe;
    }
  };

  it('gives zeros for a hole at the end of a file (truncate past its end), small and large', () => {
    const p = fresh();
    for (const [written, size] of [[10, 100], [3000, 4000], [70_000, 200_000]] as const) {
      p.overlay.writeFile('holed', Buffer.alloc(written, 7), W, 0o644);
      p.overlay.truncate('holed', size);
      const bytes = readWithDirtyMemory(p, 'holed');
      expect(bytes.length).toBe(size);
      expect(bytes.subarray(0, written).every((b) => b === 7)).toBe(true);
      expect(bytes.subarray(written).every((b) => b === 0)).toBe(true);
    }
  });

  it('gives zeros for a hole a write past the end left, and for a file made empty', () => {
    const p = fresh();
    const fd = p.overlay.open('sparse', W, 0o644);
    p.overlay.write(fd, Buffer.from('end'), 0, 3, 5000);
    p.overlay.close(fd);
    const bytes = readWithDirtyMemory(p, 'sparse');
    expect([bytes.length, bytes.subarray(0, 5000).every((b) => b === 0), bytes.subarray(5000).toString()]).toEqual([5003, true, 'end']);
    p.overlay.writeFile('empty', Buffer.alloc(0), W, 0o644);
    expect(readWithDirtyMemory(p, 'empty').length).toBe(0);
  });
});

describe('quota', () => {
  it('fails a writeFile past the quota with ENOSPC and creates nothing', () => {
    const p = fresh({ quotaBytes: 100 });
    expect(() => p.overlay.writeFile('new.txt', Buffer.alloc(101), W, 0o644)).toThrow(
      expect.objectContaining({ code: 'ENOSPC', syscall: 'write', message: 'ENOSPC: no space left on device, write' }));
    expect(p.overlay.exists('new.txt')).toBe(false);
    expect(p.overlay.bytesUsed()).toBe(0);
    expect(p.changes).toEqual([{ kind: 'quota-exceeded', path: `${p.upper}/new.txt`, requestedBytes: 101, quotaBytes: 100 }]);
  });

  it('reports a write through a descriptor that the quota refuses, with the file it was for', () => {
    const p = fresh({ quotaBytes: 100 });
    const fd = p.overlay.open('dir/new.bin', C.O_RDWR | C.O_CREAT, 0o644);
    p.overlay.write(fd, Buffer.alloc(60, 1), 0, 60, null);
    expect(() => p.overlay.write(fd, Buffer.alloc(60, 2), 0, 60, null)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.changes.filter((c) => c.kind !== 'unsaved')).toEqual([
      { kind: 'quota-exceeded', path: `${p.upper}/dir/new.bin`, requestedBytes: 120, quotaBytes: 100 },
    ]);
    p.overlay.close(fd);
  });

  it('fails a write past the quota without writing part of it', () => {
    const p = fresh({ quotaBytes: 100 });
    const fd = p.overlay.open('f', C.O_RDWR | C.O_CREAT, 0o644);
    p.overlay.write(fd, Buffer.alloc(60, 1), 0, 60, null);
    expect(() => p.overlay.write(fd, Buffer.alloc(60, 2), 0, 60, null)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.overlay.fstat(fd).size).toBe(60);
    expect(p.overlay.bytesUsed()).toBe(60);
    p.overlay.close(fd);
  });

  it('leaves no copy-up behind when a disk file cannot be brought into memory', () => {
    const p = fresh({ quotaBytes: 5 });
    expect(() => p.overlay.writeFile('dir/file.txt', Buffer.from('x'), C.O_WRONLY | C.O_APPEND, 0o644)).toThrow(
      expect.objectContaining({ code: 'ENOSPC' }));
    expect(() => p.overlay.truncate('dir/file.txt', 10)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.overlay.readFile('dir/file.txt').toString()).toBe('disk content\n');
    expect(p.overlay.changeSet()).toEqual([]);
  });

  it('counts bytes freed by overwriting and deleting', () => {
    const p = fresh({ quotaBytes: 100 });
    p.overlay.writeFile('a', Buffer.alloc(80), W, 0o644);
    p.overlay.writeFile('a', Buffer.alloc(90), W, 0o644);
    p.overlay.unlink('a');
    p.overlay.writeFile('b', Buffer.alloc(100), W, 0o644);
    expect(p.overlay.bytesUsed()).toBe(100);
  });
});

describe('space guard', () => {
  const H = JOURNAL_HEADER_BYTES;
  /** A guard with `room` bytes in all, that remembers what it was asked. */
  function guardWith(room: number) {
    const asked: number[] = [];
    return {
      asked,
      admit(bytes: number) {
        asked.push(bytes);
        if (bytes > room) return false;
        room -= bytes;
        return true;
      },
    };
  }
  const spaceRefusals = (p: Pair) => p.changes.filter((c) => c.kind === 'space-refused');

  it('fails a writeFile the guard refuses with ENOSPC, creates nothing, and reports the file', () => {
    const p = fresh({ spaceGuard: guardWith(100) });
    expect(() => p.overlay.writeFile('new.txt', Buffer.alloc(101), W, 0o644)).toThrow(
      expect.objectContaining({ code: 'ENOSPC', syscall: 'write', message: 'ENOSPC: no space left on device, write' }));
    expect(p.overlay.exists('new.txt')).toBe(false);
    expect(p.overlay.bytesUsed()).toBe(0);
    expect(p.changes).toEqual([{ kind: 'space-refused', path: `${p.upper}/new.txt`, requestedBytes: 101 + H }]);
  });

  it('leaves a file rewritten with O_TRUNC as it was when the guard refuses', () => {
    const p = fresh({ spaceGuard: guardWith(0) });
    expect(() => p.overlay.writeFile('dir/file.txt', Buffer.alloc(10), W, 0o644)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.overlay.readFile('dir/file.txt').toString()).toBe('disk content\n');
    expect(p.overlay.changeSet()).toEqual([]);
  });

  it('still raises the error open would raise before ENOSPC', () => {
    const p = fresh({ spaceGuard: guardWith(0) });
    expect(() => p.overlay.writeFile('missing/new.txt', Buffer.alloc(10), W, 0o644)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(spaceRefusals(p)).toEqual([]);
  });

  it('fails a write through a descriptor without writing part of it', () => {
    const p = fresh({ spaceGuard: guardWith(60 + H) });
    const fd = p.overlay.open('dir/new.bin', C.O_RDWR | C.O_CREAT, 0o644);
    p.overlay.write(fd, Buffer.alloc(60, 1), 0, 60, null);
    expect(() => p.overlay.write(fd, Buffer.alloc(60, 2), 0, 60, null)).toThrow(
      expect.objectContaining({ code: 'ENOSPC', syscall: 'write' }));
    expect(p.overlay.fstat(fd).size).toBe(60);
    expect([...new Set(p.overlay.readFile('dir/new.bin'))]).toEqual([1]);
    expect(spaceRefusals(p)).toEqual([{ kind: 'space-refused', path: `${p.upper}/dir/new.bin`, requestedBytes: 60 }]);
    p.overlay.close(fd);
  });

  it('fails a copyFile without creating the destination or changing an existing one', () => {
    const p = fresh({ spaceGuard: guardWith(0) });
    expect(() => p.overlay.copyFile('dir/file.txt', 'copy.txt', 0)).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'copyfile' }));
    expect(() => p.overlay.copyFile('dir/file.txt', 'top.txt', 0)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.overlay.exists('copy.txt')).toBe(false);
    expect(p.overlay.readFile('top.txt').toString()).toBe('top');
    expect(p.overlay.changeSet()).toEqual([]);
    expect(spaceRefusals(p).map((c) => c.path)).toEqual([`${p.upper}/copy.txt`, `${p.upper}/top.txt`]);
  });

  it('fails a truncate that extends a file, whose hole the journal writes as zeros, and keeps its size', () => {
    const p = fresh({ spaceGuard: guardWith(10 + H) });
    p.overlay.writeFile('f', Buffer.alloc(10, 1), W, 0o644);
    expect(() => p.overlay.truncate('f', 1024 * 1024)).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'ftruncate' }));
    const fd = p.overlay.open('f', C.O_RDWR, 0o644);
    expect(() => p.overlay.ftruncate(fd, 1024 * 1024)).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'ftruncate' }));
    p.overlay.close(fd);
    expect(p.overlay.stat('f').size).toBe(10);
    expect(spaceRefusals(p).map((c) => c.kind === 'space-refused' && c.requestedBytes)).toEqual([1024 * 1024 - 10 + H, 1024 * 1024 - 10 + H]);
  });

  it('leaves no copy-up behind when the guard refuses to truncate or append to a disk file', () => {
    const p = fresh({ spaceGuard: guardWith(0) });
    expect(() => p.overlay.truncate('dir/file.txt', 100)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(() => p.overlay.writeFile('dir/file.txt', Buffer.from('x'), C.O_WRONLY | C.O_APPEND, 0o644)).toThrow(
      expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.overlay.readFile('dir/file.txt').toString()).toBe('disk content\n');
    expect(p.overlay.changeSet()).toEqual([]);
  });

  it('fails an append past the room left and keeps the file as it was', () => {
    const p = fresh({ spaceGuard: guardWith(100 + H + 50 + H) });
    const append = (n: number) => p.overlay.writeFile('log', Buffer.alloc(n, 7), C.O_WRONLY | C.O_CREAT | C.O_APPEND, 0o644);
    append(100);
    append(50);
    expect(() => append(1)).toThrow(expect.objectContaining({ code: 'ENOSPC', syscall: 'write' }));
    expect(p.overlay.stat('log').size).toBe(150);
  });

  it('asks for the bytes the journal will write: an append its own, a rewrite of a journaled file all of it', () => {
    const guard = guardWith(Number.POSITIVE_INFINITY);
    const p = fresh({ spaceGuard: guard });
    p.overlay.writeFile('f', Buffer.alloc(1000), W, 0o644);
    p.overlay.writeFile('f', Buffer.alloc(10), C.O_WRONLY | C.O_APPEND, 0o644);
    const fd = p.overlay.open('f', C.O_RDWR, 0o644);
    p.overlay.write(fd, Buffer.alloc(1), 0, 1, 0);
    p.overlay.write(fd, Buffer.alloc(1), 0, 1, 500);
    p.overlay.close(fd);
    p.overlay.writeFile('dir/file.txt', Buffer.from('!'), C.O_WRONLY | C.O_APPEND, 0o644);
    expect(guard.asked).toEqual([1000 + H, 10 + H, 1010 + H, 'disk content\n!'.length + H]);
  });

  it('asks nothing for a change that adds no bytes to the journal', () => {
    const guard = guardWith(Number.POSITIVE_INFINITY);
    const p = fresh({ spaceGuard: guard });
    p.overlay.writeFile('empty', Buffer.alloc(0), W, 0o644);
    p.overlay.truncate('dir/file.txt', 0);
    p.overlay.writeFile('top.txt', Buffer.alloc(0), W, 0o644);
    expect(guard.asked).toEqual([]);
  });

  it('reports the quota, not the guard, when both would refuse', () => {
    const guard = guardWith(0);
    const p = fresh({ quotaBytes: 10, spaceGuard: guard });
    expect(() => p.overlay.writeFile('new.txt', Buffer.alloc(11), W, 0o644)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(p.changes.map((c) => c.kind)).toEqual(['quota-exceeded']);
    expect(guard.asked).toEqual([]);
  });
});

describe('observer', () => {
  it('reports content at close and fsync, never on reads, with canonical paths', () => {
    const p = fresh();
    const fd = p.overlay.open('abs-dir-link/sub/../new.txt', C.O_RDWR | C.O_CREAT, 0o644);
    p.overlay.write(fd, Buffer.from('x'), 0, 1, null);
    expect(p.changes.filter((c) => c.kind === 'content')).toEqual([]);
    p.overlay.fsync(fd);
    p.overlay.read(fd, Buffer.alloc(1), 0, 1, 0);
    p.overlay.close(fd);
    p.overlay.readFile('top.txt');
    const ino = p.overlay.stat('dir/new.txt').ino;
    expect(p.changes.filter((c) => c.kind === 'content')).toEqual([{ kind: 'content', path: `${p.upper}/dir/new.txt`, ino }]);
  });

  it('reports a file written through a descriptor as unsaved once, at the first write after its last content report', () => {
    const p = fresh();
    const fd = p.overlay.open('log', C.O_WRONLY | C.O_CREAT | C.O_APPEND, 0o644);
    const ino = p.overlay.fstat(fd).ino;
    const line = Buffer.from('line\n');
    for (let i = 0; i < 3; i++) p.overlay.write(fd, line, 0, line.length, null);
    p.overlay.fsync(fd);
    for (let i = 0; i < 3; i++) p.overlay.write(fd, line, 0, line.length, null);
    p.overlay.close(fd);
    const unsaved = { kind: 'unsaved', path: `${p.upper}/log`, ino };
    expect(p.changes.map((c) => (c.kind === 'content' ? 'content' : c))).toEqual([unsaved, 'content', unsaved, 'content']);
  });

  it('reports as unsaved a file an open creates or truncates, before anything is written to it', () => {
    const p = fresh();
    const created = p.overlay.open('new.txt', W, 0o644);
    const truncated = p.overlay.open('top.txt', C.O_WRONLY | C.O_TRUNC, 0o644);
    const unsaved = p.changes.map((c) => (c.kind === 'unsaved' ? c.path.slice(p.upper.length) : c.kind));
    expect(unsaved).toEqual(['/new.txt', '/top.txt']);
    p.overlay.close(created);
    p.overlay.close(truncated);
  });

  it('reports nothing as unsaved for writeFile, appendFile or truncate by path: they report their content at once', () => {
    const p = fresh();
    p.overlay.writeFile('a', Buffer.from('a'), W, 0o644);
    p.overlay.writeFile('a', Buffer.from('b'), C.O_WRONLY | C.O_CREAT | C.O_APPEND, 0o644);
    p.overlay.truncate('a', 1);
    expect(p.changes.map((c) => c.kind)).toEqual(['content', 'content', 'content']);
  });

  it('reports nothing as unsaved for a file that no longer has a name', () => {
    const p = fresh();
    p.overlay.writeFile('doomed', Buffer.from('saved'), W, 0o644);
    const fd = p.overlay.open('doomed', C.O_WRONLY, 0o644);
    p.overlay.unlink('doomed');
    p.changes.length = 0;
    p.overlay.write(fd, Buffer.from('x'), 0, 1, null);
    p.overlay.close(fd);
    expect(p.changes).toEqual([]);
  });

  it('reports each kind of change once, after it succeeded', () => {
    const p = fresh();
    const o = p.overlay;
    o.mkdir('d', 0o755, false);
    o.symlink('target', 'd/l');
    o.link('top.txt', 'd/h');
    o.chmod('d/h', 0o600);
    o.rename('d', 'e');
    o.unlink('e/l');
    expect(() => o.unlink('e/l')).toThrow();
    o.rm('e', { recursive: true, force: false });
    const r = p.upper;
    expect(p.changes).toEqual([
      { kind: 'mkdir', path: `${r}/d` },
      { kind: 'symlink', path: `${r}/d/l`, target: 'target' },
      { kind: 'link', existingPath: `${r}/top.txt`, newPath: `${r}/d/h` },
      { kind: 'metadata', path: `${r}/top.txt` },
      { kind: 'rename', from: `${r}/d`, to: `${r}/e` },
      { kind: 'remove', path: `${r}/e/l` },
      { kind: 'remove', path: `${r}/e` },
    ]);
  });

  it('tells the journal how many leading bytes an append left unchanged since the last report', () => {
    const p = fresh();
    const fd = p.overlay.open('log', C.O_WRONLY | C.O_CREAT | C.O_APPEND, 0o644);
    p.overlay.write(fd, Buffer.from('first line\n'), 0, 11, null);
    p.overlay.fsync(fd);
    p.overlay.write(fd, Buffer.from('second\n'), 0, 7, null);
    p.overlay.close(fd);
    const reports = p.changes.filter((c) => c.kind === 'content');
    expect(reports.map((c) => (c.kind === 'content' ? c.unchangedPrefix : -1))).toEqual([undefined, 11]);
    const ino = p.overlay.stat('log').ino;
    expect(p.overlay.inspectInodeFrom(ino, 11)?.content?.toString()).toBe('second\n');
  });

  it('reports what an rm removed before it failed', () => {
    const p = fresh();
    expect(() => p.overlay.rm('abs-dir-link/', { recursive: true, force: false, childrenFirst: true })).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }));
    const r = p.upper;
    const removed = p.changes.map((c) => (c.kind === 'remove' ? c.path.slice(r.length) : c.kind)).sort();
    // dir/sub went whole (one whiteout): one report covers its subtree.
    expect(removed).toEqual(['/dir/file.txt', '/dir/sub']);
  });

  it('inspectInode gives the current bytes of a reported file', () => {
    const p = fresh();
    p.overlay.writeFile('n', Buffer.from('bytes'), W, 0o640);
    const change = p.changes[0]!;
    const seen = change.kind === 'content' ? p.overlay.inspectInode(change.ino) : undefined;
    expect(seen?.content?.toString()).toBe('bytes');
    expect(seen?.stat.mode).toBe(C.S_IFREG | 0o640);
  });
});

describe('change set', () => {
  it('lists created, modified and deleted paths with type, mode, content and target, sorted', () => {
    const p = fresh();
    const o = p.overlay;
    o.writeFile('dir/file.txt', Buffer.from('new content'), W, 0o644);
    o.chmod('script.sh', 0o700);
    o.unlink('empty.txt');
    o.mkdir('made', 0o755, false);
    o.symlink('../top.txt', 'made/link');
    const r = p.upper;
    const summary = o.changeSet().map((e) => [e.path.slice(r.length), e.change, e.type, e.contentChanged,
      e.metadataChanged, (e.mode & 0o7777).toString(8), e.content?.toString(), e.target]);
    expect(summary).toEqual([
      ['/dir/file.txt', 'modified', 'file', true, false, '644', 'new content', undefined],
      ['/empty.txt', 'deleted', 'file', false, false, '644', undefined, undefined],
      ['/made', 'created', 'directory', false, false, '755', undefined, undefined],
      ['/made/link', 'created', 'symlink', false, false, '777', undefined, '../top.txt'],
      ['/script.sh', 'modified', 'file', false, true, '700', '#!/bin/sh\n', undefined],
    ]);
  });

  it('lists a renamed disk directory as deleted at its old path and created, with its disk children, at the new', () => {
    const p = fresh();
    p.overlay.rename('dir', 'moved');
    const r = p.upper;
    expect(p.overlay.changeSet().map((e) => `${e.change} ${e.path.slice(r.length)}`)).toEqual([
      'deleted /dir', 'created /moved', 'created /moved/file.txt', 'created /moved/sub', 'created /moved/sub/deep.txt',
    ]);
  });

  it('lists the disk children a re-made directory hides as deleted (the directory itself, alike, is not listed)', () => {
    const p = fresh();
    p.overlay.rm('dir', { recursive: true, force: false });
    p.overlay.mkdir('dir', 0o755, false);
    p.overlay.writeFile('dir/file.txt', Buffer.from('other'), W, 0o644);
    const r = p.upper;
    expect(p.overlay.changeSet().map((e) => `${e.change} ${e.path.slice(r.length)}`)).toEqual([
      'modified /dir/file.txt', 'deleted /dir/sub',
    ]);
  });
});

describe('the disk layer', () => {
  it('keeps using the fs functions of its load time after fs is patched in place', () => {
    const disk = createDiskLayer();
    const names = ['openSync', 'readSync', 'closeSync', 'fstatSync', 'lstatSync', 'readdirSync', 'readlinkSync'] as const;
    const originals = names.map((n) => fs[n]);
    const called: string[] = [];
    try {
      for (const n of names) {
        (fs as unknown as Record<string, unknown>)[n] = () => {
          called.push(n);
          throw new Error('patched');
        };
      }
      syncBuiltinESMExports();
      expect(disk.readFile('/work/main/package.json').length).toBeGreaterThan(0);
      expect(disk.readFileNoFollow!('/work/main/package.json')).toBeInstanceOf(Buffer);
      expect(disk.lstat('/work').ino).toBeGreaterThan(0);
      expect(disk.readdir('/work/main').length).toBeGreaterThan(0);
    } finally {
      names.forEach((n, i) => ((fs as unknown as Record<string, unknown>)[n] = originals[i]));
      syncBuiltinESMExports();
    }
    expect(called).toEqual([]);
  });
});

describe('the disk layer and names that are not UTF-8', () => {
  // The engine's names keep bytes that are not UTF-8 as lone surrogates U+DC80–U+DCFF (overlay/name-bytes.ts).
  const latin1 = Buffer.from('caf\xe9', 'latin1');
  const stray = Buffer.from([0x61, 0xff, 0x62]);
  const fffd = Buffer.from('a\uFFFDb');
  let dir = '';
  const at = (...parts: Buffer[]) => Buffer.concat([Buffer.from(dir), ...parts.flatMap((p) => [Buffer.from('/'), p])]);
  const named = (...parts: Buffer[]) => [dir, ...parts.map(bytesToName)].join('/');

  beforeEach(() => {
    dir = fs.mkdtempSync('/tmp/h1-names-');
    fs.mkdirSync(at(latin1));
    fs.writeFileSync(at(latin1, stray), 'stray');
    fs.writeFileSync(at(latin1, fffd), 'fffd');
    fs.symlinkSync(stray, at(latin1, Buffer.from('link')));
    fs.symlinkSync(latin1, at(Buffer.from('toDir')));
    fs.writeFileSync(at(fffd), 'top fffd');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));

  it('lists names with their bytes escaped, and a name that genuinely holds U+FFFD as it is', () => {
    const names = createDiskLayer().readdir(named(latin1)).map((e) => `${e.name} ${e.type}`).sort();
    expect(names).toEqual(['a\uFFFDb 1', 'a\uDCFFb 1', 'link 3'].sort());
    expect(createDiskLayer().readdir(dir).map((e) => e.name).sort()).toEqual(['a\uFFFDb', 'caf\uDCE9', 'toDir']);
  });

  it('reaches a file by the bytes its escaped path stands for, never by U+FFFD\'s bytes', () => {
    const disk = createDiskLayer();
    expect(disk.readFile(named(latin1, stray)).toString()).toBe('stray');
    expect(disk.readFileNoFollow!(named(latin1, stray))).toEqual(Buffer.from('stray'));
    expect(disk.lstat(named(latin1, stray)).ino).toBe(fs.lstatSync(at(latin1, stray)).ino);
    expect(disk.tryLstat!(named(latin1, Buffer.from('a\xfe\x62', 'latin1')))).toBeUndefined();
    expect(disk.tryLstat!(named(latin1, fffd))!.ino).toBe(fs.lstatSync(at(latin1, fffd)).ino);
    const fd = disk.openForRead(named(latin1, stray));
    try {
      expect(fs.fstatSync(fd).ino).toBe(fs.lstatSync(at(latin1, stray)).ino);
    } finally {
      disk.close(fd);
    }
  });

  it('reads link targets and real paths with their bytes escaped', () => {
    const disk = createDiskLayer();
    expect(disk.readlink(named(latin1, Buffer.from('link')))).toBe('a\uDCFFb');
    expect(disk.readlink(`${dir}/toDir`)).toBe('caf\uDCE9');
    expect(disk.realpath!(`${dir}/toDir`)).toBe(named(latin1));
    expect(disk.realpath!(named(latin1, fffd))).toBe(named(latin1, fffd));
  });

  it('throws the disk\'s own ENOENT for a missing escaped path, though U+FFFD\'s bytes name a file there', () => {
    const missing = named(Buffer.from('a\xfdb', 'latin1'));
    expect(() => createDiskLayer().lstat(missing)).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'lstat' }));
  });
});

describe('values shaped as Node shapes them', () => {
  it('toStats builds fs.Stats and BigIntStats that inspect exactly like the real ones', () => {
    const real = fs.lstatSync('/work', { bigint: true });
    const record = statRecordFromNode(real);
    expect(util.inspect(toStats(record, true))).toBe(util.inspect(real));
    expect(util.inspect(toStats(record, false))).toBe(util.inspect(fs.lstatSync('/work')));
    expect(toStats(record)).toBeInstanceOf(fs.Stats);
  });

  it('toStats gives the very millisecond doubles Node gives, for any nanoseconds', () => {
    const dir = fs.mkdtempSync('/tmp/h1-ms-');
    try {
      const mismatches: string[] = [];
      for (let i = 0; i < 200; i++) {
        const p = `${dir}/f${i}`;
        fs.writeFileSync(p, '');
        const ns = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
        execFileSync('touch', ['-m', '-d', `@${1_600_000_000 + i * 7_777}.${ns}`, p]);
        const real = fs.lstatSync(p);
        const ours = toStats(statRecordFromNode(fs.lstatSync(p, { bigint: true })));
        if (real.mtimeMs !== ours.mtimeMs) mismatches.push(`${ns}: ${real.mtimeMs} vs ${ours.mtimeMs}`);
      }
      expect(mismatches).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('uvError builds the same error as Node for the same failure', () => {
    let real: unknown;
    try {
      fs.renameSync('/nonexistent-h1', '/tmp/x-h1');
    } catch (error) {
      real = error;
    }
    const ours = uvError('ENOENT', 'rename', '/nonexistent-h1', '/tmp/x-h1');
    expect(util.inspect(ours).split('\n')[0]).toBe(util.inspect(real).split('\n')[0]);
    expect(Object.keys(ours)).toEqual(Object.keys(real as object));
    expect({ ...ours, message: ours.message }).toEqual({ ...(real as object), message: (real as Error).message });
  });

  it('string flags open files exactly as Node opens them with the same string', () => {
    const dir = fs.mkdtempSync('/tmp/h1-flags-');
    try {
      for (const name of ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as',
        'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+']) {
        const attempt = (flag: string | number) => {
          const file = `${dir}/f`;
          fs.writeFileSync(file, 'abc');
          try {
            const fd = fs.openSync(file, flag);
            try { fs.writeSync(fd, 'X'); } catch (e) { /* read-only */ void e; }
            fs.closeSync(fd);
            return fs.readFileSync(file, 'utf8');
          } catch (error) {
            return (error as NodeJS.ErrnoException).code;
          }
        };
        expect([name, attempt(stringToFlags(name)!)]).toEqual([name, attempt(name)]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
