// The differences Node's own fs tests showed under the preload (docs/compatibility.md), each pinned as the same calls
// on the real disk and through the patched fs over the overlay, in child processes on every supported Node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { parseJson, runChild, support } from './support/children.js';
import { diskFixtures } from './support/gap-scenarios.js';
import { snapshotTree } from './support/tree-snapshot.js';

const behaviours: Record<string, string> = {
  writePositions: 'a write at a position that is not a safe integer ≥ 0 goes to the descriptor position',
  truncateByDescriptor: 'truncate takes a descriptor on Node 20 and 22 only, as a path from Node 24',
  asyncTakesEffectAfterTheTick: 'an asynchronous call takes effect after the current tick, in call order',
  writeStreamEagain: 'a WriteStream retries a write that failed with EAGAIN',
  tooLarge: 'reading a file larger than 2 GiB whole fails with ERR_FS_FILE_TOO_LARGE',
  cpSymlinkToDest: 'copying a symlink onto the directory it points to fails with ERR_FS_CP_EINVAL',
  readableWebStream: 'FileHandle.readableWebStream reads, locks, refuses closed handles and ends on close',
  handleMethodsElsewhere: "a FileHandle's method called on something else is Node's own method",
  handleClosedByGc: 'a FileHandle collected while open is closed with the warnings Node gives',
  recursiveWatch: "fs.promises.watch with recursive is Node's own watcher over the patched members",
  rmdirRecursiveUsesPublicRmdir: 'a recursive removal calls the fs.rmdirSync of the moment as Node does',
  namesNotUtf8: 'a name that is not UTF-8 keeps its bytes',
  listedFromDisk: 'a folder only on the disk lists its names that are not UTF-8 with their bytes',
  openedFromDisk: 'a name that is not UTF-8 read from the disk opens, stats and fails by its bytes',
  changedFromDisk: 'names that are not UTF-8 read from the disk are renamed and removed in memory',
  linksFromDisk: 'link targets and real paths that are not UTF-8 read from the disk keep their bytes',
  memoryNameBesideFffd: "a name that is not UTF-8 made in memory is not the disk's name holding U+FFFD",
  recursiveListings: "recursive readdir and opendir give Node's parentPath and enter or fail on folders not UTF-8 as Node does",
};

for (const node of nodeBinaries()) {
  describe(`Node's fs tests' findings on Node ${node.major}`, () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), `gaps-${node.major}-`));
    const plainRoot = path.join(base, 'disk');
    const patchedRoot = path.join(base, 'ovly');
    let plain: Record<string, Record<string, unknown>>;
    let patched: Record<string, Record<string, unknown>>;
    let before: string;

    beforeAll(async () => {
      fs.mkdirSync(plainRoot);
      fs.mkdirSync(patchedRoot);
      for (const [name, make] of Object.entries(diskFixtures)) {
        make(path.join(plainRoot, name));
        make(path.join(patchedRoot, name));
      }
      before = snapshotTree(patchedRoot);
      const child = path.join(support, 'scenario-child.ts');
      const names = Object.keys(behaviours);
      const [a, b] = await Promise.all([
        runChild(node.path, [child, 'gap-scenarios', 'plain', plainRoot, ...names]),
        runChild(node.path, [child, 'gap-scenarios', 'patched', patchedRoot, ...names]),
      ]);
      plain = parseJson(a);
      patched = parseJson(b);
    });

    afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

    for (const [name, behaviour] of Object.entries(behaviours)) {
      it(`${behaviour}, as on the disk`, () => {
        expect(Object.keys(plain[name]!).length).toBeGreaterThan(0);
        expect(plain[name]!['scenario crashed']).toBeUndefined();
        expect(patched[name]).toEqual(plain[name]);
      });
    }

    it('the real disk under the overlay root is exactly as it was', () => {
      expect(snapshotTree(patchedRoot)).toEqual(before);
    });

    it('that comparison covers the names that are not UTF-8 made on the disk before the child', () => {
      // tree-snapshot shows a name that is not UTF-8 as its bytes in hex.
      for (const name of ['<636166e9>', '<61fffe62>', '<78e282>', '<eda080>', '<c0af>', '<737562e9>/inner.txt']) {
        expect(before).toContain(`changedFromDisk/d/${name} `);
      }
    });
  });
}
