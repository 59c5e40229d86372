// The journal with its writer thread running: frames copied into the ring reach the file in order, whatever mix of
// small, large, appended and rewritten files goes through it, and reading the spool from this process drains first.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foldJournals } from '../../src/changes/fold.js';
import { openJournal, type JournalWriter } from '../../src/changes/journal.js';
import { decodeFrames } from '../../src/changes/record.js';
import { journalFiles } from '../../src/changes/spool.js';
import { createDiskLayer } from '../../src/overlay/disk.js';
import { Overlay } from '../../src/overlay/overlay.js';
import type { Change, OverlayApi } from '../../src/overlay/types.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;

let disk: string;
let spool: string;
const journals: JournalWriter[] = [];
const p = (relative: string) => path.join(disk, relative);

beforeEach(() => {
  disk = tempDir('memfs-ring-disk-');
  spool = tempDir('memfs-ring-spool-');
});

afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
  removeTempDirs();
});

/** An engine whose journal's writer thread runs (started at the first change, waited for). */
async function threadedEngine(o: { compactSlackBytes?: number } = {}): Promise<{ engine: OverlayApi; journal: JournalWriter }> {
  let journal: JournalWriter | undefined;
  const engine = new Overlay({ lower: createDiskLayer(), observer: { onChange: (c: Change) => journal?.onChange(c) } });
  journal = openJournal({ spoolDir: spool, engine, writerThread: 'eager', ...o }) as JournalWriter;
  journals.push(journal);
  engine.mkdir(p('warm'), 0o755, false);
  for (let waited = 0; !journal.threaded && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  expect(journal.threaded).toBe(true);
  return { engine, journal };
}

const fold = () => foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: disk }] });
const folded = (relative: string) => {
  const changeSet = fold();
  const change = changeSet.changes.find((c) => c.relativePath === relative);
  return change ? changeSet.content!.read(change) : undefined;
};

describe('journal through the writer thread', () => {
  it('gives a fold made in the same process every file closed just before', async () => {
    const { engine } = await threadedEngine();
    for (let i = 0; i < 500; i++) engine.writeFile(p(`f${i}.txt`), Buffer.from(`file ${i}`), W, 0o644);
    const names = new Set(fold().changes.map((c) => c.relativePath));
    expect([...Array(500).keys()].filter((i) => !names.has(`f${i}.txt`))).toEqual([]);
  });

  it('folds a file rewritten and appended to in turns back to its last content', async () => {
    const { engine } = await threadedEngine();
    const big = (n: number) => Buffer.alloc(64 * 1024, n);
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 2) engine.writeFile(p('mixed.bin'), Buffer.from(`tail ${i}`), O_WRONLY | O_APPEND, 0o644);
      else engine.writeFile(p('mixed.bin'), big(i), W, 0o644);
    }
    expect(folded('mixed.bin')?.equals(engine.readFile(p('mixed.bin')))).toBe(true);
  });

  it('writes a frame larger than a quarter of the ring directly, after the frames before it', async () => {
    const { engine, journal } = await threadedEngine();
    engine.writeFile(p('before.txt'), Buffer.from('before'), W, 0o644);
    engine.writeFile(p('huge.bin'), Buffer.alloc(3 * 1024 * 1024, 7), W, 0o644);
    engine.writeFile(p('after.txt'), Buffer.from('after'), W, 0o644);
    journal.flush();
    const paths = decodeFrames(fs.readFileSync(journalFiles(spool)[0]!)).frames
      .map((frame) => ('path' in frame.record ? path.basename(frame.record.path) : undefined))
      .filter((name) => name && name !== 'warm');
    expect(paths).toEqual(['before.txt', 'huge.bin', 'after.txt']);
    // Buffer.equals: a deep equality of megabytes takes vitest seconds.
    expect(folded('huge.bin')?.equals(Buffer.alloc(3 * 1024 * 1024, 7))).toBe(true);
  });

  it('carries more than a ring of frames in order, the main thread writing what the thread has not reached', async () => {
    const { engine } = await threadedEngine();
    // 42 MiB of 60 KiB files (small enough to go through the ring) through a 2 MiB ring: it fills up many times.
    const bytesOf = (i: number) => Buffer.alloc(60 * 1024, i);
    for (let i = 0; i < 700; i++) engine.writeFile(p(`mid${i}.bin`), bytesOf(i), W, 0o644);
    const changeSet = fold();
    const wrong = [...Array(700).keys()].filter((i) => {
      const change = changeSet.changes.find((c) => c.relativePath === `mid${i}.bin`);
      return !change || !changeSet.content!.read(change)!.equals(bytesOf(i));
    });
    expect(wrong).toEqual([]);
  });

  it('writes large new files directly, between the frames the ring holds, in order', async () => {
    const { engine, journal } = await threadedEngine();
    const expected: string[] = [];
    for (let i = 0; i < 40; i++) {
      engine.writeFile(p(`small${i}.txt`), Buffer.from(`small ${i}`), W, 0o644);
      engine.writeFile(p(`large${i}.bin`), Buffer.alloc(256 * 1024, i), W, 0o644);
      expected.push(`small${i}.txt`, `large${i}.bin`);
    }
    journal.flush();
    const names = decodeFrames(fs.readFileSync(journal.file)).frames
      .map((frame) => ('path' in frame.record ? path.basename(frame.record.path) : ''))
      .filter((name) => name.startsWith('small') || name.startsWith('large'));
    expect(names).toEqual(expected);
  });

  it('compacts a journal of rewrites while the thread writes, keeping the last content', async () => {
    const { engine, journal } = await threadedEngine({ compactSlackBytes: 1024 * 1024 });
    for (let i = 0; i < 100; i++) engine.writeFile(p('same.bin'), Buffer.alloc(128 * 1024, i), W, 0o644);
    journal.flush();
    expect(fs.statSync(journal.file).size).toBeLessThan(4 * 1024 * 1024);
    expect(folded('same.bin')?.equals(Buffer.alloc(128 * 1024, 99))).toBe(true);
  });

  it('writes every frame directly where worker threads cannot start', () => {
    const getBuiltinModule = process.getBuiltinModule;
    // A sandbox whose worker_threads cannot start a thread.
    process.getBuiltinModule = ((id: string) => {
      if (id === 'node:worker_threads') return { isMainThread: true, threadId: 0 };
      return getBuiltinModule(id);
    }) as typeof getBuiltinModule;
    try {
      let journal: JournalWriter | undefined;
      const engine = new Overlay({ lower: createDiskLayer(), observer: { onChange: (c: Change) => journal?.onChange(c) } });
      journal = openJournal({ spoolDir: spool, engine, writerThread: 'eager' }) as JournalWriter;
      journals.push(journal);
      for (let i = 0; i < 50; i++) engine.writeFile(p(`g${i}.txt`), Buffer.from(`file ${i}`), W, 0o644);
      expect(journal.threaded).toBe(false);
      // Read without draining: the frames are in the file because nothing else could have held them.
      const names = decodeFrames(fs.readFileSync(journal.file)).frames.filter((frame) => frame.record.k === 'content');
      expect(names).toHaveLength(50);
    } finally {
      process.getBuiltinModule = getBuiltinModule;
    }
  });

  it('ends the journal cleanly at close, with what came after the last frame the thread wrote', async () => {
    const { engine, journal } = await threadedEngine();
    engine.writeFile(p('last.txt'), Buffer.from('last'), W, 0o644);
    journal.close();
    const changeSet = fold();
    expect(changeSet.gaps).toEqual([]);
    expect(changeSet.content!.read(changeSet.changes.find((c) => c.relativePath === 'last.txt')!)!.toString()).toBe('last');
  });
});
