// What the reader takes from a journal: everything the journal writer writes, and nothing that names a path it
// would not write.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRecord, isNormalised, isTrustedJournal } from '../../src/changes/journal-trust.js';
import type { JournalWriter } from '../../src/changes/journal.js';
import { decodeFrames } from '../../src/changes/record.js';
import { journalFiles } from '../../src/changes/spool.js';
import { startProcess } from './support/engine.js';
import { removeTempDirs, tempDir } from './support/journal-builder.js';

const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;

let disk: string;
let spool: string;

afterEach(removeTempDirs);

beforeEach(() => {
  disk = tempDir('memfs-trust-disk-');
  spool = tempDir('memfs-trust-spool-');
  fs.writeFileSync(path.join(disk, 'on-disk.txt'), 'disk');
});

describe('checkRecord', () => {
  it('accepts every record the journal writer writes, of every kind', () => {
    const p = (relative: string) => path.join(disk, relative);
    const { engine, journal } = startProcess(spool);
    engine.mkdir(p('dir'), 0o755, false);
    engine.writeFile(p('dir/a.txt'), Buffer.from('a'), O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    engine.writeFile(p('dir/a.txt'), Buffer.from('b'), O_WRONLY | O_APPEND, 0o644);
    engine.symlink('../elsewhere\u00e9', p('dir/link'));
    engine.link(p('dir/a.txt'), p('dir/hard.txt'));
    engine.rename(p('dir/hard.txt'), p('moved.txt'));
    engine.chmod(p('moved.txt'), 0o600);
    engine.utimes(p('on-disk.txt'), -1_000_000_000n, 0n);
    engine.rm(p('dir/link'), { recursive: false, force: false });
    const fd = engine.open(p('dir/open.log'), O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    engine.write(fd, Buffer.from('line\n'), 0, 5, null);
    engine.close(fd);
    (journal as JournalWriter).recordNote('a note');
    journal.close();
    const records = decodeFrames(fs.readFileSync(journalFiles(spool)[0]!)).frames.map((f) => f.record);
    expect(new Set(records.map((r) => r.k))).toEqual(new Set(['begin', 'spare', 'mkdir', 'content', 'symlink', 'link', 'rename', 'metadata', 'remove', 'unsaved', 'note', 'end']));
    for (const record of records) expect(checkRecord(record, [disk])).toBe(record);
  });

  it('accepts the records of a full spool: a refusal by the spool limit, and the count of changes lost', () => {
    const refusal = { bound: 'cap' as const, limitBytes: 1024, reserveBytes: 0, where: '/dev/shm (tmpfs, in RAM)' };
    const space = { admit: () => false, journaled() {}, settled() {}, describeRefusal: () => refusal };
    const { engine, journal } = startProcess(spool, { space });
    expect(() => engine.writeFile(path.join(disk, 'big.bin'), Buffer.alloc(4096), O_WRONLY | O_CREAT | O_TRUNC, 0o644)).toThrow();
    journal.close();
    const records = decodeFrames(fs.readFileSync(journalFiles(spool)[0]!)).frames.map((f) => f.record);
    expect(records.map((r) => r.k)).toEqual(['begin', 'spare', 'spool', 'end']);
    for (const record of records) expect(checkRecord(record, [disk])).toBe(record);
    const lost = { k: 'lost', t: '7', lost: 2, code: 'ENOSPC', kind: 'content', path: path.join(disk, 'x'), unended: 1 };
    expect(checkRecord(lost, [disk])).toBe(lost);
    expect(checkRecord({ ...refusal, k: 'spool', t: '7', path: '', requestedBytes: 1, refused: 1, bound: 'elsewhere' }, [disk]))
      .toBe('spool: bound is not one of cap, disk, memory');
  });

  it('ignores fields it does not know, which a newer writer may add', () => {
    const record = { k: 'remove', t: '5', path: `${disk}/x`, later: { any: 'thing' } };
    expect(checkRecord(record, [disk])).toBe(record);
  });

  it('accepts a path at any depth under a root, and sets apart one under a sibling that only shares its name', () => {
    expect(checkRecord({ k: 'remove', t: '5', path: `${disk}/a/b/c` }, [disk])).toMatchObject({ path: `${disk}/a/b/c` });
    expect(checkRecord({ k: 'remove', t: '5', path: `${disk}-other/c` }, [disk])).toEqual({ outsideRoots: `${disk}-other/c` });
  });

  it('sets apart an unsaved record naming a file outside every root', () => {
    expect(checkRecord({ k: 'unsaved', t: '5', path: '/etc/passwd', ino: 3 }, [disk])).toEqual({ outsideRoots: '/etc/passwd' });
  });

  it('refuses a path written with a double slash, which the engine never writes', () => {
    expect(checkRecord({ k: 'remove', t: '5', path: `${disk}//c` }, [disk])).toMatch(/is not normalised$/);
  });
});

describe('isTrustedJournal', () => {
  it("trusts a journal of the run's user only", () => {
    expect(isTrustedJournal({ uid: 1000 }, 1000)).toBe(true);
    expect(isTrustedJournal({ uid: 0 }, 1000)).toBe(false);
    expect(isTrustedJournal({ uid: 65534 }, 0)).toBe(false);
  });
});

describe('isNormalised', () => {
  it('agrees with path.posix.normalize on absolute paths, and refuses a trailing slash', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b.c', '.', '..', '', '...', '.a'), { maxLength: 6 }), (segments) => {
        const p = `/${segments.join('/')}`;
        const expected = path.posix.normalize(p) === p && (p === '/' || !p.endsWith('/'));
        expect(isNormalised(p)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
