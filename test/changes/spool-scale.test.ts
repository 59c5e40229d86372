// The spool at the sizes real suites reach: journals of a hundred thousand records and of gigabytes are read as
// streams (their headers, not their bytes), and a journal that keeps growing is compacted a logarithmic number of
// times, not at every write.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportChangeSet } from '../../src/changes/export.js';
import { foldJournals } from '../../src/changes/fold.js';
import type { JournalWriter } from '../../src/changes/journal.js';
import { readSpool } from '../../src/changes/read-journals.js';
import { encodeFrameHead } from '../../src/changes/record.js';
import { createRunLayer } from '../../src/changes/run-layer.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import { JournalBuilder, removeTempDirs, tempDir, tick } from './support/journal-builder.js';
import { startProcess } from './support/engine.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
let spool: string;
const p = (relative: string) => path.join(disk, relative);

const freshSpool = () => {
  disk = tempDir('memfs-scale-disk-');
  spool = tempDir('memfs-scale-spool-');
};

describe('a spool of 150,000 records', () => {
  afterAll(removeTempDirs);
  // Written once: the tests only read it.
  beforeAll(() => {
    freshSpool();
    const journal = new JournalBuilder(spool);
    journal.change({ k: 'mkdir', path: p('many'), mode: 0o40755, uid: 0, gid: 0 });
    for (let i = 0; i < 150_000; i++) journal.content(p(`many/f${i}`), `${i}`, { ino: 2 ** 40 + i });
    journal.end();
  });

  it('is read without overflowing the stack, every record in order', () => {
    const read = readSpool(spool);
    try {
      expect(read.changes).toHaveLength(150_001);
      expect(read.changes.at(-1)!.record).toMatchObject({ k: 'content', path: p('many/f149999') });
    } finally {
      read.close();
    }
  });

  it('is folded into one created entry per file', () => {
    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    expect(cs.changes.filter((c) => c.change === 'created')).toHaveLength(150_001);
    cs.content?.close?.();
  });

  it('is seen by a starting process: listed, stat’ed and read', () => {
    const engine = new Overlay({ lower: createRunLayer(spool, createDiskLayer()) });
    expect(engine.readdir(p('many'))).toHaveLength(150_000);
    expect(engine.readFile(p('many/f123456')).toString()).toBe('123456');
    expect(engine.lstat(p('many/f7')).size).toBe(1);
  });
});

describe('a journal of gigabytes (sparse: its content is holes)', () => {
  const threeGiB = 3 * 1024 ** 3;
  afterAll(removeTempDirs);

  beforeAll(() => {
    freshSpool();
    const journal = new JournalBuilder(spool);
    // Two content frames of 3 GiB each, their data left as holes by extending the file, then small records after.
    for (const name of ['huge-1.bin', 'huge-2.bin']) {
      const head = encodeFrameHead({
        k: 'content', t: tick(), path: p(name), ino: 2 ** 40 + name.length, mode: 0o100644, uid: 0, gid: 0, size: threeGiB,
        atimeNs: '0', mtimeNs: '0',
      }, threeGiB);
      const fd = fs.openSync(journal.file, 'r+');
      const end = fs.fstatSync(fd).size;
      fs.writeSync(fd, head, 0, head.length, end);
      fs.ftruncateSync(fd, end + head.length + threeGiB);
      fs.closeSync(fd);
    }
    journal.content(p('after.txt'), 'found after 6 GiB of content');
    journal.change({ k: 'remove', path: p('huge-2.bin') });
    journal.change({ k: 'rename', from: p('huge-1.bin'), to: p('huge-1.tmp') });
    journal.change({ k: 'remove', path: p('huge-1.tmp') });
    journal.end();
  });

  it('is read by its headers: the records after the content are found, no content is loaded', () => {
    const before = process.memoryUsage().rss;
    const read = readSpool(spool);
    try {
      expect(read.changes.map((c) => c.record.k)).toEqual(['content', 'content', 'content', 'remove', 'rename', 'remove']);
      expect(read.changes[1]!.content!.size).toBe(threeGiB);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    } finally {
      read.close();
    }
  });

  it('lets a process that started before its removal read a few bytes deep inside without loading the file', () => {
    const read = readSpool(spool);
    const before = process.memoryUsage().rss;
    try {
      const huge = read.changes[0]!.content!;
      const bytes = Buffer.alloc(16, 1);
      expect(huge.readInto(bytes, 0, 16, threeGiB - 8)).toBe(8);
      expect([...bytes.subarray(0, 8)]).toEqual(new Array(8).fill(0));
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    } finally {
      read.close();
    }
  });

  it('shows a starting process the small file after it and neither big one', () => {
    const engine = new Overlay({ lower: createRunLayer(spool, createDiskLayer()) });
    expect(engine.readFile(p('after.txt')).toString()).toBe('found after 6 GiB of content');
    expect(engine.exists(p('huge-1.bin')) || engine.exists(p('huge-1.tmp')) || engine.exists(p('huge-2.bin'))).toBe(false);
  });

  it('is folded with the big files listed as transient without their content, and the small one exported', () => {
    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    const byPath = new Map(cs.changes.map((c) => [c.relativePath, c]));
    expect(byPath.get('huge-2.bin')).toMatchObject({ change: 'transient', size: threeGiB, contentOmitted: 'too-large' });
    expect(byPath.get('huge-1.tmp')).toMatchObject({ change: 'transient', size: threeGiB, contentOmitted: 'too-large' });
    expect(cs.content!.read(byPath.get('after.txt')!)!.toString()).toBe('found after 6 GiB of content');
    cs.content?.close?.();
  });

  it('lets a starting process read a few bytes deep inside a big file without loading it', () => {
    const own = tempDir('memfs-scale-spool-');
    const journal = new JournalBuilder(own);
    const head = encodeFrameHead({
      k: 'content', t: tick(), path: p('kept.bin'), ino: 2 ** 40 + 99, mode: 0o100644, uid: 0, gid: 0, size: threeGiB,
      atimeNs: '0', mtimeNs: '0',
    }, threeGiB);
    const end = fs.statSync(journal.file).size;
    const fd = fs.openSync(journal.file, 'r+');
    fs.writeSync(fd, head, 0, head.length, end);
    fs.ftruncateSync(fd, end + head.length + threeGiB);
    fs.closeSync(fd);
    journal.end();
    const engine = new Overlay({ lower: createRunLayer(own, createDiskLayer()) });
    const before = process.memoryUsage().rss;
    const opened = engine.open(p('kept.bin'), fs.constants.O_RDONLY);
    const bytes = Buffer.alloc(16, 1);
    expect(engine.read(opened, bytes, 0, 16, threeGiB - 8)).toBe(8);
    engine.close(opened);
    expect([...bytes.subarray(0, 8)]).toEqual(new Array(8).fill(0));
    expect(engine.lstat(p('kept.bin')).size).toBe(threeGiB);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('compaction', () => {
  beforeEach(freshSpool);
  afterEach(removeTempDirs);

  it('happens a logarithmic number of times for a process writing 20,000 small files', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 0 });
    engine.mkdir(p('small'), 0o755, false);
    for (let i = 0; i < 20_000; i++) engine.writeFile(p(`small/${i}`), Buffer.from('x'), W, 0o644);
    journal.close();
    expect((journal as JournalWriter).compactions).toBeLessThanOrEqual(Math.ceil(Math.log2(20_000)));
    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    expect(cs.changes.filter((c) => c.change === 'created')).toHaveLength(20_001);
    cs.content?.close?.();
  });

  it('keeps a file rewritten many times to its last bytes, and a reader that opened the journal before keeps its bytes', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 0 });
    engine.writeFile(p('state.json'), Buffer.alloc(64 * 1024, 1), W, 0o644);
    journal.handOver();
    const reader = new Overlay({ lower: createRunLayer(spool, createDiskLayer()) });
    for (let i = 2; i < 200; i++) {
      engine.writeFile(p('state.json'), Buffer.alloc(64 * 1024, i), W, 0o644);
      journal.handOver(); // a rewrite per turn: each is journaled
    }
    journal.close();
    expect((journal as JournalWriter).compactions).toBeGreaterThan(0);
    expect(fs.statSync((journal as JournalWriter).file).size).toBeLessThan(4 * 64 * 1024);
    expect(reader.readFile(p('state.json'))).toEqual(Buffer.alloc(64 * 1024, 1));
    const later = new Overlay({ lower: createRunLayer(spool, createDiskLayer()) });
    expect(later.readFile(p('state.json'))).toEqual(Buffer.alloc(64 * 1024, 199));
  });
});

describe('the export of a big file', () => {
  beforeEach(freshSpool);
  afterEach(removeTempDirs);

  it('copies 512 MiB from the journal in pieces: the exporting process grows by far less than the file', () => {
    const size = 512 * 1024 ** 2;
    const journal = new JournalBuilder(spool);
    const head = encodeFrameHead({
      k: 'content', t: tick(), path: p('big.bin'), ino: 2 ** 40 + 1, mode: 0o100644, uid: 0, gid: 0, size, atimeNs: '0', mtimeNs: '0',
    }, size);
    const end = fs.statSync(journal.file).size;
    const fd = fs.openSync(journal.file, 'r+');
    fs.writeSync(fd, head, 0, head.length, end);
    fs.writeSync(fd, Buffer.from('tail'), 0, 4, end + head.length + size - 4); // the rest are holes: zeros
    fs.closeSync(fd);
    journal.end();
    const out = path.join(tempDir('memfs-scale-out-'), 'export');
    const before = process.memoryUsage().rss;
    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    exportChangeSet(cs, { outDir: out, command: 'test', exitCode: 1, durationMs: 0, includeTransient: false, exclude: [] });
    cs.content?.close?.();
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 ** 2);
    const exported = path.join(out, 'files/workspace/big.bin');
    expect(fs.statSync(exported).size).toBe(size);
    const tail = Buffer.alloc(8);
    const read = fs.openSync(exported, 'r');
    fs.readSync(read, tail, 0, 8, size - 8);
    fs.closeSync(read);
    expect(tail).toEqual(Buffer.from([0, 0, 0, 0, ...Buffer.from('tail')]));
  });
});

describe('files of 2 GiB and more', () => {
  beforeEach(freshSpool);
  afterEach(removeTempDirs);

  it('journals a file grown by truncate as its bytes and its size: the hole costs neither the journal nor the export', () => {
    const twoGiB = 2 ** 31;
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('grown.txt'), Buffer.from('0'), W, 0o644);
    engine.truncate(p('grown.txt'), twoGiB);
    engine.writeFile(p('after.txt'), Buffer.from('written after the big file'), W, 0o644);
    journal.close();
    expect(fs.statSync((journal as JournalWriter).file).size).toBeLessThan(64 * 1024);
    const later = new Overlay({ lower: createRunLayer(spool, createDiskLayer()) });
    expect(later.lstat(p('grown.txt')).size).toBe(twoGiB);
    const bytes = Buffer.alloc(4, 9);
    const fd = later.open(p('grown.txt'), fs.constants.O_RDONLY);
    expect(later.read(fd, bytes, 0, 4, 0)).toBe(4);
    later.close(fd);
    expect([...bytes]).toEqual([0x30, 0, 0, 0]);
    expect(later.readFile(p('after.txt')).toString()).toBe('written after the big file');
    const cs = foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
    const out = path.join(tempDir('memfs-scale-out-'), 'export');
    exportChangeSet(cs, { outDir: out, command: 'test', exitCode: 1, durationMs: 0, includeTransient: false, exclude: [] });
    cs.content?.close?.();
    const exported = fs.statSync(path.join(out, 'files/workspace/grown.txt'));
    expect(exported.size).toBe(twoGiB);
    expect(exported.blocks * 512).toBeLessThan(1024 * 1024); // sparse
    expect(fs.readFileSync(path.join(out, 'files/workspace/after.txt'), 'utf8')).toBe('written after the big file');
    expect(cs.gaps).toEqual([]);
  }, 120_000);

  it('journals a 2 GiB write in pieces the kernel takes (one write of 2 GiB fails after writing), and goes on journaling', () => {
    const size = 2 ** 31 + 16;
    const { engine, journal } = startProcess(spool);
    engine.writeFile(p('huge.bin'), Buffer.alloc(size, 1), W, 0o644);
    engine.writeFile(p('after.txt'), Buffer.from('after'), W, 0o644);
    journal.close();
    const read = readSpool(spool);
    try {
      expect(read.changes.map((c) => [c.record.k, c.content?.size])).toEqual([['content', size], ['content', 5]]);
      expect(read.journals[0]).toMatchObject({ ended: true, tornBytes: 0 });
    } finally {
      read.close();
    }
  }, 120_000);
});
