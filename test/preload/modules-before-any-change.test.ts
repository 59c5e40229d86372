// While the overlay holds nothing anywhere — this process changed nothing, and no other process of the run changed
// anything it has heard of — the preload leaves module loading to Node's own fs and loader (src/node/untouched-lane.ts
// overlayHoldsNothing: no router, no engine walk, no lane memo, Node's own Module._stat probe). That shortcut must
// end the moment it stops being true: a module another process of the run made, rewrote or removed (seen through
// the spool after a synchronous child and after a turn of the event loop), or one this process wrote, loads as the
// overlay has it. Taking the shortcut without the coherence look first fails every "afterSyncChild" case here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpool, removeSpool } from '../../src/changes/spool.js';
import { diffSnapshots, snapshotDisk, type DiskSnapshot } from '../support/disk-snapshot.js';
import { nodeBinaries } from '../support/node-versions.js';
import { buildPreload, nodeOptionsWith } from './preload-bundle.js';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/modules-before-any-change.cjs');
const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'memfs-modules-first-')));
let preload: string;

beforeAll(async () => {
  preload = await buildPreload();
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function folderOnDisk(name: string): string {
  const folder = path.join(base, name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'disk.js'), "module.exports = 'from disk';");
  fs.writeFileSync(path.join(folder, 'disk.mjs'), "export default 'from disk';");
  fs.writeFileSync(path.join(folder, 'rewritten.js'), "module.exports = 'from disk';");
  fs.writeFileSync(path.join(folder, 'rewritten.mjs'), "export default 'from disk';");
  fs.writeFileSync(path.join(folder, 'removed.js'), "module.exports = 'from disk';");
  return folder;
}

type Report = { untouched: Record<string, string>; changed: Record<string, string> };

for (const node of nodeBinaries()) {
  describe(`module loading before any change, under a spool, on Node ${node.major}`, () => {
    const folder = folderOnDisk(`node-${node.major}`);
    const reports: Record<string, Report> = {};
    let before: DiskSnapshot;
    let hooks: boolean;
    beforeAll(() => {
      before = snapshotDisk(folder);
      hooks = execFileSync(node.path, ['-p', "typeof require('module').registerHooks"], { encoding: 'utf8' }).trim() === 'function';
      for (const scenario of ['sync', 'async', 'own']) {
        // A spool of its own for each: the process starts with nothing changed anywhere in the run.
        const spool = createSpool();
        try {
          const env = { ...process.env, NODE_OPTIONS: nodeOptionsWith(preload), MEMFS_ROOTS: folder, MEMFS_SPOOL: spool };
          reports[scenario] = JSON.parse(execFileSync(node.path, [driver, folder, scenario], { env, cwd: folder, encoding: 'utf8' }));
        } finally {
          removeSpool(spool);
        }
      }
    });

    it('loads what the disk holds, and finds no module that is not there', () => {
      for (const report of Object.values(reports)) {
        expect(report.untouched).toEqual({
          disk: 'from disk', diskEsm: 'from disk', missing: 'error MODULE_NOT_FOUND', missingEsm: 'error ERR_MODULE_NOT_FOUND',
        });
      }
    });

    it("loads another process's modules at the next load after a synchronous child", () => {
      expect(reports.sync!.changed).toEqual({
        rewritten: 'rewritten by another process',
        removed: 'error MODULE_NOT_FOUND',
        made: 'made by another process',
        // Before Node 22.15 import() cannot see a file only memory holds (a documented limit of module loading).
        madeEsm: hooks ? 'made by another process' : 'error ERR_MODULE_NOT_FOUND',
        packageMain: 'a package made by another process',
      });
    });

    it("loads another process's modules after a turn of the event loop", () => {
      expect(reports.async!.changed).toEqual({
        rewritten: 'rewritten by another process',
        rewrittenEsm: 'rewritten by another process',
      });
    });

    it('loads a module this process rewrote', () => {
      expect(reports.own!.changed).toEqual({ rewritten: 'rewritten by this process' });
    });

    it('leaves the disk as it was', () => {
      expect(diffSnapshots(before, snapshotDisk(folder))).toEqual([]);
    });
  });
}
