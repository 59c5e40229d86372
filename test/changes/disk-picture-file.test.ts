// The picture main saves for the post step: read back exactly, and refused in any other shape (the tests, running as
// the same user, could have written it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDiskPicture, saveDiskPicture } from '../../src/changes/disk-picture-file.js';
import type { DiskPicture } from '../../src/changes/disk-picture.js';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-picture-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const picture: DiskPicture = {
  roots: new Map([['workspace', new Map([['src', 'd755|12'], ['src/a.js', 'f644|13|5|1|2|']])], ['tmp', new Map()]]),
  unreadable: new Map([['/w/locked', 'EACCES']]),
  entries: 2,
  stoppedAt: '/w/src/a.js',
};

describe('the saved picture of the disk', () => {
  it('reads back as it was written, private to its user, and is never overwritten', () => {
    const file = path.join(dir, 'before.json');
    saveDiskPicture(file, picture);
    expect(loadDiskPicture(file)).toEqual(picture);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(() => saveDiskPicture(file, picture)).toThrow(/EEXIST/);
  });

  it('says so when there is none or it is not JSON', () => {
    expect(loadDiskPicture(path.join(dir, 'missing.json'))).toEqual({ problem: 'the main step saved no picture of the disk' });
    fs.writeFileSync(path.join(dir, 'garbage.json'), '{"version":1,');
    expect(loadDiskPicture(path.join(dir, 'garbage.json'))).toHaveProperty('problem', expect.stringMatching(/cannot be read/));
  });

  it.each([
    ['another version', { version: 2, roots: [], unreadable: [], entries: 0 }],
    ['a number of entries that is not one', { version: 1, roots: [], unreadable: [], entries: '2' }],
    ['a root that is not a pair', { version: 1, roots: [['workspace']], unreadable: [], entries: 0 }],
    ['an entry that is not two strings', { version: 1, roots: [['workspace', [['src', 7]]]], unreadable: [], entries: 0 }],
    ['an unreadable folder without its reason', { version: 1, roots: [], unreadable: [['/w']], entries: 0 }],
    ['a stop that is not a path', { version: 1, roots: [], unreadable: [], entries: 0, stoppedAt: {} }],
    ['an array', [1, 2, 3]],
    ['null', null],
  ])('is refused with %s', (_what, body) => {
    const file = path.join(dir, 'hostile.json');
    fs.writeFileSync(file, JSON.stringify(body));
    expect(loadDiskPicture(file)).toEqual({ problem: 'its picture of the disk is not in the shape the main step writes' });
  });
});
