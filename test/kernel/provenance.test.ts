// The capture's reader of the recording preload's journals treats them as hostile input: a record it does not know
// ends that journal's reading with a gap that names the file (what came before is kept), a file that is no regular
// file or does not start with its process's record is not read, and the replay follows moves and removals in the
// machine's clock order across processes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { encodeFrame, journalVersion, type BeginRecord } from '../../src/changes/record.js';
import { readProvenance } from '../../src/kernel/provenance.js';

let folder = '';
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-provenance-reader-'));
});
afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const begin = (pid: number): BeginRecord => ({
  k: 'begin', version: journalVersion, pid, ppid: 1, threadId: 0, argv: ['node', `p${pid}.js`], cwd: '/w', wallNs: '1000000000', monoNs: '1000',
});

/** A journal of `records` (objects as they would be on disk, valid or not) under `name`. */
function journal(name: string, records: object[]): void {
  const frames = records.flatMap((record) => encodeFrame(record as BeginRecord).map((part) => Buffer.from(part)));
  fs.writeFileSync(path.join(folder, name), Buffer.concat(frames));
}

it('replays every process in clock order: the last writer wins, a move carries the history, a removal marks the subtree', () => {
  journal('1-0-a.provenance', [
    begin(1),
    { k: 'wrote', t: '2000', op: 'mkdir', path: '/w/dir' },
    { k: 'wrote', t: '2001', op: 'write', path: '/w/dir/a.txt', tf: '/w/test/a.test.js' },
    { k: 'wrote', t: '2005', op: 'rename', path: '/w/dir', to: '/w/moved' },
  ]);
  journal('2-0-b.provenance', [
    begin(2),
    { k: 'wrote', t: '2003', op: 'write', path: '/w/dir/a.txt' },
    { k: 'wrote', t: '2010', op: 'remove', path: '/w/moved/a.txt' },
  ]);
  const replayed = readProvenance(folder)!;
  expect(replayed.gaps).toEqual([]);
  expect(replayed.writers).toEqual([
    { pid: 1, command: 'node p1.js' }, { pid: 1, command: 'node p1.js', testFile: '/w/test/a.test.js' }, { pid: 2, command: 'node p2.js' },
  ]);
  const moved = replayed.paths.get('/w/moved/a.txt')!;
  expect(moved).toMatchObject({ writers: [1, 2], last: 2, removed: true, made: 'file' });
  expect(moved.changedAtNs).toBe(1_000_000_000n + 2010n - 1000n); // wall time from the begin's pair of clocks
  expect(replayed.paths.get('/w/moved')).toMatchObject({ made: 'directory', removed: false, last: 0 });
  expect(replayed.paths.get('/w/dir')).toMatchObject({ removed: true });
  expect(replayed.paths.has('/w/dir/a.txt')).toBe(false);
});

it('stops at a record it does not know, keeps what came before, and names the journal', () => {
  journal('3-0-c.provenance', [
    begin(3),
    { k: 'wrote', t: '1', op: 'write', path: '/w/kept.txt' },
    { k: 'wrote', t: '2', op: 'write', path: '../../etc/passwd' },
    { k: 'wrote', t: '3', op: 'write', path: '/w/after.txt' },
  ]);
  journal('4-0-d.provenance', [{ k: 'wrote', t: '1', op: 'write', path: '/w/no-begin.txt' }]);
  journal('5-0-e.provenance', [begin(5), { k: 'wrote', t: '1', op: 'chmod-everything', path: '/w/x' }]);
  fs.symlinkSync('/etc/hostname', path.join(folder, '6-0-f.provenance'));
  const replayed = readProvenance(folder)!;
  expect([...replayed.paths.keys()]).toEqual(['/w/kept.txt']);
  expect(replayed.gaps.map((g) => `${g.reason} ${path.basename(g.detail.split(':')[0]!)}`)).toEqual([
    'journal-unreadable 3-0-c.provenance', 'journal-unreadable 4-0-d.provenance', 'journal-unreadable 5-0-e.provenance',
    'journal-unreadable 6-0-f.provenance',
  ]);
});

it('says of a journal torn in its first record that its process stopped as it began, not that it was forged', () => {
  const whole = Buffer.concat(encodeFrame(begin(7)).map((part) => Buffer.from(part)));
  fs.writeFileSync(path.join(folder, '7-0-g.provenance'), whole.subarray(0, 40)); // cut as a file size limit cuts it
  fs.writeFileSync(path.join(folder, '8-0-h.provenance'), ''); // killed between the open and the first write
  const replayed = readProvenance(folder)!;
  expect(replayed.gaps).toHaveLength(2);
  for (const gap of replayed.gaps) {
    expect(gap.reason).toBe('journal-unreadable');
    expect(gap.detail).toMatch(/ends before its first record is whole .*shows as not Node's$/);
  }
});

it('is undefined for a run that recorded nothing', () => {
  expect(readProvenance(path.join(folder, 'missing'))).toBeUndefined();
});
