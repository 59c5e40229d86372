// The patched fs behaves as the real disk does: each scenario runs once plainly on one copy of a tree and once
// through the patched fs over the overlay on a second copy, in child processes on every supported Node; every step's
// result or error (message, code, errno, syscall, path, dest, frames or none) and every callback's timing must match.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinaries } from '../support/node-versions.js';
import { makeFixture } from './support/fixture.js';
import { parseJson, runChild, support } from './support/children.js';
import { snapshotTree } from './support/tree-snapshot.js';

const scenarioNames = ['stat', 'files', 'descriptors', 'directories', 'names', 'metadata', 'removal', 'copies', 'filehandle', 'streams', 'opendir', 'glob', 'validation'];

for (const node of nodeBinaries()) {
  describe(`fs faces on Node ${node.major}`, () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), `faces-${node.major}-`));
    const plainRoot = path.join(base, 'disk');
    const patchedRoot = path.join(base, 'ovly');
    let plain: Record<string, Record<string, unknown>>;
    let patched: Record<string, Record<string, unknown>>;
    let before: string;
    let after: string;

    beforeAll(async () => {
      for (const name of scenarioNames) {
        makeFixture(path.join(plainRoot, name));
        makeFixture(path.join(patchedRoot, name));
      }
      before = snapshotTree(patchedRoot);
      const child = path.join(support, 'scenario-child.ts');
      const [a, b] = await Promise.all([
        runChild(node.path, [child, 'scenarios', 'plain', plainRoot, ...scenarioNames]),
        runChild(node.path, [child, 'scenarios', 'patched', patchedRoot, ...scenarioNames]),
      ]);
      plain = parseJson(a);
      patched = parseJson(b);
      after = snapshotTree(patchedRoot);
    });

    afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

    for (const name of scenarioNames) {
      it(`${name}: every step returns and throws what the real disk does`, () => {
        expect(Object.keys(plain[name]!).length).toBeGreaterThan(0);
        expect(patched[name]).toEqual(plain[name]);
      });
    }

    it('the real disk under the overlay root is exactly as it was', () => {
      expect(after).toEqual(before);
    });
  });
}
