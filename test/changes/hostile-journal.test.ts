// Journals written to do harm, folded and exported as the front ends do: whatever a journal says, nothing is written
// outside the export folder, and what was refused is reported with the journal's name and the reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportChangeSet, type ExportOptions } from '../../src/changes/export.js';
import { foldJournals } from '../../src/changes/fold.js';
import type { Manifest } from '../../src/changes/manifest.js';
import { encodeFrame, maxTestNameLength, type ContentHeader, type JournalRecord } from '../../src/changes/record.js';
import type { ChangeSet } from '../../src/changes/types.js';
import { snapshotDisk } from '../support/disk-snapshot.js';
import { JournalBuilder, removeTempDirs, tempDir, tick } from './support/journal-builder.js';

let base: string;
let ws: string;
let tmp: string;
let spool: string;
let out: string;
const options = (): ExportOptions => ({ outDir: out, command: 'npm test', exitCode: 1, durationMs: 1, includeTransient: true, exclude: [] });
const fold = (): ChangeSet => foldJournals({ spoolDir: spool, roots: [{ label: 'workspace', path: ws }, { label: 'tmp', path: tmp }] });
const manifestOf = (): Manifest => JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
/** Everything around the export: the roots, the folder --out lies in, and a folder beside them; not the export. */
const surroundings = () => snapshotDisk(base, { ignore: (relative) => relative === 'ws/memfs-report' || relative.startsWith('ws/memfs-report/') });
const exists = (file: string) => fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;

afterEach(removeTempDirs);

beforeEach(() => {
  // The export lies in the workspace, as the CLI's default ./memfs-report does, beside the project's .git.
  base = tempDir('memfs-hostile-');
  ws = path.join(base, 'ws');
  tmp = path.join(base, 'tmp');
  out = path.join(ws, 'memfs-report');
  // The export folder made beforehand: the workspace's own mtime stays the same, and any other change shows.
  for (const dir of [path.join(ws, '.git/hooks'), tmp, path.join(base, 'outside'), out]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(ws, 'kept.txt'), 'on disk');
  fs.writeFileSync(path.join(tmp, 'cache.txt'), 'on disk');
  spool = tempDir('memfs-hostile-spool-');
});

const content = (filePath: unknown, o: Record<string, unknown> = {}): JournalRecord =>
  ({ k: 'content', t: tick(), path: filePath, ino: 7, mode: 0o100755, uid: 0, gid: 0, size: 5, atimeNs: '0', mtimeNs: '0', ...o }) as JournalRecord;

// Each: what the forged record is, the record (or a header's JSON text), and the words of the reason reported.
const forged: [string, () => JournalRecord | string, string][] = [
  // ws/memfs-report/files/workspace/../../../.git/hooks/pre-commit is ws/.git/hooks/pre-commit: an executable hook.
  ['a path whose .. climb from its root to .git/hooks/pre-commit outside the export', () => content(`${ws}/../../../.git/hooks/pre-commit`), 'is not normalised'],
  ['a path whose .. stay inside its root', () => content(`${ws}/sub/../inside.txt`), 'is not normalised'],
  ['a path with a trailing slash', () => content(`${ws}/slash/`), 'is not normalised'],
  ['a relative path', () => content('ws/relative.txt'), 'is not absolute'],
  ['a path with a NUL byte', () => content(`${ws}/nul\0.txt`), 'holds a NUL byte'],
  ['the removal of a root', () => ({ k: 'remove', t: tick(), path: ws }), 'would replace a root'],
  ['the rename of a root into another', () => ({ k: 'rename', t: tick(), from: tmp, to: `${ws}/moved-tmp` }), 'would replace a root'],
  ['a rename onto a root', () => ({ k: 'rename', t: tick(), from: `${ws}/kept.txt`, to: tmp }), 'would replace a root'],
  ['a symlink named like a root', () => ({ k: 'symlink', t: tick(), path: ws, target: '/etc', uid: 0, gid: 0 }), 'would replace a root'],
  ['content at a root', () => content(ws), 'would replace a root'],
  ['a hard link made at a root', () => ({ k: 'link', t: tick(), existingPath: `${ws}/kept.txt`, newPath: tmp }), 'would replace a root'],
  ['a symlink target with a NUL byte', () => ({ k: 'symlink', t: tick(), path: `${ws}/link`, target: '/etc\0', uid: 0, gid: 0 }), 'target holds a NUL byte'],
  ['a path that is a number', () => content(42), 'path is not a string'],
  ['a mode that is a string', () => ({ k: 'mkdir', t: tick(), path: `${ws}/d`, mode: '0755', uid: 0, gid: 0 }) as unknown as JournalRecord, 'mode is not a non-negative integer'],
  ['a negative size', () => content(`${ws}/negative.txt`, { size: -1 }), 'size is not a non-negative integer'],
  ['a time that is not a decimal string', () => ({ k: 'remove', t: 'soon', path: `${ws}/kept.txt` }), 't is not a decimal string'],
  ['an unknown kind', () => ({ k: 'chmod', t: tick(), path: `${ws}/kept.txt` }) as unknown as JournalRecord, 'unknown kind "chmod"'],
  ['a header that is not an object', () => 'null', 'the header is not an object'],
  ['a test record whose id is not a number', () => ({ k: 'test', t: tick(), id: '1', name: 'x' }) as unknown as JournalRecord, 'id is not a non-negative integer'],
  ['a test record whose name is not a string', () => ({ k: 'test', t: tick(), id: 1, name: ['x'] }) as unknown as JournalRecord, 'name is not a string'],
  // As JSON text: the writer's own encoder writes `ti` as the number it always is.
  ['a change naming its test by a string', () => JSON.stringify(content(`${ws}/named.txt`, { ti: 'x' })), 'ti is not a non-negative integer'],
  ['a content frame that continues far beyond the bytes it continues', () => content(`${ws}/sparse.txt`, { at: 2 ** 40 }), 'lies beyond the 0 bytes'],
];

describe('a journal with a forged record', () => {
  it.each(forged)('holding %s: nothing is written outside the export, and the gap names the journal and why', (_what, record, reason) => {
    const before = surroundings();
    const journal = new JournalBuilder(spool).content(`${ws}/before.txt`, 'kept');
    const bad = record();
    if (typeof bad === 'string') journal.header(bad);
    else journal.raw(bad, bad.k === 'content' ? Buffer.from('hook!') : undefined);
    journal.content(`${ws}/after.txt`, 'never read').end();

    exportChangeSet(fold(), options());

    expect(surroundings()).toEqual(before);
    expect(exists(path.join(ws, '.git/hooks/pre-commit'))).toBe(false);
    const manifest = manifestOf();
    expect(manifest.changes.map((c) => c.path)).toEqual([`${ws}/before.txt`]);
    expect(fs.readFileSync(path.join(out, 'files/workspace/before.txt'), 'utf8')).toBe('kept');
    expect(manifest.gaps).toEqual([{ pid: expect.any(Number), command: expect.any(String), reason: 'journal-unreadable', detail: expect.stringContaining(path.basename(journal.file)) }]);
    expect(manifest.gaps[0]!.detail).toContain(reason);
    expect(manifest.gaps[0]!.detail).toContain('record 3 refused');
  });
});

/** A content record as the journal writes it, with a binary header (record.ts), forged. */
const binaryContent = (filePath: string, o: Partial<ContentHeader> = {}): ContentHeader =>
  ({ k: 'content', t: BigInt(tick()), path: filePath, ino: 7, mode: 0o100755, uid: 0, gid: 0, size: 5, atimeNs: 0n, mtimeNs: 0n, ...o });
/** The header bytes of a binary content frame, changed by `edit` after encoding. */
const binaryHeader = (edit: (header: Buffer) => Buffer): Buffer => {
  const frame = Buffer.concat(encodeFrame(binaryContent(`${ws}/forged.txt`)));
  return edit(Buffer.from(frame.subarray(8, 8 + frame.readUInt32LE(0))));
};

// Binary content headers, decoded and then checked as JSON's are: the same refusals, and their own for bad bytes.
const forgedBinary: [string, () => ContentHeader | Buffer, string][] = [
  ['a binary header whose path climbs out of its root', () => binaryContent(`${ws}/../../../.git/hooks/pre-commit`), 'is not normalised'],
  ['a binary header whose path is relative', () => binaryContent('ws/relative.txt'), 'is not absolute'],
  ['a binary header whose inode is not a number', () => binaryContent(`${ws}/nan.txt`, { ino: Number.NaN }), 'ino is not a non-negative integer'],
  ['a binary header whose size is a fraction', () => binaryContent(`${ws}/half.txt`, { size: 0.5 }), 'size is not a non-negative integer'],
  ['a binary header continuing far beyond what it continues', () => binaryContent(`${ws}/sparse.txt`, { at: 2 ** 40 }), 'lies beyond the 0 bytes'],
  ['a binary header whose path runs past its end', () => binaryHeader((h) => (h.writeUInt32LE(2 ** 31, 82), h)), 'path of 2147483648 bytes runs past'],
  ['a binary header with flags no writer sets', () => binaryHeader((h) => ((h[1] = 0x80), h)), 'unknown flags 128'],
  ['a binary header cut short of its fixed part', () => binaryHeader((h) => h.subarray(0, 40)), 'a binary content header of 40 bytes'],
  ['a binary header with bytes after its path', () => binaryHeader((h) => Buffer.concat([h, Buffer.from('tail')])), '4 bytes after its path'],
];

describe('a journal with a forged binary content header', () => {
  it.each(forgedBinary)('holding %s: nothing is written outside the export, and the gap names the journal and why', (_what, record, reason) => {
    const before = surroundings();
    const journal = new JournalBuilder(spool).content(`${ws}/before.txt`, 'kept');
    const bad = record();
    if (Buffer.isBuffer(bad)) journal.header(bad, Buffer.from('hook!'));
    else fs.appendFileSync(journal.file, Buffer.concat(encodeFrame(bad, Buffer.from('hook!'))));
    journal.content(`${ws}/after.txt`, 'never read').end();

    exportChangeSet(fold(), options());

    expect(surroundings()).toEqual(before);
    expect(exists(path.join(ws, '.git/hooks/pre-commit'))).toBe(false);
    const manifest = manifestOf();
    expect(manifest.changes.map((c) => c.path)).toEqual([`${ws}/before.txt`]);
    // A header that does not decode also leaves the rest of the journal unread, as a torn tail does.
    const unreadable = manifest.gaps.filter((gap) => gap.reason === 'journal-unreadable');
    expect(unreadable).toEqual([expect.objectContaining({ reason: 'journal-unreadable', detail: expect.stringContaining(path.basename(journal.file)) })]);
    expect(unreadable[0]!.detail).toContain(reason);
  });
});

describe('a journal of another build', () => {
  it('is refused as a whole, and the gap says it was written by another build of memfs-action', () => {
    new JournalBuilder(spool, { version: 1 }).content(`${ws}/other-build.txt`, 'format 1').end();
    exportChangeSet(fold(), options());
    const manifest = manifestOf();
    expect(manifest.changes).toEqual([]);
    expect(manifest.gaps).toEqual([{ pid: expect.any(Number), reason: 'journal-unreadable', detail: expect.stringContaining('record 1 refused (begin: version is 1, not 2: the journal was written by another build of memfs-action') }]);
  });
});

// Well formed, but outside every root: what the engine writes when a path inside a root leads out through a symlink.
const outside: [string, () => JournalRecord][] = [
  ['an absolute path outside every root', () => content(path.join(base, 'outside/planted.txt'))],
  ['a path beside a root that shares its name as a prefix', () => content(`${ws}2/planted.txt`)],
  ['a removal outside every root', () => ({ k: 'remove', t: tick(), path: path.join(base, 'outside') })],
  ['a rename from inside a root to outside every root', () => ({ k: 'rename', t: tick(), from: `${ws}/kept.txt`, to: path.join(base, 'outside/kept.txt') })],
];

describe('a journal with a change outside every root', () => {
  it.each(outside)('holding %s: the change is left out and counted, the rest of the journal is read, nothing outside is read or written', (_what, record) => {
    const before = surroundings();
    const journal = new JournalBuilder(spool).content(`${ws}/before.txt`, 'kept');
    const bad = record();
    journal.raw(bad, bad.k === 'content' ? Buffer.from('hook!') : undefined);
    journal.content(`${ws}/after.txt`, 'read after it').end();

    exportChangeSet(fold(), options());

    expect(surroundings()).toEqual(before);
    const manifest = manifestOf();
    expect(manifest.changes.map((c) => c.path).sort()).toEqual([`${ws}/after.txt`, `${ws}/before.txt`]);
    expect(manifest.gaps).toEqual([{ pid: expect.any(Number), command: expect.any(String), reason: 'other', detail: expect.stringContaining('1 change to paths outside the run') }]);
  });
});

describe('a journal naming tests', () => {
  it('has a name longer than any test\'s cut to its bound, and a change naming a test it never named has none', () => {
    const journal = new JournalBuilder(spool);
    journal.raw({ k: 'test', t: tick(), id: 1, name: 'n'.repeat(100_000) });
    journal.raw(content(`${ws}/long.txt`, { ti: 1 }), Buffer.from('hook!'));
    journal.raw({ k: 'test', t: tick(), id: 1, name: 'other', failed: 1 });
    journal.raw(content(`${ws}/unnamed.txt`, { ti: 9, ino: 8 }), Buffer.from('hook!'));
    journal.end();

    exportChangeSet(fold(), options());

    const manifest = manifestOf();
    const long = manifest.changes.find((c) => c.relativePath === 'long.txt')!;
    expect(long.test).toBe('n'.repeat(maxTestNameLength));
    expect(manifest.writers[long.lastWriter!]!.testOutcome).toBe('failed');
    expect(manifest.changes.find((c) => c.relativePath === 'unnamed.txt')!.test).toBeUndefined();
    expect(manifest.tests).toEqual([{ name: 'n'.repeat(maxTestNameLength), outcome: 'failed', pid: expect.any(Number), paths: [`${ws}/long.txt`] }]);
    expect(manifest.gaps).toEqual([]);
  });
});

describe.skipIf(process.getuid?.() !== 0)('a journal of another user', () => {
  it('is ignored, and reported as a gap that says whose it was', () => {
    new JournalBuilder(spool).content(`${ws}/ours.txt`, 'ours').end();
    const foreign = new JournalBuilder(spool).content(`${ws}/theirs.txt`, 'theirs').end();
    fs.chownSync(foreign.file, 65534, 65534);

    exportChangeSet(fold(), options());

    const manifest = manifestOf();
    expect(manifest.changes.map((c) => c.path)).toEqual([`${ws}/ours.txt`]);
    expect(exists(path.join(out, 'files/workspace/theirs.txt'))).toBe(false);
    expect(manifest.gaps).toEqual([{ reason: 'journal-unreadable', detail: expect.stringContaining(path.basename(foreign.file)) }]);
    expect(manifest.gaps[0]!.detail).toContain("owned by user 65534, not by the run's user 0: ignored");
  });
});

describe('the export folder', () => {
  it('is never written through a symlink planted inside it while the export runs', () => {
    const elsewhere = path.join(base, 'outside');
    new JournalBuilder(spool).content(`${ws}/a.txt`, 'a').content(`${ws}/sub/b.txt`, 'b').content(`${ws}/c.txt`, 'c').end();
    const cs = fold();
    const read = cs.content!.read.bind(cs.content);
    // A process of the run still running plants the link between two files of the export.
    cs.content = {
      read: (change) => {
        if (change.relativePath === 'sub/b.txt') fs.symlinkSync(elsewhere, path.join(out, 'files/workspace/sub'));
        return read(change);
      },
    };
    const before = surroundings();

    exportChangeSet(cs, options());

    expect(surroundings()).toEqual(before);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    const manifest = manifestOf();
    expect(manifest.gaps).toEqual([{ reason: 'export-failed', detail: expect.stringContaining(`${ws}/sub/b.txt: `) }]);
    expect(manifest.gaps[0]!.detail).toContain('is a symbolic link: nothing is written through it');
    expect(manifest.changes.filter((c) => c.exportedAs).map((c) => c.exportedAs)).toEqual(['files/workspace/a.txt', 'files/workspace/c.txt']);
  });

  it('is refused when it is itself a symlink, and nothing is written where it points', () => {
    const elsewhere = path.join(base, 'outside');
    fs.rmdirSync(out);
    fs.symlinkSync(elsewhere, out);
    new JournalBuilder(spool).content(`${ws}/a.txt`, 'a').end();
    const before = surroundings();

    expect(() => exportChangeSet(fold(), options())).toThrow(`refusing to export into ${out}: it is a symbolic link (to ${elsewhere})`);

    expect(surroundings()).toEqual(before);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});
