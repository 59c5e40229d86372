// The untouched lane (src/node/untouched-lane.ts) remembers, per path, that the router gives it to the overlay and
// that the merged view there is the disk's own; it must answer as plain Node does while that holds, and stop the moment
// it does not: another process of the run changed the path (seen through the spool at the next operation, after a
// synchronous child and after a turn of the event loop), or this process changed it itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpool, removeSpool } from '../../src/changes/spool.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/untouched-lane.cjs');
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-lane-')));
let preload: string;

beforeAll(async () => {
  preload = await buildPreload();
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function folderOnDisk(name: string): string {
  const folder = path.join(base, name);
  fs.mkdirSync(path.join(folder, 'd'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'node_modules/pkg'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'a.txt'), 'on disk');
  fs.writeFileSync(path.join(folder, 'd/inner.txt'), 'inner');
  fs.writeFileSync(path.join(folder, 'node_modules/pkg/p.txt'), 'a package');
  fs.writeFileSync(path.join(folder, 'mod.js'), 'module.exports = "from disk";');
  return folder;
}

function run(node: string, folder: string, spool?: string, changeFirst = false): Record<string, any> {
  const env = { ...process.env, NODE_OPTIONS: '', MEMFS_SPOOL: '', MEMFS_ROOTS: '', LANE_TEST_CHANGE_FIRST: changeFirst ? '1' : '' };
  if (spool !== undefined) Object.assign(env, { NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_ROOTS: folder, MEMFS_SPOOL: spool });
  return JSON.parse(execFileSync(node, [driver, folder], { env, cwd: folder, encoding: 'utf8' }));
}

for (const node of nodeBinaries()) {
  describe(`the untouched lane under a spool on Node ${node.major}`, () => {
    const folder = folderOnDisk(`node-${node.major}`);
    let spool: string;
    let plain: Record<string, any>;
    let lane: Record<string, any>;
    let laneAfterChange: Record<string, any>;
    beforeAll(() => {
      spool = createSpool();
      plain = run(node.path, folder);
      lane = run(node.path, folder, spool);
      const spoolOfItsOwn = createSpool();
      try {
        laneAfterChange = run(node.path, folder, spoolOfItsOwn, true);
      } finally {
        removeSpool(spoolOfItsOwn);
      }
    });
    afterAll(() => removeSpool(spool));

    it('answers untouched paths exactly as plain Node does, the first time and from what it remembered', () => {
      // Before any change the overlay holds nothing and Node's own fs answers; after one, the lane and its memo.
      for (const answered of [lane, laneAfterChange]) {
        expect(answered.firstAsked).toEqual(plain.firstAsked);
        expect(answered.askedAgain).toEqual(plain.askedAgain);
      }
      expect(plain.firstAsked.missingQuiet).toBe('undefined');
      expect(plain.firstAsked.missingThrows.code).toBe('ENOENT');
      expect(plain.firstAsked.utf8OfDir.code).toBe('EISDIR');
    });

    it("sees another process's changes at the next operation after a synchronous child", () => {
      expect(lane.afterSyncChild).toEqual({
        size: 'rewritten by another process'.length,
        utf8: 'rewritten by another process',
        missingNow: 'made by another process',
        missingExists: true,
        removedDir: 'undefined',
        removedExists: false,
      });
    });

    it("sees another process's changes after a turn of the event loop", () => {
      expect(lane.afterAsyncChild.movedAway.code).toBe('ENOENT');
      expect(lane.afterAsyncChild).toMatchObject({ movedAwayExists: false, movedTo: 'rewritten by another process', late: true });
    });

    it("answers from this process's own changes over paths it answered from the disk before", () => {
      expect(lane.ownChanges).toEqual({ utf8: 'mine', size: 4, lateGone: 'undefined', lateExists: false });
    });

    it('leaves the disk as it was', () => {
      expect(fs.readFileSync(path.join(folder, 'a.txt'), 'utf8')).toBe('on disk');
      expect(fs.existsSync(path.join(folder, 'missing.js'))).toBe(false);
      expect(fs.existsSync(path.join(folder, 'd/inner.txt'))).toBe(true);
    });
  });
}
