// The spool holds what the tests wrote: its folder and every journal are its user's alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSpool } from '../../src/changes/read-journals.js';
import { createSpool, journalFiles, removeSpool } from '../../src/changes/spool.js';
import { startProcess } from './support/engine.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
const W = O_WRONLY | O_CREAT | O_TRUNC;
const modeOf = (file: string) => fs.statSync(file).mode & 0o7777;

let disk: string;
let spool: string;

afterEach(() => {
  removeSpool(spool);
  removeTempDirs();
});

beforeEach(() => {
  disk = tempDir('memfs-spool-disk-');
  spool = createSpool();
});

describe('the spool', () => {
  it('is a folder only its user may enter (mode 0700)', () => {
    expect(modeOf(spool)).toBe(0o700);
    expect(fs.statSync(spool).uid).toBe(process.getuid!());
  });

  it('gets each journal readable and writable by its user only (mode 0600)', () => {
    const { engine, journal } = startProcess(spool);
    engine.writeFile(path.join(disk, 'a.txt'), Buffer.from('a'), W, 0o644);
    journal.close();
    const files = journalFiles(spool);
    expect(files).toHaveLength(1);
    expect(modeOf(files[0]!)).toBe(0o600);
  });

  it('keeps a compacted journal at mode 0600: the rewritten file replaces the journal', () => {
    const { engine, journal } = startProcess(spool, { compactSlackBytes: 1024 });
    for (let i = 0; i < 50; i++) engine.writeFile(path.join(disk, 'rewritten'), Buffer.alloc(512, i), W, 0o644);
    journal.close();
    const [file] = journalFiles(spool);
    expect(fs.statSync(file!).size).toBeLessThan(50 * 512); // compacted at least once
    expect(modeOf(file!)).toBe(0o600);
  });
});

describe.skipIf(process.getuid?.() !== 0)('a root process in a spool of another user', () => {
  it("gives its journal to the spool's owner, whose reader takes it in", () => {
    const foreignSpool = tempDir('memfs-spool-owned-');
    fs.chownSync(foreignSpool, 65534, 65534);
    const { engine, journal } = startProcess(foreignSpool);
    engine.writeFile(path.join(disk, 'by-root.txt'), Buffer.from('root'), W, 0o644);
    journal.close();
    const [file] = journalFiles(foreignSpool);
    expect(fs.statSync(file!)).toMatchObject({ uid: 65534, gid: 65534 });
    const read = readSpool(foreignSpool);
    expect(read.unreadable).toEqual([]);
    expect(read.changes.map((c) => c.record.k)).toEqual(['content']);
  });
});
