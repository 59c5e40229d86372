import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { openJournal, type JournalWriter } from '../../src/changes/journal.js';
import { createRunLayer } from '../../src/changes/run-layer.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import type { OverlayApi } from '../../src/overlay/types.js';
import { readSpool } from '../../src/changes/read-journals.js';
import { decodeFrames } from '../../src/changes/record.js';
import { journalFiles } from '../../src/changes/spool.js';
import type { ChangeSet } from '../../src/changes/types.js';
import type { SpaceRefusal } from '../../src/changes/spool-space.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';
import { engineTree, startProcess } from './support/engine.js';

const { O_WRONLY, O_CREAT, O_TRUNC, O_RDWR } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
let spool: string;
const p = (relative: string) => path.join(disk, relative);
const fold = (): ChangeSet => foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
const changeAt = (cs: ChangeSet, relative: string) => cs.changes.find((c) => c.relativePath === relative);
/** The files the spool's one journal names as unsaved right now. */
const unsavedNow = () => {
  const read = readSpool(spool);
  read.close();
  return read.journals[0]!.unsaved;
};

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-journal-disk-');
  spool = tempDir('memfs-journal-spool-');
  fs.writeFileSync(p('on-disk.txt'), 'disk bytes');
});

describe('journal', () => {
  it('records a file by the end of the turn in which it is closed, so a fold made while the process still runs has it', async () => {
    const { engine } = startProcess(spool);
    const fd = engine.open(p('a.txt'), W, 0o644);
    engine.write(fd, Buffer.from('hello'), 0, 5, null);
    engine.close(fd);
    expect(changeAt(fold(), 'a.txt')).toBeUndefined(); // still this turn: queued, one write for the turn
    await Promise.resolve();
    expect(changeAt(fold(), 'a.txt')).toMatchObject({ change: 'created', size: 5 });
  });

  it('writes the records of one turn in one system call, and what is queued at once before a hand-over', () => {
    const { engine, journal } = startProcess(spool);
    const file = (journal as JournalWriter).file;
    const before = fs.statSync(file).size;
    for (let i = 0; i < 100; i++) engine.writeFile(p(`f${i}`), Buffer.from(`file ${i}`), W, 0o644);
    expect(fs.statSync(file).size).toBe(before);
    journal.handOver();
    expect(changeAt(fold(), 'f99')).toMatchObject({ change: 'created', size: 7 });
    expect(fs.readFileSync(path.join(spool, 'announcements'), 'utf8')).toBe(`${path.basename(file)}\n`);
  });

  it('records a file still open at flush (exit, uncaught exception)', () => {
    const { engine, journal } = startProcess(spool);
    const fd = engine.open(p('open.log'), W, 0o644);
    engine.write(fd, Buffer.from('unsaved'), 0, 7, null);
    journal.flush();
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'open.log')!)!.toString()).toBe('unsaved');
  });

  it('records a file still open at the next sweep, without a flush', async () => {
    const { engine } = startProcess(spool, { sweepIntervalMs: 20 });
    const fd = engine.open(p('slow.log'), W, 0o644);
    engine.write(fd, Buffer.from('line 1\n'), 0, 7, null);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(changeAt(fold(), 'slow.log')).toMatchObject({ change: 'created', size: 7 });
  });

  it('names a file written through a descriptor as unsaved until the write is saved', () => {
    const { engine, journal } = startProcess(spool);
    const fd = engine.open(p('open.log'), W, 0o644);
    engine.write(fd, Buffer.from('partial'), 0, 7, null);
    journal.handOver();
    expect(unsavedNow()).toEqual([p('open.log')]);
    journal.flush();
    expect(unsavedNow()).toEqual([]);
    engine.write(fd, Buffer.from(' more'), 0, 5, null);
    journal.handOver();
    expect(unsavedNow()).toEqual([p('open.log')]);
    engine.close(fd);
    journal.handOver();
    expect(unsavedNow()).toEqual([]);
  });

  it('writes one unsaved record per open-write-close of a descriptor, however many writes it makes', () => {
    const { engine, journal } = startProcess(spool);
    for (let i = 0; i < 3; i++) {
      const fd = engine.open(p(`f${i}`), W, 0o644);
      for (let j = 0; j < 50; j++) engine.write(fd, Buffer.from('line\n'), 0, 5, null);
      engine.close(fd);
    }
    engine.writeFile(p('whole'), Buffer.from('at once'), W, 0o644);
    journal.close();
    const kinds = decodeFrames(fs.readFileSync(journalFiles(spool)[0]!)).frames.map((f) => f.record.k);
    expect(kinds.filter((k) => k === 'unsaved')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'content')).toHaveLength(4);
  });

  it('follows an unsaved record with a content record even when the saved file looks unchanged', () => {
    let journal: ReturnType<typeof openJournal> | undefined;
    // A clock that stands still: size, mtime and ctime stay what the journal last recorded.
    const engine = new Overlay({ lower: createDiskLayer(), now: () => 1_700_000_000_000_000_000n, observer: { onChange: (c) => journal?.onChange(c), beforeForget: (ino) => journal?.beforeForget?.(ino) } });
    journal = openJournal({ spoolDir: spool, engine });
    engine.writeFile(p('same-size.txt'), Buffer.from('a'), W, 0o644);
    const fd = engine.open(p('same-size.txt'), O_WRONLY, 0o644);
    engine.write(fd, Buffer.from('b'), 0, 1, 0);
    engine.close(fd);
    expect(unsavedNow()).toEqual([]);
    journal.close();
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'same-size.txt')!)!.toString()).toBe('b');
  });

  it('records every kind of change the overlay reports, and marks a clean end', () => {
    const { engine, journal } = startProcess(spool);
    engine.mkdir(p('dir'), 0o755, false);
    engine.writeFile(p('dir/f'), Buffer.from('f'), W, 0o644);
    engine.symlink('f', p('dir/l'));
    engine.link(p('dir/f'), p('dir/hard'));
    engine.rename(p('dir/hard'), p('dir/hard2'));
    engine.chmod(p('dir/f'), 0o600);
    engine.unlink(p('on-disk.txt'));
    journal.close();
    const { changes, journals } = readSpool(spool);
    expect(changes.map((c) => c.record.k)).toEqual(['mkdir', 'content', 'symlink', 'link', 'rename', 'metadata', 'remove']);
    expect(journals[0]!.ended).toBe(true);
    expect(fold().gaps).toEqual([]);
  });

  it('dates each change with the wall clock time it became visible', () => {
    const before = BigInt(Date.now() - 1) * 1_000_000n;
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('dated.txt'), Buffer.from('x'), W, 0o644);
    const after = BigInt(Date.now() + 1) * 1_000_000n;
    journal.close();
    const changedAt = BigInt(changeAt(fold(), 'dated.txt')!.changedAtNs!);
    expect(changedAt >= before && changedAt <= after).toBe(true);
  });

  it('takes the test file from the call stack of a path first write', () => {
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('by-test.txt'), Buffer.from('x'), W, 0o644);
    journal.close();
    const cs = fold();
    expect(cs.writers[changeAt(cs, 'by-test.txt')!.firstWriter!]).toMatchObject({ pid: process.pid, testFile: import.meta.filename });
  });

  it('does not grow to N times a file rewritten N times', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 64 * 1024 });
    const size = 16 * 1024;
    for (let i = 0; i < 200; i++) engine.writeFile(p('rewritten.bin'), Buffer.alloc(size, i), W, 0o644);
    journal.close();
    const [file] = journalFiles(spool);
    expect(fs.statSync(file!).size).toBeLessThan(2 * size + 64 * 1024 + 16 * 1024);
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'rewritten.bin')!)).toEqual(Buffer.alloc(size, 199));
  });

  it('journals a file rewritten and appended to many times in one turn once, with its last bytes', () => {
    const { engine, journal } = startProcess(spool);
    for (let i = 0; i < 200; i++) engine.writeFile(p('state.json'), Buffer.from(`{"round":${i}}`), W, 0o644);
    for (let i = 0; i < 500; i++) engine.writeFile(p('app.log'), Buffer.from(`line ${i}\n`), O_WRONLY | O_CREAT | fs.constants.O_APPEND, 0o644);
    journal.handOver();
    const records = readSpool(spool).changes.map((c) => c.record);
    expect(records.map((r) => r.k === 'content' && r.path)).toEqual([p('state.json'), p('app.log')]);
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'state.json')!)!.toString()).toBe('{"round":199}');
    expect(cs.content!.read(changeAt(cs, 'app.log')!)!.toString()).toBe(Array.from({ length: 500 }, (_, i) => `line ${i}\n`).join(''));
  });

  it('journals every file of a turn that makes hundreds, in the order made, still written when the turn ends', () => {
    const { engine, journal } = startProcess(spool);
    const file = (journal as JournalWriter).file;
    const before = fs.statSync(file).size;
    for (let i = 0; i < 600; i++) engine.writeFile(p(`many-${i}`), Buffer.from(`file ${i}`), W, 0o644);
    // Saved from the engine as the turn goes (the files waiting are bounded), written only when the turn ends.
    expect(fs.statSync(file).size).toBe(before);
    journal.handOver();
    const records = readSpool(spool).changes.map((c) => c.record);
    expect(records.map((r) => r.k === 'content' && r.path)).toEqual(Array.from({ length: 600 }, (_, i) => p(`many-${i}`)));
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'many-599')!)!.toString()).toBe('file 599');
  });

  it('ends with the last bytes of a file rewritten in a turn after thousands of other files', () => {
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('state.json'), Buffer.from('{"round":0}'), W, 0o644);
    for (let i = 0; i < 1000; i++) engine.writeFile(p(`other-${i}`), Buffer.from('x'), W, 0o644);
    engine.writeFile(p('state.json'), Buffer.from('{"round":1}'), W, 0o644);
    journal.handOver();
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'state.json')!)!.toString()).toBe('{"round":1}');
  });

  it('knows when it last changed each path, both names of a rename included', () => {
    const { engine, journal } = startProcess(spool);
    expect(journal.lastChangeOf(p('a.txt'))).toBeUndefined();
    engine.writeFile(p('a.txt'), Buffer.from('a'), W, 0o644);
    const written = journal.lastChangeOf(p('a.txt'))!;
    engine.rename(p('a.txt'), p('b.txt'));
    const renamed = journal.lastChangeOf(p('b.txt'))!;
    expect(renamed).toBeGreaterThanOrEqual(written);
    expect(journal.lastChangeOf(p('a.txt'))).toBe(renamed);
    journal.close();
    // The times it answers are the ones its records carry.
    const rename = readSpool(spool).changes.find((c) => c.record.k === 'rename')!;
    expect(BigInt(rename.record.t)).toBe(renamed);
  });

  it('journals a file made, rewritten and removed in one turn with its last bytes, before its removal', () => {
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('made.tmp'), Buffer.from('first'), W, 0o644);
    engine.writeFile(p('made.tmp'), Buffer.from('last bytes'), W, 0o644);
    engine.unlink(p('made.tmp'));
    journal.handOver();
    expect(readSpool(spool).changes.map((c) => [c.record.k, c.content?.size])).toEqual([['content', 10], ['remove', undefined]]);
    const cs = fold();
    expect(changeAt(cs, 'made.tmp')).toMatchObject({ change: 'transient' });
    expect(cs.content!.read(changeAt(cs, 'made.tmp')!)!.toString()).toBe('last bytes');
  });

  it('journals a tree made and removed by rm -r in one turn: every file with its last bytes, the removal as one record', () => {
    const { engine, journal } = startProcess(spool);
    for (const folder of ['tree/d0', 'tree/d1']) {
      engine.mkdir(p(folder), 0o755, true);
      for (const file of ['f0', 'f1']) engine.writeFile(p(`${folder}/${file}`), Buffer.from(`${folder}/${file}`), W, 0o644);
    }
    engine.rm(p('tree'), { recursive: true, force: false });
    journal.handOver();
    const records = readSpool(spool).changes.map((c) => c.record);
    expect(records.map((r) => (r.k === 'content' || r.k === 'mkdir' || r.k === 'remove') && [r.k, path.relative(disk, r.path)])).toEqual([
      ['mkdir', 'tree'], ['mkdir', 'tree/d0'], ['content', 'tree/d0/f0'], ['content', 'tree/d0/f1'],
      ['mkdir', 'tree/d1'], ['content', 'tree/d1/f0'], ['content', 'tree/d1/f1'], ['remove', 'tree'],
    ]);
    const cs = fold();
    for (const file of ['tree/d0/f0', 'tree/d0/f1', 'tree/d1/f0', 'tree/d1/f1']) {
      expect(changeAt(cs, file)).toMatchObject({ change: 'transient' });
      expect(cs.content!.read(changeAt(cs, file)!)!.toString()).toBe(file);
    }
    // The one record removes the whole tree for the next process too (the run layer applies it to everything below).
    const next = startProcess(spool);
    expect(['tree', 'tree/d0', 'tree/d1/f1'].map((gone) => next.engine.exists(p(gone)))).toEqual([false, false, false]);
    next.journal.close();
  });

  it('lets go of what it kept of each file once the engine freed it, and keeps it while another name holds it', () => {
    const { engine, journal } = startProcess(spool);
    const tracked = () => (journal as unknown as { latest: Map<number, unknown> }).latest.size;
    const tracked0 = tracked();
    for (let i = 0; i < 200; i++) engine.writeFile(p(`gone-${i}`), Buffer.from(`file ${i}`), W, 0o644);
    journal.handOver();
    expect(tracked() - tracked0).toBe(200);
    for (let i = 0; i < 200; i++) engine.unlink(p(`gone-${i}`));
    journal.handOver();
    expect(tracked() - tracked0).toBe(0); // a run that makes and removes files keeps nothing per file
    // A file with a second name is not freed: its next append still continues the record before it.
    engine.writeFile(p('kept.log'), Buffer.from('0123456789'), W, 0o644);
    engine.link(p('kept.log'), p('other-name.log'));
    journal.handOver();
    engine.unlink(p('kept.log'));
    engine.writeFile(p('other-name.log'), Buffer.from('abc'), O_WRONLY | fs.constants.O_APPEND, 0o644);
    journal.close();
    const contents = readSpool(spool).changes.filter((c) => c.record.k === 'content' && c.record.path.endsWith('.log'));
    expect(contents.map((c) => c.record.k === 'content' && [c.record.at, c.record.size])).toEqual([[undefined, 10], [10, 13]]);
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'other-name.log')!)!.toString()).toBe('0123456789abc');
  });

  it('journals a file appended to in one turn after another as the new bytes only, and folds it back whole', () => {
    const { engine, journal } = startProcess(spool);
    const line = Buffer.from('x'.repeat(99) + '\n');
    for (let i = 0; i < 1000; i++) {
      const fd = engine.open(p('app.log'), O_WRONLY | O_CREAT | fs.constants.O_APPEND, 0o644);
      engine.write(fd, line, 0, line.length, null);
      engine.close(fd);
      journal.handOver(); // the end of a turn
    }
    journal.close();
    expect(fs.statSync(journalFiles(spool)[0]!).size).toBeLessThan(1000 * (line.length + 400)); // linear, where whole copies would take 50 MB
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'app.log')!)).toEqual(Buffer.concat(Array(1000).fill(line)));
  });

  it('saves only the bytes after the unchanged prefix when the engine reports one', () => {
    const overlay = new Overlay({ lower: createDiskLayer() });
    // The journal's view of an engine that has the optional member; the test drives the real one underneath.
    const engine: OverlayApi = Object.assign(Object.create(overlay) as OverlayApi, {
      inspectInodeFrom(ino: number, start: number) {
        const info = overlay.inspectInode(ino);
        return info && { ...info, content: info.content?.subarray(start) };
      },
    });
    const journal = openJournal({ spoolDir: spool, engine });
    const report = (unchangedPrefix: number) => {
      const ino = overlay.lstat(p('grow.log')).ino;
      journal.onChange({ kind: 'content', path: p('grow.log'), ino, unchangedPrefix });
    };
    overlay.writeFile(p('grow.log'), Buffer.from('0123456789'), W, 0o644);
    report(0);
    journal.handOver(); // each change in a turn of its own
    overlay.writeFile(p('grow.log'), Buffer.from('abc'), O_WRONLY | fs.constants.O_APPEND, 0o644);
    report(10);
    journal.handOver();
    overlay.truncate(p('grow.log'), 5);
    overlay.writeFile(p('grow.log'), Buffer.from('XY'), O_WRONLY | fs.constants.O_APPEND, 0o644);
    report(5);
    journal.close();
    const contents = readSpool(spool).changes.map((c) => c.record.k === 'content' && [c.record.at, c.record.size]);
    expect(contents).toEqual([[undefined, 10], [10, 13], [5, 7]]);
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'grow.log')!)!.toString()).toBe('01234XY');
  });

  it('keeps append chains whole through compaction', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 1024 });
    for (let i = 0; i < 300; i++) {
      engine.writeFile(p('log'), Buffer.from(`line ${i}\n`), O_WRONLY | O_CREAT | fs.constants.O_APPEND, 0o644);
      engine.writeFile(p('rewritten'), Buffer.alloc(512, i), W, 0o644);
    }
    journal.close();
    const cs = fold();
    expect(cs.content!.read(changeAt(cs, 'log')!)!.toString()).toBe(Array.from({ length: 300 }, (_, i) => `line ${i}\n`).join(''));
    expect(cs.content!.read(changeAt(cs, 'rewritten')!)).toEqual(Buffer.alloc(512, 299));
    const second = startProcess(spool);
    expect(second.engine.readFile(p('log')).toString()).toMatch(/^line 0\n[^]*line 299\n$/);
  });

  it('still names a file as unsaved after the journal was compacted', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 1024 });
    const fd = engine.open(p('open.log'), W, 0o644);
    engine.write(fd, Buffer.from('not saved'), 0, 9, null);
    for (let i = 0; i < 300; i++) {
      engine.writeFile(p('rewritten'), Buffer.alloc(512, i), W, 0o644);
      journal.handOver(); // a rewrite per turn: each is journaled
    }
    expect((journal as unknown as { compactions: number }).compactions).toBeGreaterThan(0);
    journal.handOver();
    expect(unsavedNow()).toEqual([p('open.log')]);
    engine.close(fd);
    journal.handOver();
    expect(unsavedNow()).toEqual([]);
  });

  it('finds files still open by scanning the change set when the engine has no reportUnsavedWrites', () => {
    const first = startProcess(spool);
    first.engine.writeFile(p('replayed.txt'), Buffer.from('from the first'), W, 0o644);
    first.journal.close();
    let journal: ReturnType<typeof openJournal> | undefined;
    const overlay = new Overlay({ lower: createRunLayer(spool, createDiskLayer()), observer: { onChange: (c) => journal?.onChange(c), beforeForget: (ino) => journal?.beforeForget?.(ino) } });
    const withoutHook: OverlayApi = Object.assign(Object.create(overlay) as OverlayApi, { reportUnsavedWrites: undefined });
    journal = openJournal({ spoolDir: spool, engine: withoutHook });
    const fd = overlay.open(p('still-open.txt'), W, 0o644);
    overlay.write(fd, Buffer.from('unsaved'), 0, 7, null);
    journal.close();
    const own = readSpool(spool).changes.filter((c) => c.journal.file === (journal as unknown as { file: string }).file);
    expect(own.map((c) => c.record.k === 'content' && c.record.path)).toEqual([p('still-open.txt')]);
  });

  it('journals nothing of what a predecessor made visible', () => {
    const first = startProcess(spool);
    first.engine.writeFile(p('from-first.txt'), Buffer.from('1'), W, 0o644);
    first.journal.close();
    const second = startProcess(spool);
    second.journal.close();
    const journals = readSpool(spool).journals;
    expect(journals.map((j) => j.changeCount).sort()).toEqual([0, 1]);
  });
});

describe('what a starting process sees of its predecessors', () => {
  it('gives a starting process every change its predecessors made visible', () => {
    const first = startProcess(spool);
    first.engine.mkdir(p('out'), 0o750, false);
    first.engine.writeFile(p('out/result.json'), Buffer.from('{"ok":true}'), W, 0o640);
    first.engine.symlink('result.json', p('out/latest'));
    first.engine.rename(p('on-disk.txt'), p('out/moved.txt'));
    first.journal.close();
    const second = startProcess(spool);
    expect(engineTree(second.engine, disk)).toEqual(engineTree(first.engine, disk));
  });

  it('sees a file a still-running predecessor has closed', () => {
    const parent = startProcess(spool);
    parent.engine.writeFile(p('built.js'), Buffer.from('module.exports = 1'), W, 0o644);
    parent.journal.handOver(); // what the preload does before a child starts
    const child = startProcess(spool);
    expect(child.engine.readFile(p('built.js')).toString()).toBe('module.exports = 1');
    parent.journal.close();
  });

  it('sees changes made in a folder its writer made read-only afterwards, without root', () => {
    const user = { identity: { uid: 1000, gid: 1000, groups: [] } };
    fs.chmodSync(disk, 0o777);
    const first = startProcess(spool, user);
    first.engine.mkdir(p('locked'), 0o755, false);
    const fd = first.engine.open(p('locked/f'), O_RDWR | O_CREAT, 0o644);
    first.engine.chmod(p('locked'), 0o555);
    first.engine.write(fd, Buffer.from('late'), 0, 4, null);
    first.engine.close(fd);
    first.journal.close();
    const second = startProcess(spool, user);
    expect(second.engine.readFile(p('locked/f')).toString()).toBe('late');
    expect(second.engine.lstat(p('locked')).mode & 0o777).toBe(0o555);
  });

  it('shows a process of another user the files a root predecessor made, owners kept', () => {
    fs.chmodSync(disk, 0o777);
    fs.mkdirSync(p('root-only'), { mode: 0o755 }); // on the disk, root's: nobody else may create files in it
    const root = startProcess(spool);
    root.engine.writeFile(p('root-only/config.json'), Buffer.from('{}'), W, 0o644);
    root.journal.close();
    const user = startProcess(spool, { identity: { uid: 1000, gid: 1000, groups: [] } });
    expect(user.engine.readFile(p('root-only/config.json')).toString()).toBe('{}');
    expect(user.engine.lstat(p('root-only/config.json')).uid).toBe(0);
  });

  it('counts against a process quota only what it writes itself, not what its predecessors wrote', () => {
    const quota = { quotaBytes: 1024 * 1024 };
    const first = startProcess(spool, quota);
    first.engine.writeFile(p('first.bin'), Buffer.alloc(700 * 1024, 1), W, 0o644);
    first.journal.close();
    const second = startProcess(spool, quota);
    expect(second.engine.bytesUsed()).toBe(0);
    second.engine.writeFile(p('second.bin'), Buffer.alloc(700 * 1024, 2), W, 0o644);
    expect(second.engine.readFile(p('first.bin'))).toEqual(Buffer.alloc(700 * 1024, 1));
    expect(second.engine.bytesUsed()).toBe(700 * 1024);
  });

  it('keeps the times a predecessor left on its files', () => {
    const first = startProcess(spool);
    first.engine.writeFile(p('t.txt'), Buffer.from('t'), W, 0o644);
    first.journal.close();
    const second = startProcess(spool);
    expect(second.engine.lstat(p('t.txt')).mtimeNs).toBe(first.engine.lstat(p('t.txt')).mtimeNs);
  });
});

describe('a full spool', () => {
  /** A guard with `room` bytes that describes itself as the cap of the given size, or as a reserve. */
  function spaceWith(room: number, refusal: SpaceRefusal) {
    return {
      admit(bytes: number) {
        if (bytes > room) return false;
        room -= bytes;
        return true;
      },
      journaled() {},
      settled() {},
      describeRefusal: () => refusal,
    };
  }
  const write = (engine: OverlayApi, name: string, bytes: number) => {
    try {
      engine.writeFile(p(name), Buffer.alloc(bytes, 1), W, 0o644);
      return 'ok';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code;
    }
  };

  it('journals the writes the space guard refused as one gap that names the limit, the first file and the fix', () => {
    const space = spaceWith(2 * 1024 * 1024, { bound: 'cap', limitBytes: 2 * 1024 * 1024, reserveBytes: 0, where: '/dev/shm (tmpfs, in RAM)' });
    const { engine, journal } = startProcess(spool, { space });
    expect(['kept.bin', 'big1.bin', 'big2.bin', 'big3.bin'].map((name, i) => write(engine, name, i === 0 ? 1024 : 2 * 1024 * 1024)))
      .toEqual(['ok', 'ENOSPC', 'ENOSPC', 'ENOSPC']);
    journal.close();
    const cs = fold();
    expect(changeAt(cs, 'kept.bin')).toMatchObject({ change: 'created', size: 1024 });
    expect(changeAt(cs, 'big1.bin')).toBeUndefined();
    expect(cs.gaps).toEqual([expect.objectContaining({
      reason: 'spool-full',
      detail: `3 writes refused: the run's spool reached its limit of 2 MiB on /dev/shm (tmpfs, in RAM), first at ${p('big1.bin')} `
        + '(2.0 MiB needed); raise it with --spool-limit / the spool-limit input / MEMFS_SPOOL_LIMIT',
    })]);
  });

  it('words a refusal by the memory reserve as memory to free', () => {
    const space = spaceWith(0, { bound: 'memory', limitBytes: 3 * 1024 ** 3, reserveBytes: 512 * 1024 ** 2, where: '/dev/shm (tmpfs, in RAM)' });
    const { engine, journal } = startProcess(spool, { space });
    write(engine, 'big.bin', 100);
    journal.close();
    expect(fold().gaps.map((g) => g.detail)).toEqual([
      `1 write refused: the run's spool reached its limit of 3 GiB on /dev/shm (tmpfs, in RAM), which keeps 512 MiB of memory `
        + `available, first at ${p('big.bin')} (356 bytes needed); free memory (fewer test processes at once, a larger machine), `
        + 'or have the tests write less',
    ]);
  });

  it('keeps room at the start of every journal for what it may lose later', () => {
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('a.txt'), Buffer.from('a'), W, 0o644);
    journal.close();
    const [file] = journalFiles(spool);
    const frames = decodeFrames(fs.readFileSync(file!)).frames;
    expect(frames.map((f) => f.record.k)).toEqual(['begin', 'spare', 'content', 'end']);
    expect(readSpool(spool).journals[0]!.lost).toBeUndefined();
  });

  it('keeps the spare frame through a compaction', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 0 });
    for (let i = 0; i < 20; i++) engine.writeFile(p('same.bin'), Buffer.alloc(4096, i), W, 0o644);
    journal.close();
    const frames = decodeFrames(fs.readFileSync(journalFiles(spool)[0]!)).frames;
    expect(frames.filter((f) => f.record.k === 'spare')).toHaveLength(1);
    expect(frames.length).toBeLessThan(20);
  });
});

