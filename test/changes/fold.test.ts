import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import type { ChangeSet, PathChange } from '../../src/changes/types.js';
import { JournalBuilder, removeTempDirs, tempDir } from './support/journal-builder.js';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const S_IFDIR = 0o040000;

let disk: string;
let spool: string;
const fold = (o: { cap?: number } = {}) =>
  foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }], ...(o.cap !== undefined ? { transientContentCap: o.cap } : {}) });
const at = (cs: ChangeSet, relative: string): PathChange | undefined => cs.changes.find((c) => c.relativePath === relative);
const p = (relative: string) => path.join(disk, relative);
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-fold-disk-');
  spool = tempDir('memfs-fold-spool-');
  fs.writeFileSync(p('existing.txt'), 'on disk');
  fs.mkdirSync(p('dir/sub'), { recursive: true });
  fs.writeFileSync(p('dir/a.txt'), 'a');
  fs.writeFileSync(p('dir/sub/b.txt'), 'b');
});

describe('foldJournals', () => {
  it('lists a file a process made as created, with the hash and the bytes of its final content', () => {
    new JournalBuilder(spool).content(p('new.txt'), 'first').content(p('new.txt'), 'second').end();
    const cs = fold();
    const change = at(cs, 'new.txt')!;
    expect(change).toMatchObject({ change: 'created', type: 'file', root: 'workspace', size: 6, sha256: sha('second') });
    expect(cs.content!.read(change)!.toString()).toBe('second');
  });

  it('lists a rewritten disk file as modified, with the hash of the original read from the disk', () => {
    new JournalBuilder(spool).content(p('existing.txt'), 'changed').end();
    const change = at(fold(), 'existing.txt')!;
    expect(change).toMatchObject({ change: 'modified', contentChanged: true, metadataChanged: false });
    expect(change.originalSha256).toBe(sha('on disk'));
    expect(change.sha256).toBe(sha('changed'));
  });

  it('does not list a disk file rewritten with the same bytes and mode', () => {
    const mode = fs.statSync(p('existing.txt')).mode & 0o777;
    new JournalBuilder(spool).content(p('existing.txt'), 'on disk', { mode }).end();
    expect(at(fold(), 'existing.txt')).toBeUndefined();
  });

  it('names as writers only the processes that made a reported change', () => {
    const mode = fs.statSync(p('existing.txt')).mode & 0o777;
    new JournalBuilder(spool, { argv: ['node', 'same-bytes.js'] }).content(p('existing.txt'), 'on disk', { mode }).end();
    new JournalBuilder(spool, { argv: ['node', 'new-file.js'] }).content(p('new.txt'), 'new').end();
    const cs = fold();
    expect(cs.writers.map((w) => w.command)).toEqual(['node new-file.js']);
    expect(at(cs, 'new.txt')).toMatchObject({ firstWriter: 0, writers: [0] });
  });

  it('lists a chmod of a disk file as a metadata-only modification', () => {
    new JournalBuilder(spool).change({ k: 'metadata', path: p('existing.txt'), mode: 0o100600, uid: 0, gid: 0, atimeNs: '0', mtimeNs: String(fs.statSync(p('existing.txt'), { bigint: true }).mtimeNs) }).end();
    expect(at(fold(), 'existing.txt')).toMatchObject({ change: 'modified', contentChanged: false, metadataChanged: true, mode: 0o600 });
  });

  it('lists a removed disk directory and everything that was in it as deleted', () => {
    new JournalBuilder(spool).change({ k: 'remove', path: p('dir') }).end();
    const cs = fold();
    expect(cs.changes.filter((c) => c.change === 'deleted').map((c) => c.relativePath).sort()).toEqual(['dir', 'dir/a.txt', 'dir/sub', 'dir/sub/b.txt']);
    expect(at(cs, 'dir/a.txt')!.originalSha256).toBe(sha('a'));
  });

  it('lists a file made and removed during the run as transient, with its last content', () => {
    new JournalBuilder(spool).content(p('scratch.log'), 'last words').change({ k: 'remove', path: p('scratch.log') }).end();
    const cs = fold();
    const change = at(cs, 'scratch.log')!;
    expect(change).toMatchObject({ change: 'transient', sha256: sha('last words') });
    expect(cs.content!.read(change)!.toString()).toBe('last words');
  });

  it('keeps no content of a transient file larger than the cap, and says why', () => {
    new JournalBuilder(spool).content(p('big.bin'), 'x'.repeat(100)).change({ k: 'remove', path: p('big.bin') }).end();
    const change = at(fold({ cap: 10 }), 'big.bin')!;
    expect(change).toMatchObject({ change: 'transient', contentOmitted: 'too-large' });
    expect(change.sha256).toBeUndefined();
  });

  it('does not call a temporary file renamed into place transient: its content lives on', () => {
    new JournalBuilder(spool).content(p('out.json.tmp'), '{}').change({ k: 'rename', from: p('out.json.tmp'), to: p('out.json') }).end();
    const cs = fold();
    expect(cs.changes.map((c) => [c.relativePath, c.change])).toEqual([['out.json', 'created']]);
  });

  it('shows a renamed disk directory as its old paths deleted and its new paths created with the disk bytes', () => {
    new JournalBuilder(spool).change({ k: 'rename', from: p('dir'), to: p('moved') }).end();
    const cs = fold();
    expect(at(cs, 'dir/sub/b.txt')!.change).toBe('deleted');
    const moved = at(cs, 'moved/sub/b.txt')!;
    expect(moved).toMatchObject({ change: 'created', sha256: sha('b') });
    expect(cs.content!.read(moved)!.toString()).toBe('b');
  });


  // Found by the multi-process property test (rename d1/b → a, then rename d1/d2 → d1/b): the paths under the moved
  // directory lie, on the disk, below what is a file.
  it('shows a disk directory renamed onto the name of a disk file as created below that name', () => {
    new JournalBuilder(spool).change({ k: 'rename', from: p('existing.txt'), to: p('elsewhere.txt') })
      .change({ k: 'rename', from: p('dir'), to: p('existing.txt') }).end();
    const cs = fold();
    expect(at(cs, 'existing.txt/sub/b.txt')).toMatchObject({ change: 'created', sha256: sha('b') });
    expect(at(cs, 'elsewhere.txt')).toMatchObject({ change: 'created', sha256: sha('on disk') });
  });
  it('writes through one name of a hard link show under both, and each names the other', () => {
    new JournalBuilder(spool)
      .content(p('one'), 'v1', { ino: 7 })
      .change({ k: 'link', existingPath: p('one'), newPath: p('two') })
      .content(p('one'), 'v2', { ino: 7 })
      .end();
    const cs = fold();
    expect(at(cs, 'two')).toMatchObject({ change: 'created', sha256: sha('v2'), linkedWith: [p('one')] });
  });

  it('orders changes of several processes by the shared clock, not by journal', () => {
    const early = new JournalBuilder(spool, { pid: 9_000_001 });
    const late = new JournalBuilder(spool, { pid: 1_000_001 });
    early.content(p('shared.txt'), 'from the first process');
    late.content(p('shared.txt'), 'from the second process');
    early.content(p('other.txt'), 'x');
    early.end();
    late.end();
    const cs = fold();
    expect(at(cs, 'shared.txt')!.sha256).toBe(sha('from the second process'));
    expect(cs.changes.map((c) => c.relativePath)).toEqual(['shared.txt', 'other.txt']);
    expect(at(cs, 'shared.txt')!.writers!.map((w) => cs.writers[w]!.pid)).toEqual([9_000_001, 1_000_001]);
  });

  it('keeps the children two processes made in a folder they both created', () => {
    new JournalBuilder(spool).change({ k: 'mkdir', path: p('out'), mode: S_IFDIR | 0o755, uid: 0, gid: 0 }).content(p('out/a'), 'a').end();
    new JournalBuilder(spool).change({ k: 'mkdir', path: p('out'), mode: S_IFDIR | 0o755, uid: 0, gid: 0 }).content(p('out/b'), 'b').end();
    const cs = fold();
    expect(['out', 'out/a', 'out/b'].map((r) => at(cs, r)?.change)).toEqual(['created', 'created', 'created']);
  });

  it('names the writer of a path: process, command line and the test file of its first write', () => {
    new JournalBuilder(spool, { pid: 4242, argv: ['node', 'runner.js'] })
      .content(p('a.txt'), '1', { tf: '/proj/test/a.test.js' })
      .content(p('a.txt'), '2')
      .end();
    const cs = fold();
    const change = at(cs, 'a.txt')!;
    expect(cs.writers[change.firstWriter!]).toEqual({ pid: 4242, command: 'node runner.js', testFile: '/proj/test/a.test.js' });
    expect(change.writers).toEqual([change.firstWriter]);
  });

  it('lists a symlink made during the run with its target', () => {
    new JournalBuilder(spool).change({ k: 'symlink', path: p('link'), target: 'existing.txt', uid: 0, gid: 0 }).end();
    expect(at(fold(), 'link')).toMatchObject({ change: 'created', type: 'symlink', target: 'existing.txt' });
  });

  it('reports a process killed while writing to its journal, and keeps what it had written before', () => {
    const builder = new JournalBuilder(spool, { pid: deadPid() }).content(p('kept.txt'), 'kept');
    fs.appendFileSync(builder.file, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123])); // a frame torn by the kill
    const cs = fold();
    expect(at(cs, 'kept.txt')!.change).toBe('created');
    expect(cs.gaps).toEqual([expect.objectContaining({ reason: 'process-died-before-flush' })]);
    expect(cs.gaps[0]!.detail).toMatch(/^process \d+ ended while writing a change to its journal \(9 bytes\): that change is missing$/);
  });

  it('reports no gap for a process that died with every write saved (a signal after its last close)', () => {
    new JournalBuilder(spool, { pid: deadPid() }).unsaved(p('closed.txt')).content(p('closed.txt'), 'closed');
    const cs = fold();
    expect(at(cs, 'closed.txt')!.change).toBe('created');
    expect(cs.gaps).toEqual([]);
  });

  it('names the file a dead process had written through a descriptor and not saved', () => {
    const pid = deadPid();
    new JournalBuilder(spool, { pid, argv: ['node', 'worker.js'] }).content(p('closed.txt'), 'closed').unsaved(p('open.log'), 2);
    expect(fold().gaps).toEqual([{
      pid, command: 'node worker.js', reason: 'process-died-before-flush',
      detail: `process ${pid} ended with unsaved writes to a file it still had open (${p('open.log')}): those writes are missing`,
    }]);
  });

  it('names three unsaved files of a dead process and counts the rest', () => {
    const builder = new JournalBuilder(spool, { pid: deadPid() });
    for (let i = 1; i <= 5; i++) builder.unsaved(p(`f${i}`), i);
    expect(fold().gaps[0]!.detail).toContain(`files it still had open (${p('f1')}, ${p('f2')}, ${p('f3')} and 2 more)`);
  });

  it('reports the unsaved files and the torn change of a dead process in one sentence', () => {
    const builder = new JournalBuilder(spool, { pid: deadPid() }).unsaved(p('open.log'));
    fs.appendFileSync(builder.file, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123]));
    expect(fold().gaps.map((g) => g.detail)).toEqual([expect.stringMatching(
      /^process \d+ ended with unsaved writes to a file it still had open \(.*open\.log\) and while writing a change to its journal \(9 bytes\): both are missing$/)]);
  });

  it('reports a process still running when the changes are collected, even with nothing unsaved', () => {
    new JournalBuilder(spool, { pid: process.pid }).content(p('x'), 'x');
    expect(fold().gaps).toEqual([expect.objectContaining({ reason: 'other', detail: expect.stringContaining('was still running') })]);
  });

  it('reports no gap for a journal that ended cleanly', () => {
    new JournalBuilder(spool, { pid: deadPid() }).content(p('x'), 'x').end();
    expect(fold().gaps).toEqual([]);
  });

  it('leaves out a change outside every root, counts it in a gap, and reads the rest of its journal', () => {
    const elsewhere = tempDir('memfs-fold-elsewhere-');
    new JournalBuilder(spool).content(path.join(elsewhere, 'f'), 'f').content(p('inside.txt'), 'in').end();
    const cs = fold();
    expect(cs.changes.map((c) => c.relativePath)).toEqual(['inside.txt']);
    expect(cs.roots.map((r) => r.label)).toEqual(['workspace']);
    expect(cs.gaps).toEqual([expect.objectContaining({ reason: 'other', detail: expect.stringContaining(`1 change to paths outside the run's roots (first: ${path.join(elsewhere, 'f')})`) })]);
  });
});

// A name whose bytes are not UTF-8 (here Latin-1's é, 0xE9) is named in the engine and its journal with each such
// byte as a lone surrogate U+DC80–U+DCFF (src/overlay/name-bytes.ts); the fold must find it on the disk by its bytes.
describe('foldJournals, names that are not UTF-8', () => {
  const escaped = (relative: string) => p(relative.replace(/[\x80-\xff]/g, (c) => String.fromCharCode(0xdc00 + c.charCodeAt(0))));
  const onDisk = (relative: string) => Buffer.from(`${disk}/${relative}`, 'latin1');

  beforeEach(() => {
    fs.writeFileSync(onDisk('caf\xe9.txt'), 'latin-1 name');
    fs.mkdirSync(onDisk('d\xff'));
    fs.writeFileSync(onDisk('d\xff/inner\xe9'), 'inside');
    fs.symlinkSync(Buffer.from('caf\xe9.txt', 'latin1'), onDisk('link'));
  });

  it('lists a rewritten disk file as modified, with the hash of its original bytes', () => {
    new JournalBuilder(spool).content(escaped('caf\xe9.txt'), 'changed').end();
    const change = fold().changes.find((c) => c.path === escaped('caf\xe9.txt'));
    expect(change).toMatchObject({ change: 'modified', contentChanged: true, originalSha256: sha('latin-1 name') });
  });

  it('lists a renamed disk file as deleted under its old name and created under the new one, with its bytes', () => {
    new JournalBuilder(spool).change({ k: 'rename', from: escaped('caf\xe9.txt'), to: p('plain.txt') }).end();
    const cs = fold();
    expect(cs.changes.find((c) => c.path === escaped('caf\xe9.txt'))).toMatchObject({ change: 'deleted', originalSha256: sha('latin-1 name') });
    const moved = at(cs, 'plain.txt')!;
    expect(moved).toMatchObject({ change: 'created', sha256: sha('latin-1 name') });
    expect(cs.content!.read(moved)!.toString()).toBe('latin-1 name');
  });

  it('lists what a removed disk folder held by the names it has on the disk', () => {
    new JournalBuilder(spool).change({ k: 'remove', path: escaped('d\xff') }).end();
    const deleted = fold().changes.filter((c) => c.change === 'deleted');
    expect(deleted.map((c) => c.path).sort()).toEqual([escaped('d\xff'), escaped('d\xff/inner\xe9')]);
    expect(deleted.find((c) => c.type === 'file')!.originalSha256).toBe(sha('inside'));
  });

  it('moves what a renamed disk folder held under the names it has on the disk', () => {
    new JournalBuilder(spool).change({ k: 'rename', from: escaped('d\xff'), to: p('moved') }).end();
    const cs = fold();
    expect(cs.changes.find((c) => c.path === escaped('d\xff/inner\xe9'))).toMatchObject({ change: 'deleted' });
    const moved = cs.changes.find((c) => c.path === escaped('moved/inner\xe9'))!;
    expect(moved).toMatchObject({ change: 'created', sha256: sha('inside') });
    expect(cs.content!.read(moved)!.toString()).toBe('inside');
  });

  it('reads the target of a removed disk symlink by its bytes', () => {
    new JournalBuilder(spool).change({ k: 'remove', path: p('link') }).end();
    expect(at(fold(), 'link')).toMatchObject({ change: 'deleted', type: 'symlink', target: 'caf\udce9.txt' });
  });

  it('counts a symlink target made in the run by the bytes it stands for', () => {
    new JournalBuilder(spool).change({ k: 'symlink', path: p('new-link'), target: 'caf\udce9.txt', uid: 0, gid: 0 }).end();
    expect(at(fold(), 'new-link')).toMatchObject({ change: 'created', size: 8 });
  });
});

describe('foldJournals, a journal its process could not write', () => {
  it('reports an empty journal of a dead process as a gap, not as nothing', () => {
    const empty = path.join(spool, `${deadPid()}-0-0000beef.journal`);
    fs.writeFileSync(empty, '');
    const cs = fold();
    expect(cs.gaps).toEqual([expect.objectContaining({ reason: 'spool-full', detail: expect.stringContaining('could not write to its journal at all') })]);
  });
});
