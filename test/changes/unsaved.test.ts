// Which files a journal's process had written and not saved when its journal ends: a pure reading of the records,
// which the fold turns into a gap when the process died without an end record.
import { describe, expect, it } from 'vitest';
import { unsavedAtEnd } from '../../src/changes/read-journals.js';
import { journalVersion, type JournalRecord } from '../../src/changes/record.js';

const unsaved = (path: string, ino: number): JournalRecord => ({ k: 'unsaved', t: '1', path, ino });
const content = (path: string, ino: number): JournalRecord =>
  ({ k: 'content', t: '1', path, ino, mode: 0o100644, uid: 0, gid: 0, size: 0, atimeNs: '0', mtimeNs: '0' });

describe('unsavedAtEnd', () => {
  it('names a file whose unsaved record no content record of its inode follows', () => {
    expect(unsavedAtEnd([content('/w/a', 1), unsaved('/w/a', 1)])).toEqual(['/w/a']);
  });

  it('forgets a file once a content record of its inode follows', () => {
    expect(unsavedAtEnd([unsaved('/w/a', 1), content('/w/a', 1)])).toEqual([]);
  });

  it('is not cleared by a content record of another inode', () => {
    expect(unsavedAtEnd([unsaved('/w/a', 1), content('/w/b', 2)])).toEqual(['/w/a']);
  });

  it("names a file by the path of its inode's last unsaved record", () => {
    expect(unsavedAtEnd([unsaved('/w/a', 1), content('/w/a', 1), unsaved('/w/renamed', 1)])).toEqual(['/w/renamed']);
  });

  it('names a path once when two inodes were written under it', () => {
    expect(unsavedAtEnd([unsaved('/w/a', 1), unsaved('/w/a', 2), unsaved('/w/b', 3)])).toEqual(['/w/a', '/w/b']);
  });

  it('ignores every other record', () => {
    const others: JournalRecord[] = [
      { k: 'begin', version: journalVersion, pid: 1, ppid: 0, threadId: 0, argv: [], cwd: '/', wallNs: '0', monoNs: '0' },
      { k: 'remove', t: '1', path: '/w/a' },
      { k: 'end', t: '2' },
    ];
    expect(unsavedAtEnd(others)).toEqual([]);
  });
});
