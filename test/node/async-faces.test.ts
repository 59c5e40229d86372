// The callback and promise faces do what the same faces do on the disk, where those differ from the sync face (found
// by the patched campaign once its reference used the candidate's face). Each scenario runs plainly on one copy of
// the fixture tree and through the patched fs over the overlay on a second, in child processes on every supported
// Node; every step's result or error (message, code, errno, syscall, path, frames) and the callbacks' timing must match.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { makeFixture } from './support/fixture.js';
import { parseJson, repo, support, type ChildResult } from './support/children.js';
import { snapshotTree } from './support/tree-snapshot.js';

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = [
  'mkdtemp-errors',
  'mkdirp-dangling',
  'mkdirp-walk',
  'readdir-recursive-promise',
  'readdir-recursive-callback',
  'readfile-directory',
  'rm-dotdot',
];
// Permissions bind nobody only: these run as nobody in a tree root owns.
const asNobody = ['mkdirp-locked', 'opendir-recursive-sealed'];
const canBecomeNobody = process.getuid?.() === 0;

function runScenarios(nodePath: string, mode: 'plain' | 'patched', root: string, names: string[], nobody: boolean): Promise<ChildResult> {
  const args = ['--import', 'tsx', path.join(support, 'scenario-child.ts'), 'async-face-scenarios', mode, root, ...names];
  const env = nobody ? { ...process.env, HOME: os.tmpdir() } : process.env;
  return new Promise((resolve) => {
    execFile(nodePath, args, { cwd: repo, env, ...(nobody ? NOBODY : {}), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function makeTrees(base: string, names: string[]): void {
  for (const side of ['disk', 'ovly']) {
    for (const name of names) {
      makeFixture(path.join(base, side, name));
      fs.mkdirSync(path.join(base, side, name, 'locked'), { mode: 0o555 });
      if (name === 'opendir-recursive-sealed') {
        fs.mkdirSync(path.join(base, side, name, 'sealed'));
        fs.mkdirSync(path.join(base, side, name, 'sealed', 'inner'), { mode: 0o000 });
      }
    }
  }
}

for (const node of nodeBinaries()) {
  describe(`callback and promise faces on Node ${node.major}`, () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), `async-faces-${node.major}-`));
    // nobody must reach the trees: the temp folder mkdtemp made is root's alone.
    fs.chmodSync(base, 0o755);
    let plain: Record<string, Record<string, unknown>> = {};
    let patched: Record<string, Record<string, unknown>> = {};
    let before: string;
    let after: string;

    beforeAll(async () => {
      const names = [...asRoot, ...(canBecomeNobody ? asNobody : [])];
      makeTrees(base, names);
      before = snapshotTree(path.join(base, 'ovly'));
      const runs = await Promise.all([
        runScenarios(node.path, 'plain', path.join(base, 'disk'), asRoot, false),
        runScenarios(node.path, 'patched', path.join(base, 'ovly'), asRoot, false),
        ...(canBecomeNobody
          ? [
              runScenarios(node.path, 'plain', path.join(base, 'disk'), asNobody, true),
              runScenarios(node.path, 'patched', path.join(base, 'ovly'), asNobody, true),
            ]
          : []),
      ]);
      const [a, b, c, d] = runs.map(parseJson);
      plain = { ...a, ...c };
      patched = { ...b, ...d };
      after = snapshotTree(path.join(base, 'ovly'));
    });

    afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

    const same = (name: string) => {
      expect(Object.keys(plain[name] ?? {}).length).toBeGreaterThan(0);
      expect(patched[name]).toEqual(plain[name]);
    };

    it('mkdtemp called back or awaited names the path it tried in its errors, not the XXXXXX template', () => same('mkdtemp-errors'));
    it('mkdir -p called back or awaited through a dangling symlink fails ENOTDIR naming the link', () => same('mkdirp-dangling'));
    it('mkdir -p called back or awaited walks as Node does: the same errors, first directory and tree', () => same('mkdirp-walk'));
    it.skipIf(!canBecomeNobody)('mkdir -p called back or awaited in a read-only folder names the level it could not make', () => same('mkdirp-locked'));
    it.skipIf(!canBecomeNobody)('a recursive Dir fails the read that reaches a subfolder it may not open, as Node does', () => same('opendir-recursive-sealed'));
    it('fs.promises.readdir recursive lists in its own order, entering symlinked folders only where Node does', () =>
      same('readdir-recursive-promise'));
    it('recursive readdir calls back, or throws, before returning where Node does so (Node 20)', () => same('readdir-recursive-callback'));
    it('readFile of a directory fails EISDIR with the path on the versions whose callback form names it', () => same('readfile-directory'));

    it("rm recursive of 'd/f/..' empties d as rimraf and Node 24's native rmSync do, instead of failing EINVAL", () => same('rm-dotdot'));

    it('the real disk under the overlay root is exactly as it was', () => {
      expect(after).toEqual(before);
    });
  });
}
